/**
 * replicaset-controller: keeps `spec.replicas` pods matching the ReplicaSet's selector. It adopts
 * matching orphans, releases pods that stop matching, creates missing pods in slow-start batches
 * (1, 2, 4, ...), deletes surplus pods in ActivePods order, and reports status, with a
 * ReplicaFailure condition while pods cannot be created.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import { LegacyEventRecorder } from '../../client';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { PodControl } from '../pod-control';
import { controllerRef, deletionRank, isPodActive, isPodAvailable, isPodReady } from '../pod-helpers';
import { formatRfc3339 } from '../../api/time';
import { replicaSetConditions } from './replica-failure';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

const SLOW_START_INITIAL_BATCH = 1;
const BURST_REPLICAS = 500;

export class ReplicaSetController implements Controller {
  readonly name = 'replicaset-controller';
  private pods: PodControl | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.pods = new PodControl(context.client, new LegacyEventRecorder(context.client, context.loop, 'replicaset-controller', ''));
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    context.informers.forResource('apps', 'v1', 'replicasets').addHandler({ onAdd: (rs) => enqueue(keyOf(rs)), onUpdate: (_o, rs) => enqueue(keyOf(rs)) });
    const owner = (pod: KubeObject) => {
      const ref = controllerRef(pod);
      if (ref?.kind === 'ReplicaSet') enqueue(`${text(pod.metadata.namespace)}/${ref.name}`);
      else if (!ref) {
        // An orphan may be adopted by any ReplicaSet whose selector matches it.
        for (const rs of context.informers.forResource('apps', 'v1', 'replicasets').list()) {
          if (rs.metadata.namespace === pod.metadata.namespace && matches(fromLabelSelector(rec(rec(rs.spec).selector)), pod.metadata.labels)) enqueue(keyOf(rs));
        }
      }
    };
    context.informers.forResource('', 'v1', 'pods').addHandler({ onAdd: owner, onUpdate: (_o, p) => owner(p), onDelete: owner });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const got = context.client.get({ group: 'apps', version: 'v1', resource: 'replicasets', namespace, name });
    if (!got.ok) return DONE;
    const rs = got.value;
    if (rs.metadata.deletionTimestamp) return DONE;
    const spec = rec(rs.spec);
    const selector = fromLabelSelector(rec(spec.selector));
    const listed = context.client.list({ group: '', version: 'v1', resource: 'pods', namespace });
    if (!listed.ok) return { kind: 'retry', reason: 'list pods failed' };
    const owned: KubeObject[] = [];
    for (const pod of listed.value.items) {
      const ref = controllerRef(pod);
      const matching = matches(selector, pod.metadata.labels);
      if (ref?.uid === rs.metadata.uid) {
        if (matching) owned.push(pod);
        else this.release(pod, rs, context);
      } else if (!ref && matching && isPodActive(pod)) {
        if (this.adopt(pod, rs, context)) owned.push(pod);
      }
    }
    const active = owned.filter(isPodActive);
    const desired = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const diff = desired - active.length;
    const error = diff > 0 ? this.createPods(rs, Math.min(diff, BURST_REPLICAS)) : undefined;
    if (diff < 0) this.deletePods(rs, [...active].sort(deletionRank).slice(0, -diff));
    const status = this.updateStatus(rs, owned, error, context);
    // A refused create (a quota, an admission check) is retried with the queue's back-off, as
    // syncReplicaSet's error does; the FailedCreate event already says why.
    if (error !== undefined) return { kind: 'retry', reason: 'pod creation failed' };
    // All pods ready but not yet available: look again once minReadySeconds have passed, as
    // syncReplicaSet's AddAfter does (no pod event would wake it then).
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    if (minReady > 0 && Number(status.readyReplicas ?? 0) === desired && Number(status.availableReplicas ?? 0) !== desired) return { kind: 'requeueAfter', delayMs: minReady * 1000 };
    return DONE;
  }

  private adopt(pod: KubeObject, rs: KubeObject, context: ControllerContext): boolean {
    const refs = [...(pod.metadata.ownerReferences ?? []), { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: text(rs.metadata.name), uid: text(rs.metadata.uid), controller: true, blockOwnerDeletion: true }];
    return context.client.patch({ group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: text(pod.metadata.name) }, 'merge', { metadata: { ownerReferences: refs, uid: pod.metadata.uid } }).ok;
  }

  private release(pod: KubeObject, rs: KubeObject, context: ControllerContext): void {
    const refs = (pod.metadata.ownerReferences ?? []).filter((o) => o.uid !== rs.metadata.uid);
    context.client.patch({ group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: text(pod.metadata.name) }, 'merge', { metadata: { ownerReferences: refs.length ? refs : null, uid: pod.metadata.uid } });
  }

  /**
   * Slow start: batches of 1, 2, 4, ... so a broken template fails fast instead of flooding the
   * API. Returns the first refusal's error text, as slowStartBatch returns the first error.
   */
  private createPods(rs: KubeObject, count: number): string | undefined {
    const template = rec(rec(rs.spec).template);
    let remaining = count;
    let batch = SLOW_START_INITIAL_BATCH;
    while (remaining > 0) {
      const size = Math.min(batch, remaining);
      let error: string | undefined;
      for (let i = 0; i < size; i++) {
        const r = this.pods?.create(rs, template);
        if (r && !r.created) error ??= r.error;
      }
      if (error !== undefined) return error;
      remaining -= size;
      batch *= 2;
    }
    return undefined;
  }

  private deletePods(rs: KubeObject, victims: KubeObject[]): void {
    for (const pod of victims) this.pods?.delete(rs, pod);
  }

  /** Writes the ReplicaSet's status when it changed; returns the status computed. */
  private updateStatus(rs: KubeObject, owned: KubeObject[], error: string | undefined, context: ControllerContext): Record<string, unknown> {
    const spec = rec(rs.spec);
    const minReady = typeof spec.minReadySeconds === 'number' ? spec.minReadySeconds : 0;
    const active = owned.filter(isPodActive);
    const templateLabels = rec(rec(rec(spec.template).metadata).labels);
    const status: Record<string, unknown> = {
      replicas: active.length,
      fullyLabeledReplicas: active.filter((p) => Object.entries(templateLabels).every(([k, v]) => p.metadata.labels?.[k] === v)).length,
      readyReplicas: active.filter(isPodReady).length,
      availableReplicas: active.filter((p) => isPodAvailable(p, minReady, context.loop.nowMs())).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    for (const k of ['readyReplicas', 'availableReplicas', 'fullyLabeledReplicas']) if (status[k] === 0) delete status[k];
    const current = rec(rs.status);
    const desired = typeof spec.replicas === 'number' ? spec.replicas : 1;
    const conditions = replicaSetConditions(current.conditions, error, active.length - desired, formatRfc3339(context.loop.nowMs()));
    if (conditions.length) status.conditions = conditions;
    const same = ['replicas', 'fullyLabeledReplicas', 'readyReplicas', 'availableReplicas', 'observedGeneration'].every((k) => current[k] === status[k]) && JSON.stringify(current.conditions ?? []) === JSON.stringify(conditions);
    if (!same) context.client.update({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: rs.metadata.namespace, name: text(rs.metadata.name), subresource: 'status' }, { ...rs, status });
    return status;
  }
}
