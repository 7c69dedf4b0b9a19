/** Helpers several describers share: label sets, template comparison, claim templates. */
import { isRecord } from '../../api/meta';
import { compareGoStrings } from '../printers/go-format';
import { goList, quantity, rec, recs, str, stringMap, strs, writeLabels, type DescribeWriter } from './format';

/** labels.FormatLabels: `k=v` pairs sorted as strings, or `<none>`. */
export function formatLabels(map: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(map).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '<none>' : pairs.sort(compareGoStrings).join(',');
}

function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (Array.isArray(value)) return value.length === 0;
  return isRecord(value) && Object.keys(value).length === 0;
}

/**
 * apiequality.Semantic.DeepEqual on JSON: missing, null, empty maps and empty lists count as
 * equal, as nil and empty do in Go.
 */
export function jsonEqualIgnoringEmpty(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => jsonEqualIgnoringEmpty(x, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!jsonEqualIgnoringEmpty(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

/** describeVolumeClaimTemplates (StatefulSets). */
export function writeClaimTemplates(w: DescribeWriter, templates: unknown): void {
  const list = recs(templates);
  if (list.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of list) {
    const meta = rec(pvc.metadata);
    const spec = rec(pvc.spec);
    const annotations = stringMap(meta.annotations);
    w.write(1, `Name:\t${str(meta.name)}\n`);
    w.write(1, `StorageClass:\t${annotations['volume.beta.kubernetes.io/storage-class'] ?? str(spec.storageClassName)}\n`);
    writeLabels(w, 'Labels', meta.labels, '  ');
    // kubectl prints the template's annotations with the label printer (k=v).
    writeLabels(w, 'Annotations', meta.annotations, '  ');
    const storage = rec(rec(spec.resources).requests).storage;
    w.write(1, `Capacity:\t${storage === undefined ? '<default>' : quantity(storage)}\n`);
    w.write(1, `Access Modes:\t${goList(strs(spec.accessModes))}\n`);
  }
}
