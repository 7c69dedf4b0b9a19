import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { revisionData } from '../../api/controller-revision';
import { podTemplateHash } from '../deployment/pod-template-hash';
import { DAEMONSET_HASH_LABEL, daemonSetRevision, keptCurrent, revisionsToDelete, splitHistory } from './history';
import { rollingUpdatePlan, updateCounts } from './rolling-update';

function daemonSet(image: string): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'agent', namespace: 'default', uid: 'ds-uid', annotations: { 'kubernetes.io/change-cause': 'why' } },
    spec: { selector: { matchLabels: { app: 'agent' } }, template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'agent', image }] } } },
  };
}

function pod(name: string, hash: string, available = true, extra: Partial<KubeObject['metadata']> = {}): KubeObject {
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { [DAEMONSET_HASH_LABEL]: hash }, ...extra }, status: { available } };
}

describe('DaemonSet ControllerRevisions', () => {
  it('names a revision <ds>-<pod template hash>, labels it like the pods, keeps the annotations and the template patch', () => {
    const ds = daemonSet('busybox:1.36');
    const hash = podTemplateHash(ds.spec && (ds.spec as Record<string, unknown>).template, 0);
    const r = daemonSetRevision(ds, 3);
    expect(r.metadata.name).toBe(`agent-${hash}`);
    expect(r.metadata.labels).toEqual({ app: 'agent', [DAEMONSET_HASH_LABEL]: hash });
    expect(r.metadata.annotations).toEqual({ 'kubernetes.io/change-cause': 'why' });
    expect(r.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid', controller: true, blockOwnerDeletion: true }]);
    expect(r.data).toEqual(revisionData(ds));
    expect(r.revision).toBe(3);
    expect(daemonSetRevision({ ...ds, status: { collisionCount: 1 } }, 3).metadata.name).not.toBe(r.metadata.name);
  });

  it('splits history into the template revision and old ones; a rollback renumbers past the old ones', () => {
    const v1 = daemonSetRevision(daemonSet('busybox:1.36'), 1);
    const v2 = daemonSetRevision(daemonSet('busybox:1.37'), 2);
    const split = splitHistory(daemonSet('busybox:1.36'), [v1, v2]);
    expect(split.current).toEqual([v1]);
    expect(split.old).toEqual([v2]);
    expect(split.nextRevision).toBe(3);
    expect(keptCurrent([{ ...v1, revision: 5 }, v1])?.revision).toBe(5);
  });

  it('cleans up the oldest revisions beyond the limit, sparing those live pods run', () => {
    const old = [4, 1, 3, 2].map((n) => ({ ...daemonSetRevision(daemonSet(`busybox:1.${n}`), n) }));
    const hashOf = (n: number) => old.find((r) => r.revision === n)?.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '';
    expect(revisionsToDelete(old, 2, new Set()).map((r) => r.revision)).toEqual([1, 2]);
    expect(revisionsToDelete(old, 2, new Set([hashOf(1)])).map((r) => r.revision)).toEqual([2, 3]);
    expect(revisionsToDelete(old, 10, new Set())).toEqual([]);
  });
});

describe('DaemonSet RollingUpdate', () => {
  const isUpdated = (p: KubeObject) => p.metadata.labels?.[DAEMONSET_HASH_LABEL] === 'new';
  const isAvailable = (p: KubeObject) => (p.status as { available: boolean }).available;
  const nodes = (...perNode: KubeObject[][]) => perNode.map((pods, i) => ({ node: `n${i}`, shouldRun: true, pods }));

  it('resolves maxSurge and maxUnavailable rounding up, defaulting to 0 and 1', () => {
    expect(updateCounts({}, 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
    expect(updateCounts({ maxSurge: '50%', maxUnavailable: 0 }, 3)).toEqual({ maxSurge: 2, maxUnavailable: 0 });
    expect(updateCounts({ maxSurge: 0, maxUnavailable: 0 }, 3)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  it('without surge deletes unavailable old pods at once and available ones up to maxUnavailable', () => {
    const plan = rollingUpdatePlan({ nodes: nodes([pod('a', 'old', false)], [pod('b', 'old')], [pod('c', 'old')]), maxSurge: 0, maxUnavailable: 1, desired: 3, isUpdated, isAvailable });
    expect(plan.deletePods.map((p) => p.metadata.name)).toEqual(['a', 'b']);
    expect(plan.createOn).toEqual([]);
    const busy = rollingUpdatePlan({ nodes: nodes([pod('a', 'new', false)], [pod('b', 'old')]), maxSurge: 0, maxUnavailable: 1, desired: 2, isUpdated, isAvailable });
    expect(busy.deletePods).toEqual([]);
  });

  it('with surge starts new pods beside old ones, and retires an old pod once its replacement is available', () => {
    const start = rollingUpdatePlan({ nodes: nodes([pod('a', 'old')], [pod('b', 'old')], [pod('c', 'old', false)]), maxSurge: 1, maxUnavailable: 0, desired: 3, isUpdated, isAvailable });
    expect(start).toEqual({ deletePods: [], createOn: ['n2', 'n0'] });
    const waiting = rollingUpdatePlan({ nodes: nodes([pod('a', 'old'), pod('a2', 'new', false)], [pod('b', 'old')]), maxSurge: 1, maxUnavailable: 0, desired: 2, isUpdated, isAvailable });
    expect(waiting).toEqual({ deletePods: [], createOn: [] });
    const ready = rollingUpdatePlan({ nodes: nodes([pod('a', 'old'), pod('a2', 'new')], [pod('b', 'old')]), maxSurge: 1, maxUnavailable: 0, desired: 2, isUpdated, isAvailable });
    expect(ready.deletePods.map((p) => p.metadata.name)).toEqual(['a']);
    expect(ready.createOn).toEqual(['n1']);
  });

  it('ignores terminating pods and leaves nodes with extra pods to the sync', () => {
    const plan = rollingUpdatePlan({ nodes: nodes([pod('a', 'old', true, { deletionTimestamp: '2025-09-01T09:00:00Z' })], [pod('b', 'old'), pod('b2', 'old')]), maxSurge: 1, maxUnavailable: 0, desired: 2, isUpdated, isAvailable });
    expect(plan).toEqual({ deletePods: [], createOn: [] });
  });
});
