/**
 * disruption-controller: keeps each PodDisruptionBudget's status (pkg/controller/disruption): how
 * many selected pods are healthy, how many must stay healthy, and so how many voluntary
 * disruptions (evictions) the API server may allow now. It watches only pods and budgets, as the
 * real one does; a change of a workload's scale reaches it through the pods that follow.
 *
 * Expected pods: an integer `minAvailable` counts the selected pods; `maxUnavailable` and a
 * percentage `minAvailable` add up the scale of the pods' controllers (a Deployment through its
 * ReplicaSet, a ReplicaSet, a StatefulSet, a ReplicationController). A pod whose controller has no
 * scale (a Job, a DaemonSet) makes the sync fail, and the budget then allows no disruption.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { fromLabelSelector, matches } from '../../api/labels';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { LegacyEventRecorder } from '../../client';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { isPodReady } from '../pod-helpers';
import { formatLabelSelectorStruct } from './go-label-selector';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** How long an eviction stays in `disruptedPods` waiting for the pod's deletion to be seen. */
export const DELETION_TIMEOUT_MS = 2 * 60 * 1000;

const PDB = { group: 'policy', version: 'v1', resource: 'poddisruptionbudgets' } as const;

/** Workload kinds whose scale the controller reads, by owner kind: resource and API groups. */
const SCALED_OWNERS: Record<string, { group: string; version: string; resource: string; groups: string[] }> = {
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets', groups: ['apps', 'extensions'] },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets', groups: ['apps'] },
  ReplicationController: { group: '', version: 'v1', resource: 'replicationcontrollers', groups: [''] },
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments', groups: ['apps', 'extensions'] },
};

/** Owner kinds the lab knows that have no scale subresource, as `<resource>.<group>`. */
const UNSCALED_OWNERS: Record<string, string> = { Job: 'jobs.batch', DaemonSet: 'daemonsets.apps', CronJob: 'cronjobs.batch', Node: 'nodes' };

/** An int-or-percent scaled against a total, rounding up (intstr.GetScaledValueFromIntOrPercent). */
function scaledValue(value: unknown, total: number): number | { error: string } {
  if (typeof value === 'number') return value;
  const s = String(value);
  const m = /^(-?\d+)%$/.exec(s);
  if (!m) return { error: `invalid value for IntOrString: invalid type: string is not a percentage` };
  return Math.ceil((Number(m[1]) * total) / 100);
}

interface Expected {
  expectedCount: number;
  desiredHealthy: number;
  unmanaged: string[];
}

export class DisruptionController implements Controller {
  readonly name = 'disruption-controller';
  private events: LegacyEventRecorder | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    // The real recorder's source component is "controllermanager".
    this.events = new LegacyEventRecorder(context.client, context.loop, 'controllermanager', '');
    const budgets = context.informers.forResource(PDB.group, PDB.version, PDB.resource);
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    budgets.addHandler({ onAdd: (b) => enqueue(keyOf(b)), onUpdate: (_o, b) => enqueue(keyOf(b)), onDelete: (b) => enqueue(keyOf(b)) });
    const byPod = (pod: KubeObject) => {
      for (const pdb of budgets.list()) {
        if (pdb.metadata.namespace !== pod.metadata.namespace) continue;
        const selector = rec(pdb.spec).selector;
        // An empty selector selects every pod of the namespace in policy/v1.
        if (isRecord(selector) && matches(fromLabelSelector(selector), pod.metadata.labels)) enqueue(keyOf(pdb));
      }
    };
    context.informers.forResource('', 'v1', 'pods').addHandler({ onAdd: byPod, onUpdate: (_o, p) => byPod(p), onDelete: byPod });
    for (const kind of Object.values(SCALED_OWNERS)) context.informers.forResource(kind.group, kind.version, kind.resource);
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const pdb = context.informers.forResource(PDB.group, PDB.version, PDB.resource).get(key);
    if (!pdb) return DONE;
    const spec = rec(pdb.spec);
    const selector = isRecord(spec.selector) ? fromLabelSelector(spec.selector) : undefined;
    const pods = selector ? context.informers.forResource('', 'v1', 'pods').list().filter((p) => p.metadata.namespace === pdb.metadata.namespace && matches(selector, p.metadata.labels)) : [];
    if (pods.length === 0) this.events?.record(pdb, 'Normal', 'NoPods', 'No matching pods found');

