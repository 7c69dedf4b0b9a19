/**
 * daemonset-controller: one pod per eligible node. A node is eligible when the pod template's node
 * selector and required node affinity match it and its NoSchedule/NoExecute taints are tolerated.
 * Pods are pinned with node affinity on `metadata.name` and placed by the scheduler, as in
 * Kubernetes; they tolerate not-ready/unreachable nodes without a time limit, so they are never
 * evicted from failing nodes. Each template the DaemonSet runs is kept as a ControllerRevision
 * (history.ts, pruned to revisionHistoryLimit); RollingUpdate replaces pods as rolling-update.ts plans.
 * Pods and revisions are claimed by selector: matching orphans are adopted, owned ones that stop
 * matching are released (controller-ref-manager.ts).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { readTaints, readTolerations, toleratedByAny } from '../../api/taints';
import { LegacyEventRecorder } from '../../client';
import { podMatchesNodeSelectorAndAffinity } from '../../scheduler/plugins/node-affinity';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { PodControl } from '../pod-control';
import { claimObjects } from '../controller-ref-manager';
import { controllerRef, isPodActive, isPodAvailable, isPodReady } from '../pod-helpers';
import { fromLabelSelector, matches } from '../../api/labels';
import { revisionNumber } from '../history/controller-history';
import { DAEMONSET_HASH_LABEL, daemonSetRevision, keptCurrent, revisionsToDelete, splitHistory } from './history';
import { rollingUpdatePlan, updateCounts } from './rolling-update';

const REVISIONS = { group: 'apps', version: 'v1', resource: 'controllerrevisions' };
const PODS = { group: '', version: 'v1', resource: 'pods' };
const DAEMONSETS = { group: 'apps', version: 'v1', resource: 'daemonsets' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Tolerations every DaemonSet pod gets (AddOrUpdateDaemonPodTolerations). */
export function daemonTolerations(hostNetwork: boolean): Record<string, unknown>[] {
  const list: Record<string, unknown>[] = [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ];
  if (hostNetwork) list.push({ key: 'node.kubernetes.io/network-unavailable', operator: 'Exists', effect: 'NoSchedule' });
  return list;
}

/** The pod's own tolerations plus those of `extra` it lacks (same key and effect). */
export function mergeTolerations(existing: unknown, extra: Record<string, unknown>[]): Record<string, unknown>[] {
  const list = Array.isArray(existing) ? existing.filter(isRecord) : [];
  for (const t of extra) if (!list.some((e) => e.key === t.key && e.effect === t.effect)) list.push(t);
  return list;
}

