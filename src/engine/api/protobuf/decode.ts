/**
 * Kubernetes protobuf request bodies (what real kubectl's `create <generator>`, `autoscale`, `drain`
 * and `create token` send) turned into the JSON object the same request would have carried as JSON.
 * The JSON is what Go's encoding/json makes of the decoded struct: non-pointer fields absent on the
 * wire are zero values (then dropped by omitempty, or printed as "", 0, {}, null), pointer fields
 * are present exactly when they were set (so `replicas: 0` survives).
 */
import { readEnvelope } from './envelope';
import { messageForKind, SCHEMA, type FieldDesc } from './schema';
import { bytesToBase64, readFields, readFixed, readFloat, readPackedVarints, utf8Text, WIRE_BYTES, WIRE_FIXED32, WIRE_FIXED64, WIRE_VARINT, type WireField } from './wire';

export type DecodeResult = { ok: true; object: Record<string, unknown> } | { ok: false; message: string; unknownKind?: true };

/** Internal: unwinds a decode to the public boundary. */
class DecodeError extends Error {}

/** Deeper than any Kubernetes object nests; guards against crafted self-similar input. */
const MAX_DEPTH = 64;

const SPECIAL = new Set(['Time', 'MicroTime', 'Duration', 'FieldsV1', 'Quantity', 'IntOrString', 'RawExtension']);
const NUMERIC = new Set(['bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float', 'fixed32', 'fixed64']);
const WIRE_OF: Readonly<Record<string, number>> = {
  string: WIRE_BYTES, bytes: WIRE_BYTES, bool: WIRE_VARINT, int32: WIRE_VARINT, int64: WIRE_VARINT, uint32: WIRE_VARINT, uint64: WIRE_VARINT,
  double: WIRE_FIXED64, fixed64: WIRE_FIXED64, float: WIRE_FIXED32, fixed32: WIRE_FIXED32,
};

function isScalar(type: string): boolean {
  return type in WIRE_OF;
}

function fields(bytes: Uint8Array): WireField[] {
  const r = readFields(bytes);
  if (!r.ok) throw new DecodeError(r.message);
  return r.value;
}

/** Go names the struct field; its JSON name capitalised is the usual Go name (UNVERIFIED for initialisms such as UID). */
function wrongWire(f: WireField, field: string): never {
  const goName = field ? field[0]?.toUpperCase() + field.slice(1) : String(f.num);
  throw new DecodeError(`proto: wrong wireType = ${f.wire} for field ${goName}`);
}

function scalarFromVarint(type: string, v: bigint): number | boolean {
  switch (type) {
    case 'bool':
      return v !== 0n;
    case 'int32':
      return Number(BigInt.asIntN(32, v));
    case 'uint32':
      return Number(BigInt.asUintN(32, v));
    case 'uint64':
      return Number(v);
    default:
      return Number(BigInt.asIntN(64, v));
  }
}

function scalar(type: string, f: WireField, field = ''): unknown {
  if (f.wire !== WIRE_OF[type]) wrongWire(f, field);
  if (f.wire === WIRE_VARINT) return scalarFromVarint(type, f.value);
  if (type === 'string') return utf8Text(f.bytes);
  if (type === 'bytes') return bytesToBase64(f.bytes);
  if (type === 'double' || type === 'float') return readFloat(f.bytes);
  return Number(readFixed(f.bytes));
}

function zeroScalar(type: string): unknown {
  if (type === 'string' || type === 'bytes') return '';
  if (type === 'bool') return false;
  return 0;
}

function bytesOf(f: WireField, field = ''): Uint8Array {
  if (f.wire !== WIRE_BYTES) wrongWire(f, field);
  return f.bytes;
}

/** Proto merges repeated occurrences of a singular message field; concatenating their bytes is the same. */
function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function lastVarint(list: readonly WireField[], num: number): bigint | undefined {
  let v: bigint | undefined;
  for (const f of list) {
    if (f.num !== num) continue;
    if (f.wire !== WIRE_VARINT) wrongWire(f, '');
    v = f.value;
  }
  return v;
}

function lastBytes(list: readonly WireField[], num: number): Uint8Array | undefined {
  let v: Uint8Array | undefined;
  for (const f of list) if (f.num === num) v = bytesOf(f);
  return v;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** RFC 3339 in UTC; `micros` adds the six fractional digits metav1.MicroTime prints. */
function rfc3339(seconds: bigint, nanos: number, micros: boolean): string {
  const ms = Number(seconds) * 1000;
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) throw new DecodeError(`proto: timestamp out of range: ${seconds}`);
  const base = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return micros ? `${base}.${pad(Math.floor(nanos / 1000), 6)}Z` : `${base}Z`;
}

