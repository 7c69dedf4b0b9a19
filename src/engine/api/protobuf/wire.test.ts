import { describe, expect, it } from 'vitest';
import { bytesToBase64, readFields, readFixed, readFloat, readPackedVarints, utf8Text } from './wire';

const u8 = (...b: number[]) => new Uint8Array(b);

describe('readFields', () => {
  it('reads varint, fixed64, length-delimited and fixed32 fields in order', () => {
    const r = readFields(u8(0x08, 0x96, 0x01, 0x11, 1, 0, 0, 0, 0, 0, 0, 0, 0x1a, 0x02, 0x68, 0x69, 0x25, 2, 0, 0, 0));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.map((f) => [f.num, f.wire])).toEqual([[1, 0], [2, 1], [3, 2], [4, 5]]);
    expect(r.value[0]).toMatchObject({ value: 150n });
    const third = r.value[2];
    expect(third && 'bytes' in third ? utf8Text(third.bytes) : '').toBe('hi');
  });

  it('reads a 10-byte varint (a negative int32 as Go sends it) and field numbers above 15', () => {
    const r = readFields(u8(0x80, 0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01));
    expect(r.ok && r.value[0]).toMatchObject({ num: 16, value: 0xffffffffffffffffn });
  });

  it.each([
    ['a truncated varint', u8(0x08, 0x96), 'unexpected EOF'],
    ['a varint longer than 10 bytes', u8(0x08, ...Array<number>(11).fill(0xff)), 'proto: integer overflow'],
    ['a length past the end', u8(0x0a, 0x05, 0x61), 'unexpected EOF'],
    ['a huge length', u8(0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f), 'unexpected EOF'],
    ['a truncated fixed64', u8(0x09, 1, 2, 3), 'unexpected EOF'],
    ['field number 0', u8(0x00, 0x01), 'proto: illegal tag 0 (wire type 0)'],
    ['a group (wire type 3)', u8(0x0b), 'proto: illegal wireType 3'],
    ['wire type 7', u8(0x0f), 'proto: illegal wireType 7'],
  ])('refuses %s', (_what, bytes, message) => {
    expect(readFields(bytes)).toEqual({ ok: false, message });
  });

  it('reads an empty message as no fields', () => {
    expect(readFields(u8())).toEqual({ ok: true, value: [] });
  });
});

describe('scalar helpers', () => {
  it('unpacks packed varints and refuses a truncated pack', () => {
    expect(readPackedVarints(u8(0x03, 0x8e, 0x02, 0x9e, 0xa7, 0x05))).toEqual({ ok: true, value: [3n, 270n, 86942n] });
    expect(readPackedVarints(u8(0x03, 0x8e)).ok).toBe(false);
  });

  it('reads little-endian doubles, floats and fixed integers', () => {
    expect(readFloat(u8(0, 0, 0, 0, 0, 0, 0xf8, 0x3f))).toBe(1.5);
    expect(readFloat(u8(0, 0, 0xc0, 0x3f))).toBe(1.5);
    expect(readFixed(u8(1, 2, 0, 0))).toBe(0x201n);
  });

  it('decodes UTF-8, replacing malformed sequences', () => {
    expect(utf8Text(u8(0x68, 0xc3, 0xa9, 0xf0, 0x9f, 0x98, 0x80))).toBe('hé😀');
    expect(utf8Text(u8(0x61, 0xff, 0xc3))).toBe('a\ufffd\ufffd');
    expect(utf8Text(u8(0xed, 0xa0, 0x80))).toBe('\ufffd\ufffd\ufffd');
  });

  it('encodes bytes as padded base64', () => {
    expect(bytesToBase64(u8())).toBe('');
    expect(bytesToBase64(u8(0x66))).toBe('Zg==');
    expect(bytesToBase64(u8(0x66, 0x6f))).toBe('Zm8=');
    expect(bytesToBase64(u8(0xff, 0xfe, 0xfd))).toBe('//79');
  });
});
