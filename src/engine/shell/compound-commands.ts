/**
 * Runs bash's compound commands (`for`, `while`/`until`, `if`, `{ ...; }`) for a Session. Bodies
 * run through the session's own list runner, so they may wait (sleep, kubectl wait) and resume from
 * a callback; loops whose bodies finish at once iterate without growing the stack.
 */
import type { CommandList, CompoundCommand, Word } from './parser';
import type { Job } from './jobs';

/** Where a command's output goes, and the background job it belongs to (if any). */
export interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
  job?: Job;
  /**
   * What was piped or redirected into the compound command running this (`... | while read l`,
   * `done < file`): `read` takes it line by line; other commands see what is left without using it up.
   */
  input?: { text: string; pos: number };
}

export interface CompoundHost {
  runList(list: CommandList, io: Io, done: (status: number) => void): void;
  expandFields(word: Word): string[];
  setVariable(name: string, value: string): void;
  /** A `break N` / `continue N` on its way out to the loop it names. */
  loopControl: { kind: 'break' | 'continue'; levels: number } | undefined;
  /** How many loops enclose the command running now (`break` outside any loop does nothing). */
  loopDepth: number;
  /** The line must stop now: `exit`, Ctrl-C, or the job was killed. */
  stopped(io: Io): boolean;
  nowMs(): number;
  shellName(): string;
}

/**
 * A `while true` loop whose iterations take no virtual time would spin forever in one instant (the
 * lab's clock only moves between commands); after this many such iterations in a row it is stopped.
 */
export const MAX_INSTANT_ITERATIONS = 10_000;

/** Calls `step` again each time it asks for `next`, looping instead of recursing when it asks at once. */
function repeat(step: (next: () => void) => void): void {
  let inside = false;
  let again = false;
  const drive = () => {
    inside = true;
    do {
      again = false;
      step(() => {
        if (inside) again = true;
        else drive();
      });
    } while (again);
    inside = false;
  };
  drive();
}

export function runCompound(host: CompoundHost, command: CompoundCommand, io: Io, done: (status: number) => void): void {
  switch (command.kind) {
    case 'group':
      host.runList(command.body, io, done);
      return;
    case 'if':
      runIf(host, command.branches, command.otherwise, io, done);
      return;
    case 'for':
      runFor(host, command.variable, command.words, command.body, io, done);
      return;
    case 'while':
      runWhile(host, command.until, command.condition, command.body, io, done);
      return;
  }
}

function runIf(host: CompoundHost, branches: { condition: CommandList; body: CommandList }[], otherwise: CommandList | undefined, io: Io, done: (status: number) => void): void {
  const [first, ...rest] = branches;
  if (!first) {
    if (otherwise) host.runList(otherwise, io, done);
    // No branch ran: the status of `if` is 0.
    else done(0);
    return;
  }
  host.runList(first.condition, io, (status) => {
    if (host.stopped(io) || host.loopControl) return done(status);
    if (status === 0) host.runList(first.body, io, done);
    else runIf(host, rest, otherwise, io, done);
  });
}

/**
 * After one pass of a loop body: consumes a `break`/`continue` meant for this loop. Returns
 * whether the loop goes on.
 */
function afterBody(host: CompoundHost, io: Io): boolean {
  if (host.stopped(io)) return false;
  const control = host.loopControl;
  if (!control) return true;
  if (control.levels > 1) {
    control.levels--;
    // `continue 2` is a `continue` for the enclosing loop.
    return false;
  }
  host.loopControl = undefined;
  return control.kind === 'continue';
}

function runFor(host: CompoundHost, variable: string, words: Word[], body: CommandList, io: Io, done: (status: number) => void): void {
  const values = words.flatMap((w) => host.expandFields(w));
  let index = 0;
  let status = 0;
  host.loopDepth++;
  const finish = (code: number) => {
    host.loopDepth--;
    done(code);
  };
  repeat((next) => {
    const value = values[index++];
    if (value === undefined) return finish(status);
    host.setVariable(variable, value);
    host.runList(body, io, (code) => {
      status = code;
      if (afterBody(host, io)) next();
      else finish(status);
    });
  });
}

function runWhile(host: CompoundHost, until: boolean, condition: CommandList, body: CommandList, io: Io, done: (status: number) => void): void {
  let status = 0;
  let instantIterations = 0;
  let lastTime = host.nowMs();
  host.loopDepth++;
  const finish = (code: number) => {
    host.loopDepth--;
    done(code);
  };
  repeat((next) => {
    host.runList(condition, io, (test) => {
      if (host.stopped(io)) return finish(test);
      if (host.loopControl) return afterBody(host, io) ? next() : finish(status);
      if ((test === 0) === until) return finish(status);
      host.runList(body, io, (code) => {
        status = code;
        if (!afterBody(host, io)) return finish(status);
        const now = host.nowMs();
        instantIterations = now === lastTime ? instantIterations + 1 : 0;
        lastTime = now;
        if (instantIterations >= MAX_INSTANT_ITERATIONS) {
          io.err(`${host.shellName()}: kubelab stopped this loop: ${MAX_INSTANT_ITERATIONS} passes took no time (add a sleep to the loop body)\n`);
          return finish(1);
        }
        next();
      });
    });
  });
}
