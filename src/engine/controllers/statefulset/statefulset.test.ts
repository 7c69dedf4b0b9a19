import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { goJson, revisionData, revisionTemplate } from '../../api/controller-revision';
import { fnv1, newRevision, revisionHash } from './revisions';
import { claimsFor, newStatefulSetPod, parentAndOrdinal } from './stateful-set-utils';
import { wantedClaimOwners } from './stateful-pod-control';
import { StatefulSetControl, type MemberControl } from './stateful-set-control';

const template = { metadata: { labels: { app: 'nginx' } }, spec: { containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.8' }], volumes: [{ name: 'config', emptyDir: {} }] } };

function statefulSet(spec: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'web', namespace: 'default', uid: 'set-uid', generation: 1 },
    spec: { replicas: 3, serviceName: 'nginx', selector: { matchLabels: { app: 'nginx' } }, podManagementPolicy: 'OrderedReady', updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } }, template, volumeClaimTemplates: [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }], ...spec },
  };
}

describe('ControllerRevision data and names', () => {
  it('hashes with Go FNV-1 over UTF-8 bytes', () => {
    expect(fnv1('')).toBe(0x811c9dc5);
    expect(fnv1('a')).toBe(0x050c5d7e);
    expect(fnv1('foobar')).toBe(0x31f0b262);
  });

  it('serialises as Go re-marshals a map: sorted keys, HTML characters escaped', () => {
    expect(goJson({ b: 1, a: { d: [true, null], c: 'x<y&z>' } })).toBe('{"a":{"c":"x\\u003cy\\u0026z\\u003e","d":[true,null]},"b":1}');
  });

  it('stores a patch that replaces the template, the same whatever the key order', () => {
    const set = statefulSet();
    expect(revisionData(set)).toEqual({ spec: { template: { $patch: 'replace', metadata: { creationTimestamp: null, labels: { app: 'nginx' } }, spec: template.spec } } });
    const reordered = statefulSet({ template: { spec: template.spec, metadata: template.metadata } });
    expect(goJson(revisionData(reordered))).toBe(goJson(revisionData(set)));
    expect(revisionTemplate({ ...newRevision(set, 1, 0) })).toEqual({ metadata: { creationTimestamp: null, labels: { app: 'nginx' } }, spec: template.spec });
  });

  it('names a revision <set>-<hash>, labels it with the hash and the template labels, owned by the set', () => {
    const set = statefulSet();
    const revision = newRevision(set, 4, 0);
    const hash = revisionHash(revisionData(set), 0);
    expect(hash).toMatch(/^[bcdfghjklmnpqrstvwxz2456789]+$/);
    expect(revision.metadata.name).toBe(`web-${hash}`);
    expect(revision.metadata.labels).toEqual({ app: 'nginx', 'controller.kubernetes.io/hash': hash });
    expect(revision.revision).toBe(4);
    expect(revision.metadata.ownerReferences).toEqual([{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: 'web', uid: 'set-uid', controller: true, blockOwnerDeletion: true }]);
    expect(newRevision(set, 4, 1).metadata.name).not.toBe(revision.metadata.name);
  });
});

describe('stable identity', () => {
  it('parses the ordinal after the last dash', () => {
    expect(parentAndOrdinal('web-10')).toEqual({ parent: 'web', ordinal: 10 });
    expect(parentAndOrdinal('my-app-3')).toEqual({ parent: 'my-app', ordinal: 3 });
    expect(parentAndOrdinal('web').ordinal).toBe(-1);
    expect(parentAndOrdinal('web-x').ordinal).toBe(-1);
  });

  it('makes web-2 with its labels, hostname, subdomain and claim volume first', () => {
    const pod = newStatefulSetPod(statefulSet(), template, 2, 'web-abc');
    expect(pod.metadata.name).toBe('web-2');
    expect(pod.metadata.labels).toEqual({ app: 'nginx', 'statefulset.kubernetes.io/pod-name': 'web-2', 'apps.kubernetes.io/pod-index': '2', 'controller-revision-hash': 'web-abc' });
    expect(pod.spec).toMatchObject({ hostname: 'web-2', subdomain: 'nginx', volumes: [{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-2' } }, { name: 'config', emptyDir: {} }] });
  });

  it('names claims <template>-<set>-<ordinal> and labels them with the selector', () => {
    const [claim] = claimsFor(statefulSet(), 1);
    expect(claim?.metadata).toEqual({ name: 'www-web-1', namespace: 'default', labels: { app: 'nginx' } });
    expect(claim?.spec).toEqual({ accessModes: ['ReadWriteOnce'] });
  });

  it('owns claims as persistentVolumeClaimRetentionPolicy says', () => {
    const claim: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'www-web-4', ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: 'x', uid: 'x' }] } };
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-4', uid: 'pod-uid' } };
    const policy = (whenDeleted: string, whenScaled: string) => statefulSet({ persistentVolumeClaimRetentionPolicy: { whenDeleted, whenScaled } });
    const owners = (set: KubeObject) => wantedClaimOwners(claim, set, pod).map((r) => r.kind);
    expect(owners(policy('Retain', 'Retain'))).toEqual(['ConfigMap']);
    expect(owners(policy('Delete', 'Retain'))).toEqual(['ConfigMap', 'StatefulSet']);
    // web-4 is beyond 3 replicas: scaled down, so the pod owns its claim.
    expect(owners(policy('Retain', 'Delete'))).toEqual(['ConfigMap', 'Pod']);
    expect(owners(policy('Delete', 'Delete'))).toEqual(['ConfigMap', 'Pod']);
  });
});

