/**
 * deployment-controller: owns one ReplicaSet per pod template (named `<deployment>-<pod-template-hash>`),
 * rolls from old to new with RollingUpdate (maxSurge rounded up, maxUnavailable rounded down) or
 * Recreate, keeps revision annotations, and reports replicas and the Available/Progressing
 * conditions. Events: `ScalingReplicaSet` "Scaled up replica set x from 0 to 3".
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';
import { LegacyEventRecorder } from '../../client';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { controllerRef } from '../pod-helpers';
import { podTemplateHash } from './pod-template-hash';
import { replicaFailureCondition } from './replica-failure';
import { calculateStatus, failedCreateConditions, newReplicaSetConditions, pausedConditions, removeCondition, resolveFenceposts, setCondition, stuckRequeueDelayMs, withRolloutProgress, type DeploymentCondition, type DeploymentStatus } from './progressing';

export { resolveFenceposts } from './progressing';

const REVISION = 'deployment.kubernetes.io/revision';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function replicasOf(o: KubeObject): number {
  const r = rec(o.spec).replicas;
  return typeof r === 'number' ? r : 0;
}

function templateWithoutHash(template: unknown): unknown {
  const t = structuredCloneJson(rec(template));
  const labels = rec(rec(t.metadata).labels);
  delete labels['pod-template-hash'];
  return t;
}

/** JSON with object keys sorted: two templates that differ only in key order are the same template (EqualIgnoreHash). */
function canonical(value: unknown): string {
  const sort = (v: unknown): unknown => (Array.isArray(v) ? v.map(sort) : v !== null && typeof v === 'object' ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sort((v as Record<string, unknown>)[k])])) : v);
  return JSON.stringify(sort(value));
}

function structuredCloneJson(v: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(v)) as Record<string, unknown>;
}

/** The desired-replicas and max-replicas annotations a ReplicaSet carries from its last scaling. */
function replicasAnnotations(d: KubeObject): Record<string, string> {
  const strategy = rec(rec(d.spec).strategy);
  const ru = rec(strategy.rollingUpdate);
  const surge = strategy.type === 'Recreate' ? 0 : resolveFenceposts(ru.maxSurge, ru.maxUnavailable, replicasOf(d)).surge;
  return { 'deployment.kubernetes.io/desired-replicas': String(replicasOf(d)), 'deployment.kubernetes.io/max-replicas': String(replicasOf(d) + surge) };
}

function annotatedNumber(rs: KubeObject, key: string): number | undefined {
  const v = rs.metadata.annotations?.[key];
  return v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
}

/** isScalingEvent: an active ReplicaSet was last scaled for a different replica count than the Deployment's. */
function isScalingEvent(d: KubeObject, all: readonly KubeObject[]): boolean {
  return all.some((rs) => replicasOf(rs) > 0 && annotatedNumber(rs, 'deployment.kubernetes.io/desired-replicas') !== undefined && annotatedNumber(rs, 'deployment.kubernetes.io/desired-replicas') !== replicasOf(d));
}

/** IsSaturated: the new ReplicaSet alone runs all the Deployment's replicas, all available. */
function isSaturated(d: KubeObject, rs: KubeObject): boolean {
  const want = replicasOf(d);
  return replicasOf(rs) === want && annotatedNumber(rs, 'deployment.kubernetes.io/desired-replicas') === want && Number(rec(rs.status).availableReplicas ?? 0) === want;
}

/** getReplicaSetFraction: this ReplicaSet's share of the change, rounded half away from zero. */
function replicaSetFraction(rs: KubeObject, d: KubeObject, surge: number): number {
  if (replicasOf(d) === 0) return -replicasOf(rs);
  const maxNow = replicasOf(d) + surge;
  let before = annotatedNumber(rs, 'deployment.kubernetes.io/max-replicas') ?? 0;
  if (before === 0) before = Number(rec(d.status).replicas ?? 0);
  if (before === 0) return 0;
  const exact = (replicasOf(rs) * maxNow) / before;
  const rounded = Math.sign(exact) * Math.round(Math.abs(exact));
  return rounded - replicasOf(rs);
}

/** ReplicaSetsByCreationTimestamp: older first, then by name. */
function compareByCreation(a: KubeObject, b: KubeObject): number {
  const ta = text(a.metadata.creationTimestamp);
  const tb = text(b.metadata.creationTimestamp);
  if (ta !== tb) return ta < tb ? -1 : 1;
  return text(a.metadata.name) < text(b.metadata.name) ? -1 : text(a.metadata.name) > text(b.metadata.name) ? 1 : 0;
}

