/**
 * resource.Quantity: parses `100m`, `1.5`, `128Mi`, `1G`, `2e3` and formats canonical forms.
 * Values are kept as exact integers of milli-units (bigint), so `0.1` CPU is exactly 100m.
 */

const BINARY: Record<string, bigint> = { Ki: 1n << 10n, Mi: 1n << 20n, Gi: 1n << 30n, Ti: 1n << 40n, Pi: 1n << 50n, Ei: 1n << 60n };
const DECIMAL_EXP: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;

export class QuantityError extends Error {}

/** Parses a quantity into milli-units (bigint, rounded up like Kubernetes' MilliValue). */
export function parseQuantityMilli(text: string | number): bigint {
  const s = typeof text === 'number' ? String(text) : text.trim();
  const m = QUANTITY.exec(s);
  if (!m) throw new QuantityError('quantities must match the regular expression \'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$\'');
  const number = m[1] as string;
  const suffix = m[2] ?? '';
  const negative = number.startsWith('-');
  const digits = number.replace(/^[+-]/, '');
  const [intPart = '0', fracPart = ''] = digits.split('.');
  // value = (int.frac) * multiplier * 1000, computed exactly: mantissa / 10^fracLen
  let mantissa = BigInt((intPart || '0') + fracPart);
  let scale = fracPart.length; // divide by 10^scale
  let multiplier = 1000n;
  if (suffix in BINARY) multiplier *= BINARY[suffix] as bigint;
  else {
    const exp = suffix.startsWith('e') || suffix.startsWith('E') ? Number(suffix.slice(1)) : (DECIMAL_EXP[suffix] ?? 0);
    if (exp >= 0) multiplier *= 10n ** BigInt(exp);
    else scale += -exp;
  }
  mantissa *= multiplier;
  const divisor = 10n ** BigInt(scale);
  let value = mantissa / divisor;
  if (mantissa % divisor !== 0n) value += 1n; // round up, as Quantity.MilliValue does
  return negative ? -value : value;
}

/** Whole units, rounded up (memory bytes, pods, GPUs). */
export function parseQuantityValue(text: string | number): number {
  const milli = parseQuantityMilli(text);
  const whole = milli / 1000n + (milli % 1000n > 0n ? 1n : 0n);
  return Number(whole);
}

export function parseMilli(text: string | number): number {
  return Number(parseQuantityMilli(text));
}

export function isQuantity(text: unknown): boolean {
  if (typeof text !== 'string' && typeof text !== 'number') return false;
  try {
    parseQuantityMilli(text);
    return true;
  } catch {
    return false;
  }
}

/** CPU as kubectl prints it: `100m`, `1`, `2500m`. */
export function formatMilliCPU(milli: number): string {
  return milli % 1000 === 0 ? String(milli / 1000) : `${milli}m`;
}

/** Memory in the largest binary unit that divides it exactly (`128Mi`, `1Gi`, `1500`). */
export function formatBytes(bytes: number): string {
  for (const [suffix, size] of [['Ei', 2 ** 60], ['Pi', 2 ** 50], ['Ti', 2 ** 40], ['Gi', 2 ** 30], ['Mi', 2 ** 20], ['Ki', 2 ** 10]] as const) {
    if (bytes !== 0 && bytes % size === 0) return `${bytes / size}${suffix}`;
  }
  return String(bytes);
}

export type QuantityFormat = 'DecimalSI' | 'BinarySI';

/** The format a quantity string was written in (binary suffixes keep binary output). */
export function quantityFormat(text: string | number): QuantityFormat {
  return typeof text === 'string' && /(Ki|Mi|Gi|Ti|Pi|Ei)$/.test(text.trim()) ? 'BinarySI' : 'DecimalSI';
}

const BINARY_SUFFIXES: readonly [string, bigint][] = [['Ei', 1n << 60n], ['Pi', 1n << 50n], ['Ti', 1n << 40n], ['Gi', 1n << 30n], ['Mi', 1n << 20n], ['Ki', 1n << 10n]];
const DECIMAL_SUFFIXES: readonly [string, number][] = [['E', 18], ['P', 15], ['T', 12], ['G', 9], ['M', 6], ['k', 3], ['', 0], ['m', -3]];

/**
 * Quantity.String(): the canonical form of a value given in milli-units. Binary format is kept
 * only for whole values of at least 1024 (smaller or fractional ones print in decimal SI).
 */
export function formatQuantityMilli(milli: bigint, format: QuantityFormat): string {
  if (milli === 0n) return '0';
  const negative = milli < 0n;
  const abs = negative ? -milli : milli;
  const sign = negative ? '-' : '';
  if (format === 'BinarySI' && abs % 1000n === 0n && abs >= 1024_000n) {
    const value = abs / 1000n;
    for (const [suffix, size] of BINARY_SUFFIXES) if (value % size === 0n) return `${sign}${value / size}${suffix}`;
    return `${sign}${value}`;
  }
  for (const [suffix, exp] of DECIMAL_SUFFIXES) {
    const unit = exp + 3 >= 0 ? 10n ** BigInt(exp + 3) : 1n;
    if (abs % unit === 0n) return `${sign}${abs / unit}${suffix}`;
  }
  return `${sign}${abs}m`;
}

/** Canonical form of a quantity string, as the API shows it after a round trip (`1024Mi` → `1Gi`). */
export function canonicalQuantity(text: string | number): string {
  return formatQuantityMilli(parseQuantityMilli(text), quantityFormat(text));
}
