import { describe, expect, it } from 'vitest';
import { hasMagic, readEnvelope } from './envelope';

const u8 = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => [...Buffer.from(s)];

describe('readEnvelope', () => {
  it('reads typeMeta, raw, contentEncoding and contentType of a runtime.Unknown', () => {
    const typeMeta = [0x0a, 2, ...text('v1'), 0x12, 9, ...text('Namespace')];
    const body = u8(0x6b, 0x38, 0x73, 0x00, 0x0a, typeMeta.length, ...typeMeta, 0x12, 2, 0x0a, 0x00, 0x1a, 0x00, 0x22, 3, ...text('x/y'));
    expect(readEnvelope(body)).toEqual({ ok: true, value: { apiVersion: 'v1', kind: 'Namespace', raw: u8(0x0a, 0x00), contentEncoding: '', contentType: 'x/y' } });
  });

  it('needs the k8s\\0 magic', () => {
    expect(hasMagic(u8(0x6b, 0x38, 0x73))).toBe(false);
    expect(readEnvelope(u8(0x7b, 0x7d)).ok).toBe(false);
  });

  it('refuses a typeMeta that is not a message of strings', () => {
    expect(readEnvelope(u8(0x6b, 0x38, 0x73, 0x00, 0x0a, 0x02, 0x08, 0x01))).toEqual({ ok: false, message: 'proto: wrong wireType = 0 for field 1' });
    expect(readEnvelope(u8(0x6b, 0x38, 0x73, 0x00, 0x0a, 0x09)).ok).toBe(false);
  });

  it('reads an empty Unknown as empty strings', () => {
    expect(readEnvelope(u8(0x6b, 0x38, 0x73, 0x00))).toEqual({ ok: true, value: { apiVersion: '', kind: '', raw: u8(), contentEncoding: '', contentType: '' } });
  });
});
