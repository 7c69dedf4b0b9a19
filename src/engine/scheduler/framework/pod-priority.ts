/**
 * Pod importance as the scheduler sees it (component-helpers' PodPriority and scheduler util's
 * GetPodStartTime / MoreImportantPod / GetEarliestPodStartTime): priority first, then the pod that
 * has been running longer counts as more important.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { parseRfc3339 } from '../../api/time';

/** spec.priority, or 0 when the pod has none (admission always fills it in a real cluster). */
export function podPriority(pod: KubeObject): number {
  const p = isRecord(pod.spec) ? pod.spec.priority : undefined;
  return typeof p === 'number' ? p : 0;
}

/** status.startTime in ms; a pod that has not started yet (assumed, or bound but not running) counts as starting now. */
export function podStartTimeMs(pod: KubeObject, nowMs: number): number {
  const started = parseRfc3339(isRecord(pod.status) ? pod.status.startTime : undefined);
  return started ?? nowMs;
}

/** Whether pod a is more important than pod b: higher priority, else the earlier start. */
export function moreImportantPod(a: KubeObject, b: KubeObject, nowMs: number): boolean {
  const pa = podPriority(a);
  const pb = podPriority(b);
  if (pa !== pb) return pa > pb;
  return podStartTimeMs(a, nowMs) < podStartTimeMs(b, nowMs);
}

/** Sorts most important first; a stable sort, so equally important pods keep their order. */
export function sortByImportance(pods: KubeObject[], nowMs: number): KubeObject[] {
  return pods.sort((a, b) => (moreImportantPod(a, b, nowMs) ? -1 : moreImportantPod(b, a, nowMs) ? 1 : 0));
}

/** The earliest start time among the pods of the highest priority (undefined for no pods). */
export function earliestStartOfHighestPriority(pods: readonly KubeObject[], nowMs: number): number | undefined {
  let best: { priority: number; startMs: number } | undefined;
  for (const pod of pods) {
    const priority = podPriority(pod);
    const startMs = podStartTimeMs(pod, nowMs);
    if (!best || priority > best.priority) best = { priority, startMs };
    else if (priority === best.priority && startMs < best.startMs) best.startMs = startMs;
  }
  return best?.startMs;
}
