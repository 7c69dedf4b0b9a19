/**
 * kubectl's JSONPath dialect (client-go util/jsonpath): text with `{...}` actions, fields
 * (`.metadata.name`, `['a.b']`), `[*]`, indexes and slices (`[0]`, `[-1:]`, `[0:4:2]`), unions
 * (`[0,2]`), filters (`[?(@.type=="Ready")]`, `[?(@.x)]`), recursive descent (`..name`), `*`,
 * quoted text (`{"\n"}`) and `{range ...}...{end}`. Results of one action print separated by a
 * space; maps and lists print as compact JSON, scalars as Go's `fmt.Sprint`.
 */
import { isRecord } from '../../api/meta';
import { goSortStrings, goSprint } from './go-format';

export class JsonPathError extends Error {}

interface SliceParam {
  known: boolean;
  value: number;
}

type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [SliceParam, SliceParam, SliceParam] }
  | { type: 'filter'; left: Node & { type: 'list' }; right: Node & { type: 'list' }; operator: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; nodes: (Node & { type: 'list' })[] }
  | { type: 'identifier'; name: string };

type ListNode = Node & { type: 'list' };

const newList = (): ListNode => ({ type: 'list', nodes: [] });

/** A parser that mirrors jsonpath/parser.go's scanning, so errors come out at the same places. */
class Parser {
  private input = '';
  private pos = 0;
  private start = 0;
  root: ListNode = newList();

  parse(text: string): ListNode {
    this.input = text;
    this.root = newList();
    this.pos = 0;
    this.start = 0;
    this.parseText(this.root);
    return this.root;
  }

  private consume(): string {
    const value = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return value;
  }

  private next(): string | undefined {
    if (this.pos >= this.input.length) return undefined;
    return this.input[this.pos++];
  }

  private peek(): string | undefined {
    return this.input[this.pos];
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.input.startsWith('{', this.pos)) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const node = newList();
        cur.nodes.push(node);
        this.parseInsideAction(node);
        return;
      }
      if (this.next() === undefined) break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.input.slice(this.pos);
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        this.parseText(this.root);
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JsonPathError('invalid multiple recursive descent');
        this.pos += 2;
        this.consume();
        cur.nodes.push({ type: 'recursive' });
        if (isAlphaNumeric(this.peek())) this.parseField(cur);
        continue;
      }
      const r = this.next();
      if (r === undefined || r === '\r' || r === '\n') throw new JsonPathError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') this.parseArray(cur);
      else if (r === '"' || r === "'") this.parseQuote(cur, r);
      else if (r === '.') this.parseField(cur);
      else if (r === '+' || r === '-' || /\d/.test(r)) {
        this.pos--;
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.pos--;
        this.parseIdentifier(cur);
      } else throw new JsonPathError(`unrecognized character in action: ${goRune(r)}`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.peek())) this.pos++;
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.pos++;
    while (this.peek() !== undefined && /[\d.]/.test(this.peek() as string)) this.pos++;
    const value = this.consume();
    if (/^[+-]?\d+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      const union: ListNode[] = parts.map((p) => parseAction(`[${p.trim()}]`));
      cur.nodes.push({ type: 'union', nodes: union });
      return;
    }
    const dictKey = /^'([^']*)'$/.exec(text);
    if (dictKey) {
      for (const node of parseAction(`.${dictKey[1] ?? ''}`).nodes) cur.nodes.push(node);
      return;
    }
    const m = /^(-?\d*)(:-?\d*)?(:-?\d*)?$/.exec(text);
    if (!m) throw new JsonPathError(`invalid array index ${text}`);
    const raw = [m[1] ?? '', m[2] ?? '', m[3] ?? ''];
    const params: [SliceParam, SliceParam, SliceParam] = [
      { known: false, value: 0 },
      { known: false, value: 0 },
      { known: false, value: 0 },
    ];
    for (let i = 0; i < 3; i++) {
      let v = raw[i] as string;
      const param = params[i] as SliceParam;
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') param.known = false;
        else {
          if (!/^-?\d+$/.test(v)) throw new JsonPathError(`array index ${v} is not a number`);
          param.known = true;
          param.value = Number(v);
        }
      } else if (i === 1) {
        // `[3]` means the slice [3:4].
        param.known = true;
        param.value = params[0].value + 1;
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = /^([^!<>=]+)([!<>=]+)(.+?)$/.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1] ?? ''), right: parseAction(m[3] ?? ''), operator: m[2] ?? '' });
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === undefined || r === '\n') throw new JsonPathError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    cur.nodes.push({ type: 'text', text: unquote(value) });
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.peek();
      if (r === '\\') {
        this.pos += 2;
        continue;
      }
      if (isTerminator(r)) break;
      this.pos++;
    }
    const value = this.consume();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
  }
}

