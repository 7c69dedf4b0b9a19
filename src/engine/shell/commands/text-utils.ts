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

interface GrepOptions {
  flags: Set<string>;
  patterns: string[];
  after: number;
  before: number;
  files: string[];
}

/** GNU grep's options: clustered short flags, -e PATTERN (repeatable), -A/-B/-C N, `--`. */
function grepOptions(args: readonly string[]): GrepOptions | { error: string } {
  const flags = new Set<string>();
  const patterns: string[] = [];
  let after = 0;
  let before = 0;
  const positional: string[] = [];
  const context = (letter: string, value: string | undefined): string | undefined => {
    if (value === undefined || !/^\d+$/.test(value)) return `grep: ${value ?? ''}: invalid context length argument`;
    const n = Number(value);
    if (letter !== 'B') after = n;
    if (letter !== 'A') before = n;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      positional.push(...args.slice(i + 1));
      break;
    }
    const long = /^--(after|before)-context=(.*)$/.exec(a) ?? /^--(context)=(.*)$/.exec(a);
    if (long) {
      const problem = context(long[1] === 'after' ? 'A' : long[1] === 'before' ? 'B' : 'C', long[2]);
      if (problem) return { error: problem };
      continue;
    }
    if (a.startsWith('--regexp=')) {
      patterns.push(a.slice('--regexp='.length));
      continue;
    }
    if (a.startsWith('--')) {
      if (a === '--ignore-case') flags.add('i');
      else if (a === '--invert-match') flags.add('v');
      else if (a === '--count') flags.add('c');
      else if (a === '--line-number') flags.add('n');
      else if (a === '--extended-regexp') flags.add('E');
      else if (a === '--fixed-strings') flags.add('F');
      else if (a === '--word-regexp') flags.add('w');
      else if (a === '--quiet' || a === '--silent') flags.add('q');
      else if (!a.startsWith('--color')) return { error: `grep: unrecognized option '${a}'` };
      continue;
    }
    if (!/^-./.test(a)) {
      positional.push(a);
      continue;
    }
    // A cluster such as -inE, -A3, -e PATTERN, -ePATTERN.
    for (let j = 1; j < a.length; j++) {
      const f = a[j] as string;
      if (f === 'e' || f === 'A' || f === 'B' || f === 'C') {
        const value = j + 1 < a.length ? a.slice(j + 1) : args[++i];
        if (f === 'e') {
          if (value === undefined) return { error: "grep: option requires an argument -- 'e'" };
          patterns.push(value);
        } else {
          const problem = context(f, value);
          if (problem) return { error: problem };
        }
        break;
      }
      if (/\d/.test(f)) {
        // -3 is -C 3.
        const digits = /^\d+/.exec(a.slice(j))?.[0] ?? '';
        context('C', digits);
        j += digits.length - 1;
        continue;
      }
      if (!'ivcnEFwqoh'.includes(f)) return { error: `grep: invalid option -- '${f}'` };
      flags.add(f);
    }
  }
  if (patterns.length === 0) {
    const first = positional.shift();
    if (first === undefined) return { error: "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information." };
    patterns.push(...first.split('\n'));
  }
  return { flags, patterns, after, before, files: positional };
}

/** A basic regular expression (BRE) in JavaScript's syntax: `+ ? | ( ) { }` are literal, `\+ \? \| \( \) \{ \}` operators. */
function basicToJs(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    const next = pattern[i + 1];
    if (c === '\\' && next !== undefined && '+?|(){}'.includes(next)) {
      out += next;
      i++;
    } else if (c === '\\' && next !== undefined) {
      out += c + next;
      i++;
    } else out += '+?|(){}'.includes(c) ? `\\${c}` : c;
  }
  return out;
}

function grepRegExp(pattern: string, flags: Set<string>): RegExp {
  let source = flags.has('F') ? pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : flags.has('E') ? pattern : basicToJs(pattern);
  if (flags.has('w')) source = `(?<![A-Za-z0-9_])(?:${source})(?![A-Za-z0-9_])`;
  return new RegExp(source, flags.has('i') ? 'i' : '');
}

const grep: Command = (ctx) => {
  const options = grepOptions(ctx.args);
  if ('error' in options) {
    ctx.stderr(`${options.error}\n`);
    ctx.done(2);
    return;
  }
  const { flags, patterns, after, before, files } = options;
  let res: RegExp[];
  try {
    res = patterns.map((p) => grepRegExp(p, flags));
  } catch {
    ctx.stderr(`grep: Unmatched ( or \\(\n`);
    ctx.done(2);
    return;
  }
  const sources = files.length === 0 ? [{ name: '(standard input)', text: ctx.stdin }] : files.map((f) => ({ name: f, text: ctx.machine.fs.read(ctx.machine.fs.resolve(ctx.cwd, f)) }));
  const prefixName = sources.length > 1 && !flags.has('h');
  let out = '';
  let anyMatch = false;
  let status = 0;
  for (const source of sources) {
    if (source.text === undefined) {
      ctx.stderr(`grep: ${source.name}: No such file or directory\n`);
      status = 2;
      continue;
    }
    const all = lines(source.text);
    const hit = all.map((l) => res.some((re) => re.test(l)) !== flags.has('v'));
    const count = hit.filter(Boolean).length;
    if (count > 0) anyMatch = true;
    if (flags.has('q')) continue;
    if (flags.has('c')) {
      out += `${prefixName ? `${source.name}:` : ''}${count}\n`;
      continue;
    }
    let lastShown = -1;
    let afterLeft = 0;
    const show = (i: number, sep: string) => {
      if (lastShown >= 0 && i > lastShown + 1 && (after > 0 || before > 0)) out += '--\n';
      out += `${prefixName ? `${source.name}${sep}` : ''}${flags.has('n') ? `${i + 1}${sep}` : ''}${all[i] ?? ''}\n`;
      lastShown = i;
    };
    for (let i = 0; i < all.length; i++) {
      if (hit[i]) {
        for (let b = Math.max(lastShown + 1, i - before); b < i; b++) show(b, '-');
        if (flags.has('o') && !flags.has('v')) {
          for (const re of res) for (const m of (all[i] ?? '').matchAll(new RegExp(re.source, re.flags + 'g'))) if (m[0]) out += `${prefixName ? `${source.name}:` : ''}${flags.has('n') ? `${i + 1}:` : ''}${m[0]}\n`;
          lastShown = i;
        } else show(i, ':');
        afterLeft = after;
      } else if (afterLeft > 0) {
        show(i, '-');
        afterLeft--;
      }
    }
  }
  ctx.stdout(out);
  ctx.done(status === 2 && !(anyMatch && flags.has('q')) ? 2 : anyMatch ? 0 : 1);
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
