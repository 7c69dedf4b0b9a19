/**
 * prepareCandidate (the preemption Executor): carries out DefaultPreemption's choice through the
 * API. Each victim first gets the DisruptionTarget condition, then is deleted (with its grace period)
 * and gets a `Preempted` event; lower-priority pods nominated to the same node lose their
 * nomination. With SchedulerAsyncPreemption (beta, on by default since v1.33) the cycle only
 * nominates and these calls run afterwards (prepareCandidateAsync, in a loop task of their own);
 * meanwhile the preemptor is kept out of activeQ (DefaultPreemption's PreEnqueue).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';
import type { SimLoop } from '../../clock';
import type { Client, EventRecorder } from '../../client';
import { podPriority } from '../framework/pod-priority';
import type { Candidate } from './default-preemption';

export const PREEMPTION_REASON = 'PreemptionByScheduler';

/** The DisruptionTarget message: `<scheduler name>: preempting to accommodate a higher priority pod`. */
export function disruptionMessage(schedulerName: string): string {
  return `${schedulerName}: preempting to accommodate a higher priority pod`;
}

export interface ExecutorContext {
  client: Client;
  events: EventRecorder;
  nowMs: number;
  /** Unbound pods whose status.nominatedNodeName names this node. */
  nominatedPods(nodeName: string): readonly KubeObject[];
}

const podRef = (pod: KubeObject) => ({ group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name) });

/** PreemptPod: false when an API call failed (a victim already gone counts as preempted). */
function preemptPod(ctx: ExecutorContext, candidate: Candidate, preemptor: KubeObject, victim: KubeObject): boolean {
  const schedulerName = text(isRecord(preemptor.spec) ? preemptor.spec.schedulerName : undefined) || 'default-scheduler';
  const status = isRecord(victim.status) ? victim.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
  const existing = conditions.find((c) => c.type === 'DisruptionTarget');
  const message = disruptionMessage(schedulerName);
  // UpdatePodCondition: patch only when something changes; the transition time moves only with the status.
  if (!existing || existing.status !== 'True' || existing.reason !== PREEMPTION_REASON || existing.message !== message) {
    const lastTransitionTime = existing?.status === 'True' ? existing.lastTransitionTime : formatRfc3339(ctx.nowMs);
    const condition = { type: 'DisruptionTarget', status: 'True', lastProbeTime: null, lastTransitionTime, reason: PREEMPTION_REASON, message };
    // The whole list in a merge patch keeps `lastProbeTime: null`, as the API server's round trip would.
    const next = [...conditions.filter((c) => c.type !== 'DisruptionTarget'), condition];
    const patched = ctx.client.patch({ ...podRef(victim), subresource: 'status' }, 'merge', { status: { conditions: next } });
    if (!patched.ok) return false;
  }
  const deleted = ctx.client.delete(podRef(victim));
  if (!deleted.ok) return deleted.code === 404;
  ctx.events.record(victim, { type: 'Normal', reason: 'Preempted', action: 'Preempting', note: `Preempted by pod ${text(preemptor.metadata.uid)} on node ${candidate.nodeName}` });
  return true;
}

/** getLowerPriorityNominatedPods + ClearNominatedNodeName. */
function clearLowerPriorityNominations(ctx: ExecutorContext, candidate: Candidate, preemptor: KubeObject): void {
  const priority = podPriority(preemptor);
  for (const p of ctx.nominatedPods(candidate.nodeName)) {
    if (podPriority(p) >= priority || p.metadata.uid === preemptor.metadata.uid) continue;
    ctx.client.patch({ ...podRef(p), subresource: 'status' }, 'strategic', { status: { nominatedNodeName: null } });
  }
}

/** prepareCandidate (SchedulerAsyncPreemption off): evicts the victims, then clears lower-priority nominations on the node. */
export function prepareCandidate(ctx: ExecutorContext, candidate: Candidate, preemptor: KubeObject): void {
  // A victim already terminating needs no second request.
  for (const victim of candidate.victims.pods) if (!victim.metadata.deletionTimestamp) preemptPod(ctx, candidate, preemptor, victim);
  clearLowerPriorityNominations(ctx, candidate, preemptor);
}

/** What the asynchronous executor needs; the context of its API calls is built when they run. */
export interface AsyncPreemptionOptions {
  loop: SimLoop;
  context: () => ExecutorContext;
  /** Handler.Activate: the preemptor goes back to activeQ after a failed API call. */
  activate: (preemptor: KubeObject) => void;
}

/**
 * The Evaluator's asynchronous half: `preempting` holds the preemptors whose API calls have not
 * finished, and IsPodRunningPreemption gates them out of the scheduling queue.
 */
export class AsyncPreemption {
  private readonly preempting = new Set<string>();

  constructor(private readonly options: AsyncPreemptionOptions) {}

  isPodRunningPreemption(uid: string): boolean {
    return this.preempting.has(uid);
  }

  /**
   * prepareCandidateAsync: the calls run after the cycle. Lower-priority nominations are cleared,
   * every victim but the last is preempted, the preemptor leaves `preempting`, then the last victim
   * goes — so the last deletion is never seen while the preemptor is still gated.
   */
  prepareCandidateAsync(candidate: Candidate, preemptor: KubeObject): void {
    const uid = text(preemptor.metadata.uid);
    this.preempting.add(uid);
    this.options.loop.enqueue('kube-scheduler async preemption', () => {
      const ctx = this.options.context();
      clearLowerPriorityNominations(ctx, candidate, preemptor);
      const victims = candidate.victims.pods.filter((v) => !v.metadata.deletionTimestamp);
      let ok = true;
      for (const victim of victims.slice(0, -1)) ok = preemptPod(ctx, candidate, preemptor, victim) && ok;
      this.preempting.delete(uid);
      const last = victims.at(-1);
      if (last) ok = preemptPod(ctx, candidate, preemptor, last) && ok;
      if (!ok) this.options.activate(preemptor);
    });
  }
}
