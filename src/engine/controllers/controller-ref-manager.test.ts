import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import type { Client } from '../client';
import { claimObjects } from './controller-ref-manager';

const REVISIONS = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };
const owner: KubeObject = { apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'agent', namespace: 'default', uid: 'ds-1' } };
const ref = (uid: string, name = 'agent') => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', name, uid, controller: true, blockOwnerDeletion: true });
const revision = (name: string, labels: Record<string, string>, extra: Partial<KubeObject['metadata']> = {}): KubeObject => ({ apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name, namespace: 'default', uid: `u-${name}`, labels, ...extra } });

function recorder() {
  const patches: unknown[][] = [];
  const client = { patch: (r: { name?: string }, type: string, body: unknown) => (patches.push([r.name, type, body]), { ok: true, value: {} }) } as unknown as Client;
  return { patches, client };
}

describe('claimObjects (ClaimControllerRevisions)', () => {
  const match = (o: KubeObject) => o.metadata.labels?.app === 'agent';

  it('keeps owned matches, adopts matching orphans, releases owned ones that stopped matching, leaves the rest', () => {
    const { patches, client } = recorder();
    const owned = revision('owned', { app: 'agent' }, { ownerReferences: [ref('ds-1')] });
    const orphan = revision('orphan', { app: 'agent' });
    const stale = revision('stale', { app: 'other' }, { ownerReferences: [ref('ds-1')] });
    const foreign = revision('foreign', { app: 'agent' }, { ownerReferences: [ref('ds-2', 'other')] });
    const unmatched = revision('unmatched', { app: 'other' });
    const dying = revision('dying', { app: 'agent' }, { deletionTimestamp: '2025-01-01T00:00:00Z' });
    const elsewhere = { ...orphan, metadata: { ...orphan.metadata, name: 'elsewhere', namespace: 'kube-system' } };
    const claimed = claimObjects({ client, resource: REVISIONS, owner, match }, [owned, orphan, stale, foreign, unmatched, dying, elsewhere]);
    expect(claimed.map((r) => r.metadata.name)).toEqual(['owned', 'orphan']);
    expect(patches).toEqual([
      ['orphan', 'merge', { metadata: { ownerReferences: [ref('ds-1')], uid: 'u-orphan' } }],
      ['stale', 'merge', { metadata: { ownerReferences: null, uid: 'u-stale' } }],
    ]);
  });

  it('neither adopts nor releases while the owner is being deleted, and adopts nothing when the recheck fails', () => {
    const { patches, client } = recorder();
    const deleting = { ...owner, metadata: { ...owner.metadata, deletionTimestamp: '2025-01-01T00:00:00Z' } };
    const objects = [revision('orphan', { app: 'agent' }), revision('stale', { app: 'other' }, { ownerReferences: [ref('ds-1')] })];
    expect(claimObjects({ client, resource: REVISIONS, owner: deleting, match }, objects)).toEqual([]);
    let asked = 0;
    const claimed = claimObjects({ client, resource: REVISIONS, owner, match, canAdopt: () => (asked++, false) }, [objects[0] as KubeObject, revision('orphan2', { app: 'agent' })]);
    expect([claimed, asked, patches]).toEqual([[], 1, []]);
  });
});
