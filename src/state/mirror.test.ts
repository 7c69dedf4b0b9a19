import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine';
import { applyObjectOps, mirrorOf, sortedByName, useMirror } from './mirror';

const object = (kind: string, uid: string, name: string, namespace?: string): KubeObject => ({
  apiVersion: 'v1',
  kind,
  metadata: { uid, name, ...(namespace ? { namespace } : {}) },
});

describe('mirror', () => {
  it('puts new objects and replaces changed ones by uid, keeping untouched entries identical', () => {
    const a = object('Pod', 'u1', 'a');
    const start = mirrorOf([a, object('Pod', 'u2', 'b')]);
    const renamed = object('Pod', 'u2', 'b2');
    const next = applyObjectOps(start, [{ op: 'put', object: renamed }, { op: 'put', object: object('Pod', 'u3', 'c') }]);
    expect(next.objects.get('u1')).toBe(a);
    expect(next.objects.get('u2')).toBe(renamed);
    expect([...next.objects.keys()]).toEqual(['u1', 'u2', 'u3']);
    expect(start.objects.get('u2')?.metadata.name).toBe('b'); // the old mirror is not mutated
  });

  it('removes by uid from both the objects and the by-kind index', () => {
    const start = mirrorOf([object('Pod', 'u1', 'a'), object('Node', 'n1', 'kind-worker')]);
    const next = applyObjectOps(start, [{ op: 'remove', uid: 'u1' }]);
    expect(next.objects.has('u1')).toBe(false);
    expect(next.byKind.has('Pod')).toBe(false);
    expect([...(next.byKind.get('Node')?.keys() ?? [])]).toEqual(['n1']);
  });

  it('copies only the kinds a patch touches', () => {
    const start = mirrorOf([object('Node', 'n1', 'kind-worker'), object('Lease', 'l1', 'kind-worker', 'kube-node-lease')]);
    const next = applyObjectOps(start, [{ op: 'put', object: object('Lease', 'l1', 'kind-worker', 'kube-node-lease') }]);
    expect(next.byKind.get('Node')).toBe(start.byKind.get('Node'));
    expect(next.byKind.get('Lease')).not.toBe(start.byKind.get('Lease'));
    expect(applyObjectOps(next, [])).toBe(next);
  });

  it('orders objects of a kind by namespace, then name', () => {
    const mirror = mirrorOf([object('Pod', '1', 'web', 'default'), object('Pod', '2', 'coredns', 'kube-system'), object('Pod', '3', 'api', 'default')]);
    expect(sortedByName(mirror.byKind.get('Pod')).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(['default/api', 'default/web', 'kube-system/coredns']);
    expect(sortedByName(mirror.byKind.get('Service'))).toEqual([]);
  });

  it('applies patches in sequence and refuses one after a gap', () => {
    const store = useMirror.getState();
    store.reset(4, [object('Pod', 'u1', 'a')]);
    expect(useMirror.getState().applyPatch(5, [{ op: 'remove', uid: 'u1' }])).toBe(true);
    expect(useMirror.getState().applyPatch(7, [{ op: 'put', object: object('Pod', 'u9', 'late') }])).toBe(false);
    expect(useMirror.getState().seq).toBe(5);
    expect(useMirror.getState().objects.size).toBe(0);
  });
});