/** A member as the API would hold it: created, with a phase, Ready or not. */
function member(set: KubeObject, ordinal: number, revision: string, state: { ready?: boolean; phase?: string; terminating?: boolean } = {}): KubeObject {
  const pod = newStatefulSetPod(set, template, ordinal, revision);
  const ready = state.ready ?? true;
  return {
    ...pod,
    metadata: { ...pod.metadata, uid: `uid-${ordinal}`, ...(state.terminating ? { deletionTimestamp: '2025-09-01T09:00:00Z' } : {}) },
    status: { phase: state.phase ?? 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: '2025-09-01T09:00:00Z' }] },
  };
}

function recorder(): { calls: string[]; control: MemberControl } {
  const calls: string[] = [];
  const control: MemberControl = {
    createStatefulPod: (_set, pod) => (calls.push(`create ${String(pod.metadata.name)}`), true),
    deleteStatefulPod: (_set, pod) => (calls.push(`delete ${String(pod.metadata.name)}`), true),
    updateStatefulPod: (_set, pod) => (calls.push(`update ${String(pod.metadata.name)}`), true),
    createMissingClaims: () => undefined,
    claimsMatchRetentionPolicy: () => true,
    updateClaimsForRetentionPolicy: () => undefined,
  };
  return { calls, control };
}

function sync(set: KubeObject, pods: KubeObject[], update = newRevision(set, 1, 0), current = update) {
  const r = recorder();
  const status = new StatefulSetControl(r.control).updateStatefulSet({ set, currentRevision: current, updateRevision: update, collisionCount: 0, pods, nowMs: Date.UTC(2025, 8, 1, 9, 1) });
  return { calls: r.calls, status };
}

describe('StatefulSetControl', () => {
  const set = statefulSet();
  const rev = String(newRevision(set, 1, 0).metadata.name);

  it('OrderedReady makes one member at a time, in ordinal order, waiting for Running and Ready', () => {
    expect(sync(set, []).calls).toEqual(['create web-0']);
    expect(sync(set, [member(set, 0, rev, { ready: false })]).calls).toEqual([]);
    expect(sync(set, [member(set, 0, rev)]).calls).toEqual(['create web-1']);
  });

  it('Parallel makes every missing member at once', () => {
    const parallel = statefulSet({ podManagementPolicy: 'Parallel' });
    expect(sync(parallel, []).calls).toEqual(['create web-0', 'create web-1', 'create web-2']);
  });

  it('deletes a failed member so it is made again', () => {
    expect(sync(set, [member(set, 0, rev, { phase: 'Failed' })]).calls).toEqual(['delete web-0']);
  });

  it('scales down from the highest ordinal, one at a time, only while the others are healthy', () => {
    const two = statefulSet({ replicas: 2 });
    const pods = [0, 1, 2, 3].map((i) => member(two, i, rev));
    expect(sync(two, pods).calls).toEqual(['delete web-3']);
    const terminating = [...pods.slice(0, 3), member(two, 3, rev, { terminating: true })];
    expect(sync(two, terminating).calls).toEqual([]);
    expect(sync(two, [member(two, 0, rev, { ready: false }), ...pods.slice(1, 3)]).calls).toEqual([]);
  });

  it('rolls from the highest ordinal down to the partition, one member at a time', () => {
    const next = statefulSet({ template: { ...template, spec: { ...template.spec, containers: [{ name: 'nginx', image: 'registry.k8s.io/nginx-slim:0.21' }] } } });
    const old = newRevision(set, 1, 0);
    const update = newRevision(next, 2, 0);
    const pods = [0, 1, 2].map((i) => member(set, i, rev));
    const first = sync(next, pods, update, old);
    expect(first.calls).toEqual(['delete web-2']);
    expect(first.status).toMatchObject({ currentReplicas: 2, updatedReplicas: 0, currentRevision: rev, updateRevision: update.metadata.name });
    const partitioned = statefulSet({ ...next.spec as Record<string, unknown>, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 2 } } });
    const rolled = [member(set, 0, rev), member(set, 1, rev), member(next, 2, String(update.metadata.name))];
    expect(sync(partitioned, rolled, update, old).calls).toEqual([]);
    expect(sync({ ...partitioned, spec: { ...next.spec as Record<string, unknown>, updateStrategy: { type: 'OnDelete' } } }, pods, update, old).calls).toEqual([]);
  });
});
