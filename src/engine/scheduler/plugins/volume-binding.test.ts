import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { CycleState } from '../framework/types';
import { listers, node, pod } from '../testing/fixtures';
import { delayedClaims, ERR_REASON_NODE_CONFLICT, ERR_UNBOUND_IMMEDIATE, volumeBinding } from './volume-binding';
import { ERR_REASON_RWOP_CONFLICT, volumeRestrictions } from './volume-restrictions';

const claim = (name: string, spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name, namespace: 'default', uid: `pvc-${name}` }, spec: { accessModes: ['ReadWriteOnce'], ...spec } });
const user = (claimName: string) => pod('user', {}, { volumes: [{ name: 'data', persistentVolumeClaim: { claimName } }] });
const classes = [
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'standard' }, provisioner: 'rancher.io/local-path', volumeBindingMode: 'WaitForFirstConsumer' },
  { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'fast' }, provisioner: 'example.com/fast', volumeBindingMode: 'Immediate' },
];

describe('VolumeBinding', () => {
  it('rejects a missing claim and an unbound Immediate claim in PreFilter', () => {
    const plugin = volumeBinding(listers([], { pvcs: [claim('imm', { storageClassName: 'fast' })], classes }));
    expect(plugin.preFilter(new CycleState(), user('nope'))).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ['persistentvolumeclaim "nope" not found'] });
    expect(plugin.preFilter(new CycleState(), user('imm')).reasons).toEqual([ERR_UNBOUND_IMMEDIATE]);
    expect(plugin.preFilter(new CycleState(), pod('plain')).code).toBe('Skip');
  });

  it("keeps a pod off nodes its bound volume's nodeAffinity excludes", () => {
    const pv = { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'pv1' }, spec: { nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['a'] }] }] } } } };
    const plugin = volumeBinding(listers([], { pvcs: [claim('data', { storageClassName: 'standard', volumeName: 'pv1' })], pvs: [pv], classes }));
    const state = new CycleState();
    const p = user('data');
    expect(plugin.preFilter(state, p).code).toBe('Success');
    expect(plugin.filter(state, p, node('a')).code).toBe('Success');
    expect(plugin.filter(state, p, node('b'))).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_CONFLICT] });
  });

  it('lets WaitForFirstConsumer claims through and hands them to PreBind', () => {
    const plugin = volumeBinding(listers([], { pvcs: [claim('data', { storageClassName: 'standard' })], classes }));
    const state = new CycleState();
    const p = user('data');
    expect(plugin.preFilter(state, p).code).toBe('Success');
    expect(plugin.filter(state, p, node('a')).code).toBe('Success');
    expect(delayedClaims(state).map((c) => c.metadata.name)).toEqual(['data']);
  });
});

describe('VolumeRestrictions', () => {
  it('refuses a second user of a ReadWriteOncePod claim', () => {
    const a = node('a');
    const rwop = claim('solo', { accessModes: ['ReadWriteOncePod'] });
    const plugin = volumeRestrictions(listers([a], { pvcs: [rwop] }));
    expect(plugin.preFilter(new CycleState(), user('solo'), [a]).code).toBe('Success');
    a.addPod({ ...user('solo'), spec: { ...(user('solo').spec as Record<string, unknown>), nodeName: 'a' } });
    expect(plugin.preFilter(new CycleState(), user('solo'), [a])).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_RWOP_CONFLICT] });
  });
});
