/**
 * The ControllerRefManager (pkg/controller/controller_ref_manager.go): a controller claims the
 * objects it should own. One it already controls stays while it matches and is released (its
 * ownerReference removed) once it stops matching, unless the controller is being deleted; an
 * orphan that matches is adopted (a controller ownerReference added), unless either side is being
 * deleted; objects controlled by others are left alone. ClaimPods and ClaimControllerRevisions
 * both come down to this.
 */
import type { KubeObject } from '../api/meta';
import { text } from '../api/meta';
import type { Client, ResourceRef } from '../client';
import { controllerRef } from './pod-helpers';

/** The controller ownerReference a workload puts on what it owns. */
export function controllerOwnerRef(owner: KubeObject): NonNullable<KubeObject['metadata']['ownerReferences']>[number] {
  return { apiVersion: text(owner.apiVersion) || 'apps/v1', kind: text(owner.kind), name: text(owner.metadata.name), uid: text(owner.metadata.uid), controller: true, blockOwnerDeletion: true };
}

function ownersPatch(client: Client, resource: ResourceRef, o: KubeObject, refs: KubeObject['metadata']['ownerReferences']): boolean {
  // The uid precondition makes the patch fail on a namesake created since the object was read.
  const ref = { ...resource, namespace: o.metadata.namespace, name: text(o.metadata.name) };
  return client.patch(ref, 'merge', { metadata: { ownerReferences: refs && refs.length ? refs : null, uid: o.metadata.uid } }).ok;
}

/** AdoptPod / AdoptControllerRevision: add the owner's controller reference. */
export function adoptObject(client: Client, resource: ResourceRef, o: KubeObject, owner: KubeObject): boolean {
  return ownersPatch(client, resource, o, [...(o.metadata.ownerReferences ?? []), controllerOwnerRef(owner)]);
}

/** ReleasePod / ReleaseControllerRevision: drop the owner's reference. */
export function releaseObject(client: Client, resource: ResourceRef, o: KubeObject, owner: KubeObject): boolean {
  return ownersPatch(client, resource, o, (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.metadata.uid));
}

export interface ClaimOptions {
  client: Client;
  /** The claimed objects' resource (pods, controllerrevisions). */
  resource: ResourceRef;
  owner: KubeObject;
  match: (o: KubeObject) => boolean;
  /** RecheckDeletionTimestamp's answer, asked once before the first adoption. */
  canAdopt?: () => boolean;
}

/** ClaimObject over `objects`: those the owner controls after adopting and releasing, in input order. */
export function claimObjects(options: ClaimOptions, objects: readonly KubeObject[]): KubeObject[] {
  const { client, resource, owner, match } = options;
  const ownerDeleting = owner.metadata.deletionTimestamp !== undefined;
  let adoptable: boolean | undefined;
  const claimed: KubeObject[] = [];
  for (const o of objects) {
    if (owner.metadata.namespace !== undefined && o.metadata.namespace !== owner.metadata.namespace) continue;
    const ref = controllerRef(o);
    if (ref) {
      if (ref.uid !== owner.metadata.uid) continue;
      if (match(o)) claimed.push(o);
      else if (!ownerDeleting) releaseObject(client, resource, o, owner);
      continue;
    }
    if (ownerDeleting || o.metadata.deletionTimestamp || !match(o)) continue;
    adoptable ??= options.canAdopt?.() ?? true;
    if (adoptable && adoptObject(client, resource, o, owner)) claimed.push(o);
  }
  return claimed;
}
