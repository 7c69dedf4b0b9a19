/**
 * bash's job table: pipelines started with `&` run on while the prompt comes back; `jobs`, `kill`
 * and `fg` act on them, and a job that ended is reported (`[1]+  Done  ...`) just before the next
 * prompt, as bash does with job control on.
 */
import type { Random } from '../clock';

/** How bash words a finished job (jobs.c's status strings). */
export type JobSignal = 'TERM' | 'KILL' | 'INT';
const SIGNAL_STATUS: Record<JobSignal, string> = { TERM: 'Terminated', KILL: 'Killed', INT: 'Interrupt' };
/** bash pads the status column of `jobs` and of its notices to this width. */
const STATUS_WIDTH = 24;

export interface Job {
  readonly id: number;
  readonly pid: number;
  /** The pipeline as bash echoes it (without the `&`). */
  readonly text: string;
  /** Undefined while running. */
  status: string | undefined;
  /** Stops what runs now (the command's Ctrl-C handler, or finishing it). */
  interrupt: () => void;
  /** The signal `kill` sent, which decides how the job's end is worded. */
  killedBy?: JobSignal;
  /** Set by `fg`: the job finishes in the foreground and is not reported. */
  foreground?: (exitCode: number) => void;
}

export class JobTable {
  private readonly jobs: Job[] = [];
  private nextPid: number;

  constructor(random: Random) {
    // The lab machine has been up a while: its next PID is somewhere in the low thousands.
    this.nextPid = 2000 + random.intBelow(6000);
  }

  /** Registers a job that is starting now; returns it so the runner can point `interrupt` at its command. */
  start(text: string): Job {
    const id = this.jobs.length === 0 ? 1 : Math.max(...this.jobs.map((j) => j.id)) + 1;
    const job: Job = { id, pid: this.nextPid++, text, status: undefined, interrupt: () => undefined };
    this.jobs.push(job);
    return job;
  }

  /** The job's pipeline exited (or was killed by `signal`). */
  finished(job: Job, exitCode: number, signal?: JobSignal): void {
    if (job.status !== undefined) return;
    // A command that handles SIGINT itself (kubectl port-forward) exits with its own status.
    const bySignal = signal !== undefined && (signal !== 'INT' || exitCode === 130);
    job.status = bySignal ? SIGNAL_STATUS[signal] : exitCode === 0 ? 'Done' : `Exit ${exitCode}`;
    if (job.foreground) {
      this.remove(job);
      job.foreground(bySignal ? { TERM: 143, KILL: 137, INT: 130 }[signal] : exitCode);
    }
  }

  /** `kill`: the process gets the signal and stops (SIGINT goes to the command's own handler). */
  kill(job: Job, signal: JobSignal): void {
    if (job.status !== undefined) return;
    job.killedBy = signal;
    job.interrupt();
  }

  /** `%N`, `%%`, `%+`, `%-` or a PID; undefined when there is no such job. */
  find(spec: string): Job | undefined {
    if (spec === '%%' || spec === '%+' || spec === '%') return this.mark('+');
    if (spec === '%-') return this.mark('-');
    if (spec.startsWith('%')) return this.jobs.find((j) => String(j.id) === spec.slice(1));
    return this.jobs.find((j) => String(j.pid) === spec);
  }

  /** The current (`+`) or previous (`-`) job: the most recently started ones. */
  private mark(which: '+' | '-'): Job | undefined {
    return this.jobs[this.jobs.length - (which === '+' ? 1 : 2)];
  }

  private line(job: Job, running: boolean): string {
    const mark = job === this.mark('+') ? '+' : job === this.mark('-') ? '-' : ' ';
    return `[${job.id}]${mark}  ${(job.status ?? 'Running').padEnd(STATUS_WIDTH)}${job.text}${running ? ' &' : ''}\n`;
  }

  /** What `jobs` prints; finished jobs are reported once and forgotten. */
  list(): string {
    const out = this.jobs.map((j) => this.line(j, j.status === undefined)).join('');
    this.forgetFinished();
    return out;
  }

  /** The notices bash prints before the prompt for jobs that ended since the last one. */
  notices(): string {
    const out = this.jobs.filter((j) => j.status !== undefined).map((j) => this.line(j, false)).join('');
    this.forgetFinished();
    return out;
  }

  /** Jobs still running. */
  running(): Job[] {
    return this.jobs.filter((j) => j.status === undefined);
  }

  remove(job: Job): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
  }

  private forgetFinished(): void {
    for (const j of this.jobs.filter((x) => x.status !== undefined)) this.remove(j);
  }
}