    const expected = this.expectedPodCount(pdb, pods, context);
    if ('error' in expected) {
      this.events?.record(pdb, 'Warning', 'CalculateExpectedPodCountFailed', `Failed to calculate the number of expected pods: ${expected.error}`);
      return this.failSafe(pdb, expected.error, context);
    }
    if (expected.unmanaged.length > 0) {
      this.events?.record(
        pdb,
        'Warning',
        'UnmanagedPods',
        `Pods selected by this PodDisruptionBudget (selector: ${formatLabelSelectorStruct(spec.selector)}) were found to be unmanaged. As a result, the status of the PDB cannot be calculated correctly, which may result in undefined behavior. To account for these pods please set ".spec.minAvailable" field of the PDB to an integer value.`,
      );
    }

    const now = context.loop.nowMs();
    const { disrupted, recheckAt } = this.disruptedPodMap(pdb, pods, now);
    const currentHealthy = pods.filter((p) => !p.metadata.deletionTimestamp && !(p.metadata.name !== undefined && p.metadata.name in disrupted) && isPodReady(p)).length;
    // No disruption is allowed while no pod is expected, so a budget whose pods appear before
    // its first sync starts out safe.
    let allowed = currentHealthy - expected.desiredHealthy;
    if (expected.expectedCount <= 0 || allowed <= 0) allowed = 0;
    const status = rec(pdb.status);
    const next: Record<string, unknown> = {
      currentHealthy,
      desiredHealthy: expected.desiredHealthy,
      expectedPods: expected.expectedCount,
      disruptionsAllowed: allowed,
      observedGeneration: pdb.metadata.generation ?? 0,
      conditions: withCondition(status.conditions, allowed > 0 ? 'True' : 'False', allowed > 0 ? 'SufficientPods' : 'InsufficientPods', '', pdb.metadata.generation ?? 0, now),
    };
    if (Object.keys(disrupted).length > 0) next.disruptedPods = disrupted;
    const result = this.writeStatus(pdb, next, context);
    if (result.kind !== 'done') return result;
    return recheckAt !== undefined ? { kind: 'requeueAfter', delayMs: Math.max(0, recheckAt - now) } : DONE;
  }

  private expectedPodCount(pdb: KubeObject, pods: readonly KubeObject[], context: ControllerContext): Expected | { error: string } {
    const spec = rec(pdb.spec);
    if (spec.maxUnavailable !== undefined && spec.maxUnavailable !== null) {
      const scale = this.expectedScale(pods, context);
      if ('error' in scale) return scale;
      const maxUnavailable = scaledValue(spec.maxUnavailable, scale.count);
      if (typeof maxUnavailable !== 'number') return maxUnavailable;
      return { expectedCount: scale.count, desiredHealthy: Math.max(0, scale.count - maxUnavailable), unmanaged: scale.unmanaged };
    }
    if (typeof spec.minAvailable === 'number') return { expectedCount: pods.length, desiredHealthy: spec.minAvailable, unmanaged: [] };
    if (typeof spec.minAvailable === 'string') {
      const scale = this.expectedScale(pods, context);
      if ('error' in scale) return scale;
      const minAvailable = scaledValue(spec.minAvailable, scale.count);
      if (typeof minAvailable !== 'number') return minAvailable;
      return { expectedCount: scale.count, desiredHealthy: minAvailable, unmanaged: scale.unmanaged };
    }
    return { expectedCount: 0, desiredHealthy: 0, unmanaged: [] };
  }

  /** The sum of the scales of the pods' controllers, each controller counted once. */
  private expectedScale(pods: readonly KubeObject[], context: ControllerContext): { count: number; unmanaged: string[] } | { error: string } {
    const scales = new Map<string, number>();
    const unmanaged: string[] = [];
    for (const pod of pods) {
      const owner = (pod.metadata.ownerReferences ?? []).find((o) => o.controller === true);
      if (!owner) {
        unmanaged.push(text(pod.metadata.name));
        continue;
      }
      if (scales.has(owner.uid)) continue;
      const found = this.controllerScale(owner, text(pod.metadata.namespace), context);
      if (found && 'error' in found) return found;
      if (!found) return { error: `found no controllers for pod ${JSON.stringify(text(pod.metadata.name))}` };
      scales.set(found.uid, found.scale);
    }
    let count = 0;
    for (const n of scales.values()) count += n;
    return { count, unmanaged };
  }

  /** The finders, in the real controller's order: the Deployment above a ReplicaSet wins over the ReplicaSet. */
  private controllerScale(owner: { apiVersion: string; kind: string; name: string; uid: string }, namespace: string, context: ControllerContext): { uid: string; scale: number } | { error: string } | undefined {
    const group = owner.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] ?? '' : '';
    const lookup = (kind: string, name: string): KubeObject | undefined => {
      const k = SCALED_OWNERS[kind];
      return k ? context.informers.forResource(k.group, k.version, k.resource).get(`${namespace}/${name}`) : undefined;
    };
    const replicas = (o: KubeObject) => (typeof rec(o.spec).replicas === 'number' ? (rec(o.spec).replicas as number) : 1);
    const known = SCALED_OWNERS[owner.kind];
    if (known && known.groups.includes(group)) {
      const object = lookup(owner.kind, owner.name);
      if (!object || object.metadata.uid !== owner.uid) return undefined;
      if (owner.kind === 'ReplicaSet') {
        const parent = (object.metadata.ownerReferences ?? []).find((o) => o.controller === true);
        if (parent?.kind === 'Deployment') {
          const deployment = lookup('Deployment', parent.name);
          return deployment && deployment.metadata.uid === parent.uid ? { uid: deployment.metadata.uid ?? '', scale: replicas(deployment) } : undefined;
        }
      }
      return { uid: object.metadata.uid ?? '', scale: replicas(object) };
    }
    const unscaled = UNSCALED_OWNERS[owner.kind];
    if (unscaled) return { error: `${unscaled} does not implement the scale subresource` };
    return { error: `no matches for kind ${JSON.stringify(owner.kind)} in group ${JSON.stringify(group)}` };
  }

  /** Evictions still waiting to be seen as deletions; stale ones are dropped with a warning. */
  private disruptedPodMap(pdb: KubeObject, pods: readonly KubeObject[], now: number): { disrupted: Record<string, string>; recheckAt?: number } {
    const recorded = rec(rec(pdb.status).disruptedPods);
    const disrupted: Record<string, string> = {};
    let recheckAt: number | undefined;
    for (const pod of pods) {
      const name = text(pod.metadata.name);
      if (pod.metadata.deletionTimestamp || typeof recorded[name] !== 'string') continue;
      const at = parseRfc3339(recorded[name]);
      if (at === undefined) continue;
      const expectedDeletion = at + DELETION_TIMEOUT_MS;
      if (expectedDeletion < now) {
        // The real message names the namespace twice (a long-standing quirk of the controller).
        this.events?.record(pod, 'Warning', 'NotDeleted', `Pod was expected by PDB ${text(pdb.metadata.namespace)}/${text(pdb.metadata.namespace)} to be deleted but it wasn't`);
      } else {
        disrupted[name] = recorded[name];
        if (recheckAt === undefined || expectedDeletion < recheckAt) recheckAt = expectedDeletion;
      }
    }
    return recheckAt === undefined ? { disrupted } : { disrupted, recheckAt };
  }

  /** When the status cannot be computed, at least make sure no eviction is allowed. */
  private failSafe(pdb: KubeObject, message: string, context: ControllerContext): ReconcileResult {
    const status = rec(pdb.status);
    const observed = typeof status.observedGeneration === 'number' ? status.observedGeneration : 0;
    const next = { ...status, disruptionsAllowed: 0, conditions: withCondition(status.conditions, 'False', 'SyncFailed', message, observed, context.loop.nowMs()) };
    const written = this.writeStatus(pdb, next, context);
    return written.kind === 'done' ? { kind: 'retry', reason: message } : written;
  }

  private writeStatus(pdb: KubeObject, status: Record<string, unknown>, context: ControllerContext): ReconcileResult {
    if (JSON.stringify(pdb.status ?? {}) === JSON.stringify(status)) return DONE;
    const r = context.client.update({ ...PDB, namespace: pdb.metadata.namespace, name: text(pdb.metadata.name), subresource: 'status' }, { ...pdb, status });
    return r.ok ? DONE : { kind: 'retry', reason: 'PodDisruptionBudget status update failed' };
  }
}

/** apimeta.SetStatusCondition for the one condition type: the transition time moves only when the status changes. */
function withCondition(existing: unknown, status: 'True' | 'False', reason: string, message: string, observedGeneration: number, now: number): Record<string, unknown>[] {
  const list = Array.isArray(existing) ? existing.filter(isRecord) : [];
  const previous = list.find((c) => c.type === 'DisruptionAllowed');
  const lastTransitionTime = previous && previous.status === status && typeof previous.lastTransitionTime === 'string' ? previous.lastTransitionTime : formatRfc3339(now);
  const condition = { type: 'DisruptionAllowed', status, observedGeneration, lastTransitionTime, reason, message };
  return [...list.filter((c) => c.type !== 'DisruptionAllowed'), condition];
}
