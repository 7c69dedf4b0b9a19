import { describe, expect, it } from 'vitest';
import { deepCopy, sameJson, sameJsonAnyKeyOrder } from './meta';
import { sortKeys } from '../kubectl/printers/jsonpath';

/** Small deterministic generator of JSON-ish values, including what JSON drops or rewrites. */
function values(seed: number, count: number): unknown[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const leaves: unknown[] = [null, undefined, 0, -0, 1.5, NaN, Infinity, '', 'a', 'b', true, false, () => 1];
  const make = (depth: number): unknown => {
    const r = next();
    if (depth > 3 || r < 0.4) return leaves[Math.floor(next() * leaves.length)];
    if (r < 0.7) return Array.from({ length: Math.floor(next() * 4) }, () => make(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(next() * 4); i > 0; i--) o[['x', 'y', 'z', 'w'][Math.floor(next() * 4)] as string] = make(depth + 1);
    return o;
  };
  return Array.from({ length: count }, () => make(0));
}

describe('deepCopy and sameJson agree with a JSON round trip', () => {
  const samples = values(7, 400);

  it('copies exactly what JSON.parse(JSON.stringify(v)) gives, into fresh objects', () => {
    for (const v of samples) {
      if (v === undefined || typeof v === 'function') continue;
      expect(deepCopy(v)).toEqual(JSON.parse(JSON.stringify(v)));
      expect(JSON.stringify(deepCopy(v))).toBe(JSON.stringify(v));
    }
    const hostile = JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"x": 1}}') as Record<string, unknown>;
    const copied = deepCopy(hostile);
    expect(Object.getPrototypeOf(copied)).toBe(Object.prototype);
    expect(Object.keys(copied)).toEqual(['__proto__', 'constructor']);
    expect(JSON.stringify(copied)).toBe(JSON.stringify(hostile));
    expect(sameJson(copied, hostile)).toBe(true);
    const nested = { a: { b: [1, { c: 2 }] } };
    const copy = deepCopy(nested);
    expect(copy.a).not.toBe(nested.a);
    expect(copy.a.b[1]).not.toBe(nested.a.b[1]);
  });

  it('says two values are the same exactly when their JSON texts are, key order included', () => {
    let same = 0;
    for (let i = 0; i < samples.length; i++) {
      for (const j of [i, (i * 7 + 3) % samples.length, (i + 1) % samples.length]) {
        const expected = JSON.stringify(samples[i]) === JSON.stringify(samples[j]);
        if (expected) same++;
        expect(sameJson(samples[i], samples[j])).toBe(expected);
      }
    }
    expect(same).toBeGreaterThan(400);
    expect(sameJson({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(false);
    expect(sameJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameJson([undefined], [null])).toBe(true);
    expect(sameJson({ d: new Date(0) }, { d: '1970-01-01T00:00:00.000Z' })).toBe(true);
  });

  it('can leave key order out, agreeing with comparing key-sorted JSON texts', () => {
    const sorted = (v: unknown) => JSON.stringify(sortKeys(v));
    for (let i = 0; i < samples.length; i++) {
      for (const j of [i, (i * 7 + 3) % samples.length, (i + 1) % samples.length]) {
        if (typeof samples[i] === 'function' || typeof samples[j] === 'function') continue;
        expect(sameJsonAnyKeyOrder(samples[i], samples[j], sortKeys)).toBe(sorted(samples[i]) === sorted(samples[j]));
      }
    }
    expect(sameJsonAnyKeyOrder({ a: 1, b: { c: [1, { d: 2, e: 3 }] } }, { b: { c: [1, { e: 3, d: 2 }] }, a: 1 }, sortKeys)).toBe(true);
    expect(sameJsonAnyKeyOrder({ a: 1, b: undefined }, { a: 1 }, sortKeys)).toBe(true);
    expect(sameJsonAnyKeyOrder({ a: 1 }, { a: 1, b: 2 }, sortKeys)).toBe(false);
    expect(sameJsonAnyKeyOrder([1, 2], [2, 1], sortKeys)).toBe(false);
  });
});
