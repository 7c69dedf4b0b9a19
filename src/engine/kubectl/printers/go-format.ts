/**
 * Small pieces of Go's formatting and ordering that kubectl's output depends on: `fmt.Sprint` of a
 * JSON-decoded value (`%v`), and string ordering by UTF-8 bytes (`sort.Strings`).
 */

/** Go's `<` on strings: byte-wise UTF-8 order, which is code point order (JS `<` compares UTF-16 units). */
export function compareGoStrings(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done === true) return y.done === true ? 0 : -1;
    if (y.done === true) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}

/** `sort.Strings`: a sorted copy in Go's byte order. */
export function goSortStrings(values: Iterable<string>): string[] {
  return [...values].sort(compareGoStrings);
}

/** `%v` of a float64 (strconv 'g' with the shortest precision, as fmt prints it): `1.5`, `1e+06`, `5e-05`. */
export function formatGoFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return '+Inf';
  if (x === -Infinity) return '-Inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  const [mantissa = '0', expText = '0'] = x.toExponential().split('e');
  const exp = Number(expText);
  const digits = mantissa.replace('-', '').replace('.', '');
  const nd = digits.length;
  const dp = exp + 1;
  let eprec = 6;
  if (eprec > nd && nd >= dp) eprec = nd;
  if (exp < -4 || exp >= eprec) {
    const sign = exp < 0 ? '-' : '+';
    const abs = Math.abs(exp);
    return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  return String(x);
}

/** `fmt.Sprint` of a value decoded from JSON (whole numbers decode as int64, others as float64). */
export function goSprint(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return Number.isInteger(value) && Math.abs(value) < 2 ** 63 ? String(value) : formatGoFloat(value);
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(goSprint).join(' ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const keys = goSortStrings(entries.map(([k]) => k));
    const map = new Map(entries);
    return `map[${keys.map((k) => `${k}:${goSprint(map.get(k))}`).join(' ')}]`;
  }
  return '';
}
