/**
 * A practical subset of Go's text/template for `kubectl get -o go-template=...`: text and
 * `{{ }}` actions (with `{{-`/`-}}` trimming and comments), fields (`.a.b`, `$x.a`), pipelines
 * with `|`, variables (`$x := ...`), `if`/`else if`/`else`, `range` (with `$i, $v :=`), `with`,
 * and the functions people use: index, len, printf, print, println, eq/ne/lt/le/gt/ge, and/or/not,
 * plus kubectl's base64decode. The data is the object as JSON decodes it in Go, so numbers are
 * float64 and a missing map key prints `<no value>`.
 */
import { isRecord } from '../../api/meta';
import { utf8Length } from '../../api/base64';
import { formatGoFloat, goSortStrings } from './go-format';

export class GoTemplateError extends Error {}

type Expr =
  | { kind: 'field'; base: 'dot' | { variable: string }; path: string[] }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'nil' }
  | { kind: 'call'; name: string; args: Expr[] }
  | { kind: 'pipe'; pipe: Pipeline };

/** Commands joined by `|`; each later command gets the previous result as its last argument. */
interface Pipeline {
  declare?: string[];
  commands: Expr[][];
}

type TNode =
  | { kind: 'text'; text: string }
  | { kind: 'action'; pipe: Pipeline }
  | { kind: 'if' | 'with'; pipe: Pipeline; then: TNode[]; otherwise: TNode[] }
  | { kind: 'range'; pipe: Pipeline; body: TNode[]; otherwise: TNode[] };

// ---- lexing actions -------------------------------------------------------------------------------

interface Segment {
  text?: string;
  action?: string;
  line: number;
}

function splitTemplate(source: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  let line = 1;
  while (i < source.length) {
    const open = source.indexOf('{{', i);
    if (open < 0) {
      out.push({ text: source.slice(i), line });
      break;
    }
    let text = source.slice(i, open);
    let start = open + 2;
    if (source[start] === '-' && /\s/.test(source[start + 1] ?? '')) {
      text = text.replace(/\s+$/, '');
      start += 1;
    }
    if (text) out.push({ text, line });
    line += (source.slice(i, open).match(/\n/g) ?? []).length;
    let close = start;
    let quote: string | undefined;
    for (; close < source.length; close++) {
      const c = source[close];
      if (quote) {
        if (c === '\\' && quote === '"') close++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === '`' || c === "'") quote = c;
      else if (source.startsWith('}}', close)) break;
    }
    if (close >= source.length) throw new GoTemplateError(`template: output:${line}: unclosed action`);
    let body = source.slice(start, close);
    let next = close + 2;
    if (/\s-$/.test(body)) {
      body = body.slice(0, -1);
      while (next < source.length && /\s/.test(source[next] as string)) next++;
    }
    out.push({ action: body.trim(), line });
    line += (body.match(/\n/g) ?? []).length;
    i = next;
  }
  return out;
}

function tokenize(action: string, line: number): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < action.length) {
    const c = action[i] as string;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === '`' || c === "'") {
      let j = i + 1;
      while (j < action.length && action[j] !== c) j += action[j] === '\\' && c !== '`' ? 2 : 1;
      if (j >= action.length) throw new GoTemplateError(`template: output:${line}: unterminated quoted string`);
      tokens.push(action.slice(i, j + 1));
      i = j + 1;
      continue;
    }
    if (c === '(' || c === ')' || c === '|' || c === ',') {
      tokens.push(c);
      i++;
      continue;
    }
    if (action.startsWith(':=', i) || action.startsWith('=', i)) {
      const op = action.startsWith(':=', i) ? ':=' : '=';
      tokens.push(op);
      i += op.length;
      continue;
    }
    let j = i;
    while (j < action.length && !/[\s()|,]/.test(action[j] as string) && !action.startsWith(':=', j)) j++;
    tokens.push(action.slice(i, j));
    i = j;
  }
  return tokens;
}

// ---- parsing ---------------------------------------------------------------------------------------

class TemplateParser {
  private pos = 0;
  constructor(private readonly segments: Segment[]) {}

  parse(): TNode[] {
    const { nodes, stop } = this.parseList();
    if (stop) throw new GoTemplateError(`template: output:${stop.line}: unexpected {{${stop.word}}}`);
    return nodes;
  }

