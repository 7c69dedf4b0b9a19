import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import type { ApiRequest } from '../types';

function lab() {
  const sim = createSimulation({ seed: 5 });
  const call = (req: Omit<ApiRequest, 'userAgent'>) => sim.api.request({ ...req, userAgent: 'test' });
  return { sim, call };
}

const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } });
const eviction = (name: string) => ({ method: 'POST' as const, path: `/api/v1/namespaces/default/pods/${name}/eviction`, body: { apiVersion: 'policy/v1', kind: 'Eviction', metadata: { name, namespace: 'default' } } });

describe('pods/eviction', () => {
  it('deletes a running pod when no budget covers it', () => {
    const { sim, call } = lab();
    call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod('a') });
    sim.advance(10_000);
    const r = call(eviction('a'));
    expect(r.status).toBe(201);
    const after = call({ method: 'GET', path: '/api/v1/namespaces/default/pods/a' });
    expect((after.body as { metadata: { deletionTimestamp?: string } }).metadata.deletionTimestamp).toBeDefined();
  });

  it("answers 429 when the pod's disruption budget has no disruptions left, and 404 for a missing pod", () => {
    const { sim, call } = lab();
    for (const n of ['a', 'b']) call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod(n) });
    call({ method: 'POST', path: '/apis/policy/v1/namespaces/default/poddisruptionbudgets', body: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { minAvailable: 2, selector: { matchLabels: { app: 'web' } } } } });
    sim.advance(10_000);
    const r = call(eviction('a'));
    expect(r.status).toBe(429);
    expect(r.body).toMatchObject({ reason: 'TooManyRequests', message: "Cannot evict pod as it would violate the pod's disruption budget.", details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb needs 2 healthy pods and has 2 currently' }] } });
    expect(call(eviction('missing')).status).toBe(404);
  });

  const budget = (spec: Record<string, unknown>) => ({ method: 'POST' as const, path: '/apis/policy/v1/namespaces/default/poddisruptionbudgets', body: { apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: { name: 'web-pdb' }, spec: { ...spec, selector: { matchLabels: { app: 'web' } } } } });

  it('lets one pod go when the budget allows a disruption', () => {
    const { sim, call } = lab();
    for (const n of ['a', 'b', 'c']) call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod(n) });
    call(budget({ minAvailable: 2 }));
    sim.advance(10_000);
    expect(call(eviction('a')).status).toBe(201);
    expect(call(eviction('b')).status).toBe(429);
  });

  it('counts only controlled pods for maxUnavailable, so bare pods get no disruptions', () => {
    const { sim, call } = lab();
    for (const n of ['a', 'b', 'c']) call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod(n) });
    call(budget({ maxUnavailable: 1 }));
    sim.advance(10_000);
    const pdb = call({ method: 'GET', path: '/apis/policy/v1/namespaces/default/poddisruptionbudgets/web-pdb' }).body as { status: Record<string, unknown> };
    expect(pdb.status).toMatchObject({ expectedPods: 0, currentHealthy: 3, desiredHealthy: 0, disruptionsAllowed: 0 });
    expect(call(eviction('a')).status).toBe(429);
  });

  it('refuses evictions until the disruption controller has processed the budget', () => {
    const { sim, call } = lab();
    for (const n of ['a', 'b', 'c']) call({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: pod(n) });
    sim.advance(10_000);
    call(budget({ minAvailable: 1 }));
    expect(call(eviction('a')).body).toMatchObject({ code: 429, details: { causes: [{ reason: 'DisruptionBudget', message: 'The disruption budget web-pdb is still being processed by the server.' }] } });
    sim.advance(1_000);
    expect(call(eviction('a')).status).toBe(201);
  });
});
