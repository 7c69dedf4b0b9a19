import { describe, expect, it } from 'vitest';
import { bpi, piDigits } from './pi';

/** An independent check: Machin's formula in BigInt fixed point. */
function machin(digits: number): string {
  const scale = 10n ** BigInt(digits + 10);
  const atanInv = (x: bigint) => {
    let term = scale / x;
    let sum = term;
    const x2 = x * x;
    for (let n = 1n, sign = -1n; term !== 0n; n++, sign = -sign) {
      term /= x2;
      sum += (sign * term) / (2n * n + 1n);
    }
    return sum;
  };
  return (16n * atanInv(5n) - 4n * atanInv(239n)).toString().slice(0, digits);
}

describe('pi spigot', () => {
  it('matches an independent computation for 2000 digits', () => {
    expect(piDigits(2000)).toBe(machin(2000));
  });

  it('bpi(n) prints n significant digits, rounded', () => {
    expect(bpi(5)).toBe('3.1416');
    const s = bpi(2000);
    expect(s.length).toBe(2001);
    expect(s.startsWith('3.14159265358979323846')).toBe(true);
  });
});
