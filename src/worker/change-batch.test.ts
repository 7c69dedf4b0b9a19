import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine';
import { ChangeBatch, TRAFFIC_PER_PATCH_MAX } from './change-batch';

const pod = (uid: string, phase: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { uid, name: uid }, status: { phase } });

describe('change batch', () => {
  it('keeps only the last change of each object, keyed by uid', () => {
    const batch = new ChangeBatch();
    batch.add({ kind: 'object', type: 'ADDED', object: pod('a', 'Pending') });
    batch.add({ kind: 'object', type: 'ADDED', object: pod('b', 'Pending') });
    batch.add({ kind: 'object', type: 'MODIFIED', object: pod('a', 'Running') });
    batch.add({ kind: 'object', type: 'DELETED', object: pod('b', 'Pending') });
    expect(batch.take()?.ops).toEqual([
      { op: 'put', object: pod('a', 'Running') },
      { op: 'remove', uid: 'b' },
    ]);
  });

  it('is empty after take and reports nothing when nothing changed', () => {
    const batch = new ChangeBatch();
    expect(batch.take()).toBeUndefined();
    batch.add({ kind: 'traffic', event: { atMs: 1, from: 'kubectl', to: 'kube-apiserver', verb: 'GET', path: '/api/v1/nodes', code: 200 } });
    expect(batch.take()?.traffic).toHaveLength(1);
    expect(batch.take()).toBeUndefined();
  });

  it('caps the traffic of one patch', () => {
    const batch = new ChangeBatch();
    for (let i = 0; i < TRAFFIC_PER_PATCH_MAX + 10; i++) batch.add({ kind: 'traffic', event: { atMs: i, from: 'kubectl', to: 'kube-apiserver', verb: 'GET', path: '/api' } });
    expect(batch.take()?.traffic).toHaveLength(TRAFFIC_PER_PATCH_MAX);
  });
});
