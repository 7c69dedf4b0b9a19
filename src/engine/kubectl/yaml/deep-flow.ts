/**
 * Deeply nested flow collections (`[[[[...]]]]` thousands of levels down). go-yaml reads up to 10,000
 * levels (its max_flow_level) and refuses more with `exceeded max depth of 10000`; the `yaml` package
 * recurses once per level and runs out of stack near a thousand. So a flow collection deeper than
 * DEEP is read here, without recursion, and stands in the text as a placeholder scalar the document
 * is parsed with; `restoreDeepFlows` puts the values back. Plain scalars inside resolve as YAML 1.1.
 */
import { parse } from 'yaml';

/** go-yaml's max_flow_level. */
export const MAX_FLOW_LEVEL = 10_000;
/** Deeper than this, the `yaml` package is not trusted with the nesting. */
const DEEP = 200;
/**
 * How deep a lifted value is carried on: the lab's code (like most JavaScript) walks objects
 * recursively, and no built-in kind has fields nested anywhere near this deep, so a value this deep
 * already fails decoding where real Kubernetes would fail it. Below it, collections stay, empty.
 */
const CARRIED = 100;

export type Lifted = { ok: true; text: string; values: Map<string, unknown> } | { ok: false; message: string };

interface Span {
  start: number;
  end: number;
  depth: number;
}

/** Outermost flow collections (start, end exclusive) with their deepest nesting, or the offset where nesting passed go-yaml's limit. */
function flowSpans(text: string): { spans: Span[]; tooDeepAt?: number } {
  const spans: Span[] = [];
  let depth = 0;
  let start = 0;
  let deepest = 0;
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    if (c === '#' && (i === 0 || /\s/.test(text[i - 1] as string))) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (depth > 0 && (c === '"' || c === "'")) quote = c;
    else if (c === '[' || c === '{') {
      // In block context a bracket opens a collection only where a value starts.
      if (depth === 0 && !/(^|[\s:,?-])$/.test(text.slice(Math.max(0, i - 1), i))) continue;
      if (depth === 0) {
        start = i;
        deepest = 0;
      }
      depth++;
      deepest = Math.max(deepest, depth);
      if (depth > MAX_FLOW_LEVEL) return { spans, tooDeepAt: i };
    } else if ((c === ']' || c === '}') && depth > 0) {
      depth--;
      if (depth === 0) spans.push({ start, end: i + 1, depth: deepest });
    } else if (depth === 0 && c === '\n') quote = undefined;
  }
  return { spans };
}

function scalar(raw: string, quoted: boolean): unknown {
  if (!quoted && raw === '') return null;
  try {
    return parse(raw, { version: '1.1' }) as unknown;
  } catch {
    return raw;
  }
}

type Frame = ({ seq: unknown[] } | { map: Record<string, unknown>; key?: string; haveKey: boolean }) & { discard?: boolean };

/** Reads one flow collection without recursion; undefined when it is not one this reader understands. */
function readFlow(text: string): unknown {
  const stack: Frame[] = [];
  let result: unknown;
  let done = false;
  const place = (value: unknown) => {
    const top = stack[stack.length - 1];
    if (!top) {
      result = value;
      done = true;
    } else if (top.discard) return;
    else if ('seq' in top) top.seq.push(value);
    else if (!top.haveKey) {
      top.key = String(value);
      top.haveKey = true;
      top.map[top.key] = null;
    } else {
      Object.defineProperty(top.map, top.key ?? '', { value, enumerable: true, writable: true, configurable: true });
      top.haveKey = false;
    }
  };
  let i = 0;
  while (i < text.length && !done) {
    const c = text[i] as string;
    if (/\s/.test(c) || c === ',') {
      i++;
    } else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (c === '[') {
      stack.push({ seq: [], discard: stack.length > CARRIED });
      i++;
    } else if (c === '{') {
      stack.push({ map: {}, haveKey: false, discard: stack.length > CARRIED });
      i++;
    } else if (c === ']' || c === '}') {
      const top = stack.pop();
      if (!top || 'seq' in top !== (c === ']')) return undefined;
      place('seq' in top ? top.seq : top.map);
      i++;
    } else if (c === ':') {
      const top = stack[stack.length - 1];
      if (!top || (!top.discard && ('seq' in top || !top.haveKey))) return undefined;
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) j += text[j] === '\\' && c === '"' ? 2 : 1;
      if (j >= text.length) return undefined;
      place(scalar(text.slice(i, j + 1), true));
      i = j + 1;
    } else {
      let j = i;
      while (j < text.length && !/[,[\]{}\n]/.test(text[j] as string) && !(text[j] === ':' && /[\s,[\]{}]/.test(text[j + 1] ?? ' ')) && !(text[j] === '#' && /\s/.test(text[j - 1] ?? ''))) j++;
      place(scalar(text.slice(i, j).trim(), false));
      i = j;
    }
  }
  return done ? result : undefined;
}

/** Replaces each too-deep flow collection of `text` by a placeholder, or gives go-yaml's error past its limit. */
export function liftDeepFlows(text: string): Lifted {
  if ((text.match(/[[{]/g)?.length ?? 0) <= DEEP) return { ok: true, text, values: new Map() };
  const { spans, tooDeepAt } = flowSpans(text);
  if (tooDeepAt !== undefined) return { ok: false, message: `yaml: line ${text.slice(0, tooDeepAt).split('\n').length}: exceeded max depth of ${MAX_FLOW_LEVEL}` };
  const values = new Map<string, unknown>();
  let out = '';
  let at = 0;
  for (const span of spans) {
    if (span.depth <= DEEP) continue;
    const value = readFlow(text.slice(span.start, span.end));
    if (value === undefined) continue;
    const placeholder = `kubelab-deep-flow-${values.size}`;
    values.set(placeholder, value);
    out += text.slice(at, span.start) + placeholder;
    at = span.end;
  }
  return { ok: true, text: values.size ? out + text.slice(at) : text, values };
}

/** Puts the lifted values back where their placeholders were parsed. */
export function restoreDeepFlows(value: unknown, values: Map<string, unknown>): unknown {
  if (values.size === 0) return value;
  if (typeof value === 'string') return values.has(value) ? values.get(value) : value;
  if (Array.isArray(value)) return value.map((v) => restoreDeepFlows(v, values));
  if (value && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of Object.keys(obj)) obj[key] = restoreDeepFlows(obj[key], values);
  }
  return value;
}
