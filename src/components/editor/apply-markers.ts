/**
 * Where kubectl's complaint about the editor's text points: a YAML syntax error (`yaml: line 9:
 * ...`) marks that line, and an Invalid error from the API server (`The Pod "web" is invalid:
 * spec.containers[0].image: Required value`) marks the field it names in that object's document,
 * or the nearest enclosing field when the named one is missing. Pure: no Monaco, no DOM.
 */
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node, type Pair } from 'yaml';

/** A problem to underline, 1-based lines and columns, end exclusive (Monaco's convention). */
export interface ApplyMarker {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
}

const YAML_ERROR = /^error: error parsing [^:]+: error converting YAML to JSON: (yaml: line (\d+): .*)$/m;
const INVALID = /^The (\S+) "([^"]*)" is invalid: (.*)$/m;
/** kubectl sends fieldValidation=Strict, so the API server refuses fields its types do not have. */
const STRICT_DECODING = /^Error from server \(BadRequest\): .* cannot be handled as an? (\S+): strict decoding error: (.*)$/m;

function lineMarker(text: string, line: number, message: string): ApplyMarker {
  const lines = text.split('\n');
  const index = Math.min(Math.max(line, 1), Math.max(lines.length, 1));
  const content = lines[index - 1] ?? '';
  const indent = content.length - content.trimStart().length;
  return { line: index, column: indent + 1, endLine: index, endColumn: Math.max(content.length + 1, indent + 2), message };
}

/** `spec.containers[0].image` → ['spec', 'containers', 0, 'image']; `data[a.b]` → ['data', 'a.b']. */
export function fieldPath(field: string): (string | number)[] {
  const parts: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
    if (m[1] !== undefined) parts.push(m[1]);
    else if (m[2] !== undefined) parts.push(/^\d+$/.test(m[2]) ? Number(m[2]) : m[2]);
  }
  return parts;
}

function childPair(node: unknown, key: string | number): { pair?: Pair; node: unknown } | undefined {
  if (typeof key === 'number') return isSeq(node) && key < node.items.length ? { node: node.items[key] } : undefined;
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
  return pair ? { pair, node: pair.value } : undefined;
}

/** The text range of a field: its key when it has one, else the node itself (a list item). */
function rangeOf(found: { pair?: Pair; node: unknown }): [number, number] | undefined {
  const keyNode = found.pair?.key;
  const target = (isScalar(keyNode) ? keyNode : found.node) as Node | null | undefined;
  const range = target?.range;
  return range ? [range[0], range[1]] : undefined;
}

/** The range of the deepest existing field along `path` in `doc`. */
function locate(doc: Document, path: (string | number)[]): [number, number] | undefined {
  let current: unknown = doc.contents;
  let range: [number, number] | undefined;
  for (const key of path) {
    const found = childPair(current, key);
    if (!found) break;
    range = rangeOf(found) ?? range;
    current = found.node;
  }
  return range;
}

function hasPath(doc: Document, path: (string | number)[]): boolean {
  let current: unknown = doc.contents;
  for (const key of path) {
    const found = childPair(current, key);
    if (!found) return false;
    current = found.node;
  }
  return true;
}

function matchesKind(doc: Document, kind: string): boolean {
  const js = doc.toJS() as unknown;
  return typeof js === 'object' && js !== null && (js as { kind?: unknown }).kind === kind;
}

function matchesObject(doc: Document, kind: string, name: string): boolean {
  const js = doc.toJS() as unknown;
  if (typeof js !== 'object' || js === null) return false;
  const object = js as { kind?: unknown; metadata?: { name?: unknown } };
  return typeof object.kind === 'string' && object.kind.toLowerCase() === kind.toLowerCase() && (object.metadata?.name ?? '') === name;
}

/** Marks each cause (`field: message`) in the first document that `pick` accepts. */
function fieldMarkers(text: string, causes: string[], pick: (doc: Document, paths: (string | number)[][]) => boolean): ApplyMarker[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', lineCounter, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const paths = causes.map((c) => fieldPath(c.slice(0, Math.max(0, c.indexOf(': ')))));
  const doc = list.find((d) => d.errors.length === 0 && pick(d, paths));
  if (!doc) return [];
  return causes.map((message, i) => {
    const path = paths[i] ?? [];
    // A cause without a field marks the document's first line.
    const [start, end] = (path.length > 0 ? locate(doc, path) : undefined) ?? [doc.contents?.range?.[0] ?? 0, doc.contents?.range?.[0] ?? 0];
    // A list item's range covers the whole item: underline only its first line.
    const lineEnd = text.indexOf('\n', start);
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(lineEnd < 0 ? end : Math.min(end, lineEnd), start + 1));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col, message };
  });
}

/** Markers for what kubectl printed after applying `text`; none when it succeeded or points nowhere. */
export function applyMarkers(text: string, output: string, exitCode: number): ApplyMarker[] {
  if (exitCode === 0) return [];
  const yamlError = YAML_ERROR.exec(output);
  if (yamlError) return [lineMarker(text, Number(yamlError[2]), yamlError[1] ?? '')];
  const markers: ApplyMarker[] = [];
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const invalid = INVALID.exec(lines[i] ?? '');
    if (!invalid) continue;
    const [, kind = '', name = '', rest = ''] = invalid;
    const causes: string[] = [];
    if (rest.trim() !== '') causes.push(rest);
    else while (lines[i + 1]?.startsWith('* ')) causes.push((lines[++i] ?? '').slice(2));
    markers.push(...fieldMarkers(text, causes, (doc) => matchesObject(doc, kind, name)));
  }
  for (const line of lines) {
    const strict = STRICT_DECODING.exec(line);
    if (!strict) continue;
    const [, kind = '', fields = ''] = strict;
    // `unknown field "spec.foo", duplicate field "x"`: the object has no name here, so the document
    // is the first of that kind holding every one of the fields.
    const causes = [...fields.matchAll(/(unknown|duplicate) field "([^"]+)"/g)].map((m) => `${m[2] ?? ''}: ${m[1] ?? ''} field`);
    markers.push(...fieldMarkers(text, causes, (doc, paths) => matchesKind(doc, kind) && paths.every((p) => hasPath(doc, p))));
  }
  return markers;
}
