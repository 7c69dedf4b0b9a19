/**
 * StatefulPodControl (stateful_pod_control.go): creates a member's claims before the member, deletes
 * members, and keeps claims' ownerReferences in line with persistentVolumeClaimRetentionPolicy.
 * Events on the StatefulSet read as Kubernetes words them:
 * `SuccessfulCreate` "create Pod web-0 in StatefulSet web successful",
 * `SuccessfulCreate` "create Claim www-web-0 Pod web-0 in StatefulSet web success",
 * `SuccessfulDelete` "delete Pod web-2 in StatefulSet web successful", and `Failed<Verb>` warnings.
 */
import type { KubeObject, OwnerReference } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import type { Client, LegacyEventRecorder } from '../../client';
import { claimsFor, inOrdinalRange, ordinalOf } from './stateful-set-utils';

const PODS = { group: '', version: 'v1', resource: 'pods' };
const CLAIMS = { group: '', version: 'v1', resource: 'persistentvolumeclaims' };

type Verb = 'create' | 'update' | 'delete';

function title(verb: Verb): string {
  return verb[0]?.toUpperCase() + verb.slice(1);
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** The claims' lister: what the controller's PVC informer holds. */
export type ClaimLister = (namespace: string, name: string) => KubeObject | undefined;

export class StatefulPodControl {
  constructor(
    private readonly client: Client,
    private readonly events: LegacyEventRecorder,
    private readonly claims: ClaimLister,
  ) {}

  /** Creates the member's missing claims, then the member. False when something failed (retry later). */
  createStatefulPod(set: KubeObject, pod: KubeObject): boolean {
    const claimError = this.createMissingClaims(set, pod);
    if (claimError) {
      this.recordPodEvent('create', set, pod, claimError);
      return false;
    }
    const r = this.client.create({ ...PODS, namespace: set.metadata.namespace }, pod);
    if (!r.ok && r.code === 409) return false; // AlreadyExists: sunk without an event
    if (r.ok) this.updateClaimsForRetentionPolicy(set, r.value);
    this.recordPodEvent('create', set, pod, r.ok ? undefined : (r.status.message ?? ''));
    return r.ok;
  }

  deleteStatefulPod(set: KubeObject, pod: KubeObject): boolean {
    const r = this.client.delete({ ...PODS, namespace: pod.metadata.namespace, name: text(pod.metadata.name) });
    this.recordPodEvent('delete', set, pod, r.ok ? undefined : (r.status.message ?? ''));
    return r.ok || r.code === 404;
  }

  /** Replaces a member's identity labels or volumes when they drifted (UpdateStatefulPod). */
  updateStatefulPod(set: KubeObject, pod: KubeObject, next: KubeObject): boolean {
    const claimError = this.createMissingClaims(set, next);
    if (claimError) {
      this.recordPodEvent('update', set, pod, claimError);
      return false;
    }
    const r = this.client.update({ ...PODS, namespace: pod.metadata.namespace, name: text(pod.metadata.name) }, next);
    this.recordPodEvent('update', set, pod, r.ok ? undefined : (r.status.message ?? ''));
    return r.ok;
  }

  /** createPersistentVolumeClaims: the error text of the first failure, undefined when all exist. */
  createMissingClaims(set: KubeObject, pod: KubeObject): string | undefined {
    const errors: string[] = [];
    for (const claim of claimsFor(set, ordinalOf(pod))) {
      if (this.claims(text(claim.metadata.namespace), text(claim.metadata.name))) continue;
      const r = this.client.create({ ...CLAIMS, namespace: claim.metadata.namespace }, claim);
      if (!r.ok) {
        if (r.code === 409) continue;
        errors.push(`failed to create PVC ${text(claim.metadata.name)}: ${r.status.message ?? ''}`);
      }
      this.recordClaimEvent(set, pod, claim, r.ok ? undefined : (r.status.message ?? ''));
    }
    return errors.length ? errors.join(', ') : undefined;
  }

  /** ClaimsMatchRetentionPolicy: every existing claim of the member has the owners its policy asks for. */
  claimsMatchRetentionPolicy(set: KubeObject, pod: KubeObject): boolean {
    return claimsFor(set, ordinalOf(pod)).every((c) => {
      const claim = this.claims(text(c.metadata.namespace), text(c.metadata.name));
      return !claim || sameOwners(claim.metadata.ownerReferences ?? [], wantedClaimOwners(claim, set, pod));
    });
  }

  /** UpdatePodClaimForRetentionPolicy: rewrites the claims' ownerReferences to match the policy. */
  updateClaimsForRetentionPolicy(set: KubeObject, pod: KubeObject): void {
    for (const c of claimsFor(set, ordinalOf(pod))) {
      const claim = this.claims(text(c.metadata.namespace), text(c.metadata.name));
      if (!claim) continue;
      const owners = wantedClaimOwners(claim, set, pod);
      if (sameOwners(claim.metadata.ownerReferences ?? [], owners)) continue;
      this.client.patch({ ...CLAIMS, namespace: claim.metadata.namespace, name: text(claim.metadata.name) }, 'merge', { metadata: { ownerReferences: owners.length ? owners : null, uid: claim.metadata.uid } });
    }
  }

  private recordPodEvent(verb: Verb, set: KubeObject, pod: KubeObject, error: string | undefined): void {
    const name = text(pod.metadata.name);
    if (error === undefined) this.events.record(set, 'Normal', `Successful${title(verb)}`, `${verb} Pod ${name} in StatefulSet ${text(set.metadata.name)} successful`);
    else this.events.record(set, 'Warning', `Failed${title(verb)}`, `${verb} Pod ${name} in StatefulSet ${text(set.metadata.name)} failed error: ${error}`);
  }

  private recordClaimEvent(set: KubeObject, pod: KubeObject, claim: KubeObject, error: string | undefined): void {
    const names = `${text(claim.metadata.name)} Pod ${text(pod.metadata.name)} in StatefulSet ${text(set.metadata.name)}`;
    if (error === undefined) this.events.record(set, 'Normal', 'SuccessfulCreate', `create Claim ${names} success`);
    else this.events.record(set, 'Warning', 'FailedCreate', `create Claim ${text(claim.metadata.name)} for Pod ${text(pod.metadata.name)} in StatefulSet ${text(set.metadata.name)} failed error: ${error}`);
  }
}

function controllerRefTo(owner: KubeObject, apiVersion: string, kind: string): OwnerReference {
  return { apiVersion, kind, name: text(owner.metadata.name), uid: text(owner.metadata.uid), controller: true, blockOwnerDeletion: true };
}

/**
 * updateClaimOwnerRefForSetAndPod: Retain/Retain wants no owner of ours; whenDeleted=Delete makes
 * the set the claim's controller; whenScaled=Delete makes a scaled-down member its controller (so
 * the garbage collector removes the claim with the pod). Other owners are kept.
 */
export function wantedClaimOwners(claim: KubeObject, set: KubeObject, pod: KubeObject): OwnerReference[] {
  const policy = rec(rec(set.spec).persistentVolumeClaimRetentionPolicy);
  const whenDeleted = text(policy.whenDeleted) || 'Retain';
  const whenScaled = text(policy.whenScaled) || 'Retain';
  const ours = (r: OwnerReference) => (r.kind === 'StatefulSet' && r.apiVersion === 'apps/v1' && r.name === set.metadata.name) || (r.kind === 'Pod' && r.apiVersion === 'v1' && r.name === pod.metadata.name);
  const refs = (claim.metadata.ownerReferences ?? []).filter((r) => !ours(r));
  const scaledDown = !inOrdinalRange(set, pod);
  if (whenScaled === 'Delete' && scaledDown && pod.metadata.uid) refs.push(controllerRefTo(pod, 'v1', 'Pod'));
  if (whenDeleted === 'Delete' && !(whenScaled === 'Delete' && scaledDown)) refs.push(controllerRefTo(set, 'apps/v1', 'StatefulSet'));
  return refs;
}

function sameOwners(a: readonly OwnerReference[], b: readonly OwnerReference[]): boolean {
  const key = (r: OwnerReference) => `${r.kind}/${r.name}/${r.uid}/${String(r.controller === true)}`;
  return a.length === b.length && a.every((r, i) => key(r) === key(b[i] as OwnerReference));
}
