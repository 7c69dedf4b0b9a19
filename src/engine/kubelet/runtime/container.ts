/**
 * One container instance in the runtime: plays its process's effects out on the virtual clock,
 * writes what it prints to its log (as the CRI log files do: one line per entry, with the time it
 * was written), keeps its filesystem, tracks memory against the limit (OOM kill), and takes
 * SIGTERM/SIGKILL.
 */
import type { SimLoop, TimerId } from '../../clock';
import type { ContainerProcess, Listener } from './processes';
import type { Program } from './sh-interpreter';
import type { CpuAccount } from './cpu-usage';

export interface LogLine {
  atMs: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** Keeps the most recent lines only, as log rotation would (10 MiB files in the kubelet). */
const MAX_LOG_LINES = 5_000;
/** A loop that never sleeps is paced: after this many iterations without a sleep it yields 1 s. */
const BUSY_TICKS = 1_000;

export type ExitReason = 'Completed' | 'Error' | 'OOMKilled';

export class RunningContainer {
  readonly log: LogLine[] = [];
  readonly startedAtMs: number;
  exit: { code: number; reason: ExitReason; atMs: number } | undefined;
  private timer: TimerId | undefined;
  private partial = '';
  private readonly program: Program;
  readonly listeners: Listener[];
  private readonly onSigterm: 'fast' | 'ignores';
  /** The CPU this instance has used (set by the kubelet when it starts the container). */
  cpu: CpuAccount | undefined;

  constructor(
    private readonly loop: SimLoop,
    process: ContainerProcess,
    readonly files: Map<string, string>,
    private readonly memoryLimitBytes: number | undefined,
    private readonly onExit: (container: RunningContainer) => void,
  ) {
    this.startedAtMs = loop.nowMs();
    this.program = process.program;
    this.listeners = process.listeners;
    this.onSigterm = process.onSigterm;
    this.step();
  }

  get running(): boolean {
    return this.exit === undefined;
  }

  private write(stream: 'stdout' | 'stderr', text: string): void {
    // A process that prints without newlines (wget -O- of "OK!" in a loop) only grows its last line.
    if (!text.includes('\n')) {
      this.partial += text;
      return;
    }
    const all = this.partial + text;
    const parts = all.split('\n');
    this.partial = parts.pop() ?? '';
    for (const p of parts) this.log.push({ atMs: this.loop.nowMs(), stream, text: p });
    if (this.log.length > MAX_LOG_LINES) this.log.splice(0, this.log.length - MAX_LOG_LINES);
  }

  /** Runs effects until the process sleeps or exits. */
  private step(): void {
    this.timer = undefined;
    let ticks = 0;
    for (;;) {
      if (!this.running) return;
      const r = this.program.next();
      if (r.done) {
        this.finish(r.value, r.value === 0 ? 'Completed' : 'Error');
        return;
      }
      const e = r.value;
      if (e.kind === 'write') this.write(e.stream, e.text);
      else if (e.kind === 'alloc') {
        if (this.memoryLimitBytes !== undefined && e.bytes > this.memoryLimitBytes) {
          // The cgroup's OOM killer ends the process with SIGKILL.
          this.finish(137, 'OOMKilled');
          return;
        }
      } else if (e.kind === 'tick') {
        if (++ticks >= BUSY_TICKS) {
          this.timer = this.loop.after(1000, 'container busy loop', () => this.step());
          return;
        }
      } else {
        if (!Number.isFinite(e.ms)) return; // sleeps forever: only a signal ends it
        this.timer = this.loop.after(e.ms, 'container sleep', () => this.step());
        return;
      }
    }
  }

  private finish(code: number, reason: ExitReason): void {
    if (!this.running) return;
    if (this.partial) this.write('stdout', '\n');
    this.loop.cancel(this.timer);
    this.exit = { code, reason, atMs: this.loop.nowMs() };
    this.onExit(this);
  }

  /** SIGTERM: servers shut down at once (exit 0); a shell as PID 1 ignores it. Returns whether it will exit by itself. */
  sigterm(shutdownMs: number): boolean {
    if (!this.running) return true;
    if (this.onSigterm === 'ignores') return false;
    this.loop.cancel(this.timer);
    this.timer = this.loop.after(shutdownMs, 'container SIGTERM', () => this.finish(0, 'Completed'));
    return true;
  }

  /** The main process ends by itself with `code` (an attached shell's user typed `exit`). */
  exitWith(code: number): void {
    this.finish(code, code === 0 ? 'Completed' : 'Error');
  }

  /** SIGKILL at the end of the grace period: exit code 137. */
  sigkill(): void {
    this.finish(137, 'Error');
  }

  /** Drops pending steps without reporting (the node went away with it). */
  abandon(): void {
    this.loop.cancel(this.timer);
    this.exit ??= { code: 137, reason: 'Error', atMs: this.loop.nowMs() };
  }
}
