import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import type { ApiRequest } from '../types';

function lab() {
  const sim = createSimulation({ seed: 5 });
  const call = (req: Omit<ApiRequest, 'userAgent'>) => sim.api.request({ ...req, userAgent: 'test' });
  return { sim, call };
}

const typo = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', lables: { a: 'b' } }, data: { k: 'v' }, dta: { x: 'y' } };
const collection = '/api/v1/namespaces/default/configmaps';
const stored = (call: ReturnType<typeof lab>['call']) => call({ method: 'GET', path: `${collection}/c` }).body as Record<string, unknown>;

describe('fieldValidation', () => {
  it('defaults to Warn: the object is created without the unknown fields, one warning each, in body order', () => {
    const { call } = lab();
    const r = call({ method: 'POST', path: collection, body: typo });
    expect(r.status).toBe(201);
    expect(r.warnings).toEqual(['unknown field "metadata.lables"', 'unknown field "dta"']);
    expect(stored(call)).not.toHaveProperty('dta');
    expect(stored(call).metadata).not.toHaveProperty('lables');
  });

  it('Strict refuses the body in the strict decoder words; Ignore drops the fields silently', () => {
    const { call } = lab();
    const strict = call({ method: 'POST', path: collection, query: { fieldValidation: 'Strict' }, body: typo });
    expect(strict.status).toBe(400);
    expect((strict.body as { message: string }).message).toBe('ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.lables", unknown field "dta"');
    const ignore = call({ method: 'POST', path: collection, query: { fieldValidation: 'Ignore' }, body: typo });
    expect(ignore.status).toBe(201);
    expect(ignore.warnings).toBeUndefined();
    expect(stored(call)).not.toHaveProperty('dta');
  });

  it('checks an update (PUT) the same way', () => {
    const { call } = lab();
    call({ method: 'POST', path: collection, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } });
    const r = call({ method: 'PUT', path: `${collection}/c`, query: { fieldValidation: 'Strict' }, body: typo });
    expect(r.status).toBe(400);
    expect((r.body as { message: string }).message).toContain('strict decoding error: unknown field "metadata.lables", unknown field "dta"');
  });

  it('shows a strict patch failure as an invalid patch, and warns on a patch without a directive', () => {
    const { call } = lab();
    call({ method: 'POST', path: collection, body: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } } });
    const patch = (query: Record<string, string>) => call({ method: 'PATCH', path: `${collection}/c`, contentType: 'application/strategic-merge-patch+json', query, body: { dta: { x: 1 } } });
    const strict = patch({ fieldValidation: 'Strict' });
    expect(strict.status).toBe(422);
    expect((strict.body as { message: string }).message).toBe(' "" is invalid: patch: Invalid value: "map[dta:map[x:1]]": strict decoding error: unknown field "dta"');
    const warn = patch({});
    expect(warn.status).toBe(200);
    expect(warn.warnings).toEqual(['unknown field "dta"']);
    expect(stored(call)).not.toHaveProperty('dta');
  });

  it('refuses an unknown directive before reading the body, as the options validation of each verb words it', () => {
    const { call } = lab();
    const supported = 'Unsupported value: "Foo": supported values: "", "Ignore", "Strict", "Warn"';
    const create = call({ method: 'POST', path: collection, query: { fieldValidation: 'Foo' }, body: typo });
    expect(create.status).toBe(422);
    expect(create.body).toMatchObject({
      reason: 'Invalid',
      message: `CreateOptions.meta.k8s.io "" is invalid: fieldValidation: ${supported}`,
      details: { group: 'meta.k8s.io', kind: 'CreateOptions', causes: [{ reason: 'FieldValueNotSupported', message: supported, field: 'fieldValidation' }] },
    });
    expect(JSON.stringify(create.body)).not.toContain('"name"');
    expect(call({ method: 'GET', path: `${collection}/c` }).status).toBe(404);
    const update = call({ method: 'PUT', path: `${collection}/c`, query: { fieldValidation: 'strict' }, body: typo });
    expect((update.body as { message: string }).message).toBe('UpdateOptions.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: "strict": supported values: "", "Ignore", "Strict", "Warn"');
    const patch = call({ method: 'PATCH', path: `${collection}/c`, contentType: 'application/merge-patch+json', query: { fieldValidation: 'Foo', force: 'true' }, body: {} });
    expect((patch.body as { message: string }).message).toBe(`PatchOptions.meta.k8s.io "" is invalid: [force: Forbidden: may not be specified for non-apply patch, fieldValidation: ${supported}]`);
    const apply = call({ method: 'PATCH', path: `${collection}/c`, contentType: 'application/apply-patch+yaml', query: {}, body: '{}' });
    expect((apply.body as { message: string }).message).toBe('PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  });
});
