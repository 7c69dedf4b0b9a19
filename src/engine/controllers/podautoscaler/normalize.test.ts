import { describe, expect, it } from 'vitest';
import { normalizeLegacy, normalizeWithBehavior, scaleDownLimit, scaleUpLimit, type Recommendation, type ScalingRules } from './normalize';

const UP: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const DOWN: ScalingRules = { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

describe('HPA normalization without behavior', () => {
  it('scales up to max(2 × current, 4) at once', () => {
    expect(normalizeLegacy([], 0, 1, 7, 1, 10)).toMatchObject({ replicas: 4, scalingLimited: { status: 'True', reason: 'ScaleUpLimit' } });
    expect(normalizeLegacy([], 0, 4, 7, 1, 10)).toMatchObject({ replicas: 7, scalingLimited: { status: 'False', reason: 'DesiredWithinRange' } });
    expect(normalizeLegacy([], 0, 8, 20, 1, 10)).toMatchObject({ replicas: 10, scalingLimited: { status: 'True', reason: 'TooManyReplicas' } });
  });

  it('holds the highest recommendation of the last 5 minutes on a scale-down', () => {
    const history: Recommendation[] = [];
    normalizeLegacy(history, 0, 7, 7, 1, 10);
    const early = normalizeLegacy(history, 60_000, 7, 1, 1, 10);
    expect(early).toMatchObject({ replicas: 7, ableToScale: { reason: 'ScaleDownStabilized' } });
    // The 7 recorded at 0 s and kept at 60 s ages out after 5 minutes of 1s.
    normalizeLegacy(history, 200_000, 7, 1, 1, 10);
    expect(normalizeLegacy(history, 301_000, 7, 1, 1, 10).replicas).toBe(1);
  });

  it('reports a desired count below minReplicas as TooFewReplicas, limiting', () => {
    expect(normalizeLegacy([], 0, 2, 0, 2, 10)).toMatchObject({ replicas: 2, scalingLimited: { status: 'True', reason: 'TooFewReplicas' } });
  });
});

describe('HPA behavior policies', () => {
  it('scale up: the larger of 4 pods and 100% per 15 s', () => {
    expect(scaleUpLimit(1, [], UP, 0)).toBe(5);
    expect(scaleUpLimit(10, [], UP, 0)).toBe(20);
    // 3 added 10 s ago count against the period: the period started at 2.
    expect(scaleUpLimit(5, [{ change: 3, atMs: 0 }], UP, 10_000)).toBe(6);
    expect(scaleUpLimit(5, [{ change: 3, atMs: 0 }], UP, 16_000)).toBe(10);
    expect(scaleUpLimit(5, [], { ...UP, selectPolicy: 'Min' }, 0)).toBe(9);
    expect(scaleUpLimit(5, [], { ...UP, selectPolicy: 'Disabled' }, 0)).toBe(5);
  });

  it('scale down: 100% per 15 s after a 300 s stabilization window', () => {
    expect(scaleDownLimit(8, [], DOWN, 0)).toBe(0);
    expect(scaleDownLimit(8, [], { ...DOWN, policies: [{ type: 'Pods', value: 1, periodSeconds: 60 }] }, 0)).toBe(7);
    const history: Recommendation[] = [{ replicas: 8, atMs: 0 }];
    expect(normalizeWithBehavior(history, UP, DOWN, [], [], 100_000, 8, 2, 1, 10)).toMatchObject({ replicas: 8, ableToScale: { reason: 'ScaleDownStabilized' } });
    expect(normalizeWithBehavior([{ replicas: 8, atMs: 0 }], UP, DOWN, [], [], 301_000, 8, 2, 1, 10)).toMatchObject({ replicas: 2, ableToScale: { reason: 'ReadyForNewScale' } });
  });

  it('limits a scale-up by the policies and reports ScaleUpLimit', () => {
    expect(normalizeWithBehavior([], UP, DOWN, [], [], 0, 1, 9, 1, 10)).toMatchObject({ replicas: 5, scalingLimited: { status: 'True', reason: 'ScaleUpLimit' } });
    expect(normalizeWithBehavior([], UP, DOWN, [], [], 0, 6, 12, 1, 10)).toMatchObject({ replicas: 10, scalingLimited: { status: 'True', reason: 'TooManyReplicas' } });
    expect(normalizeWithBehavior([], UP, DOWN, [], [], 0, 2, 3, 1, 10)).toMatchObject({ replicas: 3, scalingLimited: { status: 'False', reason: 'DesiredWithinRange' } });
  });
});
