import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { volumeMatchesClaim } from './pv-binder-controller';
import { localPathVolume } from '../local-path-provisioner/local-path-provisioner';

const pvc: KubeObject = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'default', uid: 'abc', resourceVersion: '7' }, spec: { storageClassName: 'standard', accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };

describe('persistent volumes', () => {
  it('matches a volume by class, access modes and capacity', () => {
    const pv = (storage: string, modes: string[], cls = 'standard'): KubeObject => ({ apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { storageClassName: cls, accessModes: modes, capacity: { storage } } });
    expect(volumeMatchesClaim(pv('2Gi', ['ReadWriteOnce', 'ReadOnlyMany']), pvc)).toBe(true);
    expect(volumeMatchesClaim(pv('512Mi', ['ReadWriteOnce']), pvc)).toBe(false);
    expect(volumeMatchesClaim(pv('2Gi', ['ReadOnlyMany']), pvc)).toBe(false);
    expect(volumeMatchesClaim(pv('2Gi', ['ReadWriteOnce'], 'fast'), pvc)).toBe(false);
  });

  it('local-path provisions pvc-<uid> on the selected node, pre-bound to the claim', () => {
    const pv = localPathVolume(pvc, 'kind-worker', 'Delete');
    expect(pv.metadata.name).toBe('pvc-abc');
    expect(pv.spec).toMatchObject({
      hostPath: { path: '/var/local-path-provisioner/pvc-abc_default_data', type: 'DirectoryOrCreate' },
      persistentVolumeReclaimPolicy: 'Delete',
      claimRef: { name: 'data', namespace: 'default', uid: 'abc' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-worker'] }] }] } },
      capacity: { storage: '1Gi' },
    });
  });
});
