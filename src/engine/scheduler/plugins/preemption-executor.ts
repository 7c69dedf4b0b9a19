/**
 * prepareCandidate (the preemption Executor): carries out DefaultPreemption's choice through the
 * API. Each victim first gets the DisruptionTarget condition, then is deleted (with its grace period)
 * and gets a `Preempted` event; lower-priority pods nominated to the same node lose their
 * nomination. With SchedulerAsyncPreemption (beta, on in v1.34) this runs beside the cycle; here it
 * runs to completion within it, so the preemptor never waits on an unfinished preemption.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';
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

function preemptPod(ctx: ExecutorContext, candidate: Candidate, preemptor: KubeObject, victim: KubeObject): void {
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
    if (!patched.ok) return;
  }
  const deleted = ctx.client.delete(podRef(victim));
  if (!deleted.ok) return;
  ctx.events.record(victim, { type: 'Normal', reason: 'Preempted', action: 'Preempting', note: `Preempted by pod ${text(preemptor.metadata.uid)} on node ${candidate.nodeName}` });
}

/** Evicts the candidate's victims and clears lower-priority nominations on its node. */
export function prepareCandidate(ctx: ExecutorContext, candidate: Candidate, preemptor: KubeObject): void {
  const priority = podPriority(preemptor);
  for (const p of ctx.nominatedPods(candidate.nodeName)) {
    if (podPriority(p) >= priority || p.metadata.uid === preemptor.metadata.uid) continue;
    ctx.client.patch({ ...podRef(p), subresource: 'status' }, 'strategic', { status: { nominatedNodeName: null } });
  }
  // A victim already terminating needs no second request.
  for (const victim of candidate.victims.pods) if (!victim.metadata.deletionTimestamp) preemptPod(ctx, candidate, preemptor, victim);
}