  /** Parses until `end`/`else` (returned as the stop word) or the end of input. */
  private parseList(): { nodes: TNode[]; stop?: { word: string; rest: string[]; line: number } } {
    const nodes: TNode[] = [];
    while (this.pos < this.segments.length) {
      const seg = this.segments[this.pos++] as Segment;
      if (seg.text !== undefined) {
        nodes.push({ kind: 'text', text: seg.text });
        continue;
      }
      const action = seg.action ?? '';
      if (action.startsWith('/*')) continue;
      const tokens = tokenize(action, seg.line);
      const word = tokens[0];
      if (word === 'end' || word === 'else') return { nodes, stop: { word, rest: tokens.slice(1), line: seg.line } };
      if (word === 'if' || word === 'with' || word === 'range') {
        nodes.push(this.parseBlock(word, tokens.slice(1), seg.line));
        continue;
      }
      nodes.push({ kind: 'action', pipe: parsePipeline(tokens, seg.line) });
    }
    return { nodes };
  }

  private parseBlock(word: 'if' | 'with' | 'range', rest: string[], line: number): TNode {
    const pipe = parsePipeline(rest, line);
    const body = this.parseList();
    if (!body.stop) throw new GoTemplateError(`template: output:${line}: unexpected EOF`);
    let otherwise: TNode[] = [];
    if (body.stop.word === 'else') {
      if (body.stop.rest[0] === 'if' || body.stop.rest[0] === 'with') {
        // `else if x` is an `if` nested in the else branch that shares the outer `end`.
        otherwise = [this.parseBlock(body.stop.rest[0], body.stop.rest.slice(1), body.stop.line)];
      } else {
        const tail = this.parseList();
        if (!tail.stop || tail.stop.word !== 'end') throw new GoTemplateError(`template: output:${line}: unexpected EOF`);
        otherwise = tail.nodes;
      }
    }
    if (word === 'range') return { kind: 'range', pipe, body: body.nodes, otherwise };
    return { kind: word, pipe, then: body.nodes, otherwise };
  }
}

function parsePipeline(tokens: string[], line: number): Pipeline {
  let rest = tokens;
  let declare: string[] | undefined;
  const assign = rest.indexOf(':=');
  if (assign > 0 && rest.slice(0, assign).every((t) => t.startsWith('$') || t === ',')) {
    declare = rest.slice(0, assign).filter((t) => t !== ',');
    rest = rest.slice(assign + 1);
  }
  const commands: Expr[][] = [];
  let i = 0;
  const parseOperand = (): Expr => {
    const t = rest[i++];
    if (t === undefined) throw new GoTemplateError(`template: output:${line}: missing value for command`);
    if (t === '(') {
      let depth = 1;
      const start = i;
      while (i < rest.length && depth > 0) {
        if (rest[i] === '(') depth++;
        if (rest[i] === ')') depth--;
        i++;
      }
      if (depth > 0) throw new GoTemplateError(`template: output:${line}: unclosed left paren`);
      return { kind: 'pipe', pipe: parsePipeline(rest.slice(start, i - 1), line) };
    }
    return parseTerm(t, line);
  };
  let current: Expr[] = [];
  while (i < rest.length) {
    if (rest[i] === '|') {
      if (current.length === 0) throw new GoTemplateError(`template: output:${line}: missing value for command`);
      commands.push(current);
      current = [];
      i++;
      continue;
    }
    if (rest[i] === ')') throw new GoTemplateError(`template: output:${line}: unexpected ")" in command`);
    current.push(parseOperand());
  }
  if (current.length === 0) throw new GoTemplateError(`template: output:${line}: missing value for command`);
  commands.push(current);
  return { declare, commands };
}

function parseTerm(t: string, line: number): Expr {
  if (t.startsWith('"')) return { kind: 'string', value: JSON.parse(t) as string };
  if (t.startsWith('`')) return { kind: 'string', value: t.slice(1, -1) };
  if (t.startsWith("'")) return { kind: 'number', value: t.codePointAt(1) ?? 0 };
  if (t === 'true' || t === 'false') return { kind: 'bool', value: t === 'true' };
  if (t === 'nil') return { kind: 'nil' };
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return { kind: 'number', value: Number(t) };
  if (t === '.') return { kind: 'field', base: 'dot', path: [] };
  if (t.startsWith('.')) return { kind: 'field', base: 'dot', path: t.slice(1).split('.') };
  if (t.startsWith('$')) {
    const [name = '$', ...path] = t.split('.');
    return { kind: 'field', base: { variable: name }, path };
  }
  if (/^[A-Za-z_]\w*$/.test(t)) {
    if (!(t in activeFunctions)) throw new GoTemplateError(`template: output:${line}: function "${t}" not defined`);
    return { kind: 'call', name: t, args: [] };
  }
  throw new GoTemplateError(`template: output:${line}: unexpected "${t}" in command`);
}

