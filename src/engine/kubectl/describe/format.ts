/**
 * Pieces every describer shares, worded and laid out as kubectl v1.34's pkg/describe does:
 * multi-line labels, annotations, taints and tolerations, RFC1123Z times, and the Events table.
 * Objects are untrusted JSON: every read goes through a guard, and a missing value prints the way
 * Go's zero value would.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { canonicalQuantity } from '../../api/quantity';
import { parseRfc3339 } from '../../api/time';
import { humanDuration } from '../printers/duration';
import { compareGoStrings, goSortStrings } from '../printers/go-format';
import type { DescribeContext } from './context';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LENGTH = 140;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** 0001-01-01T00:00:00Z, Go's zero time. */
const GO_ZERO_TIME_MS = -62135596800000;

/** What describers write to: kubectl's PrefixWriter (`write(level, text)`), or a nested view of one. */
export interface DescribeWriter {
  write(level: number, text: string): void;
  /** fmt.Sprintln: the text and a newline, not indented. */
  writeLine(text?: string): void;
  /** Aligns everything written so far on its own (tabwriter Flush). */
  flush(): void;
}

/** NewNestedPrefixWriter: every level shifted by `indent`. */
export function nested(w: DescribeWriter, indent: number): DescribeWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (text = '') => w.write(indent, `${text}\n`),
    flush: () => w.flush(),
  };
}

export function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function recs(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** A string field or '' (Go's zero value). */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** An integer field or `fallback`. */
export function int(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}

export function strs(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function present(v: unknown): boolean {
  return v !== undefined && v !== null;
}

/** A map of strings (labels, selectors), dropping non-string values. */
export function stringMap(v: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, value] of Object.entries(rec(v))) if (typeof value === 'string') out[k] = value;
  return out;
}

/** Go's time.RFC1123Z in UTC: `Mon, 01 Sep 2025 09:00:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  const year = String(d.getUTCFullYear()).padStart(4, '0');
  return `${DAYS[d.getUTCDay()] ?? ''}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${year} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** A timestamp field as RFC1123Z; Go's zero time (`Mon, 01 Jan 0001 00:00:00 +0000`) when missing. */
export function timeField(value: unknown): string {
  return rfc1123z(parseRfc3339(value) ?? GO_ZERO_TIME_MS);
}

/** A timestamp in ms, or undefined when missing or Go's zero time. */
export function timestampMs(value: unknown): number | undefined {
  const ms = parseRfc3339(value);
  return ms === undefined || ms <= GO_ZERO_TIME_MS ? undefined : ms;
}

/** translateTimestampSince: HumanDuration since a timestamp, `<unknown>` when it is zero. */
export function since(value: unknown, nowMs: number): string {
  const ms = timestampMs(value);
  return ms === undefined ? '<unknown>' : humanDuration(nowMs - ms);
}

/** Quantity.String(); the zero Quantity (`0`) when absent. */
export function quantity(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '0';
  try {
    return canonicalQuantity(value);
  } catch {
    return String(value);
  }
}

/** printBool / printBoolPtr. */
export function printBool(value: boolean): string {
  return value ? 'True' : 'False';
}

export function printBoolPtr(value: unknown): string {
  return typeof value === 'boolean' ? printBool(value) : '<unset>';
}

/** Go's `%v` of a []string: `[a b]`. */
export function goList(values: readonly string[]): string {
  return `[${values.join(' ')}]`;
}

/** Stable sort by a key, in Go's byte order (sort.Slice is an insertion sort at describe's sizes). */
export function sortedBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return items
    .map((item, i) => ({ item, i }))
    .sort((a, b) => compareGoStrings(key(a.item), key(b.item)) || a.i - b.i)
    .map(({ item }) => item);
}

