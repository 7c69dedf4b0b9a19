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

function matchesObject(doc: Document, kind: string, name: string): boolean {
  const js = doc.toJS() as unknown;
  if (typeof js !== 'object' || js === null) return false;
  const object = js as { kind?: unknown; metadata?: { name?: unknown } };
  return typeof object.kind === 'string' && object.kind.toLowerCase() === kind.toLowerCase() && (object.metadata?.name ?? '') === name;
}

function invalidMarkers(text: string, kind: string, name: string, causes: string[]): ApplyMarker[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { version: '1.1', lineCounter, uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [docs];
  const doc = list.find((d) => d.errors.length === 0 && matchesObject(d, kind, name));
  if (!doc) return [];
  const markers: ApplyMarker[] = [];
  for (const cause of causes) {
    const separator = cause.indexOf(': ');
    const field = separator > 0 ? cause.slice(0, separator) : '';
    const range = field ? locate(doc, fieldPath(field)) : undefined;
    const [start, end] = range ?? [doc.contents?.range?.[0] ?? 0, doc.contents?.range?.[0] ?? 0];
    // A list item's range covers the whole item: underline only its first line.
    const lineEnd = text.indexOf('\n', start);
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(lineEnd < 0 ? end : Math.min(end, lineEnd), start + 1));
    markers.push({ line: from.line, column: from.col, endLine: to.line, endColumn: to.col, message: cause });
  }
  return markers;
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
    markers.push(...invalidMarkers(text, kind, name, causes));
  }
  return markers;
}
