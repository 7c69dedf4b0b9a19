/**
 * Digits of pi by the Rabinowitz–Wagon spigot, for the docs' `pi` Job
 * (`perl -Mbignum=bpi -wle 'print bpi(2000)'`, which prints pi rounded to 2000 significant digits).
 */

/** The first `count` decimal digits of pi (`3141592653...`). */
export function piDigits(count: number): string {
  const len = Math.floor((10 * count) / 3) + 1;
  const a = new Array<number>(len).fill(2);
  let out = '';
  let nines = 0;
  let predigit = 0;
  for (let j = 0; j < count + 1; j++) {
    let q = 0;
    for (let i = len; i > 0; i--) {
      const x = 10 * (a[i - 1] as number) + q * i;
      a[i - 1] = x % (2 * i - 1);
      q = Math.floor(x / (2 * i - 1));
    }
    a[0] = q % 10;
    q = Math.floor(q / 10);
    if (q === 9) nines++;
    else if (q === 10) {
      out += String(predigit + 1) + '0'.repeat(nines);
      predigit = 0;
      nines = 0;
    } else {
      if (j > 0) out += String(predigit);
      predigit = q;
      if (nines > 0) {
        out += '9'.repeat(nines);
        nines = 0;
      }
    }
  }
  out += String(predigit) + '9'.repeat(nines);
  return out.slice(0, count);
}

/** What Math::BigFloat's `bpi(n)` prints: pi rounded half-up to `n` significant digits. */
export function bpi(n: number): string {
  const digits = piDigits(n + 5);
  let kept = digits.slice(0, n).split('').map(Number);
  if (Number(digits[n]) >= 5) {
    for (let i = kept.length - 1; i >= 0; i--) {
      if ((kept[i] as number) < 9) {
        kept[i] = (kept[i] as number) + 1;
        break;
      }
      kept[i] = 0;
    }
  }
  kept = kept.slice(0, n);
  const s = kept.join('');
  return `${s[0] ?? '3'}.${s.slice(1)}`;
}
