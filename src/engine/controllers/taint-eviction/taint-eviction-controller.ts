/**
 * taint-eviction-controller: deletes pods from nodes with NoExecute taints they do not tolerate —
 * at once, or when the shortest matching `tolerationSeconds` has passed since the taint was added
 * (the 300 s every pod gets for not-ready/unreachable). If the taint goes first, the deletion is
 * cancelled.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { readTaints, readTolerations, tolerates } from '../../api/taints';
import type { TimerId } from '../../clock';
import { EventRecorder } from '../../client';
import { TimerKind } from '../../clock/timer-board';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function noExecuteTaints(node: KubeObject): unknown[] {
  const taints = rec(node.spec).taints;
  return Array.isArray(taints) ? taints.filter((t) => isRecord(t) && t.effect === 'NoExecute') : [];
}

export class TaintEvictionController implements Controller {
  readonly name = 'taint-eviction-controller';
  private readonly scheduled = new Map<string, { timer: TimerId; atMs: number }>();
  private events: EventRecorder | undefined;

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.events = new EventRecorder(context.client, context.loop, 'taint-eviction-controller', 'taint-eviction-controller');
    const pods = context.informers.forResource('', 'v1', 'pods');
    context.informers.forResource('', 'v1', 'nodes').addHandler({
      onAdd: (node) => this.enqueuePodsOf(node, pods.list(), enqueue),
      // As NodeUpdated: only a change of the NoExecute taints concerns the node's pods.
      onUpdate: (old, node) => {
        if (JSON.stringify(noExecuteTaints(old)) !== JSON.stringify(noExecuteTaints(node))) this.enqueuePodsOf(node, pods.list(), enqueue);
      },
    });
    pods.addHandler({
      onAdd: (pod) => enqueue(`${text(pod.metadata.namespace)}/${text(pod.metadata.name)}`),
      onUpdate: (_old, pod) => enqueue(`${text(pod.metadata.namespace)}/${text(pod.metadata.name)}`),
    });
  }

  private enqueuePodsOf(node: KubeObject, pods: KubeObject[], enqueue: (key: string) => void): void {
    for (const pod of pods) if (rec(pod.spec).nodeName === node.metadata.name) enqueue(`${text(pod.metadata.namespace)}/${text(pod.metadata.name)}`);
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const pod = context.informers.forResource('', 'v1', 'pods').get(key);
    const existing = this.scheduled.get(key);
    if (!pod || pod.metadata.deletionTimestamp) {
      if (existing) context.loop.cancel(existing.timer);
      this.scheduled.delete(key);
      context.timers?.clear(`taint-eviction/${key}`);
      return DONE;
    }
    const node = context.informers.forResource('', 'v1', 'nodes').get(text(rec(pod.spec).nodeName));
    const taints = readTaints(rec(node?.spec).taints).filter((t) => t.effect === 'NoExecute');
    const tolerations = readTolerations(rec(pod.spec).tolerations);
    let deadline: number | undefined;
    for (const taint of taints) {
      const matching = tolerations.filter((t) => tolerates(t, taint));
      if (matching.length === 0) {
        deadline = context.loop.nowMs();
        break;
      }
      const seconds = matching.map((t) => t.tolerationSeconds).filter((s): s is number => s !== undefined);
      if (seconds.length === 0) continue; // tolerated forever
      const added = parseRfc3339(rec((Array.isArray(rec(node?.spec).taints) ? (rec(node?.spec).taints as unknown[]) : []).filter(isRecord).find((t) => t.key === taint.key && t.effect === 'NoExecute')).timeAdded) ?? context.loop.nowMs();
      const at = added + Math.max(0, Math.min(...seconds)) * 1000;
      deadline = deadline === undefined ? at : Math.min(deadline, at);
    }
    if (deadline === undefined) {
      if (existing) {
        context.loop.cancel(existing.timer);
        this.scheduled.delete(key);
        context.timers?.clear(`taint-eviction/${key}`);
        this.events?.record(pod, { type: 'Normal', reason: 'TaintManagerEviction', action: 'Evicting', note: `Cancelling deletion of Pod ${key}` });
      }
      return DONE;
    }
    if (existing && existing.atMs === deadline) return DONE;
    if (existing) context.loop.cancel(existing.timer);
    const timer = context.loop.after(Math.max(0, deadline - context.loop.nowMs()), 'taint eviction', () => this.evict(key, context));
    this.scheduled.set(key, { timer, atMs: deadline });
    const [namespace = '', name = ''] = key.split('/');
    context.timers?.set({ id: `taint-eviction/${key}`, kind: TimerKind.TaintEviction, dueMs: deadline, object: { kind: 'Pod', namespace, name, uid: text(pod.metadata.uid) }, component: this.name, description: `deletes pod ${key}: its toleration of ${text(node?.metadata.name)}'s NoExecute taint runs out` });
    return DONE;
  }

  private evict(key: string, context: ControllerContext): void {
    this.scheduled.delete(key);
    context.timers?.clear(`taint-eviction/${key}`);
    const pod = context.informers.forResource('', 'v1', 'pods').get(key);
    if (!pod || pod.metadata.deletionTimestamp) return;
    this.events?.record(pod, { type: 'Normal', reason: 'TaintManagerEviction', action: 'Evicting', note: `Marking for deletion Pod ${key}` });
    const status = rec(pod.status);
    const conditions = (Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : []).filter((c) => c.type !== 'DisruptionTarget');
    conditions.push({ type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime: formatRfc3339(context.loop.nowMs()), reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' });
    const ref = { group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: text(pod.metadata.name) };
    context.client.patch({ ...ref, subresource: 'status' }, 'merge', { status: { conditions } });
    context.client.delete(ref, { preconditions: { uid: pod.metadata.uid } });
  }
}
