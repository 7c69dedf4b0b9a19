/**
 * The scheduling queue: activeQ (ordered by the QueueSort plugin), backoffQ (pods waiting out
 * their back-off: 1 s doubling per attempt up to 10 s), and the unschedulable pods, which move back
 * when a cluster event might help them or after 5 minutes at the latest. A pod that a PreEnqueue
 * check refuses (DefaultPreemption's, while its preemption is in flight) stays with the
 * unschedulable ones, gated, until a later move finds the gate open.
 */
import type { KubeObject } from '../api/meta';
import type { SimLoop, TimerId } from '../clock';
import type { QueuedPod, QueueSortPlugin } from './framework/types';

export const POD_INITIAL_BACKOFF_MS = 1_000;
export const POD_MAX_BACKOFF_MS = 10_000;
/** podMaxInUnschedulablePodsDuration. */
export const UNSCHEDULABLE_FLUSH_AFTER_MS = 5 * 60_000;
const FLUSH_PERIOD_MS = 30_000;

/** activeQ: a binary heap by the QueueSort order, FIFO among equals (insertion sequence). */
class ActiveHeap {
  private readonly items: { entry: QueuedPod; seq: number }[] = [];
  private seq = 0;
  /** uids currently in the heap; removal is lazy (popped entries not in this set are skipped). */
  private readonly members = new Map<string, QueuedPod>();

  constructor(private readonly less: (a: QueuedPod, b: QueuedPod) => boolean) {}

  get size(): number {
    return this.members.size;
  }

  push(uid: string, entry: QueuedPod): void {
    this.members.set(uid, entry);
    this.items.push({ entry, seq: this.seq++ });
    let i = this.items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  remove(uid: string): void {
    this.members.delete(uid);
  }

  pop(uidOf: (e: QueuedPod) => string): QueuedPod | undefined {
    while (this.items.length) {
      const top = this.items[0] as { entry: QueuedPod; seq: number };
      const last = this.items.pop() as { entry: QueuedPod; seq: number };
      if (this.items.length) {
        this.items[0] = last;
        this.siftDown(0);
      }
      const uid = uidOf(top.entry);
      if (this.members.get(uid) === top.entry) {
        this.members.delete(uid);
        return top.entry;
      }
    }
    return undefined;
  }

  private before(i: number, j: number): boolean {
    const a = this.items[i] as { entry: QueuedPod; seq: number };
    const b = this.items[j] as { entry: QueuedPod; seq: number };
    if (this.less(a.entry, b.entry)) return true;
    if (this.less(b.entry, a.entry)) return false;
    return a.seq < b.seq;
  }

  private siftDown(i: number): void {
    const n = this.items.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.before(l, m)) m = l;
      if (r < n && this.before(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(i: number, j: number): void {
    const t = this.items[i] as { entry: QueuedPod; seq: number };
    this.items[i] = this.items[j] as { entry: QueuedPod; seq: number };
    this.items[j] = t;
  }
}

export class SchedulingQueue {
  private readonly active: ActiveHeap;
  private readonly backoff = new Map<string, { entry: QueuedPod; timer: TimerId }>();
  private readonly unschedulable = new Map<string, { entry: QueuedPod; sinceMs: number }>();
  private readonly known = new Map<string, QueuedPod>();

  constructor(
    private readonly loop: SimLoop,
    private readonly sort: QueueSortPlugin,
    private readonly onActive: () => void,
    /** PreEnqueue: whether the pod may enter activeQ now. */
    private readonly preEnqueue: (pod: KubeObject) => boolean = () => true,
  ) {
    this.active = new ActiveHeap((a, b) => this.sort.less(a, b));
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
    this.active.remove(uid);
    const b = this.backoff.get(uid);
    if (b) this.loop.cancel(b.timer);
    this.backoff.delete(uid);
    this.unschedulable.delete(uid);
  }

  pop(): QueuedPod | undefined {
    const entry = this.active.pop((e) => this.uid(e.pod));
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
    // A pod never attempted (one that was gated) owes no back-off.
    if (entry.attempts === 0) return 0;
    return Math.min(POD_MAX_BACKOFF_MS, POD_INITIAL_BACKOFF_MS * 2 ** Math.max(0, entry.attempts - 1));
  }

  /** A cluster event that may make unschedulable pods fit: they go to backoffQ or activeQ. */
  moveAllToActiveOrBackoff(): void {
    for (const [uid, { entry }] of [...this.unschedulable]) {
      this.unschedulable.delete(uid);
      this.toBackoffOrActive(entry);
    }
  }

  /** Handler.Activate: an unschedulable (or gated) pod goes straight back to activeQ. */
  activate(pod: KubeObject): void {
    const uid = this.uid(pod);
    const waiting = this.unschedulable.get(uid);
    if (!waiting) return;
    this.unschedulable.delete(uid);
    this.pushActive(waiting.entry);
  }

  /** Whether the pod is waiting among the unschedulable (or gated) pods. */
  isUnschedulable(pod: KubeObject): boolean {
    return this.unschedulable.has(this.uid(pod));
  }

  pendingCount(): number {
    return this.active.size + this.backoff.size + this.unschedulable.size;
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
    if (!this.preEnqueue(entry.pod)) {
      this.unschedulable.set(this.uid(entry.pod), { entry, sinceMs: this.loop.nowMs() });
      return;
    }
    this.active.push(this.uid(entry.pod), entry);
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
