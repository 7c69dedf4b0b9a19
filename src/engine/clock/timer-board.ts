/**
 * Timers as first-class state: every component that arms a timed transition (a grace period, an
 * eviction deadline, a back-off restart, a node's heartbeat grace) publishes it here with its
 * virtual-time deadline, so UIs can draw countdowns and tests can assert them. The board only
 * describes; the timers themselves still run on the SimLoop.
 */
import type { SimLoop, TimerId } from './loop';

/** What a pending timer is about. */
export const TimerKind = {
  /** A container waits out CrashLoopBackOff before the kubelet restarts it. */
  CrashLoopBackOff: 'crash-loop-back-off',
  /** The kubelet waits before pulling an image again (ImagePullBackOff). */
  ImagePullBackOff: 'image-pull-back-off',
  /** A terminating pod's grace period: SIGKILL when it runs out. */
  TerminationGrace: 'termination-grace',
  /** A container failed its liveness/startup probe and is being killed to be restarted. */
  ProbeRestart: 'probe-restart',
  /** taint-eviction-controller deletes a pod when its toleration of a NoExecute taint runs out. */
  TaintEviction: 'taint-eviction',
  /** node-lifecycle-controller marks a node Unknown if no heartbeat arrives before this. */
  NodeMonitorGrace: 'node-monitor-grace',
  /** pod-garbage-collector deletes the pods of a node that is gone once its quarantine ends. */
  PodGCQuarantine: 'pod-gc-quarantine',
  /** job-controller waits out the pod-failure back-off before replacing failed pods. */
  JobPodFailureBackOff: 'job-pod-failure-back-off',
  /** job-controller fails a Job still running when its activeDeadlineSeconds runs out. */
  JobActiveDeadline: 'job-active-deadline',
  /** cronjob-controller creates the next Job at the next scheduled time. */
  CronJobSchedule: 'cronjob-schedule',
  /** ttl-after-finished-controller deletes a finished Job when its TTL runs out. */
  TtlAfterFinished: 'ttl-after-finished',
} as const;
export type TimerKind = (typeof TimerKind)[keyof typeof TimerKind] | (string & {});

/** One pending timed transition. */
export interface PendingTimer {
  /** Stable key: the same transition re-armed keeps its id (e.g. `taint-eviction/default/web-1`). */
  id: string;
  kind: TimerKind;
  /** Virtual time (ms since the epoch) at which it fires. */
  dueMs: number;
  object: { kind: string; namespace?: string; name: string; uid?: string };
  /** Who owns it: `kubelet/kind-worker`, `taint-eviction-controller`, ... */
  component: string;
  /** One short sentence for a tooltip: "restarts container app (back-off 20s)". */
  description: string;
}

export class TimerBoard {
  private readonly timers = new Map<string, PendingTimer>();

  set(timer: PendingTimer): void {
    this.timers.set(timer.id, timer);
  }

  get(id: string): PendingTimer | undefined {
    return this.timers.get(id);
  }

  clear(id: string): void {
    this.timers.delete(id);
  }

  /** Clears every timer whose id starts with `prefix` (a component shutting down). */
  clearPrefix(prefix: string): void {
    for (const id of [...this.timers.keys()]) if (id.startsWith(prefix)) this.timers.delete(id);
  }

  /** Pending timers, soonest first (ties by id). */
  list(): PendingTimer[] {
    return [...this.timers.values()].sort((a, b) => a.dueMs - b.dueMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  /** Arms `fire` on the loop and publishes it; the entry goes when it fires or is cancelled. */
  schedule(loop: SimLoop, timer: Omit<PendingTimer, 'dueMs'>, delayMs: number, fire: () => void): ScheduledTimer {
    const entry = { ...timer, dueMs: loop.nowMs() + Math.max(0, delayMs) };
    this.set(entry);
    const id: TimerId = loop.after(delayMs, timer.kind, () => {
      if (this.timers.get(timer.id) === entry) this.timers.delete(timer.id);
      fire();
    });
    return {
      cancel: () => {
        loop.cancel(id);
        if (this.timers.get(timer.id) === entry) this.timers.delete(timer.id);
      },
    };
  }
}

export interface ScheduledTimer {
  cancel(): void;
}
