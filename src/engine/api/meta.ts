/** Object metadata and the generic object shape, as in k8s.io/apimachinery (types only + tiny helpers). */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name?: string;
  generateName?: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  managedFields?: JsonValue[];
  [extra: string]: unknown;
}

/** Any Kubernetes object as stored and served: apiVersion, kind, metadata and free-form fields. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export interface ListMeta {
  resourceVersion: string;
  continue?: string;
  remainingItemCount?: number;
}

export interface KubeList {
  apiVersion: string;
  kind: string;
  metadata: ListMeta;
  items: KubeObject[];
}

/** One cause of an API error (metav1.StatusCause). */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** The API's error object (metav1.Status). */
export interface StatusObject {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Success' | 'Failure';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Deep-freezes a JSON value so stored objects can be shared by every reader without copying. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * A mutable deep copy of a JSON value (stored objects are plain JSON), exactly what a JSON round
 * trip gives: properties whose value is undefined (or a function) are dropped, such array items
 * and non-finite numbers become null. Anything else (toJSON, bigint, class instances) takes the
 * round trip itself. A walk rather than stringify + parse because every write copies objects.
 */
export function deepCopy<T>(value: T): T {
  if (value === undefined) return JSON.parse(JSON.stringify(value) ?? 'null') as T;
  const copied = copyJson(value);
  return (copied === NOT_PLAIN ? JSON.parse(JSON.stringify(value)) : copied) as T;
}

const NOT_PLAIN = Symbol('not plain JSON');

function copyJson(value: unknown): unknown {
  if (value === null) return null;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? (value === 0 ? 0 : value) : null; // -0 serialises as 0
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (Array.isArray(value)) {
    const out: unknown[] = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') {
        out[i] = null;
        continue;
      }
      const c = copyJson(item);
      if (c === NOT_PLAIN) return NOT_PLAIN;
      out[i] = c;
    }
    return out;
  }
  if (!isPlainContainer(value)) return NOT_PLAIN;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const v = (value as Record<string, unknown>)[key];
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    const c = copyJson(v);
    if (c === NOT_PLAIN) return NOT_PLAIN;
    // An own `__proto__` key stays a plain key, as JSON.parse makes it (no prototype change).
    if (key === '__proto__') Object.defineProperty(out, key, { value: c, writable: true, enumerable: true, configurable: true });
    else out[key] = c;
  }
  return out;
}

/**
 * Whether two JSON values serialise to the same text (`JSON.stringify(a) === JSON.stringify(b)`,
 * key order included), without building the text. Values outside plain JSON are compared by
 * serialising them.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  const r = compareJson(a, b, true);
  return r === NOT_PLAIN ? JSON.stringify(a) === JSON.stringify(b) : r;
}

/** Like sameJson, but objects' key order does not count (an apply rebuilds objects in its own order). */
export function sameJsonAnyKeyOrder(a: unknown, b: unknown, sortKeys: (value: unknown) => unknown): boolean {
  const r = compareJson(a, b, false);
  return r === NOT_PLAIN ? JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b)) : r;
}

function compareJson(a: unknown, b: unknown, ordered: boolean): boolean | typeof NOT_PLAIN {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === 'object' && tb === 'object' && a !== null && b !== null) return compareObjects(a as object, b as object, ordered);
  if (!isJsonScalarOrObject(a) || !isJsonScalarOrObject(b)) return NOT_PLAIN;
  // null and non-finite numbers all serialise as null.
  const nullA = isJsonNull(a);
  const nullB = isJsonNull(b);
  if (nullA || nullB) return nullA && nullB;
  if (ta === 'object' || tb === 'object') return isPlainContainer((ta === 'object' ? a : b) as object) ? false : NOT_PLAIN;
  return false;
}

function isJsonNull(v: unknown): boolean {
  return v === null || (typeof v === 'number' && !Number.isFinite(v));
}

function isJsonScalarOrObject(v: unknown): boolean {
  const t = typeof v;
  return t === 'string' || t === 'number' || t === 'boolean' || t === 'object';
}

function isPlainContainer(o: object): boolean {
  if (Array.isArray(o)) return true;
  const proto: unknown = Object.getPrototypeOf(o);
  return (proto === Object.prototype || proto === null) && !('toJSON' in o);
}

function compareObjects(a: object, b: object, ordered: boolean): boolean | typeof NOT_PLAIN {
  if (!isPlainContainer(a) || !isPlainContainer(b)) return NOT_PLAIN;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const r = compareJson(arrayItem(a[i]), arrayItem(b[i]), ordered);
      if (r !== true) return r;
    }
    return true;
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const ka = Object.keys(ra);
  const kb = Object.keys(rb);
  if (!ordered) {
    // Same written keys with the same values, in any order.
    let written = 0;
    for (const key of ka) {
      if (!isWritten(ra[key])) continue;
      written++;
      if (!Object.prototype.hasOwnProperty.call(rb, key) || !isWritten(rb[key])) return false;
      const r = compareJson(ra[key], rb[key], false);
      if (r !== true) return r;
    }
    return kb.filter((key) => isWritten(rb[key])).length === written;
  }
  // Walk both key lists in order, skipping what JSON leaves out.
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ka.length && !isWritten(ra[ka[i] as string])) i++;
    while (j < kb.length && !isWritten(rb[kb[j] as string])) j++;
    if (i === ka.length || j === kb.length) return i === ka.length && j === kb.length;
    const key = ka[i] as string;
    if (key !== kb[j]) return false;
    const r = compareJson(ra[key], rb[key], true);
    if (r !== true) return r;
    i++;
    j++;
  }
}

function isWritten(v: unknown): boolean {
  return v !== undefined && typeof v !== 'function' && typeof v !== 'symbol';
}

function arrayItem(v: unknown): unknown {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v;
}

/** Splits "group/version" (or "v1" for the core group). */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? { group: '', version: apiVersion } : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** A JSON scalar as text (`''` for objects, arrays and missing values), for printing untrusted fields. */
export function text(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