// ---- execution --------------------------------------------------------------------------------------

/** Marks a missing map key: prints as `<no value>`. */
const NO_VALUE = Symbol('no value');

function truthy(v: unknown): boolean {
  if (v === null || v === undefined || v === NO_VALUE || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isRecord(v)) return Object.keys(v).length > 0;
  return true;
}

/** fmt's `%v` of a JSON-decoded value (numbers are float64). */
export function formatTemplateValue(v: unknown): string {
  if (v === NO_VALUE) return '<no value>';
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'number') return formatGoFloat(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(formatTemplateValue).join(' ')}]`;
  if (isRecord(v)) return `map[${goSortStrings(Object.keys(v)).map((k) => `${k}:${formatTemplateValue(v[k])}`).join(' ')}]`;
  return '';
}

export type Fn = (args: unknown[]) => unknown;

function basicEqual(a: unknown, b: unknown): boolean {
  if (a === NO_VALUE || b === NO_VALUE) throw new GoTemplateError('incompatible types for comparison');
  if (typeof a !== typeof b) throw new GoTemplateError('incompatible types for comparison');
  if (typeof a === 'object' && a !== null) throw new GoTemplateError('invalid type for comparison');
  return a === b;
}

function ordered(a: unknown, b: unknown): [number | string, number | string] {
  if (typeof a !== typeof b) throw new GoTemplateError('incompatible types for comparison');
  if (typeof a !== 'number' && typeof a !== 'string') throw new GoTemplateError('invalid type for comparison');
  return [a, b as number | string];
}

/** fmt.Sprintf for the verbs templates use (%s %d %v %q %f %x and widths). */
export function goSprintf(format: string, args: unknown[]): string {
  let n = 0;
  return format.replace(/%([-+ 0#]*)(\d*)(?:\.(\d+))?([a-zA-Z%])/g, (_all, flags: string, width: string, precision: string | undefined, verb: string) => {
    if (verb === '%') return '%';
    if (n >= args.length) return `%!${verb}(MISSING)`;
    const arg = args[n++];
    let s: string;
    switch (verb) {
      case 'd':
        s = typeof arg === 'number' ? String(Math.trunc(arg)) : `%!d(${typeof arg === 'string' ? 'string=' + arg : formatTemplateValue(arg)})`;
        break;
      case 'f':
        s = typeof arg === 'number' ? arg.toFixed(precision !== undefined ? Number(precision) : 6) : `%!f(${formatTemplateValue(arg)})`;
        break;
      case 'q':
        s = JSON.stringify(formatTemplateValue(arg));
        break;
      case 'x':
        s = typeof arg === 'number' ? Math.trunc(arg).toString(16) : [...formatTemplateValue(arg)].map((c) => (c.codePointAt(0) ?? 0).toString(16)).join('');
        break;
      default:
        s = formatTemplateValue(arg);
    }
    if (width) s = flags.includes('-') ? s.padEnd(Number(width)) : s.padStart(Number(width), flags.includes('0') && verb !== 's' ? '0' : ' ');
    return s;
  }) + (n < args.length ? `%!(EXTRA ${args.slice(n).map((a) => `${typeof a === 'number' ? 'float64' : typeof a === 'string' ? 'string' : 'interface {}'}=${formatTemplateValue(a)}`).join(', ')})` : '');
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 to a string (bytes read as UTF-8); throws on bad input as Go's decoder errors. */
export function decodeBase64(text: string): string {
  const clean = text.replace(/=+$/, '');
  const bytes: number[] = [];
  let bits = 0;
  let acc = 0;
  for (const c of clean) {
    const v = B64.indexOf(c);
    if (v < 0) throw new GoTemplateError('illegal base64 data');
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((acc >> bits) & 0xff);
    }
  }
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 1 : b < 0xe0 ? 2 : b < 0xf0 ? 3 : 4;
    let cp = n === 1 ? b : b & (0xff >> (n + 1));
    for (let j = 1; j < n; j++) cp = (cp << 6) | ((bytes[i + j] ?? 0) & 63);
    out += String.fromCodePoint(cp);
    i += n;
  }
  return out;
}

const FUNCTIONS: Record<string, Fn> = {
  and: (a) => a.find((v) => !truthy(v)) ?? a[a.length - 1],
  or: (a) => a.find((v) => truthy(v)) ?? a[a.length - 1],
  not: (a) => !truthy(a[0]),
  len: (a) => {
    const v = a[0];
    if (typeof v === 'string') return utf8Length(v);
    if (Array.isArray(v)) return v.length;
    if (isRecord(v)) return Object.keys(v).length;
    throw new GoTemplateError(`error calling len: len of type ${v === null || v === NO_VALUE ? '<nil>' : typeof v === 'number' ? 'float64' : typeof v}`);
  },
  index: (a) => {
    let v = a[0];
    for (const key of a.slice(1)) {
      if (Array.isArray(v)) {
        if (typeof key !== 'number' || key < 0 || key >= v.length) throw new GoTemplateError(`error calling index: index out of range: ${formatTemplateValue(key)}`);
        v = v[key];
      } else if (isRecord(v)) v = Object.prototype.hasOwnProperty.call(v, String(key)) ? v[String(key)] : NO_VALUE;
      else if (v === null || v === NO_VALUE) throw new GoTemplateError('error calling index: index of untyped nil');
      else throw new GoTemplateError(`error calling index: can't index item of type ${typeof v}`);
    }
    return v;
  },
  printf: (a) => goSprintf(formatTemplateValue(a[0] ?? ''), a.slice(1)),
  print: (a) => a.map((v, i) => (i > 0 && typeof v !== 'string' && typeof a[i - 1] !== 'string' ? ' ' : '') + formatTemplateValue(v)).join(''),
  println: (a) => a.map(formatTemplateValue).join(' ') + '\n',
  eq: (a) => a.slice(1).some((b) => basicEqual(a[0], b)),
  ne: (a) => !basicEqual(a[0], a[1]),
  lt: (a) => {
    const [x, y] = ordered(a[0], a[1]);
    return x < y;
  },
  le: (a) => {
    const [x, y] = ordered(a[0], a[1]);
    return x <= y;
  },
  gt: (a) => {
    const [x, y] = ordered(a[0], a[1]);
    return x > y;
  },
  ge: (a) => {
    const [x, y] = ordered(a[0], a[1]);
    return x >= y;
  },
  base64decode: (a) => {
    try {
      return decodeBase64(formatTemplateValue(a[0] ?? ''));
    } catch {
      throw new GoTemplateError('error calling base64decode: illegal base64 data at input byte 0');
    }
  },
  exists: (a) => {
    let v = a[0];
    for (const key of a.slice(1)) {
      if (!isRecord(v) || !(String(key) in v)) return false;
      v = v[String(key)];
    }
    return true;
  },
};

