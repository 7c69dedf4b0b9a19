/** bash's job-control builtins: `jobs`, `kill` (jobs by `%N` or PID), `fg` and `wait`. */
import type { Command, CommandContext } from '../command';
import type { Job, JobSignal, JobTable } from '../jobs';

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';
const SIGNALS: Record<string, JobSignal> = { TERM: 'TERM', SIGTERM: 'TERM', '15': 'TERM', KILL: 'KILL', SIGKILL: 'KILL', '9': 'KILL', INT: 'INT', SIGINT: 'INT', '2': 'INT' };

function table(ctx: CommandContext): JobTable | undefined {
  return ctx.session?.jobs;
}

const jobs: Command = (ctx) => {
  ctx.stdout(table(ctx)?.list() ?? '');
  ctx.done(0);
};

const kill: Command = (ctx) => {
  const args = [...ctx.args];
  let signal: JobSignal = 'TERM';
  const first = args[0];
  if (first === '-s' || first === '-n') {
    args.shift();
    const name = args.shift() ?? '';
    const known = SIGNALS[name.toUpperCase()];
    if (!known) {
      ctx.stderr(`bash: kill: ${name}: invalid signal specification\n`);
      ctx.done(1);
      return;
    }
    signal = known;
  } else if (first !== undefined && first.startsWith('-') && first.length > 1) {
    args.shift();
    const known = SIGNALS[first.slice(1).toUpperCase()];
    if (!known) {
      ctx.stderr(`bash: kill: ${first.slice(1)}: invalid signal specification\n`);
      ctx.done(1);
      return;
    }
    signal = known;
  }
  if (args.length === 0) {
    ctx.stderr(KILL_USAGE);
    ctx.done(2);
    return;
  }
  let status = 0;
  for (const spec of args) {
    const job = table(ctx)?.find(spec);
    if (!job || job.status !== undefined) {
      ctx.stderr(spec.startsWith('%') ? `bash: kill: ${spec}: no such job\n` : /^\d+$/.test(spec) ? `bash: kill: (${spec}) - No such process\n` : `bash: kill: ${spec}: arguments must be process or job IDs\n`);
      status = 1;
      continue;
    }
    // The signal arrives after kill returns: the job's end is reported at a later prompt.
    ctx.machine.loop.enqueue('kill', () => table(ctx)?.kill(job, signal));
  }
  ctx.done(status);
};

const fg: Command = (ctx) => {
  const jobsTable = table(ctx);
  const spec = ctx.args[0];
  const job = jobsTable?.find(spec ?? '%+');
  if (!jobsTable || !job) {
    ctx.stderr(`bash: fg: ${spec ?? 'current'}: no such job\n`);
    ctx.done(1);
    return;
  }
  ctx.stdout(`${job.text}\n`);
  if (job.status !== undefined) {
    jobsTable.remove(job);
    ctx.done(0);
    return;
  }
  job.foreground = (code) => ctx.done(code);
  ctx.onInterrupt(() => jobsTable.kill(job, 'INT'));
};

/** The status `wait` returns for a job that ended: its exit code, or 128 + the signal that killed it. */
function statusOf(job: Job): number {
  const exit = /^Exit (\d+)$/.exec(job.status ?? '');
  if (exit) return Number(exit[1]);
  return { Done: 0, Terminated: 143, Killed: 137, Interrupt: 130 }[job.status ?? 'Done'] ?? 0;
}

/** `wait [%N|PID]`: blocks (in virtual time) until the named job, or every running job, has ended. */
const wait: Command = (ctx) => {
  const jobsTable = table(ctx);
  const spec = ctx.args[0];
  const job = spec === undefined ? undefined : jobsTable?.find(spec);
  if (spec !== undefined && !job) {
    ctx.stderr(spec.startsWith('%') ? `bash: wait: ${spec}: no such job\n` : `bash: wait: pid ${spec} is not a child of this shell\n`);
    ctx.done(127);
    return;
  }
  let stopped = false;
  ctx.onInterrupt(() => {
    stopped = true;
    ctx.done(130);
  });
  const check = () => {
    if (stopped) return;
    if (job ? job.status === undefined : (jobsTable?.running().length ?? 0) > 0) ctx.machine.loop.after(100, 'wait', check);
    else ctx.done(job ? statusOf(job) : 0);
  };
  check();
};

export const JOB_COMMANDS: Record<string, Command> = { jobs, kill, fg, wait };
