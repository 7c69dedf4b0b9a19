/**
 * The scheduling queue: activeQ (ordered by the QueueSort plugin), backoffQ (pods waiting out
 * their back-off: 1 s doubling per attempt up to 10 s), and the unschedulable pods, which move back
 * when a cluster event might help them or after 5 minutes at the latest.
 */
import type { KubeObject } from '../api/meta';
import type { SimLoop, TimerId } from '../clock';
import type { QueuedPod, QueueSortPlugin } from './framework/types';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration. */
export const UNSCHEDULABLE_FLUSH_AFTER_MS = 5 * 60_000;
const FLUSH_PERIOD_MS = 30_000;

export class SchedulingQueue {
  private readonly active: QueuedPod[] = [];
  private readonly backoff = new Map<string, { entry: QueuedPod; timer: TimerId }>();
  private readonly unschedulable = new Map<string, { entry: QueuedPod; sinceMs: number }>();
  private readonly known = new Map<string, QueuedPod>();

  constructor(
    private readonly loop: SimLoop,
    private readonly sort: QueueSortPlugin,
    private readonly onActive: () => void,
  ) {
    this.loop.after(FLUSH_PERIOD_MS, 'scheduler flush unschedulable', () => this.flushUnschedulable());
  }

  private uid(pod: KubeObject): string {
    return String(pod.metadata.uid);
  }

  /** A new or updated pending pod. */
  add(pod: KubeObject): void {
    const uid = this.uid(pod);
    const existing = this.known.get(uid);
    if (existing) {
      existing.pod = pod;
      return;
    }
    const entry: QueuedPod = { pod, timestampMs: this.loop.nowMs(), attempts: 0 };
    this.known.set(uid, entry);
    this.pushActive(entry);
  }

  delete(pod: KubeObject): void {
    const uid = this.uid(pod);
    this.known.delete(uid);
    const i = this.active.findIndex((e) => this.uid(e.pod) === uid);
    if (i >= 0) this.active.splice(i, 1);
    const b = this.backoff.get(uid);
    if (b) this.loop.cancel(b.timer);
    this.backoff.delete(uid);
    this.unschedulable.delete(uid);
  }

  pop(): QueuedPod | undefined {
    const entry = this.active.shift();
    if (entry) {
      entry.attempts++;
      entry.lastAttemptMs = this.loop.nowMs();
    }
    return entry;
  }

  /** After a failed attempt: the pod waits among the unschedulable ones. */
  markUnschedulable(entry: QueuedPod): void {
    if (!this.known.has(this.uid(entry.pod))) return;
    this.unschedulable.set(this.uid(entry.pod), { entry, sinceMs: this.loop.nowMs() });
  }

  /** The pod was bound (or is gone): forget it. */
  done(entry: QueuedPod): void {
    this.known.delete(this.uid(entry.pod));
  }

  backoffMs(entry: QueuedPod): number {
    return Math.min(POD_MAX_BACKOFF_MS, POD_INITIAL_BACKOFF_MS * 2 ** Math.max(0, entry.attempts - 1));
  }

  /** A cluster event that may make unschedulable pods fit: they go to backoffQ or activeQ. */
  moveAllToActiveOrBackoff(): void {
    for (const [uid, { entry }] of [...this.unschedulable]) {
      this.unschedulable.delete(uid);
      this.toBackoffOrActive(entry);
    }
  }

  pendingCount(): number {
    return this.active.length + this.backoff.size + this.unschedulable.size;
  }

  private toBackoffOrActive(entry: QueuedPod): void {
    const uid = this.uid(entry.pod);
    // The back-off runs from the last attempt; a pod already past it goes straight to activeQ.
    const delay = (entry.lastAttemptMs ?? 0) + this.backoffMs(entry) - this.loop.nowMs();
    if (delay <= 0) {
      this.pushActive(entry);
      return;
    }
    const timer = this.loop.after(delay, 'scheduler backoff', () => {
      this.backoff.delete(uid);
      if (this.known.has(uid)) this.pushActive(entry);
    });
    this.backoff.set(uid, { entry, timer });
  }

  private pushActive(entry: QueuedPod): void {
    let i = this.active.length;
    while (i > 0 && this.sort.less(entry, this.active[i - 1] as QueuedPod)) i--;
    this.active.splice(i, 0, entry);
    this.onActive();
  }

  private flushUnschedulable(): void {
    const now = this.loop.nowMs();
    for (const [uid, { entry, sinceMs }] of [...this.unschedulable]) {
      if (now - sinceMs >= UNSCHEDULABLE_FLUSH_AFTER_MS) {
        this.unschedulable.delete(uid);
        this.toBackoffOrActive(entry);
      }
    }
    this.loop.after(FLUSH_PERIOD_MS, 'scheduler flush unschedulable', () => this.flushUnschedulable());
  }
}
