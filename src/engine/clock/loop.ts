/**
 * The engine's only event loop: a FIFO task queue plus a timer heap ordered by (dueMs, seq).
 *
 * Every component runs as synchronous callbacks scheduled here. Nothing in the engine uses host
 * timers or Promise ordering, so the same inputs always produce the same sequence of steps.
 */

/** Handle of a scheduled timer; pass it to `cancel`. */
export type TimerId = number;

/** What a bounded run did. `exhausted` means the step budget ran out before the goal was reached. */
export interface RunReport {
  steps: number;
  exhausted: boolean;
}

interface Timer {
  id: TimerId;
  dueMs: number;
  seq: number;
  label: string;
  fire: () => void;
}

/** Default budget for a bounded run: far above anything a sane scenario needs. */
export const DEFAULT_STEPS_MAX = 5_000_000;

export class SimLoop {
  private nowMsValue: number;
  private readonly tasks: Array<{ label: string; run: () => void }> = [];
  private taskHead = 0;
  private readonly heap: Timer[] = [];
  private readonly live = new Map<TimerId, Timer>();
  private nextSeq = 0;
  private pausedValue = false;

  constructor(startMs: number) {
    this.nowMsValue = startMs;
  }

  /** Virtual wall time in milliseconds since the Unix epoch. */
  nowMs(): number {
    return this.nowMsValue;
  }

  get paused(): boolean {
    return this.pausedValue;
  }

  /** Pausing stops `advanceBy` from moving time; `step` and `runUntilIdle` still work (they do not move time forward except to a due timer when stepping explicitly). */
  pause(): void {
    this.pausedValue = true;
  }

  resume(): void {
    this.pausedValue = false;
  }

  /** Runs `task` at the current virtual time, after every task already queued. */
  enqueue(label: string, task: () => void): void {
    this.tasks.push({ label, run: task });
  }

  /** Fires `fire` once `delayMs` of virtual time has passed (0 = after queued tasks, at this instant). */
  after(delayMs: number, label: string, fire: () => void): TimerId {
    const delay = Number.isFinite(delayMs) && delayMs > 0 ? delayMs : 0;
    const timer: Timer = { id: ++this.nextSeq, dueMs: this.nowMsValue + delay, seq: this.nextSeq, label, fire };
    this.live.set(timer.id, timer);
    this.heapPush(timer);
    return timer.id;
  }

  /** Cancels a timer; cancelling one that already fired or was cancelled is a no-op. */
  cancel(id: TimerId | undefined): void {
    if (id !== undefined) this.live.delete(id);
  }

  /** Number of queued tasks plus live timers. */
  pendingCount(): number {
    return this.tasks.length - this.taskHead + this.live.size;
  }

  /** Due time of the earliest live timer, if any. */
  nextTimerDueMs(): number | undefined {
    this.dropCancelledTop();
    return this.heap[0]?.dueMs;
  }

  /** Runs queued tasks (not timers) at the current instant until none remain or the budget is spent. */
  drainTasks(stepsMax = DEFAULT_STEPS_MAX): RunReport {
    let steps = 0;
    while (this.taskHead < this.tasks.length) {
      if (steps >= stepsMax) return { steps, exhausted: true };
      this.runOneTask();
      steps++;
    }
    return { steps, exhausted: false };
  }

  /**
   * Does exactly one unit of work: the oldest queued task, or else the earliest timer (moving
   * virtual time to its due time). Returns false when there was nothing to do.
   */
  step(): boolean {
    if (this.taskHead < this.tasks.length) {
      this.runOneTask();
      return true;
    }
    const timer = this.popLiveTimer();
    if (!timer) return false;
    if (timer.dueMs > this.nowMsValue) this.nowMsValue = timer.dueMs;
    timer.fire();
    return true;
  }

