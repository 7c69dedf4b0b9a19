import { describe, expect, it } from 'vitest';
import { humanDuration, shortHumanDuration } from './duration';

const s = 1000;
const m = 60 * s;
const h = 60 * m;
const d = 24 * h;
const y = 365 * d;

describe('humanDuration (apimachinery duration.HumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-1999, '0s'], // truncates toward zero: -1s is tolerated clock skew
    [-1 * s, '0s'],
    [0, '0s'],
    [999, '0s'],
    [45 * s, '45s'],
    [119 * s, '119s'],
    [2 * m, '2m'],
    [2 * m + 30 * s, '2m30s'],
    [9 * m + 59 * s, '9m59s'],
    [10 * m, '10m'],
    [10 * m + 59 * s, '10m'],
    [179 * m, '179m'],
    [3 * h, '3h'],
    [3 * h + 20 * m, '3h20m'],
    [7 * h + 59 * m, '7h59m'],
    [8 * h, '8h'],
    [47 * h, '47h'],
    [48 * h, '2d'],
    [2 * d + 5 * h, '2d5h'],
    [7 * d + 23 * h, '7d23h'],
    [8 * d, '8d'],
    [45 * d, '45d'],
    [2 * y - 1, '729d'],
    [2 * y, '2y'],
    [2 * y + 10 * d, '2y10d'],
    [8 * y - 1, '7y364d'],
    [8 * y, '8y'],
    [20 * y, '20y'],
  ])('%d ms → %s', (ms, text) => {
    expect(humanDuration(ms)).toBe(text);
  });

  it('is <invalid> for a non-finite duration', () => {
    expect(humanDuration(Number.NaN)).toBe('<invalid>');
  });
});

describe('shortHumanDuration (apimachinery duration.ShortHumanDuration)', () => {
  it.each([
    [-2 * s, '<invalid>'],
    [-500, '0s'],
    [59 * s, '59s'],
    [60 * s, '1m'],
    [59 * m + 59 * s, '59m'],
    [h, '1h'],
    [23 * h, '23h'],
    [d, '1d'],
    [364 * d, '364d'],
    [y, '1y'],
    [3 * y + 200 * d, '3y'],
  ])('%d ms → %s', (ms, text) => {
    expect(shortHumanDuration(ms)).toBe(text);
  });
});
