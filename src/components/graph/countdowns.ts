/**
 * Which countdown each graph box shows, from the engine's timers: a pod its own soonest timer
 * (eviction deadline, grace period, back-off); a node the time left before it is marked Unknown once
 * its heartbeats are overdue, and after that the soonest eviction among its pods.
 */
import type { ClusterTimer } from '../../engine';
import { countdownText, objectKey } from '../../state/timers';
import type { GraphNode } from './layout';

export interface Countdown {
  text: string;
  /** The timer's own sentence, for the tooltip. */
  title: string;
}

/**
 * A healthy kubelet renews its Lease every 10 s and the node lifecycle controller re-reads it every
 * 5 s, so a live node's 50 s grace never shows less than 35 s left; below 30 s, heartbeats have
 * stopped and the countdown is worth showing.
 */
const OVERDUE_BELOW_MS = 30_000;

/** What a pod's timer is about, in two words before the time. */
const POD_TIMER_WORDS: Record<string, string> = {
  'taint-eviction': 'evicted in',
  'termination-grace': 'killed in',
  'crash-loop-back-off': 'restart in',
  'image-pull-back-off': 'pull in',
  'probe-restart': 'restart in',
};

function podCountdown(timer: ClusterTimer | undefined, nowMs: number): Countdown | undefined {
  const words = timer ? POD_TIMER_WORDS[timer.kind] : undefined;
  return timer && words ? { text: `${words} ${countdownText(timer.dueMs - nowMs)}`, title: timer.description } : undefined;
}

/** The countdown of every box that has one, by box id. */
export function countdowns(boxes: readonly GraphNode[], timers: readonly ClusterTimer[], nowMs: number): Map<string, Countdown> {
  const byObject = new Map<string, ClusterTimer>();
  for (const timer of timers) {
    const key = objectKey(timer.object);
    const held = byObject.get(key);
    if (!held || timer.dueMs < held.dueMs) byObject.set(key, timer);
  }
  const result = new Map<string, Countdown>();
  const evictions = new Map<string, ClusterTimer[]>(); // by the node box the pod sits in
  for (const box of boxes) {
    if (box.ref?.kind !== 'Pod') continue;
    const timer = byObject.get(objectKey(box.ref));
    const countdown = podCountdown(timer, nowMs);
    if (countdown) result.set(box.id, countdown);
    if (timer?.kind === 'taint-eviction' && box.parent) evictions.set(box.parent, [...(evictions.get(box.parent) ?? []), timer]);
  }
  for (const box of boxes) {
    if (box.ref?.kind !== 'Node') continue;
    const grace = byObject.get(objectKey(box.ref));
    if (grace?.kind === 'node-monitor-grace' && grace.dueMs - nowMs < OVERDUE_BELOW_MS) {
      result.set(box.id, { text: `Unknown in ${countdownText(grace.dueMs - nowMs)}`, title: `No heartbeat: ${grace.description}` });
      continue;
    }
    const pending = evictions.get(box.id) ?? [];
    const soonest = pending.reduce<ClusterTimer | undefined>((a, t) => (!a || t.dueMs < a.dueMs ? t : a), undefined);
    if (soonest) result.set(box.id, { text: `evicts ${pending.length} pod${pending.length === 1 ? '' : 's'} in ${countdownText(soonest.dueMs - nowMs)}`, title: soonest.description });
  }
  return result;
}
