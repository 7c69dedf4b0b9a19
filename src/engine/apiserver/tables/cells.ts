/**
 * Helpers shared by the printers: safe reads of untrusted JSON, column definitions, and the
 * formatting functions printers.go uses (translateTimestampSince, labels.FormatLabels,
 * metav1.FormatLabelSelector, Quantity.String, layoutContainerCells).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { canonicalQuantity } from '../../api/quantity';
import { parseRfc3339 } from '../../api/time';
import { humanDuration } from '../../kubectl/printers/duration';
import { compareGoStrings } from '../../kubectl/printers/go-format';
export { formatLabelSelector, labelSelectorString } from '../../kubectl/printers/label-selector';
import { DOC, type DocKey } from './descriptions';
import type { TableColumnDefinition } from './types';

export function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function arr(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** A string field, or '' (Go's zero value) for anything else. */
export function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** An integer field (int32/int64), or `fallback` when missing or not a number. */
export function int(v: unknown, fallback = 0): number {
  return typeof v === 'number' && Number.isFinite(v) ? Math.trunc(v) : fallback;
}

export function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function doc(key: DocKey): string {
  return DOC[key];
}

/** A column definition; format and priority are '' and 0 unless given. */
export function col(name: string, type: string, description: string, extra: { format?: string; priority?: number } = {}): TableColumnDefinition {
  return { name, type, format: extra.format ?? '', description, priority: extra.priority ?? 0 };
}

export const NAME_COLUMN = col('Name', 'string', doc('meta.ObjectMeta.name'), { format: 'name' });
export const AGE_COLUMN = col('Age', 'string', doc('meta.ObjectMeta.creationTimestamp'));
export const CONTAINERS_COLUMN = col('Containers', 'string', 'Names of each container in the template.', { priority: 1 });
export const IMAGES_COLUMN = col('Images', 'string', 'Images referenced by each container in the template.', { priority: 1 });

/** 0001-01-01T00:00:00Z, Go's zero time.Time, which printers treat as unset. */
const GO_ZERO_TIME_MS = -62135596800000;

/** A timestamp field in ms, or undefined when missing, unparseable or Go's zero time. */
export function timestampMs(value: unknown): number | undefined {
  const ms = parseRfc3339(value);
  return ms === undefined || ms <= GO_ZERO_TIME_MS ? undefined : ms;
}

/** translateTimestampSince: HumanDuration since the time, `<unknown>` for a zero time. */
export function since(value: unknown, nowMs: number): string {
  const ms = timestampMs(value);
  return ms === undefined ? '<unknown>' : humanDuration(nowMs - ms);
}

export function age(object: KubeObject, nowMs: number): string {
  return since(object.metadata.creationTimestamp, nowMs);
}

export function name(object: KubeObject): string {
  return str(object.metadata.name);
}

/** labels.FormatLabels: `k=v` pairs sorted as strings, or `<none>`. */
export function formatLabels(map: unknown): string {
  const pairs = Object.entries(rec(map))
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '<none>' : pairs.sort(compareGoStrings).join(',');
}

/** Quantity.String(): the canonical form; a missing quantity is the zero Quantity, `0`. */
export function quantity(value: unknown): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '0';
  try {
    return canonicalQuantity(value);
  } catch {
    return String(value);
  }
}

/** intstr.IntOrString.String(). */
export function intOrString(value: unknown): string {
  if (typeof value === 'number') return String(Math.trunc(value));
  return str(value);
}

/** layoutContainerCells: container names and images, comma-joined. */
export function containerCells(podSpec: unknown): [string, string] {
  const containers = arr(rec(podSpec).containers);
  return [containers.map((c) => str(c.name)).join(','), containers.map((c) => str(c.image)).join(',')];
}

export function printBool(value: boolean): string {
  return value ? 'True' : 'False';
}

/** printBoolPtr: `True`/`False`, `<unset>` when the field is absent. */
export function printBoolPtr(value: unknown): string {
  return typeof value === 'boolean' ? printBool(value) : '<unset>';
}

/** hasJobCondition semantics: the first condition of that type decides. */
export function conditionIsTrue(conditions: unknown, type: string): boolean {
  const c = arr(conditions).find((x) => x.type === type);
  return c !== undefined && c.status === 'True';
}

/** net.JoinHostPort: IPv6 literals in brackets. */
export function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, without duplicates. */
export function accessModes(modes: unknown): string {
  const list = strings(modes);
  const order: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return order
    .filter(([mode]) => list.includes(mode))
    .map(([, short]) => short)
    .join(',');
}

/** schema.GroupKind.String() lower-cased with a name: `deployment.apps/web`, `pod/x`. */
export function kindSlashName(apiVersion: string, kind: string, objectName: string): string {
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  return `${(group ? `${kind}.${group}` : kind).toLowerCase()}/${objectName}`;
}

/** metav1.GetControllerOf: the owner reference with controller=true. */
export function controllerRef(object: KubeObject): Record<string, unknown> | undefined {
  return arr(object.metadata.ownerReferences).find((r) => r.controller === true);
}