/** `n/div` as Go prints a duration's number: the fraction without trailing zeros. */
function fraction(n: bigint, div: bigint): string {
  const whole = n / div;
  const rest = n % div;
  if (rest === 0n) return String(whole);
  const digits = String(rest).padStart(String(div).length - 1, '0').replace(/0+$/, '');
  return `${whole}.${digits}`;
}

/** Go's time.Duration.String(), which metav1.Duration marshals to. */
export function goDuration(ns: bigint): string {
  if (ns === 0n) return '0s';
  const sign = ns < 0n ? '-' : '';
  let u = ns < 0n ? -ns : ns;
  if (u < 1000n) return `${sign}${u}ns`;
  if (u < 1_000_000n) return `${sign}${fraction(u, 1000n)}µs`;
  if (u < 1_000_000_000n) return `${sign}${fraction(u, 1_000_000n)}ms`;
  const hours = u / 3_600_000_000_000n;
  u %= 3_600_000_000_000n;
  const minutes = u / 60_000_000_000n;
  u %= 60_000_000_000n;
  let out = sign;
  if (hours > 0n) out += `${hours}h`;
  if (hours > 0n || minutes > 0n) out += `${minutes}m`;
  return `${out}${fraction(u, 1_000_000_000n)}s`;
}

function rawJson(raw: Uint8Array | undefined): unknown {
  if (raw === undefined) return null;
  const text = utf8Text(raw);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    // UNVERIFIED: a RawExtension holding non-JSON (e.g. nested protobuf) is not expected from kubectl.
    throw new DecodeError('RawExtension does not hold JSON');
  }
}

/**
 * The JSON of one specially encoded type; `bytes` undefined means the Go zero value.
 * Returns `zero: true` when the value is Go's zero (for omitzero).
 */
function special(type: string, bytes: Uint8Array | undefined): { value: unknown; zero: boolean } {
  const list = bytes === undefined ? [] : fields(bytes);
  switch (type) {
    case 'Time':
    case 'MicroTime': {
      // An empty message is the zero time, which Go marshals as null.
      if (bytes === undefined || bytes.length === 0) return { value: null, zero: true };
      const seconds = BigInt.asIntN(64, lastVarint(list, 1) ?? 0n);
      const nanos = Number(BigInt.asIntN(32, lastVarint(list, 2) ?? 0n));
      return { value: rfc3339(seconds, nanos, type === 'MicroTime'), zero: false };
    }
    case 'Duration': {
      const ns = BigInt.asIntN(64, lastVarint(list, 1) ?? 0n);
      return { value: goDuration(ns), zero: ns === 0n };
    }
    case 'Quantity': {
      const s = lastBytes(list, 1);
      const text = s === undefined ? '' : utf8Text(s);
      // The sender wrote the canonical form; Go's zero Quantity prints as "0".
      return { value: text === '' ? '0' : text, zero: text === '' || text === '0' };
    }
    case 'IntOrString': {
      const isString = (lastVarint(list, 1) ?? 0n) === 1n;
      if (isString) {
        const s = lastBytes(list, 3);
        return { value: s === undefined ? '' : utf8Text(s), zero: false };
      }
      const n = Number(BigInt.asIntN(32, lastVarint(list, 2) ?? 0n));
      return { value: n, zero: n === 0 };
    }
    default: {
      // RawExtension (raw = 1) and FieldsV1 (Raw = 1) carry JSON bytes; nil marshals as null.
      const raw = lastBytes(list, 1);
      return { value: rawJson(raw), zero: raw === undefined };
    }
  }
}

/** The JSON of a message-typed value (never absent: `bytes` may be empty for a zero struct). */
function messageValue(type: string, bytes: Uint8Array, depth: number): unknown {
  if (SPECIAL.has(type)) return special(type, bytes).value;
  return message(type, bytes, depth + 1);
}

function isEmpty(value: unknown): boolean {
  return value === '' || value === 0 || value === false || value === null;
}

/** Decodes `bytes` as the message `key` into the JSON Go would print for it. */
function message(key: string, bytes: Uint8Array, depth: number): unknown {
  if (depth > MAX_DEPTH) throw new DecodeError('proto: exceeded maximum nesting depth');
  const desc = SCHEMA[key];
  if (desc === undefined) throw new DecodeError(`no descriptor for ${key}`);
  const wire = fields(bytes);
  if (typeof desc === 'string') {
    // A Go named slice: its items, nil when there are none.
    const itemType = desc.slice('list:'.length);
    const items = wire.filter((f) => f.num === 1).map((f) => scalar(itemType, f));
    return items.length ? items : null;
  }
  const byNum = new Map<number, WireField[]>();
  for (const f of wire) {
    const list = byNum.get(f.num);
    if (list) list.push(f);
    else byNum.set(f.num, [f]);
  }
  const out: Record<string, unknown> = {};
  for (const field of desc) {
    const result = fieldValue(field, byNum.get(field[0]) ?? [], depth);
    if (result === undefined) continue;
    if ((field[3] ?? '').includes('i')) {
      if (result.value !== null && typeof result.value === 'object') Object.assign(out, result.value);
    } else out[field[1]] = result.value;
  }
  return out;
}

