import { describe, expect, it } from 'vitest';
import { CPU_INITIALIZATION_PERIOD_MS, groupPods, rawResourceReplicas, resourceReplicas, type PodMetric, type PodSample } from './replica-calculator';

const NOW = 10 * 60_000;
const WINDOW = 15_000;

/** A Running pod started long ago, Ready since then, requesting 200m. */
function pod(name: string, overrides: Partial<PodSample> = {}): PodSample {
  return { name, phase: 'Running', deleting: false, startTimeMs: 0, ready: { status: true, lastTransitionMs: 10_000 }, requestMilli: 200, ...overrides };
}

function metrics(values: Record<string, number>, timestampMs = NOW): Map<string, PodMetric> {
  return new Map(Object.entries(values).map(([name, valueMilli]) => [name, { valueMilli, timestampMs, windowMs: WINDOW }]));
}

describe('HPA replica calculation', () => {
  it('scales by the ratio of utilization to target, rounding up', () => {
    // 500m of 200m requested = 250% against 50%: ceil(1 × 5) = 5.
    expect(resourceReplicas(1, 50, 'cpu', [pod('a')], metrics({ a: 500 }), NOW)).toEqual({ ok: true, replicas: 5, utilization: 250, rawAverageMilli: 500 });
    // 3 pods at 66% against 50%: ratio 1.32 → ceil(3.96) = 4.
    expect(resourceReplicas(3, 50, 'cpu', [pod('a'), pod('b'), pod('c')], metrics({ a: 133, b: 133, c: 133 }), NOW)).toMatchObject({ replicas: 4, utilization: 66 });
  });

  it('keeps the current count within the 0.1 tolerance', () => {
    // 54% against 50% is a ratio of 1.08: within tolerance.
    expect(resourceReplicas(4, 50, 'cpu', [pod('a'), pod('b'), pod('c'), pod('d')], metrics({ a: 108, b: 108, c: 108, d: 108 }), NOW)).toMatchObject({ replicas: 4, utilization: 54 });
    // 55% is 1.1, which in float64 is just past the tolerance (|1 - 1.1| = 0.10000000000000009), as in Go.
    expect(resourceReplicas(4, 50, 'cpu', [pod('a'), pod('b'), pod('c'), pod('d')], metrics({ a: 110, b: 110, c: 110, d: 110 }), NOW)).toMatchObject({ replicas: 5, utilization: 55 });
  });

  it('counts unready pods as 0% on a scale-up', () => {
    const fresh = pod('new', { phase: 'Pending', ready: undefined, startTimeMs: undefined });
    // Without the pending pod: 250% → 5. With it as 0%: 500/400 = 125% → ceil(2 × 2.5) = 5; the pending pod makes it (500/(2×200))/0.5.
    const r = resourceReplicas(2, 50, 'cpu', [pod('a'), fresh], metrics({ a: 500 }), NOW);
    expect(r).toMatchObject({ ok: true, replicas: 5, utilization: 250 });
  });

  it('counts pods without metrics as 100% on a scale-down and 0% on a scale-up', () => {
    // Scale-down: a at 20m (10%), b missing = 200m (100%): 220/400 = 55% → within tolerance of 50%: keep 2.
    expect(resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], metrics({ a: 20 }), NOW)).toMatchObject({ replicas: 2 });
    // Scale-up: a at 400m (200%), b missing = 0: 400/400 = 100% → ceil(2 × 2) = 4.
    expect(resourceReplicas(2, 50, 'cpu', [pod('a'), pod('b')], metrics({ a: 400 }), NOW)).toMatchObject({ replicas: 4 });
  });

  it('does not let missing pods flip the direction of a change', () => {
    // a alone says scale down (10%), but b counted at 100% would make it a scale-up of the average: stay.
    expect(resourceReplicas(2, 40, 'cpu', [pod('a'), pod('b')], metrics({ a: 20 }), NOW)).toMatchObject({ replicas: 2 });
  });

  it('ignores CPU of pods in their initialization period until a full window after they turned ready', () => {
    const starting = pod('s', { startTimeMs: NOW - 60_000, ready: { status: true, lastTransitionMs: NOW - 10_000 } });
    const settled = pod('t', { startTimeMs: NOW - 60_000, ready: { status: true, lastTransitionMs: NOW - 30_000 } });
    const grouped = groupPods([starting, settled, pod('old')], metrics({ s: 100, t: 100, old: 100 }), 'cpu', NOW);
    expect([...grouped.ignored]).toEqual(['s']);
    expect(grouped.ready).toBe(2);
    // Memory has no such rule.
    expect(groupPods([starting], metrics({ s: 100 }), 'memory', NOW).ignored.size).toBe(0);
    // Past the initialization period a pod that was never ready within 30 s of its start is ignored only while unready.
    const late = pod('l', { startTimeMs: NOW - CPU_INITIALIZATION_PERIOD_MS - 1, ready: { status: false, lastTransitionMs: NOW - CPU_INITIALIZATION_PERIOD_MS + 5_000 } });
    expect(groupPods([late], metrics({ l: 100 }), 'cpu', NOW).ignored.has('l')).toBe(true);
  });

  it('fails the way the controller reports it', () => {
    expect(resourceReplicas(1, 50, 'cpu', [], metrics({}), NOW)).toEqual({ ok: false, error: 'no pods returned by selector while calculating replica count' });
    expect(resourceReplicas(1, 50, 'cpu', [pod('a', { requestMilli: undefined })], metrics({ a: 5 }), NOW)).toEqual({ ok: false, error: 'missing request for cpu' });
    expect(resourceReplicas(1, 50, 'cpu', [pod('a')], metrics({}), NOW)).toEqual({ ok: false, error: 'did not receive metrics for any ready pods' });
  });

  it('scales an averageValue target on the plain average', () => {
    // 300m average against 100m: ceil(2 × 3) = 6.
    expect(rawResourceReplicas(2, 100, 'cpu', [pod('a'), pod('b')], metrics({ a: 300, b: 300 }), NOW)).toMatchObject({ ok: true, replicas: 6, rawAverageMilli: 300 });
  });
});
