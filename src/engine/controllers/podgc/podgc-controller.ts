/**
 * pod-garbage-collector (pkg/controller/podgc): every 20 s it force-deletes pods nobody else will
 * finish, marking each Failed first (so an orphan does not stay Running forever):
 *
 * - terminated pods (Succeeded/Failed) beyond --terminated-pod-gc-threshold (12500 in kind's
 *   kube-controller-manager), evicted ones first, then the oldest;
 * - terminating pods on a NotReady node tainted `node.kubernetes.io/out-of-service`;
 * - pods bound to a node that no longer exists, once the node has stayed missing through a 40 s
 *   quarantine and a GET confirms it is gone (condition DisruptionTarget, DeletionByPodGC);
 * - terminating pods that were never scheduled.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { readTaints } from '../../api/taints';
import { TimerKind } from '../../clock/timer-board';
import { type Controller, type ControllerContext, type ReconcileResult } from '../controller';

/** gcCheckPeriod. */
export const GC_CHECK_PERIOD_MS = 20_000;
/** quarantineTime: how long a missing node may take to show up in the informer. */
export const QUARANTINE_MS = 40_000;
/** kube-controller-manager's --terminated-pod-gc-threshold default (kind does not change it). */
export const TERMINATED_POD_GC_THRESHOLD = 12_500;
export const OUT_OF_SERVICE_TAINT = 'node.kubernetes.io/out-of-service';