export class DaemonSetController implements Controller {
  readonly name = 'daemonset-controller';
  private pods: PodControl | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.pods = new PodControl(context.client, new LegacyEventRecorder(context.client, context.loop, 'daemonset-controller', ''));
    const sets = context.informers.forResource('apps', 'v1', 'daemonsets');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    sets.addHandler({ onAdd: (ds) => enqueue(keyOf(ds)), onUpdate: (_o, ds) => enqueue(keyOf(ds)) });
    const all = () => {
      for (const ds of sets.list()) enqueue(keyOf(ds));
    };
    context.informers.forResource('', 'v1', 'nodes').addHandler({ onAdd: all, onUpdate: all, onDelete: all });
    // A pod or revision goes to its DaemonSet; an orphan to every DaemonSet whose selector matches it
    // (getDaemonSetsForPod / getDaemonSetsForHistory), which may adopt it.
    const byOwner = (o: KubeObject) => {
      const ref = controllerRef(o);
      if (ref?.kind === 'DaemonSet') enqueue(`${text(o.metadata.namespace)}/${ref.name}`);
      else if (!ref && !o.metadata.deletionTimestamp) {
        for (const ds of sets.list()) if (ds.metadata.namespace === o.metadata.namespace && matches(fromLabelSelector(rec(rec(ds.spec).selector)), o.metadata.labels)) enqueue(keyOf(ds));
      }
    };
    // An update that moves the controller reference also tells the old owner.
    const onUpdate = (old: KubeObject, cur: KubeObject) => {
      const before = controllerRef(old);
      if (before?.kind === 'DaemonSet' && before.uid !== controllerRef(cur)?.uid) enqueue(`${text(old.metadata.namespace)}/${before.name}`);
      byOwner(cur);
    };
    context.informers.forResource(PODS.group, PODS.version, PODS.resource).addHandler({ onAdd: byOwner, onUpdate, onDelete: byOwner });
    context.informers.forResource(REVISIONS.group, REVISIONS.version, REVISIONS.resource).addHandler({ onAdd: byOwner, onUpdate, onDelete: byOwner });
  }

  private eligible(ds: KubeObject, node: KubeObject): boolean {
    const template = rec(rec(ds.spec).template);
    const podSpec = rec(template.spec);
    const pod: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: podSpec };
    if (!podMatchesNodeSelectorAndAffinity(pod, node)) return false;
    const tolerations = readTolerations(mergeTolerations(podSpec.tolerations, daemonTolerations(podSpec.hostNetwork === true)));
    return readTaints(rec(node.spec).taints)
      .filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute')
      .every((t) => toleratedByAny(tolerations, t));
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const ds = context.informers.forResource('apps', 'v1', 'daemonsets').get(key);
    if (!ds || ds.metadata.deletionTimestamp) return DONE;
    const nodes = context.informers.forResource('', 'v1', 'nodes').list();
    const selector = fromLabelSelector(rec(rec(ds.spec).selector));
    const canAdopt = () => this.notDeleted(ds, context);
    // getDaemonPods: ClaimPods over the namespace's pods.
    const pods = claimObjects({ client: context.client, resource: PODS, owner: ds, match: (p) => matches(selector, p.metadata.labels), canAdopt }, context.informers.forResource(PODS.group, PODS.version, PODS.resource).list());
    const history = this.constructHistory(ds, context);
    if (!history) return { kind: 'retry', reason: 'could not create a ControllerRevision' };
    const revision: Revision = { hash: history.current.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '', generation: ds.metadata.annotations?.['deprecated.daemonset.template.generation'] ?? '1' };
    const activeByNode = groupByTargetNode(pods.filter(isPodActive));
    const podsOn = (node: string) => byAge(activeByNode.get(node) ?? []);
    const rollingUpdate = rec(rec(rec(ds.spec).updateStrategy).rollingUpdate);
    const surgeAllowed = rollingUpdateStrategy(ds) && updateCounts(rollingUpdate, 1).maxSurge > 0;
    let changed = false;
    const eligibleNodes: string[] = [];
    for (const node of nodes) {
      const name = text(node.metadata.name);
      const mine = podsOn(name);
      const eligible = this.eligible(ds, node);
      const remove = eligible ? excessPods(mine, revision, surgeAllowed) : mine;
      if (eligible) eligibleNodes.push(name);
      if (eligible && mine.length === 0) this.createPod(ds, name, revision);
      for (const p of remove) this.deletePod(ds, p);
      changed ||= (eligible && mine.length === 0) || remove.length > 0;
    }
    const desired = eligibleNodes.length;
    const now = context.loop.nowMs();
    const minReady = Number(rec(ds.spec).minReadySeconds ?? 0);
    // As with Kubernetes' expectations, a sync that created or deleted pods leaves the rollout to the next one.
    if (!changed && rollingUpdateStrategy(ds)) {
      const { maxSurge, maxUnavailable } = updateCounts(rollingUpdate, desired);
      const plan = rollingUpdatePlan({
        nodes: eligibleNodes.map((node) => ({ node, shouldRun: true, pods: podsOn(node) })),
        maxSurge,
        maxUnavailable,
        desired,
        isUpdated: (p) => isUpdated(p, revision),
        isAvailable: (p) => isPodAvailable(p, minReady, now),
      });
      for (const pod of plan.deletePods) this.deletePod(ds, pod);
      for (const node of plan.createOn) this.createPod(ds, node, revision);
    }
    this.cleanupHistory(ds, history.old, pods, context);
    this.updateStatus(ds, eligibleNodes, pods, nodes, revision, context);
    // Pods that become available let the rollout go on: look again once minReadySeconds may have passed.
    return minReady > 0 && pods.some((p) => isPodReady(p) && !isPodAvailable(p, minReady, now)) ? { kind: 'requeueAfter', delayMs: 1000 } : DONE;
  }

  /**
   * constructHistory: the DaemonSet's ControllerRevisions split into the one matching its template
   * (created when missing, renumbered past the old ones when it comes back, duplicates removed)
   * and the old ones.
   */
  private constructHistory(ds: KubeObject, context: ControllerContext): { current: KubeObject; old: KubeObject[] } | undefined {
    const selector = fromLabelSelector(rec(rec(ds.spec).selector));
    // controlledHistories: ClaimControllerRevisions over every revision of the namespace, so owned
    // ones whose labels no longer match are released.
    const claimed = claimObjects(
      { client: context.client, resource: REVISIONS, owner: ds, match: (r) => matches(selector, r.metadata.labels), canAdopt: () => this.notDeleted(ds, context) },
      context.informers.forResource(REVISIONS.group, REVISIONS.version, REVISIONS.resource).list(),
    );
    // A revision without the hash label (an adopted one) gets its own name as the label.
    const owned = claimed.map((r) => {
      if (r.metadata.labels?.[DAEMONSET_HASH_LABEL] !== undefined) return r;
      const labelled = context.client.patch({ ...REVISIONS, namespace: r.metadata.namespace, name: text(r.metadata.name) }, 'merge', { metadata: { labels: { [DAEMONSET_HASH_LABEL]: text(r.metadata.name) } } });
      return labelled.ok ? labelled.value : r;
    });
    const split = splitHistory(ds, owned);
    let current = keptCurrent(split.current);
    for (const dup of split.current) if (dup !== current) context.client.delete({ ...REVISIONS, namespace: dup.metadata.namespace, name: text(dup.metadata.name) });
    if (current && revisionNumber(current) < split.nextRevision) {
      const r = context.client.patch({ ...REVISIONS, namespace: current.metadata.namespace, name: text(current.metadata.name) }, 'merge', { revision: split.nextRevision });
      if (r.ok) current = r.value;
    }
    if (!current) current = this.snapshot(ds, split.nextRevision, context);
    return current ? { current, old: split.old } : undefined;
  }

  /** RecheckDeletionTimestamp: a fresh read of the DaemonSet, which must be the same one and not being deleted. */
  private notDeleted(ds: KubeObject, context: ControllerContext): boolean {
    const fresh = context.client.get({ ...DAEMONSETS, namespace: ds.metadata.namespace, name: text(ds.metadata.name) });
    return fresh.ok && fresh.value.metadata.uid === ds.metadata.uid && !fresh.value.metadata.deletionTimestamp;
  }

  /** dsc.snapshot: create the revision; a name taken by a different template bumps status.collisionCount. */
  private snapshot(ds: KubeObject, revision: number, context: ControllerContext): KubeObject | undefined {
    const candidate = daemonSetRevision(ds, revision);
    const created = context.client.create({ ...REVISIONS, namespace: ds.metadata.namespace }, candidate);
    if (created.ok) return created.value;
    if (created.code !== 409) return undefined;
    const existing = context.client.get({ ...REVISIONS, namespace: ds.metadata.namespace, name: text(candidate.metadata.name) });
    if (existing.ok && controllerRef(existing.value)?.uid === ds.metadata.uid && splitHistory(ds, [existing.value]).current.length === 1) return existing.value;
    const dsRef = { group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ds.metadata.namespace, name: text(ds.metadata.name) };
    const fresh = context.client.get(dsRef);
    if (fresh.ok) {
      const status = { ...rec(fresh.value.status), collisionCount: Number(rec(fresh.value.status).collisionCount ?? 0) + 1 };
      context.client.update({ ...dsRef, subresource: 'status' }, { ...fresh.value, status });
    }
    return undefined;
  }

  /** cleanupHistory: old revisions past revisionHistoryLimit (default 10) that no pod runs. */
  private cleanupHistory(ds: KubeObject, old: KubeObject[], pods: readonly KubeObject[], context: ControllerContext): void {
    const limit = Number(rec(ds.spec).revisionHistoryLimit ?? 10);
    const live = new Set(pods.map((p) => p.metadata.labels?.[DAEMONSET_HASH_LABEL] ?? '').filter((h) => h !== ''));
    for (const r of revisionsToDelete(old, limit, live)) context.client.delete({ ...REVISIONS, namespace: r.metadata.namespace, name: text(r.metadata.name) });
  }

  private createPod(ds: KubeObject, nodeName: string, revision: Revision): void {
    const template = JSON.parse(JSON.stringify(rec(rec(ds.spec).template))) as Record<string, unknown>;
    const spec = rec(template.spec);
    spec.tolerations = mergeTolerations(spec.tolerations, daemonTolerations(spec.hostNetwork === true));
    spec.affinity = { ...rec(spec.affinity), nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] } } };
    this.pods?.create(ds, { ...template, spec }, { 'controller-revision-hash': revision.hash, 'pod-template-generation': revision.generation });
  }

  private deletePod(ds: KubeObject, pod: KubeObject): void {
    this.pods?.delete(ds, pod);
  }

  /**
   * updateDaemonSetStatus, node by node: a node counts as scheduled when it has a daemon pod (one
   * still terminating included), and the oldest of its pods decides whether it is ready,
   * available and updated, so a rollout completes only once the old pods are gone.
   */
  private updateStatus(ds: KubeObject, eligibleNodes: readonly string[], pods: KubeObject[], nodes: KubeObject[], revision: Revision, context: ControllerContext): void {
    const minReady = Number(rec(ds.spec).minReadySeconds ?? 0);
    const now = context.loop.nowMs();
    const counted = pods.filter((p) => !(isPodTerminal(p) && p.metadata.deletionTimestamp));
    let current = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    let misscheduled = 0;
    const countedByNode = groupByTargetNode(counted);
    const eligible = new Set(eligibleNodes);
    for (const node of nodes) {
      const name = text(node.metadata.name);
      const oldest = byAge(countedByNode.get(name) ?? [])[0];
      if (!eligible.has(name)) {
        if (oldest) misscheduled++;
        continue;
      }
      if (!oldest) continue;
      current++;
      if (isPodReady(oldest)) {
        ready++;
        if (isPodAvailable(oldest, minReady, now)) available++;
      }
      if (isUpdated(oldest, revision)) updated++;
    }
    const desired = eligibleNodes.length;
    const status: Record<string, unknown> = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      numberAvailable: available,
      numberMisscheduled: misscheduled,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
      updatedNumberScheduled: updated,
    };
    if (desired - available > 0) status.numberUnavailable = desired - available;
    if (available === 0) delete status.numberAvailable;
    if (updated === 0) delete status.updatedNumberScheduled;
    const collisionCount = rec(ds.status).collisionCount;
    if (typeof collisionCount === 'number') status.collisionCount = collisionCount;
    const previous = rec(ds.status);
    if (Object.keys(status).every((k) => previous[k] === status[k]) && Object.keys(previous).length === Object.keys(status).length) return;
    const ref = { group: 'apps', version: 'v1', resource: 'daemonsets', namespace: ds.metadata.namespace, name: text(ds.metadata.name) };
    const fresh = context.client.get(ref);
    if (fresh.ok) context.client.update({ ...ref, subresource: 'status' }, { ...fresh.value, status });
  }
}