export class DeploymentController implements Controller {
  readonly name = 'deployment-controller';
  private events: LegacyEventRecorder | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.events = new LegacyEventRecorder(context.client, context.loop, 'deployment-controller', '');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    context.informers.forResource('apps', 'v1', 'deployments').addHandler({ onAdd: (d) => enqueue(keyOf(d)), onUpdate: (_o, d) => enqueue(keyOf(d)) });
    const viaOwner = (rs: KubeObject) => {
      const ref = controllerRef(rs);
      if (ref?.kind === 'Deployment') enqueue(`${text(rs.metadata.namespace)}/${ref.name}`);
    };
    context.informers.forResource('apps', 'v1', 'replicasets').addHandler({ onAdd: viaOwner, onUpdate: (_o, rs) => viaOwner(rs), onDelete: viaOwner });
    // deletePod: a Recreate rollout waits for its old pods to be gone, so their deletion resyncs it.
    const replicaSets = context.informers.forResource('apps', 'v1', 'replicasets');
    const deployments = context.informers.forResource('apps', 'v1', 'deployments');
    context.informers.forResource('', 'v1', 'pods').addHandler({
      onDelete: (pod) => {
        const rsRef = controllerRef(pod);
        if (rsRef?.kind !== 'ReplicaSet') return;
        const rs = replicaSets.get(`${text(pod.metadata.namespace)}/${rsRef.name}`);
        const dRef = rs ? controllerRef(rs) : undefined;
        if (dRef?.kind !== 'Deployment') return;
        const key = `${text(pod.metadata.namespace)}/${dRef.name}`;
        if (rec(rec(deployments.get(key)?.spec).strategy).type === 'Recreate') enqueue(key);
      },
    });
  }

  /**
   * oldPodsRunning: an old ReplicaSet still counts pods, or one of its pods (terminating ones
   * included) has not reached Succeeded or Failed.
   */
  private oldPodsRunning(oldRSs: readonly KubeObject[], context: ControllerContext): boolean {
    if (oldRSs.some((rs) => Number(rec(rs.status).replicas ?? 0) > 0)) return true;
    const uids = new Set(oldRSs.map((rs) => text(rs.metadata.uid)));
    const namespace = text(oldRSs[0]?.metadata.namespace);
    return context.informers
      .forResource('', 'v1', 'pods')
      .listNamespace(namespace)
      .some((pod) => uids.has(controllerRef(pod)?.uid ?? '') && !['Succeeded', 'Failed'].includes(text(rec(pod.status).phase)));
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const got = context.client.get({ group: 'apps', version: 'v1', resource: 'deployments', namespace, name });
    if (!got.ok || got.value.metadata.deletionTimestamp) return DONE;
    let d = got.value;
    const spec = rec(d.spec);
    const listed = context.client.list({ group: 'apps', version: 'v1', resource: 'replicasets', namespace });
    if (!listed.ok) return { kind: 'retry', reason: 'list replicasets failed' };
    const owned = listed.value.items.filter((rs) => controllerRef(rs)?.uid === d.metadata.uid);
    const wanted = canonical(templateWithoutHash(spec.template));
    let newRS = owned.find((rs) => canonical(templateWithoutHash(rec(rs.spec).template)) === wanted);
    const oldRSs = owned.filter((rs) => rs !== newRS);
    const maxRevision = Math.max(0, ...owned.map((rs) => Number(rs.metadata.annotations?.[REVISION] ?? 0)));
    const now = formatRfc3339(context.loop.nowMs());
    // checkPausedConditions: pausing and resuming are recorded first, so a paused time never counts against the deadline.
    d = this.writeConditions(d, pausedConditions(d, now), context);
    if (newRS) d = this.writeConditions(d, newReplicaSetConditions(d, text(newRS.metadata.name), false, now), context);
    // A paused Deployment, or one whose replicas changed, is only scaled (sync): during a rollout
    // the change is spread over the ReplicaSets in proportion to their sizes.
    if (spec.paused === true || isScalingEvent(d, [...(newRS ? [newRS] : []), ...oldRSs])) {
      this.proportionalScale(d, newRS, oldRSs, context);
      if (spec.paused === true) this.cleanupOldReplicaSets(d, oldRSs, context);
      this.writeStatus(d, calculateStatus(d, [...(newRS ? [newRS] : []), ...oldRSs], newRS, now), context);
      return DONE;
    }
    const strategy = rec(spec.strategy);
    // rolloutRecreate creates no new ReplicaSet while old pods run, so nothing scales up early.
    if (!newRS && strategy.type === 'Recreate') {
      const running = this.oldPodsRunning(oldRSs, context);
      const active = oldRSs.filter((rs) => replicasOf(rs) > 0);
      for (const rs of active) this.scale(d, rs, 0, context);
      if (running || active.length > 0) {
        const recheck = this.syncRolloutStatus(d, undefined, oldRSs, context);
        return recheck !== undefined ? { kind: 'requeueAfter', delayMs: recheck } : DONE;
      }
    }
    if (!newRS) {
      newRS = this.createNewReplicaSet(d, maxRevision + 1, context);
      if (newRS) d = this.writeConditions(d, newReplicaSetConditions(d, text(newRS.metadata.name), true, now), context);
    } else if (Number(newRS.metadata.annotations?.[REVISION] ?? 0) < maxRevision) this.annotate(newRS, { [REVISION]: String(maxRevision + 1) }, context);
    if (!newRS) return { kind: 'retry', reason: 'could not create the new ReplicaSet' };
    const desired = replicasOf(d);
    if (strategy.type === 'Recreate') {
      const running = this.oldPodsRunning(oldRSs, context);
      for (const rs of oldRSs) if (replicasOf(rs) > 0) this.scale(d, rs, 0, context);
      if (!running && replicasOf(newRS) !== desired) this.scale(d, newRS, desired, context);
    } else {
      this.rollingUpdate(d, newRS, oldRSs, desired, context);
    }
    this.cleanupOldReplicaSets(d, oldRSs, context);
    const recheck = this.syncRolloutStatus(d, newRS, oldRSs, context);
    return recheck !== undefined ? { kind: 'requeueAfter', delayMs: recheck } : DONE;
  }

  private createNewReplicaSet(d: KubeObject, revision: number, context: ControllerContext): KubeObject | undefined {
    const spec = rec(d.spec);
    const collision = Number(rec(d.status).collisionCount ?? 0);
    const hash = podTemplateHash(templateWithoutHash(spec.template), collision);
    const template = structuredCloneJson(rec(spec.template));
    const meta = rec(template.metadata);
    meta.labels = { ...rec(meta.labels), 'pod-template-hash': hash };
    template.metadata = meta;
    const selector = structuredCloneJson(rec(spec.selector));
    selector.matchLabels = { ...rec(selector.matchLabels), 'pod-template-hash': hash };
    const { surge } = resolveFenceposts(rec(rec(spec.strategy).rollingUpdate).maxSurge, rec(rec(spec.strategy).rollingUpdate).maxUnavailable, replicasOf(d));
    const rsName = `${text(d.metadata.name)}-${hash}`;
    const r = context.client.create(
      { group: 'apps', version: 'v1', resource: 'replicasets', namespace: d.metadata.namespace },
      {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: rsName,
          namespace: d.metadata.namespace,
          labels: rec(meta.labels),
          annotations: { 'deployment.kubernetes.io/desired-replicas': String(replicasOf(d)), 'deployment.kubernetes.io/max-replicas': String(replicasOf(d) + (rec(spec.strategy).type === 'Recreate' ? 0 : surge)), [REVISION]: String(revision) },
          ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: text(d.metadata.name), uid: text(d.metadata.uid), controller: true, blockOwnerDeletion: true }],
        },
        spec: { replicas: 0, minReadySeconds: spec.minReadySeconds ?? 0, selector, template },
      },
    );
    if (!r.ok) {
      // AlreadyExists is a stale cache (or a hash collision); anything else is reported on the Deployment.
      if (r.code !== 409) this.writeConditions(d, failedCreateConditions(d, rsName, r.status.message ?? '', formatRfc3339(context.loop.nowMs())), context);
      return undefined;
    }
    this.annotate(d, { [REVISION]: String(revision) }, context, 'deployments');
    return r.value;
  }

  private annotate(o: KubeObject, annotations: Record<string, string>, context: ControllerContext, resource = 'replicasets'): void {
    context.client.patch({ group: 'apps', version: 'v1', resource, namespace: o.metadata.namespace, name: text(o.metadata.name) }, 'merge', { metadata: { annotations } });
  }

  private scale(d: KubeObject, rs: KubeObject, to: number, context: ControllerContext): void {
    const from = replicasOf(rs);
    if (from === to) return;
    const r = context.client.patch({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: rs.metadata.namespace, name: text(rs.metadata.name) }, 'merge', { metadata: { annotations: replicasAnnotations(d) }, spec: { replicas: to } });
    if (r.ok) this.events?.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${text(rs.metadata.name)} from ${from} to ${to}`);
  }

  /**
   * dc.scale: one active ReplicaSet (or none: the newest) takes the full count; a saturated new
   * ReplicaSet empties the old ones; otherwise, for RollingUpdate, the room between the
   * ReplicaSets' total and replicas + maxSurge is shared out in proportion to each one's size
   * against the max-replicas it was last scaled for, the rounding leftover going to the largest.
   */
  private proportionalScale(d: KubeObject, newRS: KubeObject | undefined, oldRSs: KubeObject[], context: ControllerContext): void {
    const desired = replicasOf(d);
    const byAgeNewest = [...oldRSs].sort((a, b) => compareByCreation(b, a));
    const active = [...byAgeNewest, ...(newRS ? [newRS] : [])].filter((rs) => replicasOf(rs) > 0);
    if (active.length <= 1) {
      const target = active[0] ?? newRS ?? byAgeNewest[0];
      if (target && replicasOf(target) !== desired) this.scale(d, target, desired, context);
      return;
    }
    if (newRS && isSaturated(d, newRS)) {
      for (const rs of oldRSs) if (replicasOf(rs) > 0) this.scale(d, rs, 0, context);
      return;
    }
    if (rec(rec(d.spec).strategy).type === 'Recreate') return;
    const ru = rec(rec(rec(d.spec).strategy).rollingUpdate);
    const { surge } = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired);
    const total = active.reduce((n, rs) => n + replicasOf(rs), 0);
    const allowed = desired > 0 ? desired + surge : 0;
    const toAdd = allowed - total;
    // Equal sizes: scaling up grows newer ReplicaSets first, scaling down shrinks older ones first.
    const ordered = [...active].sort((a, b) => replicasOf(b) - replicasOf(a) || (toAdd > 0 ? compareByCreation(b, a) : compareByCreation(a, b)));
    const sizes = new Map<KubeObject, number>();
    let added = 0;
    for (const rs of ordered) {
      let proportion = 0;
      if (toAdd !== 0 && toAdd !== added) {
        const fraction = replicaSetFraction(rs, d, surge);
        proportion = toAdd > 0 ? Math.min(fraction, toAdd - added) : Math.max(fraction, toAdd - added);
      }
      sizes.set(rs, replicasOf(rs) + proportion);
      added += proportion;
    }
    ordered.forEach((rs, i) => {
      let size = sizes.get(rs) ?? replicasOf(rs);
      if (i === 0 && toAdd !== 0) size = Math.max(0, size + toAdd - added);
      this.scale(d, rs, size, context);
      if (size === replicasOf(rs)) this.annotate(rs, replicasAnnotations(d), context);
    });
  }

  /**
   * One step of a rolling update, as the deployment controller computes it from the ReplicaSets'
   * spec.replicas (so repeated syncs before their statuses catch up never overshoot):
   * grow the new ReplicaSet up to replicas + maxSurge pods in total, then shrink old ones while
   * at least replicas − maxUnavailable pods stay available (unhealthy old pods go first).
   */
  private rollingUpdate(d: KubeObject, newRS: KubeObject, oldRSs: KubeObject[], desired: number, context: ControllerContext): void {
    const ru = rec(rec(rec(d.spec).strategy).rollingUpdate);
    const { surge, unavailable } = resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired);
    const specTotal = () => [newRS, ...oldRSs].reduce((n, rs) => n + replicasOf(rs), 0);
    const available = (rs: KubeObject) => Number(rec(rs.status).availableReplicas ?? 0);
    if (replicasOf(newRS) < desired) {
      const room = Math.min(desired + surge - specTotal(), desired - replicasOf(newRS));
      if (room > 0) newRS = this.scaleTo(d, newRS, replicasOf(newRS) + room, context);
    } else if (replicasOf(newRS) > desired) newRS = this.scaleTo(d, newRS, desired, context);
    const minAvailable = desired - unavailable;
    const newUnavailable = replicasOf(newRS) - available(newRS);
    let maxScaledDown = specTotal() - minAvailable - newUnavailable;
    if (maxScaledDown <= 0) return;
    const byAge = [...oldRSs].sort((a, b) => (String(a.metadata.creationTimestamp) < String(b.metadata.creationTimestamp) ? -1 : 1));
    // Unhealthy old pods are removed first: they serve nothing anyway.
    for (const [i, rs] of byAge.entries()) {
      const unhealthy = replicasOf(rs) - available(rs);
      const cut = Math.min(maxScaledDown, unhealthy);
      if (cut <= 0) continue;
      byAge[i] = this.scaleTo(d, rs, replicasOf(rs) - cut, context);
      maxScaledDown -= cut;
    }
    const availableTotal = [newRS, ...byAge].reduce((n, rs) => n + available(rs), 0);
    let scaleDown = availableTotal - minAvailable;
    for (const rs of byAge) {
      if (scaleDown <= 0) break;
      const cut = Math.min(replicasOf(rs), scaleDown);
      if (cut <= 0) continue;
      this.scaleTo(d, rs, replicasOf(rs) - cut, context);
      scaleDown -= cut;
    }
  }

  /** scale() returning the ReplicaSet as it is afterwards, for the rest of the same sync. */
  private scaleTo(d: KubeObject, rs: KubeObject, to: number, context: ControllerContext): KubeObject {
    this.scale(d, rs, to, context);
    return { ...rs, spec: { ...rec(rs.spec), replicas: to } };
  }

  /** Keeps at most revisionHistoryLimit old ReplicaSets that have no pods left. */
  private cleanupOldReplicaSets(d: KubeObject, oldRSs: KubeObject[], context: ControllerContext): void {
    const limit = Number(rec(d.spec).revisionHistoryLimit ?? 10);
    const empty = oldRSs.filter((rs) => replicasOf(rs) === 0 && Number(rec(rs.status).replicas ?? 0) === 0).sort((a, b) => Number(a.metadata.annotations?.[REVISION] ?? 0) - Number(b.metadata.annotations?.[REVISION] ?? 0));
    for (const rs of empty.slice(0, Math.max(0, empty.length - limit))) context.client.delete({ group: 'apps', version: 'v1', resource: 'replicasets', namespace: rs.metadata.namespace, name: text(rs.metadata.name) });
  }

  /** Writes conditions recorded before the rollout step (pause, resume, new ReplicaSet); returns the Deployment as written. */
  private writeConditions(d: KubeObject, conditions: DeploymentCondition[] | undefined, context: ControllerContext): KubeObject {
    if (!conditions) return d;
    return this.writeStatus(d, { ...rec(d.status), conditions }, context);
  }

  /** UpdateStatus unless nothing changed; returns the Deployment with the status it now has. */
  private writeStatus(d: KubeObject, status: DeploymentStatus, context: ControllerContext): KubeObject {
    if (JSON.stringify(status) === JSON.stringify(rec(d.status))) return d;
    const ref = { group: 'apps', version: 'v1', resource: 'deployments', namespace: d.metadata.namespace, name: text(d.metadata.name) };
    const fresh = context.client.get(ref);
    if (!fresh.ok) return d;
    const r = context.client.update({ ...ref, subresource: 'status' }, { ...fresh.value, status });
    return r.ok ? r.value : { ...d, status };
  }

  /**
   * syncRolloutStatus: the calculated status with the rollout's Progressing estimate and the
   * ReplicaSets' ReplicaFailure; returns when to look again for a progress deadline.
   */
  private syncRolloutStatus(d: KubeObject, newRS: KubeObject | undefined, oldRSs: KubeObject[], context: ControllerContext): number | undefined {
    const all = newRS ? [newRS, ...oldRSs] : oldRSs;
    const nowMs = context.loop.nowMs();
    const now = formatRfc3339(nowMs);
    const status = withRolloutProgress(d, calculateStatus(d, all, newRS, now), newRS ? text(newRS.metadata.name) : undefined, now, nowMs);
    const failure = (newRS ? replicaFailureCondition(newRS, all) : undefined) as DeploymentCondition | undefined;
    const conditions = status.conditions ?? [];
    status.conditions = failure ? setCondition(conditions, failure) : removeCondition(conditions, 'ReplicaFailure');
    if (JSON.stringify(status) === JSON.stringify(rec(d.status))) return stuckRequeueDelayMs(d, status, nowMs);
    this.writeStatus(d, status, context);
    return undefined;
  }
}
