/**
 * A deterministic busybox `sh`: runs a parsed script as a generator of effects (output, sleeps,
 * memory use) that the container runtime plays out in virtual time. Only what container scripts
 * in the Kubernetes docs and tutorials use is here: echo, printf, date, sleep, exit, touch, rm,
 * cat, test, seq, hostname, env, nslookup, loops, `$VAR`, `$((...))` and `$(...)`.
 */
import type { ContainerProcess } from './processes';
import { parseScript, ShSyntaxError, type ListNode, type Node, type Word } from './sh-parser';
import { parseWgetArgs, wgetResult, wgetWaitMs, WGET_USAGE, type Fetched, type Url } from '../../network/wget';

export type Effect =
  | { kind: 'write'; stream: 'stdout' | 'stderr'; text: string }
  | { kind: 'sleep'; ms: number }
  /** The process now uses this many bytes of memory (the runtime compares it with the limit). */
  | { kind: 'alloc'; bytes: number }
  /** One loop iteration: lets the runtime pace a busy loop that never sleeps. */
  | { kind: 'tick' };

export type Program = Generator<Effect, number, void>;

/** What a process sees of its container: environment, filesystem, clock, hostname, DNS. */
export interface ProcessEnv {
  vars: Map<string, string>;
  /** The container's writable filesystem: path → contents (directories are implied). */
  files: Map<string, string>;
  nowMs(): number;
  hostname: string;
  /** Cluster DNS: the address a name resolves to, if any (for `nslookup`). */
  resolve?(name: string): string | undefined;
  /** busybox before 1.29 prints nslookup results in its old layout (the docs pin busybox:1.28 for it). */
  legacyNslookup?: boolean;
  /** An HTTP GET from this pod through cluster DNS and kube-proxy (for `wget`). */
  httpGet?(url: Url): Fetched;
  /** Starts the metrics-server process of this container (the metrics-server image's entrypoint). */
  startMetricsServer?(argv: string[]): ContainerProcess;
  /** Starts a process that is an API client of its own (ingress-nginx's controller and its cert jobs), by image repository; undefined when no such program exists. */
  startAddon?(repository: string, argv: string[]): ContainerProcess | undefined;
}

