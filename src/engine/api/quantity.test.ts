import { describe, expect, it } from 'vitest';
import { canonicalQuantity, formatBytes, formatMilliCPU, parseMilli, parseQuantityValue } from './quantity';

describe('quantities', () => {
  it.each([
    ['100m', 100],
    ['0.1', 100],
    ['1', 1000],
    ['2.5', 2500],
    ['1e3', 1_000_000],
    ['1k', 1_000_000],
  ])('cpu %s = %i millicores', (q, milli) => expect(parseMilli(q)).toBe(milli));

  it.each([
    ['128Mi', 134217728],
    ['1Gi', 1073741824],
    ['1G', 1e9],
    ['500M', 5e8],
    ['16331780Ki', 16331780 * 1024],
    ['1.5Gi', 1610612736],
  ])('memory %s = %i bytes', (q, bytes) => expect(parseQuantityValue(q)).toBe(bytes));

  it('rejects malformed quantities', () => {
    expect(() => parseMilli('1.2.3')).toThrow(/quantities must match/);
    expect(() => parseMilli('abc')).toThrow();
  });

  it('formats as kubectl does', () => {
    expect(formatMilliCPU(250)).toBe('250m');
    expect(formatMilliCPU(2000)).toBe('2');
    expect(formatBytes(134217728)).toBe('128Mi');
    expect(formatBytes(1000)).toBe('1000');
  });
});

describe('canonical quantities (Quantity.String)', () => {
  it.each([
    ['1024Mi', '1Gi'],
    ['1536Mi', '1536Mi'],
    ['16331780Ki', '16331780Ki'],
    ['100m', '100m'],
    ['1000m', '1'],
    ['0.5', '500m'],
    ['1500', '1500'],
    ['2000000', '2M'],
    ['512', '512'],
    ['0', '0'],
  ])('%s → %s', (input, output) => {
    expect(canonicalQuantity(input)).toBe(output);
  });
});
