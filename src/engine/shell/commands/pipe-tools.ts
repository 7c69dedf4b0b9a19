/** GNU coreutils `tee` and findutils `xargs`, the two ends of a pipe learners reach for. */
import type { Command, CommandContext } from '../command';
import { shellQuote } from '../node-shell';

/** `tee [-a] FILE...`: copies stdin to stdout and to each FILE. */
const tee: Command = (ctx) => {
  let append = false;
  const files: string[] = [];
  for (const a of ctx.args) {
    if (a === '-a' || a === '--append') append = true;
    else if (a.startsWith('-') && a !== '-') {
      ctx.stderr(`tee: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1] ?? ''}'`}\nTry 'tee --help' for more information.\n`);
      ctx.done(1);
      return;
    } else files.push(a);
  }
  ctx.stdout(ctx.stdin);
  let status = 0;
  for (const file of files) {
    const path = ctx.machine.fs.resolve(ctx.cwd, file);
    const failed = ctx.machine.fs.isDir(path) ? { error: 'Is a directory' } : ctx.machine.fs.write(path, ctx.stdin, append);
    if (failed) {
      ctx.stderr(`tee: ${file}: ${failed.error.includes('directory') && !ctx.machine.fs.isDir(path) ? 'No such file or directory' : failed.error}\n`);
      status = 1;
    }
  }
  ctx.done(status);
};

interface XargsOptions {
  maxArgs: number | undefined;
  replace: string | undefined;
  command: string[];
}

function parseXargs(ctx: CommandContext): XargsOptions | undefined {
  const o: XargsOptions = { maxArgs: undefined, replace: undefined, command: [] };
  const args = ctx.args;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n' || a === '--max-args') o.maxArgs = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) o.maxArgs = Number(a.slice(2));
    else if (a === '-I') o.replace = args[++i];
    else if (a.startsWith('-I')) o.replace = a.slice(2);
    else if (a === '-r' || a === '--no-run-if-empty' || a === '-t') continue;
    else if (a.startsWith('-')) {
      ctx.stderr(`xargs: invalid option -- '${a[1] ?? ''}'\nUsage: xargs [OPTION]... COMMAND [INITIAL-ARGS]...\nTry 'xargs --help' for more information.\n`);
      ctx.done(1);
      return undefined;
    } else break;
  }
  o.command = args.slice(i);
  if (o.command.length === 0) o.command = ['echo'];
  if (o.maxArgs !== undefined && !(o.maxArgs > 0)) {
    ctx.stderr(`xargs: value ${String(args[args.indexOf('-n') + 1])} for -n option should be >= 1\nTry 'xargs --help' for more information.\n`);
    ctx.done(1);
    return undefined;
  }
  return o;
}

/** Splits xargs input into items: blanks and newlines separate, quotes group (no -0 or -d). */
export function xargsItems(input: string): string[] {
  return [...input.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? (m[3] as string));
}

/**
 * `xargs [-n N] [-I REPLACE] [COMMAND [ARG...]]`: runs COMMAND with the items of stdin as arguments.
 * Exit status as findutils: 123 when any run failed, 127 when the command was not found.
 */
const xargs: Command = (ctx) => {
  const o = parseXargs(ctx);
  if (!o) return;
  const runLine = (line: string, finished: (output: string, code: number) => void): void => {
    if (ctx.runLine) ctx.runLine(line, finished);
    else finished('', 1);
  };
  const batches: string[][] = [];
  if (o.replace !== undefined) {
    const token = o.replace;
    for (const line of ctx.stdin.split('\n')) {
      const item = line.trim();
      if (item !== '') batches.push(o.command.map((w) => w.split(token).join(item)));
    }
  } else {
    const items = xargsItems(ctx.stdin);
    const size = o.maxArgs ?? Math.max(items.length, 1);
    for (let k = 0; k < items.length; k += size) batches.push([...o.command, ...items.slice(k, k + size)]);
    // GNU xargs runs the command once even with no input (unless -r).
    if (items.length === 0 && !ctx.args.includes('-r') && !ctx.args.includes('--no-run-if-empty')) batches.push(o.command);
  }
  let status = 0;
  const next = (k: number): void => {
    const batch = batches[k];
    if (!batch) {
      ctx.done(status);
      return;
    }
    runLine(batch.map(shellQuote).join(' '), (output, code) => {
      ctx.stdout(output);
      if (code === 127) {
        ctx.done(127);
        return;
      }
      if (code !== 0) status = 123;
      next(k + 1);
    });
  };
  next(0);
};

export const PIPE_COMMANDS: Record<string, Command> = { tee, xargs };