/** `exit N` unwinds the interpreter's generators to the top, where it becomes the exit code. */
class ExitRequest extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** busybox `date` (UTC): default `Mon Sep  1 09:00:00 UTC 2025`, or `+FORMAT`. */
export function formatDate(ms: number, format = '%a %b %e %H:%M:%S %Z %Y'): string {
  const d = new Date(ms);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const map: Record<string, string> = {
    a: DAYS[d.getUTCDay()] as string,
    b: MONTHS[d.getUTCMonth()] as string,
    e: String(d.getUTCDate()).padStart(2, ' '),
    d: p2(d.getUTCDate()),
    m: p2(d.getUTCMonth() + 1),
    Y: String(d.getUTCFullYear()),
    H: p2(d.getUTCHours()),
    M: p2(d.getUTCMinutes()),
    S: p2(d.getUTCSeconds()),
    Z: 'UTC',
    s: String(Math.floor(ms / 1000)),
    T: `${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
    F: `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}`,
    '%': '%',
  };
  return format.replace(/%(.)/g, (all, c: string) => map[c] ?? all);
}

/** `sleep` durations: `5`, `0.5`, `1m`, `2h`, `infinity`. Undefined when invalid. */
export function parseSleep(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Number.POSITIVE_INFINITY;
  const m = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
  return Math.round(Number(m[1]) * unit);
}

/** Evaluates `$((...))`: integers, variables, + - * / % and comparisons. */
export function arithmetic(expr: string, vars: Map<string, string>): number {
  const tokens = expr.match(/\d+|[A-Za-z_][A-Za-z0-9_]*|==|!=|<=|>=|&&|\|\||[-+*/%()<>!]/g) ?? [];
  let i = 0;
  const value = (t: string) => (/^\d/.test(t) ? Number(t) : Number(vars.get(t.replace(/^\$/, '')) ?? 0) || 0);
  const levels = [['||'], ['&&'], ['==', '!='], ['<', '>', '<=', '>='], ['+', '-'], ['*', '/', '%']];
  const apply = (op: string, a: number, b: number): number => {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return b === 0 ? 0 : Math.trunc(a / b);
      case '%': return b === 0 ? 0 : a % b;
      case '<': return Number(a < b);
      case '>': return Number(a > b);
      case '<=': return Number(a <= b);
      case '>=': return Number(a >= b);
      case '==': return Number(a === b);
      case '!=': return Number(a !== b);
      case '&&': return Number(a !== 0 && b !== 0);
      default: return Number(a !== 0 || b !== 0);
    }
  };
  const unary = (): number => {
    const t = tokens[i++] ?? '0';
    if (t === '(') {
      const v = binary(0);
      i++;
      return v;
    }
    if (t === '-') return -unary();
    if (t === '!') return Number(unary() === 0);
    if (t === '+') return unary();
    return value(t);
  };
  const binary = (level: number): number => {
    if (level >= levels.length) return unary();
    let left = binary(level + 1);
    while (i < tokens.length && (levels[level] as string[]).includes(tokens[i] as string)) {
      const op = tokens[i++] as string;
      left = apply(op, left, binary(level + 1));
    }
    return left;
  };
  return binary(0);
}

/** Interprets C escapes for `echo -e` and `printf`. */
const SIMPLE_ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', r: '\r', c: '', a: '\x07', b: '\b', e: '\x1b', f: '\f', v: '\v' };

/**
 * Backslash escapes as busybox's bb_process_escape_sequence reads them: the letters above, \xHH,
 * and octal — `\0NNN` for echo -e, `\NNN` for printf.
 */
function escapes(s: string, octal: 'echo' | 'printf' = 'echo'): string {
  const pattern = octal === 'echo' ? /\\(?:0([0-7]{0,3})|x([0-9a-fA-F]{1,2})|([ntrcabefv\\]))/g : /\\(?:([0-7]{1,3})|x([0-9a-fA-F]{1,2})|([ntrcabefv\\]))/g;
  return s.replace(pattern, (_all, oct: string | undefined, hex: string | undefined, c: string | undefined) => {
    if (oct !== undefined) return String.fromCharCode(parseInt(oct || '0', 8) & 0xff);
    if (hex !== undefined) return String.fromCharCode(parseInt(hex, 16));
    return SIMPLE_ESCAPES[c ?? ''] ?? '';
  });
}

function printf(format: string, args: string[]): string {
  let out = '';
  let rest = [...args];
  do {
    let used = 0;
    out += escapes(format, 'printf').replace(/%(-?\d*)([sdi%])/g, (_all, width: string, conv: string) => {
      if (conv === '%') return '%';
      const arg = rest[used++] ?? '';
      const text = conv === 's' ? arg : String(Math.trunc(Number(arg) || 0));
      const w = Number(width.replace('-', '')) || 0;
      return width.startsWith('-') ? text.padEnd(w) : text.padStart(w);
    });
    rest = rest.slice(used);
    if (used === 0) break;
  } while (rest.length > 0);
  return out;
}

/** Most effects a program run without time passing may produce: an endless loop is cut off there. */
const DRAIN_EFFECTS_MAX = 100_000;

/**
 * Runs a program to completion without time passing (`$(...)`, pipes, exec probes, hooks):
 * its output, total sleep time and exit code (137 if it had to be cut off).
 */
export function drain(program: Program): { stdout: string; output: string; sleptMs: number; code: number } {
  let stdout = '';
  let output = '';
  let sleptMs = 0;
  let r = program.next();
  for (let n = 0; !r.done; n++) {
    if (n >= DRAIN_EFFECTS_MAX) return { stdout, output, sleptMs, code: 137 };
    const e = r.value;
    if (e.kind === 'write') {
      output += e.text;
      if (e.stream === 'stdout') stdout += e.text;
    } else if (e.kind === 'sleep' && Number.isFinite(e.ms)) sleptMs += e.ms;
    r = program.next();
  }
  return { stdout, output, sleptMs, code: r.value };
}

function capture(program: Program): { stdout: string; code: number } {
  const r = drain(program);
  return { stdout: r.stdout, code: r.code };
}

/** Passes effects through, but routes writes that `route` accepts elsewhere (redirections, pipes). */
function* routeWrites(program: Program, route: (e: Extract<Effect, { kind: 'write' }>) => boolean): Program {
  let r = program.next();
  while (!r.done) {
    const e = r.value;
    if (!(e.kind === 'write' && route(e))) yield e;
    r = program.next();
  }
  return r.value;
}

export class Shell {
  private status = 0;

  constructor(private readonly env: ProcessEnv) {}

  /** `sh -c SCRIPT`: a syntax error prints busybox's message and exits 2. */
  *runScript(src: string): Program {
    let list: ListNode;
    try {
      list = parseScript(src);
    } catch (e) {
      if (e instanceof ShSyntaxError) {
        yield { kind: 'write', stream: 'stderr', text: `sh: ${e.message}\n` };
        return 2;
      }
      throw e;
    }
    try {
      return yield* this.list(list);
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      throw e;
    }
  }

  /** An exec-form command (`command: [sleep, "3600"]`): argv run as one simple command. */
  *runArgv(argv: string[]): Program {
    try {
      return yield* this.command(argv, '');
    } catch (e) {
      if (e instanceof ExitRequest) return e.code;
      throw e;
    }
  }

  private *list(list: ListNode): Program {
    let skip: ';' | '&&' | '||' = ';';
    let last = 0;
    let previousOp: ';' | '&&' | '||' = ';';
    for (const { node, op } of list.items) {
      const run = previousOp === ';' || (previousOp === '&&' && last === 0) || (previousOp === '||' && last !== 0);
      skip = op;
      if (run) last = yield* this.node(node);
      previousOp = op;
    }
    void skip;
    this.status = last;
    return last;
  }

  private *node(node: Node): Program {
    switch (node.kind) {
      case 'simple':
        return yield* this.simple(node);
      case 'loop': {
        let last = 0;
        for (;;) {
          yield { kind: 'tick' };
          const c = yield* this.list(node.cond);
          if ((c === 0) === node.until) break;
          last = yield* this.list(node.body);
        }
        return last;
      }
      case 'for': {
        let last = 0;
        const items = node.items.flatMap((w) => this.expand(w));
        for (const item of items) {
          yield { kind: 'tick' };
          this.env.vars.set(node.name, item);
          last = yield* this.list(node.body);
        }
        return last;
      }
      case 'if': {
        for (const b of node.branches) if ((yield* this.list(b.cond)) === 0) return yield* this.list(b.body);
        return node.otherwise ? yield* this.list(node.otherwise) : 0;
      }
      case 'pipeline': {
        let input = '';
        let code = 0;
        for (const [i, c] of node.commands.entries()) {
          if (i < node.commands.length - 1) {
            const r = capture(this.node(c));
            input = r.stdout;
            code = r.code;
          } else {
            code = yield* this.withStdin(input, c);
          }
        }
        return node.negate ? Number(code === 0) : code;
      }
    }
  }

  private stdin = '';

  private *withStdin(input: string, node: Node): Program {
    const saved = this.stdin;
    this.stdin = input;
    try {
      return yield* this.node(node);
    } finally {
      this.stdin = saved;
    }
  }

  private *simple(node: Extract<Node, { kind: 'simple' }>): Program {
    const values = node.assigns.map((a) => [a.name, this.expand(a.value).join(' ')] as const);
    const argv = node.words.flatMap((w) => this.expand(w));
    if (argv.length === 0) {
      for (const [k, v] of values) this.env.vars.set(k, v);
      return 0;
    }
    const saved = values.map(([k]) => [k, this.env.vars.get(k)] as const);
    for (const [k, v] of values) this.env.vars.set(k, v);
    let program: Program = this.command(argv, this.stdin);
    for (const r of node.redirects) {
      const target = this.expand(r.target).join(' ');
      const fd = r.op[0];
      if (fd === '0') continue; // input redirection: stdin stays empty
      const stream = fd === '2' ? 'stderr' : 'stdout';
      if (!r.op.endsWith('>>') && target !== '/dev/null') this.env.files.set(target, '');
      program = routeWrites(program, (e) => {
        if (e.stream !== stream) return false;
        if (target !== '/dev/null') this.env.files.set(target, (this.env.files.get(target) ?? '') + e.text);
        return true;
      });
    }
    const code = yield* program;
    for (const [k, v] of saved) if (v === undefined) this.env.vars.delete(k);
    else this.env.vars.set(k, v);
    this.status = code;
    return code;
  }

  /** Expands a word into fields: `$VAR`, `${VAR}`, `$?`, `$((...))`, `$(...)`; unquoted results split on blanks. */
  expand(word: Word): string[] {
    const fields: string[] = [];
    let current = '';
    let has = false;
    for (const part of word) {
      if (part.quote === 'single') {
        current += part.text;
        has = true;
        continue;
      }
      const text = this.substitute(part.text);
      if (part.quote === 'double') {
        current += text;
        has = true;
        continue;
      }
      const pieces = text.split(/[ \t\n]+/);
      pieces.forEach((piece, i) => {
        if (i > 0) {
          if (has || current) fields.push(current);
          current = '';
          has = false;
        }
        current += piece;
        if (piece) has = true;
      });
    }
    if (has || current) fields.push(current);
    return fields;
  }

  private substitute(text: string): string {
    let out = '';
    let i = 0;
    while (i < text.length) {
      const c = text[i] as string;
      if (c !== '$') {
        out += c;
        i++;
        continue;
      }
      if (text.startsWith('$((', i)) {
        const end = text.indexOf('))', i);
        out += String(arithmetic(this.substitute(text.slice(i + 3, end < 0 ? text.length : end)), this.env.vars));
        i = end < 0 ? text.length : end + 2;
      } else if (text[i + 1] === '(') {
        let depth = 0;
        let j = i + 1;
        for (; j < text.length; j++) {
          if (text[j] === '(') depth++;
          else if (text[j] === ')' && --depth === 0) break;
        }
        const inner = new Shell(this.env);
        out += capture(inner.runScript(text.slice(i + 2, j))).stdout.replace(/\n+$/, '');
        i = j + 1;
      } else if (text[i + 1] === '{') {
        const end = text.indexOf('}', i);
        const name = text.slice(i + 2, end < 0 ? text.length : end);
        const [n, fallback] = name.split(':-');
        const v = this.env.vars.get(n ?? '');
        out += v === undefined || v === '' ? (fallback ?? '') : v;
        i = end < 0 ? text.length : end + 1;
      } else {
        const m = /^[A-Za-z_][A-Za-z0-9_]*|^[?$#0-9]/.exec(text.slice(i + 1));
        if (!m) {
          out += '$';
          i++;
          continue;
        }
        const name = m[0];
        out += name === '?' ? String(this.status) : name === '$' ? '1' : name === '#' ? '0' : name === '0' ? 'sh' : (this.env.vars.get(name) ?? '');
        i += 1 + name.length;
      }
    }
    return out;
  }

  private *out(text: string): Program {
    yield { kind: 'write', stream: 'stdout', text };
    return 0;
  }

  private *err(text: string, code = 1): Program {
    yield { kind: 'write', stream: 'stderr', text };
    return code;
  }

  /** One command by name (builtins and the busybox applets scripts use). */
  private *command(argv: string[], stdin: string): Program {
    const name = (argv[0] as string).replace(/^.*\//, '');
    const args = argv.slice(1);
    const files = this.env.files;
    switch (name) {
      case 'echo': {
        let newline = true;
        let esc = false;
        while (args[0] === '-n' || args[0] === '-e' || args[0] === '-ne' || args[0] === '-en') {
          const f = args.shift() as string;
          if (f.includes('n')) newline = false;
          if (f.includes('e')) esc = true;
        }
        const text = args.join(' ');
        return yield* this.out((esc ? escapes(text) : text) + (newline ? '\n' : ''));
      }
      case 'printf':
        return yield* this.out(printf(args[0] ?? '', args.slice(1)));
      case 'date':
        return yield* this.out(formatDate(this.env.nowMs(), args[0]?.startsWith('+') ? args[0].slice(1) : undefined) + '\n');
      case 'sleep': {
        const ms = parseSleep(args[0] ?? '');
        if (ms === undefined) return yield* this.err(args.length === 0 ? 'BusyBox v1.37.0 (2024-09-26 21:31:42 UTC) multi-call binary.\n\nUsage: sleep [N]...\n' : `sleep: invalid number '${args[0] ?? ''}'\n`);
        yield { kind: 'sleep', ms };
        return 0;
      }
      case 'exit':
        throw new ExitRequest(args[0] === undefined ? this.status : Number(args[0]) & 255);
      case 'true':
      case ':':
        return 0;
      case 'false':
        return 1;
      case 'touch':
        for (const f of args.filter((a) => !a.startsWith('-'))) if (!files.has(f)) files.set(f, '');
        return 0;
      case 'mkdir':
        return 0;
      case 'rm': {
        const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
        let code = 0;
        for (const f of args.filter((a) => !a.startsWith('-'))) {
          if (files.delete(f) || force) continue;
          yield { kind: 'write', stream: 'stderr', text: `rm: can't remove '${f}': No such file or directory\n` };
          code = 1;
        }
        return code;
      }
      case 'cat': {
        if (args.length === 0) return yield* this.out(stdin);
        let code = 0;
        for (const f of args) {
          const content = files.get(f);
          if (content === undefined) {
            yield { kind: 'write', stream: 'stderr', text: `cat: can't open '${f}': No such file or directory\n` };
            code = 1;
          } else yield { kind: 'write', stream: 'stdout', text: content };
        }
        return code;
      }
      case 'test':
      case '[':
        return this.test(name === '[' ? args.slice(0, -1) : args);
      case 'seq': {
        const [a, b] = args.length >= 2 ? [Number(args[0]), Number(args[1])] : [1, Number(args[0])];
        let s = '';
        for (let n = a; n <= b && n - a < 100_000; n++) s += `${n}\n`;
        return yield* this.out(s);
      }
      case 'hostname':
        return yield* this.out(this.env.hostname + '\n');
      case 'env':
      case 'printenv':
        if (name === 'printenv' && args[0]) {
          const v = this.env.vars.get(args[0]);
          return v === undefined ? 1 : yield* this.out(v + '\n');
        }
        return yield* this.out([...this.env.vars].map(([k, v]) => `${k}=${v}\n`).join(''));
      case 'export':
        for (const a of args) {
          const eq = a.indexOf('=');
          if (eq > 0) this.env.vars.set(a.slice(0, eq), a.slice(eq + 1));
        }
        return 0;
      case 'unset':
        for (const a of args) this.env.vars.delete(a);
        return 0;
      case 'tail': {
        const follow = args.some((a) => a === '-f' || a === '-F');
        const nIndex = args.indexOf('-n');
        const n = nIndex >= 0 ? Number(args[nIndex + 1]) || 10 : 10;
        const file = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '-n').pop();
        const content = file === undefined ? stdin : files.get(file);
        if (content === undefined && !args.includes('-F')) {
          yield { kind: 'write', stream: 'stderr', text: `tail: can't open '${file ?? ''}': No such file or directory\n` };
          if (!follow) return 1;
        }
        const lines = (content ?? '').split('\n');
        if (lines[lines.length - 1] === '') lines.pop();
        if (lines.length > 0) yield { kind: 'write', stream: 'stdout', text: lines.slice(-n).join('\n') + '\n' };
        // UNVERIFIED: files written by other containers (shared volumes) are not seen; -f waits forever.
        if (follow) yield { kind: 'sleep', ms: Number.POSITIVE_INFINITY };
        return 0;
      }
      case 'wc':
        return yield* this.out(`${stdin.split('\n').length - 1}\n`);
      case 'wget':
        return yield* this.wget(args);
      case 'nslookup':
        return yield* this.nslookup(args.find((a) => !a.startsWith('-')) ?? '');
      case 'sh':
      case 'bash':
        if (args[0] === '-c') return yield* new Shell(this.env).runScript(args[1] ?? '');
        return 0;
      default:
        return yield* this.err(`sh: ${argv[0] as string}: not found\n`, 127);
    }
  }

  /** busybox wget; the request takes as long as the server (or a connect timeout) takes. */
  private *wget(argv: string[]): Program {
    const args = parseWgetArgs(argv);
    if (!args.url) return yield* this.err(WGET_USAGE);
    const fetched: Fetched = this.env.httpGet?.(args.url) ?? { kind: 'bad-address' };
    const waitMs = wgetWaitMs(args, fetched);
    if (waitMs > 0) yield { kind: 'sleep', ms: waitMs };
    const result = wgetResult(args, args.url, fetched);
    if (result.saved) this.env.files.set(result.saved.file.startsWith('/') ? result.saved.file : `/${result.saved.file}`, result.saved.body);
    for (const o of result.output) yield { kind: 'write', stream: o.stream, text: o.text };
    return result.code;
  }

  private *nslookup(name: string): Program {
    const address = this.env.resolve?.(name);
    // UNVERIFIED: exact spacing of both busybox layouts.
    if (this.env.legacyNslookup) {
      yield { kind: 'write', stream: 'stdout', text: 'Server:    10.96.0.10\nAddress 1: 10.96.0.10 kube-dns.kube-system.svc.cluster.local\n\n' };
      if (!address) return yield* this.err(`nslookup: can't resolve '${name}'\n`);
      return yield* this.out(`Name:      ${name}\nAddress 1: ${address} ${name}\n`);
    }
    const header = 'Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n';
    if (!address) {
      yield { kind: 'write', stream: 'stdout', text: `${header}** server can't find ${name}: NXDOMAIN\n\n` };
      return 1;
    }
    return yield* this.out(`${header}Name:\t${name}\nAddress: ${address}\n\n`);
  }

  private test(args: string[]): number {
    const ok = (b: boolean) => (b ? 0 : 1);
    if (args.length === 0) return 1;
    if (args[0] === '!') return ok(this.test(args.slice(1)) !== 0);
    if (args.length === 1) return ok((args[0] as string) !== '');
    if (args.length === 2) {
      const [op, v = ''] = args;
      if (op === '-z') return ok(v === '');
      if (op === '-n') return ok(v !== '');
      if (op === '-f' || op === '-e' || op === '-s') return ok(this.env.files.has(v) && (op !== '-s' || (this.env.files.get(v) ?? '') !== ''));
      if (op === '-d') return ok(v === '/' || v === '/tmp' || [...this.env.files.keys()].some((f) => f.startsWith(v + '/')));
      return 1;
    }
    const [a = '', op, b = ''] = args;
    const n = (s: string) => Number(s) || 0;
    switch (op) {
      case '=':
      case '==':
        return ok(a === b);
      case '!=':
        return ok(a !== b);
      case '-eq':
        return ok(n(a) === n(b));
      case '-ne':
        return ok(n(a) !== n(b));
      case '-lt':
        return ok(n(a) < n(b));
      case '-le':
        return ok(n(a) <= n(b));
      case '-gt':
        return ok(n(a) > n(b));
      case '-ge':
        return ok(n(a) >= n(b));
      default:
        return 2;
    }
  }
}