/** The functions of the template being parsed or run: text/template's own plus its host's (see GoTemplate). */
let activeFunctions: Record<string, Fn> = FUNCTIONS;

function withFunctions<T>(extra: Record<string, Fn>, run: () => T): T {
  const saved = activeFunctions;
  activeFunctions = { ...FUNCTIONS, ...extra };
  try {
    return run();
  } finally {
    activeFunctions = saved;
  }
}

class Executor {
  private out = '';
  private readonly vars: { name: string; value: unknown }[][] = [];

  run(nodes: TNode[], data: unknown): string {
    this.vars.push([{ name: '$', value: data }]);
    this.list(nodes, data);
    return this.out;
  }

  private lookup(name: string): unknown {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      const scope = this.vars[i] as { name: string; value: unknown }[];
      for (let j = scope.length - 1; j >= 0; j--) if (scope[j]?.name === name) return scope[j]?.value;
    }
    throw new GoTemplateError(`undefined variable: ${name}`);
  }

  private declare(name: string, value: unknown): void {
    (this.vars[this.vars.length - 1] as { name: string; value: unknown }[]).push({ name, value });
  }

  private list(nodes: TNode[], dot: unknown): void {
    for (const node of nodes) this.node(node, dot);
  }

  private scoped(body: () => void): void {
    this.vars.push([]);
    try {
      body();
    } finally {
      this.vars.pop();
    }
  }

  private node(node: TNode, dot: unknown): void {
    switch (node.kind) {
      case 'text':
        this.out += node.text;
        return;
      case 'action': {
        const value = this.pipeline(node.pipe, dot);
        if (!node.pipe.declare) this.out += formatTemplateValue(value);
        return;
      }
      case 'if':
      case 'with': {
        this.scoped(() => {
          const value = this.pipeline(node.pipe, dot);
          if (truthy(value)) this.list(node.then, node.kind === 'with' ? value : dot);
          else this.list(node.otherwise, dot);
        });
        return;
      }
      case 'range': {
        this.scoped(() => {
          const value = this.pipeline({ commands: node.pipe.commands }, dot);
          const entries: [unknown, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isRecord(value) ? goSortStrings(Object.keys(value)).map((k) => [k, value[k]]) : [];
          if (!Array.isArray(value) && !isRecord(value) && value !== null && value !== NO_VALUE && value !== undefined) throw new GoTemplateError(`range can't iterate over ${formatTemplateValue(value)}`);
          if (entries.length === 0) {
            this.list(node.otherwise, dot);
            return;
          }
          for (const [key, item] of entries) {
            this.scoped(() => {
              const names = node.pipe.declare ?? [];
              if (names.length === 1) this.declare(names[0] as string, item);
              if (names.length === 2) {
                this.declare(names[0] as string, key);
                this.declare(names[1] as string, item);
              }
              this.list(node.body, item);
            });
          }
        });
        return;
      }
    }
  }

  private pipeline(pipe: Pipeline, dot: unknown): unknown {
    let value: unknown = undefined;
    let first = true;
    for (const command of pipe.commands) {
      value = this.command(command, dot, first ? undefined : { value });
      first = false;
    }
    for (const name of pipe.declare ?? []) this.declare(name, value);
    return value;
  }

  private command(command: Expr[], dot: unknown, piped: { value: unknown } | undefined): unknown {
    const [head, ...rest] = command;
    if (!head) return undefined;
    if (head.kind === 'call') {
      const args = rest.map((e) => this.eval(e, dot));
      if (piped) args.push(piped.value);
      return (activeFunctions[head.name] as Fn)(args);
    }
    if (rest.length > 0 || piped) throw new GoTemplateError(`can't give argument to non-function ${describe(head)}`);
    return this.eval(head, dot);
  }

  private eval(e: Expr, dot: unknown): unknown {
    switch (e.kind) {
      case 'string':
      case 'number':
      case 'bool':
        return e.value;
      case 'nil':
        return null;
      case 'pipe':
        return this.pipeline(e.pipe, dot);
      case 'call':
        return (activeFunctions[e.name] as Fn)([]);
      case 'field': {
        let v = e.base === 'dot' ? dot : this.lookup(e.base.variable);
        for (const key of e.path) {
          if (isRecord(v)) v = Object.prototype.hasOwnProperty.call(v, key) ? v[key] : NO_VALUE;
          else if (v === null || v === undefined || v === NO_VALUE) throw new GoTemplateError(`nil pointer evaluating interface {}.${key}`);
          else throw new GoTemplateError(`can't evaluate field ${key} in type ${typeof v === 'number' ? 'float64' : Array.isArray(v) ? '[]interface {}' : typeof v}`);
        }
        return v;
      }
    }
  }
}

function describe(e: Expr): string {
  if (e.kind === 'field') return (e.base === 'dot' ? '' : e.base.variable) + e.path.map((p) => `.${p}`).join('');
  if (e.kind === 'string') return JSON.stringify(e.value);
  return formatTemplateValue('value' in e ? e.value : null);
}

/** A parsed template; `execute` throws GoTemplateError with text/template's wording (roughly). */
export class GoTemplate {
  private readonly nodes: TNode[];

  /** `extra`: functions the host adds (docker's `json`, `upper`, ...); kubectl adds none. */
  constructor(
    source: string,
    private readonly extra: Record<string, Fn> = {},
  ) {
    this.nodes = withFunctions(extra, () => new TemplateParser(splitTemplate(source)).parse());
  }

  execute(data: unknown): string {
    try {
      return withFunctions(this.extra, () => new Executor().run(this.nodes, data));
    } catch (e) {
      if (e instanceof GoTemplateError) throw new GoTemplateError(`template: output:1: executing "output": ${e.message}`);
      throw e;
    }
  }
}