/** One field's JSON, or undefined when Go's encoder would leave it out. */
function fieldValue(field: FieldDesc, occurrences: readonly WireField[], depth: number): { value: unknown } | undefined {
  const [, name, type, flags = ''] = field;
  const omitEmpty = flags.includes('o');
  if (flags.includes('r')) {
    const items: unknown[] = [];
    for (const f of occurrences) {
      if (NUMERIC.has(type) && f.wire === WIRE_BYTES && WIRE_OF[type] === WIRE_VARINT) {
        const packed = readPackedVarints(f.bytes);
        if (!packed.ok) throw new DecodeError(packed.message);
        for (const v of packed.value) items.push(scalarFromVarint(type, v));
      } else if (isScalar(type)) items.push(scalar(type, f, name));
      else items.push(messageValue(type, bytesOf(f, name), depth));
    }
    if (items.length === 0) return omitEmpty ? undefined : { value: null };
    return { value: items };
  }
  if (flags.includes('m')) {
    const entries: [string, unknown][] = [];
    for (const f of occurrences) {
      const entry = fields(bytesOf(f, name));
      const keyBytes = lastBytes(entry, 1);
      const mapKey = keyBytes === undefined ? '' : utf8Text(keyBytes);
      let valueField: WireField | undefined;
      for (const e of entry) if (e.num === 2) valueField = e;
      let value: unknown;
      if (isScalar(type)) value = valueField === undefined ? zeroScalar(type) : scalar(type, valueField);
      else value = messageValue(type, valueField === undefined ? new Uint8Array() : bytesOf(valueField), depth);
      entries.push([mapKey, value]);
    }
    if (entries.length === 0) return omitEmpty ? undefined : { value: null };
    // Go's encoder sorts map keys; a repeated key keeps its last value.
    const map = new Map(entries);
    return { value: Object.fromEntries([...map.keys()].sort().map((k) => [k, map.get(k)])) };
  }
  const pointer = flags.includes('p');
  const present = occurrences.length > 0;
  if (!present && pointer) return omitEmpty ? undefined : { value: null };
  if (isScalar(type)) {
    // An absent []byte is nil, which Go prints as null (a present, empty one is "").
    const absent = type === 'bytes' ? null : zeroScalar(type);
    const value = present ? scalar(type, occurrences[occurrences.length - 1] as WireField, name) : absent;
    if (!pointer && (omitEmpty || flags.includes('z')) && isEmpty(value)) return undefined;
    return { value };
  }
  const bytes = present ? concat(occurrences.map((f) => bytesOf(f, name))) : undefined;
  if (SPECIAL.has(type)) {
    const { value, zero } = special(type, bytes);
    if (!pointer && flags.includes('z') && zero) return undefined;
    return { value };
  }
  if (!pointer && flags.includes('z') && !present) return undefined;
  return { value: message(type, bytes ?? new Uint8Array(), depth + 1) };
}

/**
 * Decodes a `application/vnd.kubernetes.protobuf` body. `unknownKind` marks a body that is well
 * formed but of a kind without descriptors here (the caller can then refuse the media type).
 */
export function decodeKubernetesProtobuf(bytes: Uint8Array): DecodeResult {
  const envelope = readEnvelope(bytes);
  if (!envelope.ok) return { ok: false, message: envelope.message };
  const { apiVersion, kind, raw, contentEncoding } = envelope.value;
  const version = apiVersion.includes('/') ? apiVersion.slice(apiVersion.indexOf('/') + 1) : apiVersion;
  const key = messageForKind(apiVersion, kind);
  if (key === undefined) {
    // The scheme runtime.Scheme names after its call site; UNVERIFIED: the line number in v1.34 (29 in 2019 builds).
    return { ok: false, unknownKind: true, message: `no kind "${kind}" is registered for version "${apiVersion}" in scheme "k8s.io/kubernetes/pkg/api/legacyscheme/scheme.go:30"` };
  }
  const fail = (why: string): DecodeResult => ({ ok: false, message: `${kind} in version "${version}" cannot be handled as a ${kind}: ${why}` });
  if (contentEncoding !== '') return fail(`unsupported content encoding "${contentEncoding}"`);
  try {
    const body = message(key, raw, 0) as Record<string, unknown>;
    return { ok: true, object: { kind, apiVersion, ...body } };
  } catch (e) {
    if (e instanceof DecodeError) return fail(e.message);
    // Anything else (e.g. a RangeError on absurd input) is still a bad body, never a crash.
    return fail(e instanceof Error ? e.message : String(e));
  }
}
