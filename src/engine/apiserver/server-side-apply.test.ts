import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import type { ApiRequest } from '../types';

function lab() {
  const sim = createSimulation({ seed: 4 });
  const call = (req: Omit<ApiRequest, 'userAgent'>, userAgent = 'kubectl/v1.34.0 (linux/amd64) kubernetes/abcdef') => sim.api.request({ ...req, userAgent });
  return { sim, call };
}

const path = '/api/v1/namespaces/default/configmaps';
const apply = (data: Record<string, string>, query: Record<string, string>) => ({ method: 'PATCH' as const, path: `${path}/c`, contentType: 'application/apply-patch+yaml', query, body: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n${Object.entries(data).map(([k, v]) => `  ${k}: "${v}"`).join('\n')}\n` });
type Obj = { data?: Record<string, string>; metadata: { managedFields?: { manager: string; operation: string }[]; resourceVersion: string } };

describe('server-side apply', () => {
  it('creates the object on first apply (201), owned by an Apply entry; the manager defaults to the User-Agent product', () => {
    const { call } = lab();
    const r = call(apply({ a: '1' }, { fieldManager: 'ops' }));
    expect(r.status).toBe(201);
    expect((r.body as Obj).metadata.managedFields).toEqual([{ manager: 'ops', operation: 'Apply', apiVersion: 'v1', time: '2025-09-01T09:00:00Z', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } }]);
    const u = call({ method: 'PATCH', path: `${path}/c`, contentType: 'application/merge-patch+json', body: { data: { b: '2' } } });
    expect((u.body as Obj).metadata.managedFields?.map((m) => [m.manager, m.operation])).toEqual([['ops', 'Apply'], ['kubectl', 'Update']]);
  });

  it('answers 409 with the conflicting manager and field, then takes the field with force=true', () => {
    const { call } = lab();
    call({ method: 'POST', path, query: { fieldManager: 'kubectl-create' }, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { a: '1' } } });
    const r = call(apply({ a: '2' }, { fieldManager: 'ops' }));
    expect(r.status).toBe(409);
    expect(r.body).toMatchObject({ reason: 'Conflict', code: 409, message: 'Apply failed with 1 conflict: conflict with "kubectl-create" using v1: .data.a', details: { causes: [{ reason: 'FieldManagerConflict', message: 'conflict with "kubectl-create" using v1', field: '.data.a' }] } });
    const forced = call(apply({ a: '2' }, { fieldManager: 'ops', force: 'true' }));
    expect(forced.status).toBe(200);
    expect((forced.body as Obj).data).toEqual({ a: '2' });
    // The creator keeps only the data map itself (it added it); the key is the applier's now.
    expect((forced.body as Obj).metadata.managedFields?.map((m) => [m.manager, JSON.stringify((m as { fieldsV1?: unknown }).fieldsV1)])).toEqual([['ops', '{"f:data":{"f:a":{}}}'], ['kubectl-create', '{"f:data":{}}']]);
  });

  it('a no-op apply writes nothing; a dry run stores nothing', () => {
    const { call } = lab();
    const first = call(apply({ a: '1' }, { fieldManager: 'ops' })).body as Obj;
    const again = call(apply({ a: '1' }, { fieldManager: 'ops' })).body as Obj;
    expect(again.metadata.resourceVersion).toBe(first.metadata.resourceVersion);
    const dry = call(apply({ a: '9' }, { fieldManager: 'ops', dryRun: 'All' })).body as Obj;
    expect(dry.data).toEqual({ a: '9' });
    expect((call({ method: 'GET', path: `${path}/c` }).body as Obj).data).toEqual({ a: '1' });
  });
});
