/**
 * More text filters from tutorials: `awk '{print $1}'`-style field printing, cut, tr, uniq, base64
 * (`kubectl get secret ... | base64 -d`), printf and seq.
 */
import { decodeBase64, encodeBase64 } from '../../api/base64';
import type { Command, CommandContext } from '../command';

function read(ctx: CommandContext, name: string, files: string[]): string | undefined {
  if (files.length === 0) return ctx.stdin;
  let out = '';
  for (const f of files) {
    const content = ctx.machine.fs.read(ctx.machine.fs.resolve(ctx.cwd, f));
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

/**
 * awk, the subset tutorials use: an optional `/regex/` or `NR>1`-style condition and a `{print ...}`
 * action with fields ($0, $1, $NF), NR, NF, string literals and `,` for the output separator; -F.
 */
const awk: Command = (ctx) => {
  let separator: RegExp = /[ \t]+/;
  const args = [...ctx.args];
  if (args[0]?.startsWith('-F')) {
    const sep = args[0] === '-F' ? (args[1] ?? ' ') : args[0].slice(2);
    args.splice(0, args[0] === '-F' ? 2 : 1);
    separator = new RegExp(sep.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  }
  const [program = '', ...files] = args;
  const m = /^\s*(?:(\/(?:[^/\\]|\\.)*\/)|(NR\s*(?:==|!=|>=|<=|>|<)\s*\d+))?\s*(?:\{\s*print\s*(.*?)\s*;?\s*\})?\s*$/.exec(program);
  if (!m || (!m[1] && !m[2] && m[3] === undefined)) {
    ctx.stderr(`awk: this lab's awk understands '/re/ {print $1, $2}' and 'NR>1 {print $NF}' forms\n`);
    ctx.done(2);
    return;
  }
  const text = read(ctx, 'awk', files);
  if (text === undefined) return;
  const pattern = m[1] ? new RegExp(m[1].slice(1, -1)) : undefined;
  const nr = m[2] ? /NR\s*(==|!=|>=|<=|>|<)\s*(\d+)/.exec(m[2]) : undefined;
  const items = (m[3] ?? '$0').split(',').map((s) => s.trim()).filter((s) => s !== '');
  let out = '';
  lines(text).forEach((line, index) => {
    const row = index + 1;
    if (pattern && !pattern.test(line)) return;
    if (nr) {
      const n = Number(nr[2]);
      const ok = { '==': row === n, '!=': row !== n, '>=': row >= n, '<=': row <= n, '>': row > n, '<': row < n }[nr[1] as '=='];
      if (!ok) return;
    }
    const fields = line.trim() === '' ? [] : (separator.source === '[ \\t]+' ? line.trim() : line).split(separator);
    const value = (item: string): string => {
      // Juxtaposed terms concatenate: `$1":"$2`.
      return (item.match(/"[^"]*"|\$NF|\$\d+|NR|NF/g) ?? []).map((t) => {
        if (t.startsWith('"')) return t.slice(1, -1);
        if (t === 'NR') return String(row);
        if (t === 'NF') return String(fields.length);
        if (t === '$NF') return fields[fields.length - 1] ?? '';
        const i = Number(t.slice(1));
        return i === 0 ? line : (fields[i - 1] ?? '');
      }).join('');
    };
    out += items.map(value).join(' ') + '\n';
  });
  ctx.stdout(out);
  ctx.done(0);
};

/** cut -d DELIM -f LIST | -c LIST */
const cut: Command = (ctx) => {
  let delimiter = '\t';
  let fields: string | undefined;
  let chars: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i] as string;
    if (a === '-d') delimiter = ctx.args[++i] ?? '\t';
    else if (a.startsWith('-d')) delimiter = a.slice(2);
    else if (a === '-f') fields = ctx.args[++i];
    else if (a.startsWith('-f')) fields = a.slice(2);
    else if (a === '-c') chars = ctx.args[++i];
    else if (a.startsWith('-c')) chars = a.slice(2);
    else files.push(a);
  }
  const list = fields ?? chars;
  if (list === undefined) {
    ctx.stderr("cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n");
    ctx.done(1);
    return;
  }
  const wanted = (n: number) =>
    list.split(',').some((r) => {
      const [a, b] = r.split('-');
      const lo = a === '' || a === undefined ? 1 : Number(a);
      const hi = b === undefined ? lo : b === '' ? Infinity : Number(b);
      return n >= lo && n <= hi;
    });
  const text = read(ctx, 'cut', files);
  if (text === undefined) return;
  const out = lines(text).map((line) => {
    if (chars !== undefined) return [...line].filter((_, i) => wanted(i + 1)).join('');
    if (!line.includes(delimiter)) return line;
    return line.split(delimiter).filter((_, i) => wanted(i + 1)).join(delimiter);
  });
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  ctx.done(0);
};