interface Revision {
  /** controller.ComputeHash of the pod template, the pods' `controller-revision-hash`. */
  hash: string;
  /** The template generation, the pods' `pod-template-generation`. */
  generation: string;
}

/** IsPodUpdated: the pod carries the current template's hash or its generation. */
function isUpdated(pod: KubeObject, revision: Revision): boolean {
  const labels = pod.metadata.labels ?? {};
  return labels['controller-revision-hash'] === revision.hash || labels['pod-template-generation'] === revision.generation;
}

function rollingUpdateStrategy(ds: KubeObject): boolean {
  return (text(rec(rec(ds.spec).updateStrategy).type) || 'RollingUpdate') === 'RollingUpdate';
}

/** Oldest first (podByCreationTimestampAndPhase, without the phase tie-break). */
function byAge(pods: KubeObject[]): KubeObject[] {
  return [...pods].sort((a, b) => text(a.metadata.creationTimestamp).localeCompare(text(b.metadata.creationTimestamp)) || text(a.metadata.name).localeCompare(text(b.metadata.name)));
}

/** podsShouldBeOnNode's pruning: keep the oldest pod, or with surge the oldest new and the oldest old one. */
function excessPods(pods: readonly KubeObject[], revision: Revision, surgeAllowed: boolean): KubeObject[] {
  if (!surgeAllowed) return pods.slice(1);
  const updated = pods.filter((p) => p.metadata.labels?.[DAEMONSET_HASH_LABEL] === revision.hash);
  const old = pods.filter((p) => p.metadata.labels?.[DAEMONSET_HASH_LABEL] !== revision.hash);
  return [...updated.slice(1), ...old.slice(1)];
}

/** The node a DaemonSet pod is on or pinned to. */
function podTargetNode(pod: KubeObject): string {
  const spec = rec(pod.spec);
  if (spec.nodeName) return text(spec.nodeName);
  const terms = rec(rec(rec(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution).nodeSelectorTerms;
  const first = Array.isArray(terms) ? terms.filter(isRecord)[0] : undefined;
  const field = Array.isArray(first?.matchFields) ? (first.matchFields as unknown[]).filter(isRecord).find((f) => f.key === 'metadata.name') : undefined;
  return Array.isArray(field?.values) ? text(field.values[0]) : '';
}

/** Pods by the node they are on or pinned to, each list in the given order (one pass, not one per node). */
function groupByTargetNode(pods: readonly KubeObject[]): Map<string, KubeObject[]> {
  const out = new Map<string, KubeObject[]>();
  for (const pod of pods) {
    const node = podTargetNode(pod);
    const list = out.get(node);
    if (list) list.push(pod);
    else out.set(node, [pod]);
  }
  return out;
}

/** IsPodTerminal: Succeeded or Failed. */
function isPodTerminal(pod: KubeObject): boolean {
  const phase = rec(pod.status).phase;
  return phase === 'Succeeded' || phase === 'Failed';
}