function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as ListNode;
}

function isTerminator(r: string | undefined): boolean {
  return r === undefined || ' \t\r\n.,[]$@{}'.includes(r);
}

function isAlphaNumeric(r: string | undefined): boolean {
  return r !== undefined && /^[\p{L}\p{Nd}_]$/u.test(r);
}

/** Go's `%#U`: `U+0025 '%'`. */
function goRune(r: string): string {
  const code = r.codePointAt(0) ?? 0;
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

/** strconv.Unquote, extended to single-quoted strings. */
function unquote(quoted: string): string {
  const body = quoted.slice(1, -1);
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i] ?? '';
    const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'", a: '\x07', b: '\b', f: '\f', v: '\v' };
    if (n in simple) out += simple[n];
    else if (n === 'x' || n === 'u' || n === 'U') {
      const len = n === 'x' ? 2 : n === 'u' ? 4 : 8;
      out += String.fromCodePoint(parseInt(body.slice(i + 1, i + 1 + len), 16));
      i += len;
    } else throw new JsonPathError(`unquote string ${quoted} error invalid syntax`);
  }
  return out;
}

// ---- evaluation ---------------------------------------------------------------------------------

/** A parsed template, ready to run against JSON values. */
export class JsonPath {
  private readonly root: ListNode;
  allowMissingKeys = false;
  private stack: unknown[][] = [];
  private cur: unknown[] = [];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;

  constructor(template: string) {
    this.root = new Parser().parse(template);
  }

  /** Every action's results, in template order (range bodies expanded per item). */
  findResults(data: unknown): unknown[][] {
    this.stack = [];
    this.beginRange = 0;
    this.inRange = 0;
    this.endRange = 0;
    return this.find(data, this.root.nodes);
  }

