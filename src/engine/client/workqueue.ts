/**
 * A rate-limited work queue on the virtual clock (client-go workqueue): a key is queued at most
 * once, never processed by two workers at once, re-queued if it changed while processing, and
 * retried with per-item exponential back-off (5 ms doubling to 1000 s).
 */
import type { SimLoop, TimerId } from '../clock';

export const BACKOFF_BASE_MS = 5;
export const BACKOFF_MAX_MS = 1_000_000;

export class WorkQueue {
  /** Keys waiting, from `head` on (an index rather than shift(), which copies a long array each time). */
  private queue: string[] = [];
  private head = 0;
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly delayed = new Map<string, TimerId>();
  private scheduled = false;

  constructor(
    private readonly loop: SimLoop,
    private readonly label: string,
    private readonly process: (key: string) => void,
  ) {}

  add(key: string): void {
    if (this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return;
    this.queue.push(key);
    this.schedule();
  }

  addAfter(key: string, delayMs: number): void {
    if (delayMs <= 0) {
      this.add(key);
      return;
    }
    const existing = this.delayed.get(key);
    if (existing !== undefined) this.loop.cancel(existing);
    this.delayed.set(
      key,
      this.loop.after(delayMs, `${this.label} requeue`, () => {
        this.delayed.delete(key);
        this.add(key);
      }),
    );
  }

  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(BACKOFF_BASE_MS * 2 ** n, BACKOFF_MAX_MS));
  }

  forget(key: string): void {
    this.failures.delete(key);
  }

  numRequeues(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  get length(): number {
    return this.queue.length - this.head;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.loop.enqueue(this.label, () => this.drain());
  }

  private drain(): void {
    this.scheduled = false;
    if (this.head >= this.queue.length) return;
    const key = this.queue[this.head++] as string;
    // Drop the consumed part once it is most of the array.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    this.dirty.delete(key);
    this.processing.add(key);
    try {
      this.process(key);
    } finally {
      this.processing.delete(key);
      if (this.dirty.has(key)) this.queue.push(key);
      if (this.length) this.schedule();
    }
  }
}
