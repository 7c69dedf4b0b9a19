import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepFreeze } from '../api/meta';
import { exceedsJsonBytes } from './request-size';

/** A string body (an apply patch's YAML) counts as it is; anything else as its JSON. */
const bytes = (v: unknown) => Buffer.byteLength(typeof v === 'string' ? v : JSON.stringify(v), 'utf8');

describe('exceedsJsonBytes', () => {
  it('agrees with the exact UTF-8 size of the JSON at every limit, for fresh and frozen values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(400), fc.boolean(), (value, limit, frozen) => {
        const v = frozen ? deepFreeze(structuredClone(value)) : value;
        expect(exceedsJsonBytes(v, limit)).toBe(bytes(v) > limit);
        // Asked again (a frozen value's bound is remembered), the answer is the same.
        expect(exceedsJsonBytes(v, limit)).toBe(bytes(v) > limit);
      }),
      { numRuns: 2000 },
    );
  });

  it('measures escapes and non-ASCII text exactly near the limit', () => {
    const value = { note: 'é\u2028"\n😀'.repeat(50) };
    expect(exceedsJsonBytes(value, bytes(value))).toBe(false);
    expect(exceedsJsonBytes(value, bytes(value) - 1)).toBe(true);
  });
});
