import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../simulation';

/** Malformed requests get a Status answer (never an exception, never a 500) and change nothing. */
describe('API request fuzzing', () => {
  it('answers every malformed request with a Kubernetes Status and leaves the store unchanged', () => {
    const sim = createSimulation({ seed: 12 });
    const revision = () => (sim.api.request({ method: 'GET', path: '/api/v1/namespaces' }).body as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    const before = revision();
    const json = fc.jsonValue({ maxDepth: 3 });
    const path = fc.constantFrom('/api/v1/namespaces/default/pods', '/api/v1/namespaces/default/pods/x', '/apis/apps/v1/namespaces/default/deployments', '/api/v1/nodes/kind-worker', '/api/v1/namespaces/default/services', '/apis/batch/v1/namespaces/default/jobs', '/api/v1/namespaces/nope/configmaps');
    const method = fc.constantFrom('POST' as const, 'PUT' as const, 'PATCH' as const);
    const contentType = fc.constantFrom('application/merge-patch+json', 'application/json-patch+json', 'application/strategic-merge-patch+json', 'text/plain');
    fc.assert(
      fc.property(method, path, json, contentType, (m, p, body, ct) => {
        // A body with a wrong kind (create, replace) or a patch document of the wrong shape is never valid.
        const garbage = m === 'PATCH' ? (ct === 'application/json-patch+json' ? { not: 'a list' } : [body]) : typeof body !== 'object' || body === null || Array.isArray(body) ? body : { ...body, kind: 42 };
        const r = sim.api.request({ method: m, path: p, body: garbage, contentType: ct });
        expect(r.status).toBeGreaterThanOrEqual(400);
        expect(r.status).toBeLessThan(500);
        expect((r.body as { kind?: string }).kind).toBe('Status');
      }),
      { numRuns: 400, seed: 12 },
    );
    expect(revision()).toBe(before);
  });
});