function expandSet(set: string): string[] {
  const unescaped = set.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
  const named: Record<string, string> = { '[:lower:]': 'abcdefghijklmnopqrstuvwxyz', '[:upper:]': 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '[:digit:]': '0123456789', '[:space:]': ' \t\n\r\v\f' };
  const withClasses = unescaped.replace(/\[:(lower|upper|digit|space):\]/g, (c) => named[c] ?? c);
  const out: string[] = [];
  const chars = [...withClasses];
  for (let i = 0; i < chars.length; i++) {
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined) {
      for (let c = (chars[i] as string).charCodeAt(0); c <= (chars[i + 2] as string).charCodeAt(0); c++) out.push(String.fromCharCode(c));
      i += 2;
    } else out.push(chars[i] as string);
  }
  return out;
}

/** tr SET1 SET2, tr -d SET */
const tr: Command = (ctx) => {
  const del = ctx.args[0] === '-d';
  const sets = ctx.args.filter((a) => a !== '-d');
  const from = expandSet(sets[0] ?? '');
  const to = expandSet(sets[1] ?? '');
  if (sets.length === 0 || (!del && sets.length < 2)) {
    ctx.stderr("tr: missing operand\nTry 'tr --help' for more information.\n");
    ctx.done(1);
    return;
  }
  let out = '';
  for (const ch of ctx.stdin) {
    const i = from.indexOf(ch);
    if (i < 0) out += ch;
    else if (!del) out += to[Math.min(i, to.length - 1)] ?? '';
  }
  ctx.stdout(out);
  ctx.done(0);
};

/** uniq [-c] */
const uniq: Command = (ctx) => {
  const count = ctx.args.includes('-c');
  const text = read(ctx, 'uniq', ctx.args.filter((a) => !a.startsWith('-')));
  if (text === undefined) return;
  const runs: [string, number][] = [];
  for (const line of lines(text)) {
    const last = runs[runs.length - 1];
    if (last && last[0] === line) last[1]++;
    else runs.push([line, 1]);
  }
  ctx.stdout(runs.map(([l, n]) => (count ? `${String(n).padStart(7)} ${l}` : l)).join('\n') + (runs.length ? '\n' : ''));
  ctx.done(0);
};

/** base64 [-d] [-w COLS] [FILE] */
const base64: Command = (ctx) => {
  const decode = ctx.args.some((a) => a === '-d' || a === '--decode');
  let wrap = 76;
  const files: string[] = [];
  for (let i = 0; i < ctx.args.length; i++) {
    const a = ctx.args[i] as string;
    if (a === '-w') wrap = Number(ctx.args[++i]);
    else if (a.startsWith('-w')) wrap = Number(a.slice(2));
    else if (!a.startsWith('-')) files.push(a);
  }
  const text = read(ctx, 'base64', files);
  if (text === undefined) return;
  if (decode) {
    const decoded = decodeBase64(text);
    if (decoded === undefined) {
      ctx.stderr('base64: invalid input\n');
      ctx.done(1);
      return;
    }
    ctx.stdout(decoded);
  } else {
    const encoded = encodeBase64(text);
    const rows = wrap > 0 ? (encoded.match(new RegExp(`.{1,${wrap}}`, 'g')) ?? []) : [encoded];
    ctx.stdout(rows.join('\n') + '\n');
  }
  ctx.done(0);
};

/** printf FORMAT [ARGS...]: %s, %d, %%, and backslash escapes; the format repeats for leftover arguments. */
const printf: Command = (ctx) => {
  const [format = '', ...args] = ctx.args;
  let out = '';
  let used = 0;
  do {
    out += format
      .replace(/\\n/g, '\n')
      .replace(/\\t/g, '\t')
      .replace(/\\\\/g, '\\')
      .replace(/%([-0-9]*)([sd%])/g, (_all, width: string, conv: string) => {
        if (conv === '%') return '%';
        const arg = args[used++] ?? '';
        const value = conv === 'd' ? String(Number.parseInt(arg, 10) || 0) : arg;
        const w = Number.parseInt(width, 10);
        return Number.isNaN(w) ? value : w < 0 ? value.padEnd(-w) : value.padStart(w);
      });
  } while (used > 0 && used < args.length);
  ctx.stdout(out);
  ctx.done(0);
};

/** seq [FIRST [INCREMENT]] LAST */
export const seq: Command = (ctx) => {
  const nums = ctx.args.map(Number);
  if (nums.length === 0 || nums.some((n) => Number.isNaN(n))) {
    ctx.stderr("seq: missing operand\nTry 'seq --help' for more information.\n");
    ctx.done(1);
    return;
  }
  const [first, step, last] = nums.length === 1 ? [1, 1, nums[0] as number] : nums.length === 2 ? [nums[0] as number, 1, nums[1] as number] : [nums[0] as number, nums[1] as number, nums[2] as number];
  const out: number[] = [];
  for (let n = first; step > 0 ? n <= last : n >= last; n += step) {
    out.push(n);
    if (out.length > 100_000 || step === 0) break;
  }
  ctx.stdout(out.length ? out.join('\n') + '\n' : '');
  ctx.done(0);
};

export const FILTER_COMMANDS: Record<string, Command> = { awk, cut, tr, uniq, base64, printf, seq };