/** printLabelsMultilineWithIndent: `Title:  k=v`, then one `k=v` per line under the first. */
export function writeLabels(w: DescribeWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const map = stringMap(labels);
  const keys = goSortStrings(Object.keys(map));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${map[key] ?? ''}\n`);
  });
}

/** Cuts `s` after `max` bytes of UTF-8 (never inside a character) and adds `...`, like describe's shorten. */
function shorten(s: string, max: number): string {
  let bytes = 0;
  let cut = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    const size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + size > max) return s.slice(0, cut) + '...';
    bytes += size;
    cut += ch.length;
  }
  return s;
}

function utf8Bytes(s: string): number {
  let bytes = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** printAnnotationsMultiline: `key: value`; long or multi-line values folded under the key; last-applied hidden. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: unknown): void {
  w.write(0, `${title}:\t`);
  const map = stringMap(annotations);
  const keys = goSortStrings(Object.keys(map).filter((k) => k !== LAST_APPLIED));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (map[key] ?? '').replace(/\n$/, '');
    if (utf8Bytes(value) + utf8Bytes(key) + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${shorten(line, MAX_ANNOTATION_LENGTH - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString: `key=value:Effect` or `key:Effect`. */
export function taintText(taint: Record<string, unknown>): string {
  const value = str(taint.value);
  return value ? `${str(taint.key)}=${value}:${str(taint.effect)}` : `${str(taint.key)}:${str(taint.effect)}`;
}

/** printTaintsMultilineWithIndent: sorted by `effect,key`, one per line. */
export function writeTaints(w: DescribeWriter, title: string, taints: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const list = sortedBy(recs(taints), (t) => `${str(t.effect)},${str(t.key)}`);
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${taintText(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: sorted by key; `key=value:Effect op=Exists for 300s`. */
export function writeTolerations(w: DescribeWriter, title: string, tolerations: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const list = sortedBy(recs(tolerations), (t) => str(t.key));
  if (list.length === 0) {
    w.writeLine('<none>');
    return;
  }
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${initialIndent}${innerIndent}`);
    const key = str(t.key);
    const value = str(t.value);
    const effect = str(t.effect);
    let line = key;
    if (value) line += `=${value}`;
    if (effect) line += `:${effect}`;
    // An Exists toleration without a value; with neither key nor effect it tolerates everything.
    if (t.operator === 'Exists' && value === '') line += key !== '' || effect !== '' ? ' op=Exists' : 'op=Exists';
    if (typeof t.tolerationSeconds === 'number') line += ` for ${int(t.tolerationSeconds)}s`;
    w.write(0, `${line}\n`);
  });
}

/** `ReplicaSet/nginx-7854ff8877` from the controller owner reference (printController), or ''. */
export function controllerOf(object: KubeObject): string {
  const owner = recs(object.metadata.ownerReferences).find((o) => o.controller === true);
  return owner ? `${str(owner.kind)}/${str(owner.name)}` : '';
}

/** fields.Set.String(): sorted `key=value` terms with `\`, `,` and `=` escaped in values. */
function fieldSet(set: Record<string, string>): string {
  const escape = (v: string) => v.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/=/g, '\\=');
  return goSortStrings(Object.keys(set))
    .map((k) => `${k}=${escape(set[k] ?? '')}`)
    .join(',');
}

/**
 * searchEvents: the events whose involvedObject is this object, via the field selector kubectl
 * builds from the object reference (name, namespace, kind, uid). `kind: false` leaves the kind
 * out (as the pod describer does); `uid` replaces the object's uid.
 */
export function searchEvents(context: DescribeContext, object: KubeObject, options: { kind?: boolean; uid?: string } = {}): KubeObject[] {
  const namespace = str(object.metadata.namespace);
  const set: Record<string, string> = { 'involvedObject.name': str(object.metadata.name), 'involvedObject.namespace': namespace };
  if (options.kind !== false && str(object.kind) !== '') set['involvedObject.kind'] = str(object.kind);
  const uid = options.uid ?? str(object.metadata.uid);
  if (uid !== '') set['involvedObject.uid'] = uid;
  return [...context.list('', 'events', namespace === '' ? undefined : namespace, { fieldSelector: fieldSet(set) })];
}

/** The moment an event sorts by (SortableEvents: lastTimestamp; a zero time sorts first). */
function lastTimestampMs(e: KubeObject): number {
  return timestampMs(e.lastTimestamp) ?? GO_ZERO_TIME_MS;
}

/** DescribeEvents: `Events:  <none>`, or a flush and the Type/Reason/Age/From/Message table, oldest first. */
export function writeEvents(w: DescribeWriter, events: readonly KubeObject[], nowMs: number): void {
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const sorted = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => lastTimestampMs(a.e) - lastTimestampMs(b.e) || a.i - b.i)
    .map(({ e }) => e);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = timestampMs(e.eventTime) !== undefined ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    const count = int(e.count);
    let interval = first;
    if (present(e.series)) interval = `${since(rec(e.series).lastObservedTime, nowMs)} (x${int(rec(e.series).count)} over ${first})`;
    else if (count > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${count} over ${first})`;
    const source = str(rec(e.source).component) || str(e.reportingComponent);
    w.write(1, `${str(e.type)}\t${str(e.reason)}\t${interval}\t${source}\t${str(e.message).trim()}\n`);
  }
}

/** intstr.IntOrString.String(). */
export function intOrString(value: unknown): string {
  return typeof value === 'number' ? String(Math.trunc(value)) : str(value);
}