  private find(data: unknown, nodes: readonly Node[]): unknown[][] {
    this.cur = [data];
    const full: unknown[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(this.cur, nodes[i] as Node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        results.forEach((value, k) => {
          if (k === results.length - 1) this.inRange--;
          full.push(...this.find(value, nodes.slice(i + 1)));
        });
        // Like client-go, an empty range also skips everything after its {end}.
        break;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: unknown[], node: Node): unknown[] {
    switch (node.type) {
      case 'list': {
        let value = input;
        for (const n of node.nodes) value = this.walk(value, n);
        return value;
      }
      case 'text':
        return [node.text];
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => node.value);
      case 'field':
        return this.field(input, node.name);
      case 'array':
        return this.array(input, node.params);
      case 'filter':
        return this.filter(input, node);
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return recursive(input);
      case 'union':
        return node.nodes.flatMap((n) => this.walk(input, n));
      case 'identifier':
        return this.identifier(input, node.name);
    }
  }

  private identifier(input: unknown[], name: string): unknown[] {
    if (name === 'range') {
      this.stack.push(this.cur);
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.endRange < this.inRange) {
        this.endRange++;
        return [];
      }
      const top = this.stack.pop();
      if (top === undefined) throw new JsonPathError('not in range, nothing to end');
      this.cur = top;
      return [];
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private field(input: unknown[], name: string): unknown[] {
    const results: unknown[] = [];
    if (input.length === 0) return results;
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (isRecord(value) && Object.prototype.hasOwnProperty.call(value, name)) results.push(value[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return results;
  }

  private array(input: unknown[], params: readonly [SliceParam, SliceParam, SliceParam]): unknown[] {
    const result: unknown[] = [];
    for (const value of input) {
      if (value === null || value === undefined) continue;
      if (!Array.isArray(value)) throw new JsonPathError(`${goTypeName(value)} is not array or slice`);
      const len = value.length;
      let start = params[0].known ? params[0].value : 0;
      if (start < 0) start += len;
      let end = params[1].known ? params[1].value : len;
      if (end < 0) end += len;
      if (end !== start) {
        if (start >= len) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
        if (end > len) throw new JsonPathError(`array index out of bounds: index ${end - 1}, length ${len}`);
      }
      if (start < 0 || end < start) throw new JsonPathError(`array index out of bounds: index ${start}, length ${len}`);
      const step = params[2].known ? params[2].value : 1;
      // Go's Slice3 takes the third value as capacity, not a step; the items are start..end either way.
      void step;
      result.push(...(value.slice(start, end) as unknown[]));
    }
    return result;
  }

  private filter(input: unknown[], node: Extract<Node, { type: 'filter' }>): unknown[] {
    const results: unknown[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathError(`${goSprint(value)} is not array or slice and cannot be filtered`);
      for (const item of value) {
        let lefts: unknown[];
        try {
          lefts = this.walk([item], node.left);
        } catch (e) {
          if (node.operator === 'exists') continue;
          throw e;
        }
        if (node.operator === 'exists') {
          if (lefts.length > 0) results.push(item);
          continue;
        }
        if (lefts.length !== 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.walk([item], node.right);
        if (rights.length !== 1) throw new JsonPathError('can only compare one element at a time');
        if (compare(lefts[0], rights[0], node.operator)) results.push(item);
      }
    }
    return results;
  }
}

function children(value: unknown): unknown[] {
  if (Array.isArray(value)) return [...(value as unknown[])];
  // Go indexes a string by byte: uint8 values, which have no children of their own.
  if (typeof value === 'string') return utf8Bytes(value);
  if (isRecord(value)) return Object.values(value);
  return [];
}

function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

function recursive(input: unknown[]): unknown[] {
  const result: unknown[] = [];
  for (const value of input) {
    if (value === null || value === undefined) continue;
    const inner = children(value);
    if (inner.length > 0) {
      result.push(value);
      result.push(...recursive(inner));
    }
  }
  return result;
}

function goTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int64' : 'float64';
  if (typeof value === 'boolean') return 'bool';
  if (isRecord(value)) return 'map[string]interface {}';
  return 'interface {}';
}

/** The forked text/template comparisons: same basic kinds only. */
function compare(left: unknown, right: unknown, operator: string): boolean {
  const kind = (v: unknown) => (typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'float') : typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'bool' : 'other');
  const lk = kind(left);
  const rk = kind(right);
  if (operator === '==' || operator === '!=') {
    if (lk !== rk && !(lk !== 'string' && rk !== 'string' && lk !== 'bool' && rk !== 'bool' && lk !== 'other' && rk !== 'other')) {
      if (lk === 'other' || rk === 'other') throw new JsonPathError('invalid type for comparison');
      throw new JsonPathError('incompatible types for comparison');
    }
    const equal = left === right;
    return operator === '==' ? equal : !equal;
  }
  if (lk === 'bool' || lk === 'other' || rk === 'bool' || rk === 'other') throw new JsonPathError('invalid type for comparison');
  if ((lk === 'string') !== (rk === 'string')) throw new JsonPathError('incompatible types for comparison');
  const a = left as number | string;
  const b = right as number | string;
  switch (operator) {
    case '<':
      return a < b;
    case '>':
      return a > b;
    case '<=':
      return a <= b;
    case '>=':
      return a >= b;
    default:
      throw new JsonPathError(`unrecognized filter operator ${operator}`);
  }
}

// ---- printing -----------------------------------------------------------------------------------

/** Go's json.Marshal: keys sorted, `<`, `>`, `&` escaped; `indent` for MarshalIndent. */
export function goJson(value: unknown, indent?: string): string {
  const sorted = sortKeys(value);
  const text = indent === undefined ? JSON.stringify(sorted) : JSON.stringify(sorted, null, indent);
  return (text ?? 'null').replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A copy with every object's keys in Go's order, as a map decoded from JSON marshals again. */
export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (isRecord(value)) return Object.fromEntries(goSortStrings(Object.keys(value)).map((k) => [k, sortKeys(value[k])]));
  return value;
}

function printValue(value: unknown): string {
  if (Array.isArray(value) || isRecord(value)) return goJson(value);
  return goSprint(value);
}

/**
 * Runs a template against data and returns the text, as kubectl's JSONPath printer does.
 * `asJson` is `-o jsonpath-as-json`: each action's results as one indented JSON array.
 */
export function executeJsonPath(path: JsonPath, data: unknown, asJson = false): string {
  let out = '';
  for (const results of path.findResults(data)) {
    if (asJson) out += goJson(results, '    ') + '\n';
    else out += results.map(printValue).join(' ');
  }
  return out;
}

/**
 * cmd/get's RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` and `{.a.b}` all become `{.a.b}`
 * (used by custom columns and --sort-by).
 */
export function relaxedJsonPath(expression: string): string {
  if (expression === '') return expression;
  const m = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/.exec(expression);
  if (!m) throw new JsonPathError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  return `{.${m[1] ?? m[2] ?? ''}}`;
}
