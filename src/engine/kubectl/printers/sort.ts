/**
 * `kubectl get --sort-by=<jsonpath>` (cmd/get/sorter.go): each object's first JSONPath result
 * decides; numbers compare as numbers, strings that are both quantities as quantities, other
 * strings in natural order (`pod-2` before `pod-10`); objects without the field sort first.
 */
import { isQuantity, parseQuantityMilli } from '../../api/quantity';
import { goSprint } from './go-format';
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath';

/** fvbommel/sortorder NaturalLess: digit runs compare by value, the rest byte-wise. */
export function naturalLess(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  while (i < a.length && j < b.length) {
    const ca = a[i] as string;
    const cb = b[j] as string;
    if (digit(ca) && digit(cb)) {
      let ie = i;
      while (ie < a.length && a[ie] === '0') ie++;
      let je = j;
      while (je < b.length && b[je] === '0') je++;
      const zi = ie;
      const zj = je;
      while (ie < a.length && digit(a[ie])) ie++;
      while (je < b.length && digit(b[je])) je++;
      const na = a.slice(zi, ie);
      const nb = b.slice(zj, je);
      if (na.length !== nb.length) return na.length < nb.length;
      if (na !== nb) return na < nb;
      // Same value: fewer leading zeros first.
      if (zi - i !== zj - j) return zi - i < zj - j;
      i = ie;
      j = je;
      continue;
    }
    if (ca !== cb) return ca < cb;
    i++;
    j++;
  }
  return a.length - i < b.length - j;
}

function isLess(x: unknown, y: unknown): boolean {
  if (x === null || x === undefined) return y !== null && y !== undefined;
  if (y === null || y === undefined) return false;
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  if (typeof x === 'string' && typeof y === 'string') {
    if (isQuantity(x) && isQuantity(y)) return parseQuantityMilli(x) < parseQuantityMilli(y);
    return naturalLess(x, y);
  }
  return naturalLess(goSprint(x), goSprint(y));
}

/**
 * Sorts `items` by the field (stable, like Go's sort for the small lists people print). `objectOf`
 * picks what the path runs against (a Table row's object). Throws JsonPathError with kubectl's text.
 */
export function sortByField<T>(items: readonly T[], field: string, objectOf: (item: T) => unknown): T[] {
  let expression: string;
  try {
    expression = relaxedJsonPath(field);
  } catch {
    expression = field;
  }
  let path: JsonPath;
  try {
    path = new JsonPath(expression);
  } catch (e) {
    if (e instanceof JsonPathError) throw new JsonPathError(`sorting error: ${e.message}`);
    throw e;
  }
  path.allowMissingKeys = true;
  const keyed = items.map((item) => {
    const results = path.findResults(objectOf(item));
    const first = results[0];
    return { item, found: first !== undefined && first.length > 0, value: first?.[0] };
  });
  if (items.length > 0 && !keyed.some((k) => k.found)) throw new JsonPathError(`couldn't find any field with path ${JSON.stringify(expression)} in the list of objects`);
  const sorted = [...keyed];
  sorted.sort((a, b) => {
    if (!a.found) return b.found ? -1 : 0;
    if (!b.found) return 1;
    if (isLess(a.value, b.value)) return -1;
    if (isLess(b.value, a.value)) return 1;
    return 0;
  });
  return sorted.map((k) => k.item);
}
