/**
 * The protobuf wire format, read defensively: a request body is untrusted, so every length is
 * checked against the buffer, varints stop at 10 bytes, and failures come back as values. Only
 * what Kubernetes' generated messages use is supported (no groups, no zigzag).
 */

export const WIRE_VARINT = 0;
export const WIRE_FIXED64 = 1;
export const WIRE_BYTES = 2;
export const WIRE_FIXED32 = 5;

export type WireField =
  | { num: number; wire: typeof WIRE_VARINT; value: bigint }
  | { num: number; wire: typeof WIRE_FIXED64 | typeof WIRE_BYTES | typeof WIRE_FIXED32; bytes: Uint8Array };

export type WireResult<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Internal: unwinds a read to the public boundary, where it becomes an `ok: false` value. Messages
 * follow gogo-protobuf's generated decoders (io.ErrUnexpectedEOF is a bare "unexpected EOF"); those
 * also name the message type, which this reader does not know. UNVERIFIED: exact parity.
 */
class WireError extends Error {}

class Reader {
  pos = 0;
  constructor(private readonly buf: Uint8Array) {}

  done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): bigint {
    let result = 0n;
    for (let i = 0; i < 10; i++) {
      if (this.pos >= this.buf.length) throw new WireError('unexpected EOF');
      const b = this.buf[this.pos++] as number;
      result |= BigInt(b & 0x7f) << BigInt(7 * i);
      if ((b & 0x80) === 0) return BigInt.asUintN(64, result);
    }
    throw new WireError('proto: integer overflow');
  }

  take(n: number): Uint8Array {
    if (n < 0 || n > this.buf.length - this.pos) throw new WireError('unexpected EOF');
    const out = this.buf.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
}

/** Splits one message's bytes into its fields, in wire order. */
export function readFields(buf: Uint8Array): WireResult<WireField[]> {
  const r = new Reader(buf);
  const fields: WireField[] = [];
  try {
    while (!r.done()) {
      const key = r.varint();
      const wire = Number(key & 7n);
      const numBig = key >> 3n;
      if (numBig === 0n || numBig > 0x1fffffffn) throw new WireError(`proto: illegal tag ${numBig} (wire type ${Number(key & 7n)})`);
      const num = Number(numBig);
      switch (wire) {
        case WIRE_VARINT:
          fields.push({ num, wire, value: r.varint() });
          break;
        case WIRE_FIXED64:
          fields.push({ num, wire, bytes: r.take(8) });
          break;
        case WIRE_BYTES: {
          const len = r.varint();
          if (len > BigInt(buf.length)) throw new WireError('unexpected EOF');
          fields.push({ num, wire, bytes: r.take(Number(len)) });
          break;
        }
        case WIRE_FIXED32:
          fields.push({ num, wire, bytes: r.take(4) });
          break;
        default:
          throw new WireError(`proto: illegal wireType ${wire}`);
      }
    }
  } catch (e) {
    if (e instanceof WireError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, value: fields };
}

/** The varints of a packed repeated field. */
export function readPackedVarints(buf: Uint8Array): WireResult<bigint[]> {
  const r = new Reader(buf);
  const out: bigint[] = [];
  try {
    while (!r.done()) out.push(r.varint());
  } catch (e) {
    if (e instanceof WireError) return { ok: false, message: e.message };
    throw e;
  }
  return { ok: true, value: out };
}

/** Little-endian IEEE 754 from a fixed64 (8 bytes) or fixed32 (4 bytes) field. */
export function readFloat(bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return bytes.byteLength === 8 ? view.getFloat64(0, true) : view.getFloat32(0, true);
}

/** Little-endian unsigned integer from a fixed64/fixed32 field. */
export function readFixed(bytes: Uint8Array): bigint {
  let v = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) v = (v << 8n) | BigInt(bytes[i] as number);
  return v;
}

/** UTF-8 text, with U+FFFD for malformed sequences (what Go's string conversion then JSON encoding yields). */
export function utf8Text(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) {
      out += '\ufffd';
      i++;
      continue;
    }
    let cp = need === 0 ? b : b & (0x3f >> need);
    let j = 1;
    for (; j <= need; j++) {
      const c = bytes[i + j];
      if (c === undefined || (c & 0xc0) !== 0x80) break;
      cp = (cp << 6) | (c & 0x3f);
    }
    const minimum = [0, 0x80, 0x800, 0x10000][need] as number;
    if (j <= need || cp < minimum || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      out += '\ufffd';
      i++;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard padded base64 of raw bytes, as Go's encoding/json writes a []byte. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] as number;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += (B64[(n >> 18) & 63] as string) + (B64[(n >> 12) & 63] as string);
    out += b === undefined ? '=' : (B64[(n >> 6) & 63] as string);
    out += c === undefined ? '=' : (B64[n & 63] as string);
  }
  return out;
}