const KEY = 'gc';
const PODS = { group: '', version: 'v1', resource: 'pods' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function phaseOf(pod: KubeObject): string {
  return text(rec(pod.status).phase);
}

function nodeNameOf(pod: KubeObject): string {
  return text(rec(pod.spec).nodeName);
}

/** isPodTerminated: any phase but Pending, Running and Unknown. */
export function isPodTerminated(pod: KubeObject): boolean {
  const phase = phaseOf(pod);
  return phase !== 'Pending' && phase !== 'Running' && phase !== 'Unknown';
}

function isEvicted(pod: KubeObject): boolean {
  return phaseOf(pod) === 'Failed' && text(rec(pod.status).reason) === 'Evicted';
}

/** byEvictionAndCreationTimestamp: evicted pods first, then oldest first, then by name. */
export function byEvictionAndCreation(a: KubeObject, b: KubeObject): number {
  if (isEvicted(a) !== isEvicted(b)) return isEvicted(a) ? -1 : 1;
  const created = (p: KubeObject) => parseRfc3339(p.metadata.creationTimestamp) ?? 0;
  if (created(a) !== created(b)) return created(a) - created(b);
  return text(a.metadata.name) < text(b.metadata.name) ? -1 : 1;
}

function isNodeReady(node: KubeObject): boolean {
  const conditions = Array.isArray(rec(node.status).conditions) ? (rec(node.status).conditions as unknown[]).filter(isRecord) : [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

/** gcTerminated's victims: the terminated pods beyond the threshold, in deletion order. */
export function terminatedOverThreshold(pods: readonly KubeObject[], threshold: number): KubeObject[] {
  const terminated = pods.filter(isPodTerminated);
  const excess = terminated.length - threshold;
  return excess > 0 ? terminated.sort(byEvictionAndCreation).slice(0, excess) : [];
}

/** gcTerminating's victims: pods being deleted on a NotReady node tainted out-of-service. */
export function terminatingOnOutOfServiceNodes(pods: readonly KubeObject[], nodes: readonly KubeObject[]): KubeObject[] {
  const outOfService = new Set(nodes.filter((n) => !isNodeReady(n) && readTaints(rec(n.spec).taints).some((t) => t.key === OUT_OF_SERVICE_TAINT)).map((n) => text(n.metadata.name)));
  return pods.filter((p) => p.metadata.deletionTimestamp && outOfService.has(nodeNameOf(p))).sort(byEvictionAndCreation);
}

export class PodGCController implements Controller {
  readonly name = 'pod-garbage-collector';
  /** The delaying queue of missing node names: when each may be checked. */
  private readonly quarantine = new Map<string, number>();

  constructor(private readonly terminatedPodThreshold = TERMINATED_POD_GC_THRESHOLD) {}

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    context.informers.forResource(PODS.group, PODS.version, PODS.resource);
    context.informers.forResource('', 'v1', 'nodes');
    enqueue(KEY);
  }

  reconcile(_key: string, context: ControllerContext): ReconcileResult {
    const pods = context.informers.forResource(PODS.group, PODS.version, PODS.resource).list();
    const nodes = context.informers.forResource('', 'v1', 'nodes').list();
    // One pass sorts the pods into what each step looks at (all steps see this one snapshot).
    const terminated: KubeObject[] = [];
    const terminating: KubeObject[] = [];
    const unscheduledTerminating: KubeObject[] = [];
    const boundTo = new Set<string>();
    for (const pod of pods) {
      if (isPodTerminated(pod)) terminated.push(pod);
      const node = nodeNameOf(pod);
      if (pod.metadata.deletionTimestamp) (node ? terminating : unscheduledTerminating).push(pod);
      if (node) boundTo.add(node);
    }
    if (this.terminatedPodThreshold > 0) this.gcTerminated(terminated, context);
    this.gcTerminating(terminating, nodes, context);
    this.gcOrphaned(pods, boundTo, nodes, context);
    for (const pod of unscheduledTerminating) this.markFailedAndDelete(pod, context);
    return { kind: 'requeueAfter', delayMs: GC_CHECK_PERIOD_MS };
  }

  private gcTerminated(terminated: KubeObject[], context: ControllerContext): void {
    for (const pod of terminatedOverThreshold(terminated, this.terminatedPodThreshold)) this.markFailedAndDelete(pod, context);
  }

  private gcTerminating(terminating: readonly KubeObject[], nodes: readonly KubeObject[], context: ControllerContext): void {
    if (terminating.length === 0) return;
    for (const pod of terminatingOnOutOfServiceNodes(terminating, nodes)) this.markFailedAndDelete(pod, context);
  }

  /** `boundTo`: the nodes the snapshot's pods are bound to. */
  private gcOrphaned(pods: readonly KubeObject[], boundTo: ReadonlySet<string>, nodes: readonly KubeObject[], context: ControllerContext): void {
    const existing = new Set(nodes.map((n) => text(n.metadata.name)));
    const now = context.loop.nowMs();
    for (const node of boundTo) {
      // AddAfter keeps the earliest time an item is already waiting for.
      if (existing.has(node) || this.quarantine.has(node)) continue;
      this.quarantine.set(node, now + QUARANTINE_MS);
      context.timers?.set({ id: `pod-gc/${node}`, kind: TimerKind.PodGCQuarantine, dueMs: now + QUARANTINE_MS, object: { kind: 'Node', name: node }, component: this.name, description: `deletes the pods still bound to node ${node}, which no longer exists` });
    }
    const deleted = new Set<string>();
    for (const [node, due] of [...this.quarantine]) {
      if (due > now) continue;
      this.quarantine.delete(node);
      context.timers?.clear(`pod-gc/${node}`);
      if (existing.has(node)) continue;
      const got = context.client.get({ group: '', version: 'v1', resource: 'nodes', name: node });
      if (!got.ok && got.code === 404) deleted.add(node);
    }
    if (deleted.size === 0) return;
    for (const pod of pods) {
      if (deleted.has(nodeNameOf(pod))) this.markFailedAndDelete(pod, context, { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' });
    }
  }

  /** markFailedAndDeletePodWithCondition: phase Failed (with the condition), then a delete with no grace. */
  private markFailedAndDelete(pod: KubeObject, context: ControllerContext, condition?: Record<string, string>): void {
    const ref = { ...PODS, namespace: pod.metadata.namespace, name: text(pod.metadata.name) };
    const phase = phaseOf(pod);
    if (phase !== 'Succeeded' && phase !== 'Failed') {
      const status = rec(pod.status);
      const conditions = Array.isArray(status.conditions) ? (status.conditions as unknown[]).filter(isRecord) : [];
      const next = condition ? [...conditions.filter((c) => c.type !== condition.type), { ...condition, lastProbeTime: null, lastTransitionTime: formatRfc3339(context.loop.nowMs()) }] : conditions;
      const r = context.client.patch({ ...ref, subresource: 'status' }, 'merge', { metadata: { uid: pod.metadata.uid }, status: { phase: 'Failed', ...(condition ? { conditions: next } : {}) } });
      if (!r.ok) return;
    }
    context.client.delete(ref, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
  }
}
