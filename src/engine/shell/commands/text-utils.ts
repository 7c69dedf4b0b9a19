/** Text filters learners pipe kubectl into: head, tail, grep, wc, sort. */
import type { Command, CommandContext } from '../command';
import { utf8Length } from '../../api/base64';

/** The input of a filter: the named files, or stdin. Returns undefined after reporting a missing file. */
function input(ctx: CommandContext, name: string, files: string[]): string | undefined {
  if (files.length === 0) return ctx.stdin;
  let out = '';
  for (const f of files) {
    const path = ctx.machine.fs.resolve(ctx.cwd, f);
    const content = ctx.machine.fs.read(path);
    if (content === undefined) {
      ctx.stderr(`${name}: ${f}: No such file or directory\n`);
      ctx.done(1);
      return undefined;
    }
    out += content;
  }
  return out;
}

function lines(text: string): string[] {
  const list = text.split('\n');
  if (list[list.length - 1] === '') list.pop();
  return list;
}

function countOption(args: string[], fallback: number): { count: number; files: string[] } {
  let count = fallback;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-n') count = Number(args[++i]);
    else if (/^-n\d+$/.test(a)) count = Number(a.slice(2));
    else if (/^-\d+$/.test(a)) count = Number(a.slice(1));
    else files.push(a);
  }
  return { count, files };
}

const head: Command = (ctx) => {
  const { count, files } = countOption(ctx.args, 10);
  const text = input(ctx, 'head', files);
  if (text === undefined) return;
  const out = lines(text).slice(0, count);
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  ctx.done(0);
};

const tail: Command = (ctx) => {
  const { count, files } = countOption(ctx.args, 10);
  const text = input(ctx, 'tail', files);
  if (text === undefined) return;
  const all = lines(text);
  const out = count === 0 ? [] : all.slice(-count);
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  ctx.done(0);
};

const grep: Command = (ctx) => {
  const flags = new Set<string>();
  const rest: string[] = [];
  for (const a of ctx.args) {
    if (/^-[a-zA-Z]+$/.test(a)) for (const f of a.slice(1)) flags.add(f);
    else rest.push(a);
  }
  const [pattern, ...files] = rest;
  if (pattern === undefined) {
    ctx.stderr('Usage: grep [OPTION]... PATTERNS [FILE]...\nTry \'grep --help\' for more information.\n');
    ctx.done(2);
    return;
  }
  const text = input(ctx, 'grep', files);
  if (text === undefined) return;
  let re: RegExp;
  try {
    // Basic regular expressions treat + ? | ( ) literally; -E makes them operators.
    const source = flags.has('E') ? pattern : pattern.replace(/\\([+?|(){}])/g, '$1').replace(/(?<!\\)([+?|(){}])/g, '\\$1');
    re = new RegExp(flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : source, flags.has('i') ? 'i' : '');
  } catch {
    ctx.stderr(`grep: Unmatched ( or \\(\n`);
    ctx.done(2);
    return;
  }
  const matched = lines(text).filter((l) => re.test(l) !== flags.has('v'));
  if (flags.has('c')) ctx.stdout(`${matched.length}\n`);
  else if (matched.length) ctx.stdout(matched.join('\n') + '\n');
  ctx.done(matched.length ? 0 : 1);
};

const wc: Command = (ctx) => {
  const flags = ctx.args.filter((a) => a.startsWith('-')).join('');
  const files = ctx.args.filter((a) => !a.startsWith('-'));
  const text = input(ctx, 'wc', files);
  if (text === undefined) return;
  const l = (text.match(/\n/g) ?? []).length;
  const w = text.split(/\s+/).filter(Boolean).length;
  const c = utf8Length(text);
  const suffix = files.length === 1 ? ` ${files[0] ?? ''}` : '';
  if (flags.includes('l') && !flags.includes('w') && !flags.includes('c')) ctx.stdout(`${l}${suffix}\n`);
  else if (flags.includes('w') && !flags.includes('l')) ctx.stdout(`${w}${suffix}\n`);
  else if (flags.includes('c') && !flags.includes('l')) ctx.stdout(`${c}${suffix}\n`);
  else ctx.stdout(`${files.length ? '' : '      '}${l} ${files.length ? '' : '      '}${w} ${files.length ? '' : '     '}${c}${suffix}\n`);
  ctx.done(0);
};

const sort: Command = (ctx) => {
  const flags = ctx.args.filter((a) => a.startsWith('-')).join('');
  const files = ctx.args.filter((a) => !a.startsWith('-'));
  const text = input(ctx, 'sort', files);
  if (text === undefined) return;
  let out = lines(text);
  out = flags.includes('n') ? out.sort((a, b) => parseFloat(a) - parseFloat(b)) : out.sort();
  if (flags.includes('r')) out.reverse();
  if (flags.includes('u')) out = out.filter((l, i) => i === 0 || l !== out[i - 1]);
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  ctx.done(0);
};

export const TEXT_COMMANDS: Record<string, Command> = { head, tail, grep, wc, sort };