  /**
   * Moves virtual time forward by `durationMs`, firing every timer that falls due on the way in
   * (dueMs, seq) order, and running the tasks they queue. Time ends exactly `durationMs` later.
   */
  advanceBy(durationMs: number, stepsMax = DEFAULT_STEPS_MAX): RunReport {
    const target = this.nowMsValue + Math.max(0, durationMs);
    return this.advanceTo(target, stepsMax);
  }

  /** Like `advanceBy`, to an absolute virtual time. */
  advanceTo(targetMs: number, stepsMax = DEFAULT_STEPS_MAX): RunReport {
    let steps = 0;
    for (;;) {
      const drained = this.drainTasks(stepsMax - steps);
      steps += drained.steps;
      if (drained.exhausted) return { steps, exhausted: true };
      const due = this.nextTimerDueMs();
      if (due === undefined || due > targetMs) break;
      if (steps >= stepsMax) return { steps, exhausted: true };
      this.step();
      steps++;
    }
    if (targetMs > this.nowMsValue) this.nowMsValue = targetMs;
    return { steps, exhausted: false };
  }

  /**
   * Runs tasks and timers until `predicate` holds (checked after every step) or `maxMs` of virtual
   * time has passed. Returns whether the predicate held.
   */
  runUntil(predicate: () => boolean, maxMs: number, stepsMax = DEFAULT_STEPS_MAX): { met: boolean } & RunReport {
    const deadline = this.nowMsValue + Math.max(0, maxMs);
    let steps = 0;
    for (;;) {
      if (predicate()) return { met: true, steps, exhausted: false };
      if (steps >= stepsMax) return { met: false, steps, exhausted: true };
      if (this.taskHead < this.tasks.length) {
        this.runOneTask();
        steps++;
        continue;
      }
      const due = this.nextTimerDueMs();
      if (due === undefined || due > deadline) {
        if (deadline > this.nowMsValue) this.nowMsValue = deadline;
        return { met: predicate(), steps, exhausted: false };
      }
      this.step();
      steps++;
    }
  }

  /**
   * Runs tasks and timers until nothing is due within `maxMs` of virtual time (periodic timers such
   * as heartbeats never let a cluster go fully idle, hence the bound).
   */
  runUntilIdle(maxMs: number, stepsMax = DEFAULT_STEPS_MAX): RunReport {
    const r = this.runUntil(() => false, maxMs, stepsMax);
    return { steps: r.steps, exhausted: r.exhausted };
  }

  private runOneTask(): void {
    const task = this.tasks[this.taskHead++];
    if (this.taskHead > 1024 && this.taskHead * 2 > this.tasks.length) {
      this.tasks.splice(0, this.taskHead);
      this.taskHead = 0;
    }
    task?.run();
  }

  private popLiveTimer(): Timer | undefined {
    for (;;) {
      const top = this.heapPop();
      if (!top) return undefined;
      if (this.live.get(top.id) === top) {
        this.live.delete(top.id);
        return top;
      }
    }
  }

  private dropCancelledTop(): void {
    while (this.heap.length > 0) {
      const top = this.heap[0] as Timer;
      if (this.live.get(top.id) === top) return;
      this.heapPop();
    }
  }

  private static before(a: Timer, b: Timer): boolean {
    return a.dueMs < b.dueMs || (a.dueMs === b.dueMs && a.seq < b.seq);
  }

  private heapPush(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!SimLoop.before(h[i] as Timer, h[parent] as Timer)) break;
      [h[i], h[parent]] = [h[parent] as Timer, h[i] as Timer];
      i = parent;
    }
  }

  private heapPop(): Timer | undefined {
    const h = this.heap;
    if (h.length === 0) return undefined;
    const top = h[0] as Timer;
    const last = h.pop() as Timer;
    if (h.length > 0) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && SimLoop.before(h[l] as Timer, h[m] as Timer)) m = l;
        if (r < h.length && SimLoop.before(h[r] as Timer, h[m] as Timer)) m = r;
        if (m === i) break;
        [h[i], h[m]] = [h[m] as Timer, h[i] as Timer];
        i = m;
      }
    }
    return top;
  }
}
