import { describe, expect, it } from 'vitest';
import { FieldSet, pathString } from './fieldpath';
import { compare, merge, toFieldSet } from './typed';
import { conflictStatus, decodeManagedFields, encodeManagedFields, trackApply, trackUpdate, type Managers, type WriteContext } from './managers';

const ctx = (manager: string, nowIso = '2025-09-01T09:00:00Z'): WriteContext => ({ manager, apiVersion: 'apps/v1', nowIso, ignored: FieldSet.of([['f:status']]) });

const container = (extra: Record<string, unknown> = {}) => ({ name: 'web', image: 'nginx:1.27', ports: [{ containerPort: 80 }], ...extra });
const deployment = (replicas: number, containers: unknown[] = [container()]) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', labels: { app: 'web' } },
  spec: { replicas, selector: { matchLabels: { app: 'web' } }, template: { metadata: { labels: { app: 'web' } }, spec: { containers } } },
});

describe('field sets', () => {
  it('names list items by their keys (defaults filled in), set items by value, atomic values whole', () => {
    const set = toFieldSet({ metadata: { finalizers: ['a'] }, spec: { selector: { matchLabels: { app: 'web' } }, template: { spec: { containers: [container()], tolerations: [{ key: 'k' }] } } } });
    expect(set.toFieldsV1()).toEqual({
      'f:metadata': { 'f:finalizers': { 'v:"a"': {} } },
      'f:spec': {
        'f:selector': {},
        'f:template': {
          'f:spec': {
            'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {}, 'f:name': {}, 'f:ports': { 'k:{"containerPort":80,"protocol":"TCP"}': { '.': {}, 'f:containerPort': {} } } } },
            'f:tolerations': {},
          },
        },
      },
    });
  });

  it('round-trips FieldsV1 and prints paths as conflicts show them', () => {
    const v1 = { 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {}, 'f:image': {} } } } } } };
    const set = FieldSet.fromFieldsV1(v1);
    expect(set.toFieldsV1()).toEqual(v1);
    expect(set.paths().map(pathString)).toEqual(['.spec.replicas', '.spec.template.spec.containers[name="web"]', '.spec.template.spec.containers[name="web"].image']);
  });

  it('compares by item key, so reordering a keyed list changes nothing and a new item is added with its fields', () => {
    const a = { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } };
    const b = { spec: { containers: [{ name: 'b', image: 'y' }, { name: 'a', image: 'z' }, { name: 'c', image: 'w' }] } };
    const c = compare(a, b);
    expect(c.modified.paths().map(pathString)).toEqual(['.spec.containers[name="a"].image']);
    expect(c.added.paths().map(pathString)).toEqual(['.spec.containers[name="c"]', '.spec.containers[name="c"].image', '.spec.containers[name="c"].name']);
    expect(c.removed.isEmpty()).toBe(true);
  });

  it('merges an applied configuration item by item, replacing atomic lists', () => {
    const live = { spec: { containers: [container({ env: [{ name: 'A', value: '1' }] })], tolerations: [{ key: 'a' }, { key: 'b' }] } };
    const config = { spec: { containers: [{ name: 'web', image: 'nginx:1.28', env: [{ name: 'B', value: '2' }] }, { name: 'side', image: 'busybox' }], tolerations: [{ key: 'c' }] } };
    expect(merge(live, config)).toEqual({
      spec: {
        containers: [{ name: 'web', image: 'nginx:1.28', ports: [{ containerPort: 80 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }, { name: 'side', image: 'busybox' }],
        tolerations: [{ key: 'c' }],
      },
    });
  });
});

describe('managers', () => {
  function created(): { object: Record<string, unknown>; managers: Managers } {
    const object = deployment(2);
    const managers = trackUpdate(new Map(), { metadata: {}, spec: { template: { metadata: {}, spec: { containers: null } }, strategy: {} }, status: {} }, object, ctx('kubectl-client-side-apply'));
    return { object, managers };
  }

  it('an Update owns what it added; status on the main resource is never owned', () => {
    const { object, managers } = created();
    const updated = trackUpdate(managers, object, { ...object, status: { replicas: 2 } }, ctx('kubectl-client-side-apply', '2025-09-01T09:01:00Z'));
    const [entry] = encodeManagedFields(updated);
    expect(entry).toMatchObject({ manager: 'kubectl-client-side-apply', operation: 'Update', apiVersion: 'apps/v1', time: '2025-09-01T09:00:00Z', fieldsType: 'FieldsV1' });
    expect(JSON.stringify(entry?.fieldsV1)).not.toContain('f:status');
    expect(entry?.fieldsV1).toMatchObject({ 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': { 'k:{"name":"web"}': { '.': {} } } } } } });
  });

  it('an apply changing a field another manager owns conflicts, with the apiserver message', () => {
    const { object, managers } = created();
    const r = trackApply(managers, object, deployment(3), ctx('kubectl'), false);
    expect('conflicts' in r).toBe(true);
    if (!('conflicts' in r)) return;
    expect(conflictStatus(r.conflicts).message).toBe('Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using apps/v1: .spec.replicas');
    const two = trackApply(managers, object, deployment(3, [container({ image: 'nginx:1.28' })]), ctx('kubectl'), false);
    if (!('conflicts' in two)) throw new Error('expected conflicts');
    expect(conflictStatus(two.conflicts).message).toBe('Apply failed with 2 conflicts: conflicts with "kubectl-client-side-apply" using apps/v1:\n- .spec.replicas\n- .spec.template.spec.containers[name="web"].image');
  });

  it('the same value is shared, not a conflict; force takes the field over', () => {
    const { object, managers } = created();
    const shared = trackApply(managers, object, deployment(2), ctx('kubectl'), false);
    if (!('managers' in shared)) throw new Error('unexpected conflict');
    expect([...shared.managers.values()].every((m) => m.set.has(['f:spec', 'f:replicas']))).toBe(true);
    const forced = trackApply(managers, object, deployment(3), ctx('kubectl'), true);
    if (!('managers' in forced)) throw new Error('unexpected conflict');
    expect(forced.object.spec).toMatchObject({ replicas: 3 });
    const owners = [...forced.managers.values()].filter((m) => m.set.has(['f:spec', 'f:replicas'])).map((m) => m.manager);
    expect(owners).toEqual(['kubectl']);
  });

  it('removes what an applier stops naming when nobody else owns it, keeps it when someone does', () => {
    const base = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } };
    const first = trackApply(new Map(), { metadata: {} }, { ...base, data: { a: '1', b: '2' } }, ctx('kubectl'), false);
    if (!('managers' in first)) throw new Error('unexpected conflict');
    const labelled = trackUpdate(first.managers, first.object, { ...first.object, data: { a: '1', b: '2', c: '3' } }, ctx('other'));
    const second = trackApply(labelled, { ...first.object, data: { a: '1', b: '2', c: '3' } }, { ...base, data: { a: '1' } }, ctx('kubectl', '2025-09-01T09:02:00Z'), false);
    if (!('managers' in second)) throw new Error('unexpected conflict');
    expect(second.object.data).toEqual({ a: '1', c: '3' });
    const entries = encodeManagedFields(second.managers);
    expect(entries.map((e) => [e.manager, e.operation, e.time])).toEqual([['kubectl', 'Apply', '2025-09-01T09:02:00Z'], ['other', 'Update', '2025-09-01T09:00:00Z']]);
    expect(decodeManagedFields(entries).size).toBe(2);
  });
});
