/**
 * Kubernetes' protobuf envelope: the magic bytes `k8s\0`, then a runtime.Unknown message holding
 * typeMeta (1: apiVersion, kind), raw (2: the object's own message), contentEncoding (3) and
 * contentType (4), as k8s.io/apimachinery/pkg/runtime/generated.proto numbers them.
 */
import { readFields, utf8Text, WIRE_BYTES, type WireResult } from './wire';

export const MAGIC = new Uint8Array([0x6b, 0x38, 0x73, 0x00]);

export interface Envelope {
  apiVersion: string;
  kind: string;
  raw: Uint8Array;
  contentEncoding: string;
  contentType: string;
}

export function hasMagic(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && MAGIC.every((b, i) => bytes[i] === b);
}

/** Strings and bytes of one message by field number (last occurrence wins, as for proto2 scalars). */
function lengthDelimited(bytes: Uint8Array): WireResult<Map<number, Uint8Array>> {
  const fields = readFields(bytes);
  if (!fields.ok) return fields;
  const out = new Map<number, Uint8Array>();
  for (const f of fields.value) {
    if (f.wire !== WIRE_BYTES) return { ok: false, message: `proto: wrong wireType = ${f.wire} for field ${f.num}` };
    out.set(f.num, f.bytes);
  }
  return { ok: true, value: out };
}

export function readEnvelope(bytes: Uint8Array): WireResult<Envelope> {
  // UNVERIFIED: wording; the apiserver's protobuf serializer reports a missing prefix this way.
  if (!hasMagic(bytes)) return { ok: false, message: `provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]` };
  const unknown = lengthDelimited(bytes.subarray(MAGIC.length));
  if (!unknown.ok) return unknown;
  const typeMetaBytes = unknown.value.get(1) ?? new Uint8Array();
  const typeMeta = lengthDelimited(typeMetaBytes);
  if (!typeMeta.ok) return typeMeta;
  const text = (m: Map<number, Uint8Array>, n: number) => utf8Text(m.get(n) ?? new Uint8Array());
  return {
    ok: true,
    value: {
      apiVersion: text(typeMeta.value, 1),
      kind: text(typeMeta.value, 2),
      raw: unknown.value.get(2) ?? new Uint8Array(),
      contentEncoding: text(unknown.value, 3),
      contentType: text(unknown.value, 4),
    },
  };
}
