/** Pieces every describer shares, worded and laid out as kubectl v1.34's describe does. */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseRfc3339 } from '../../api/time';
import { humanDuration } from '../printers/duration';
import type { PrefixWriter } from '../printers/tabwriter';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LENGTH = 140;
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function recs(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** Go's time.RFC1123Z in UTC: `Mon, 01 Sep 2025 09:00:00 +0000`. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()] ?? ''}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()] ?? ''} ${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} +0000`;
}

/** A timestamp field as RFC1123Z, or Go's zero time when it is missing. */
export function timeField(value: unknown): string {
  const ms = parseRfc3339(value);
  return ms === undefined ? 'Mon, 01 Jan 0001 00:00:00 +0000' : rfc1123z(ms);
}

/** HumanDuration since a timestamp, `<unknown>` when missing. */
export function since(value: unknown, nowMs: number): string {
  const ms = parseRfc3339(value);
  return ms === undefined ? '<unknown>' : humanDuration(nowMs - ms);
}

/** `Labels:  app=web` then one `key=value` per line, aligned under the first. */
export function writeLabels(w: PrefixWriter, title: string, labels: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const map = rec(labels);
  const keys = Object.keys(map).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i > 0) w.write(0, `${initialIndent}${innerIndent}`);
    w.write(0, `${key}=${text(map[key])}\n`);
  });
}

/** `Annotations:  key: value`, long or multi-line values folded under their key, last-applied hidden. */
export function writeAnnotations(w: PrefixWriter, title: string, annotations: unknown): void {
  w.write(0, `${title}:\t`);
  const map = rec(annotations);
  const keys = Object.keys(map).filter((k) => k !== LAST_APPLIED).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i > 0) w.write(0, '\t');
    const value = text(map[key]).replace(/\n$/, '');
    if (value.length + key.length + 2 > MAX_ANNOTATION_LENGTH || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const line of value.split('\n')) w.write(0, `\t  ${line.length > MAX_ANNOTATION_LENGTH - 2 ? line.slice(0, MAX_ANNOTATION_LENGTH - 2) + '...' : line}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

export function taintText(taint: Record<string, unknown>): string {
  const value = text(taint.value);
  return `${text(taint.key)}${value ? `=${value}` : ''}:${text(taint.effect)}`;
}

export function writeTaints(w: PrefixWriter, title: string, taints: unknown): void {
  w.write(0, `${title}:\t`);
  const list = recs(taints).sort((a, b) => {
    const ka = `${text(a.effect)},${text(a.key)}`;
    const kb = `${text(b.effect)},${text(b.key)}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i > 0) w.write(0, '\t');
    w.write(0, `${taintText(t)}\n`);
  });
}

export function writeTolerations(w: PrefixWriter, title: string, tolerations: unknown, initialIndent = '', innerIndent = '\t'): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const list = [...recs(tolerations)].sort((a, b) => (text(a.key) < text(b.key) ? -1 : text(a.key) > text(b.key) ? 1 : 0));
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.forEach((t, i) => {
    if (i > 0) w.write(0, `${initialIndent}${innerIndent}`);
    const key = text(t.key);
    const value = text(t.value);
    const effect = text(t.effect);
    let line = key;
    if (value) line += `=${value}`;
    if (effect) line += `:${effect}`;
    if (t.operator === 'Exists' && !value) line += key || effect ? ' op=Exists' : 'op=Exists';
    if (typeof t.tolerationSeconds === 'number') line += ` for ${t.tolerationSeconds}s`;
    w.write(0, `${line}\n`);
  });
}

/** The Events section (aligned on its own, after a flush), oldest last-timestamp first. */
export function writeEvents(w: PrefixWriter, events: readonly KubeObject[] | undefined, nowMs: number): void {
  if (!events) return;
  if (events.length === 0) {
    w.write(0, 'Events:\t<none>\n');
    return;
  }
  w.flush();
  const last = (e: KubeObject) => parseRfc3339(e.lastTimestamp) ?? -Infinity;
  const sorted = [...events].sort((a, b) => last(a) - last(b));
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, nowMs) : since(e.firstTimestamp, nowMs);
    const series = rec(e.series);
    let interval = first;
    if (isRecord(e.series)) interval = `${since(series.lastObservedTime, nowMs)} (x${text(series.count)} over ${first})`;
    else if (typeof e.count === 'number' && e.count > 1) interval = `${since(e.lastTimestamp, nowMs)} (x${e.count} over ${first})`;
    const source = text(rec(e.source).component) || text(e.reportingComponent) || text(e.reportingController);
    w.write(1, `${text(e.type)}\t${text(e.reason)}\t${interval}\t${source}\t${text(e.message).trim()}\n`);
  }
}

/** Field selector kubectl uses to find an object's events. */
export function eventSelector(object: KubeObject, withKind: boolean): string {
  const parts = [`involvedObject.name=${text(object.metadata.name)}`];
  if (object.metadata.namespace) parts.push(`involvedObject.namespace=${object.metadata.namespace}`);
  if (withKind) parts.push(`involvedObject.kind=${object.kind}`);
  if (object.metadata.uid) parts.push(`involvedObject.uid=${object.metadata.uid}`);
  return parts.join(',');
}

/** `ReplicaSet/nginx-7854ff8877` from the controller owner reference. */
export function controllerOf(object: KubeObject): string {
  const owner = (object.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  return owner ? `${owner.kind}/${owner.name}` : '';
}
