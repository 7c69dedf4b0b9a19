/**
 * The fields each served kind has in Kubernetes v1.34 (known-fields.generated.ts), and the walk the
 * API server's strict decoder makes over a request body: every field a kind does not have is
 * reported with its path as sigs.k8s.io/json writes it (`spec.containers[0].imagee`: struct fields
 * and map keys joined by dots, list items by index) and removed, as decoding into Go types drops it.
 */
import { isRecord } from '../meta';
import { KNOWN_FIELDS } from './known-fields.generated';

/**
 * `kinds`: `apps/v1/Deployment` → its model. `models`: model → field → 0 (nothing inside is
 * checked) or the model of its value, `[]Model` for a list, `{}Model` for a map of them.
 */
export interface KnownFields {
  kinds: Record<string, string>;
  models: Record<string, Record<string, string | 0>>;
}

const join = (path: string, field: string) => (path === '' ? field : `${path}.${field}`);

function walk(value: unknown, type: string | 0, path: string, unknown: string[]): void {
  if (type === 0) return;
  if (type.startsWith('[]')) {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, type.slice(2), `${path}[${i}]`, unknown));
    return;
  }
  if (type.startsWith('{}')) {
    if (isRecord(value)) for (const [key, item] of Object.entries(value)) walk(item, type.slice(2), join(path, key), unknown);
    return;
  }
  const fields = KNOWN_FIELDS.models[type];
  if (!fields || !isRecord(value) || Array.isArray(value)) return;
  for (const [key, item] of Object.entries(value)) {
    // Own fields only: `__proto__` or `constructor` in a body is an unknown field, not Object.prototype's.
    const inner = Object.hasOwn(fields, key) ? fields[key] : undefined;
    if (inner === undefined) {
      unknown.push(join(path, key));
      delete value[key];
    } else walk(item, inner, join(path, key), unknown);
  }
}

/**
 * Removes from `object` (in place) the fields its kind does not have and returns their paths, in
 * the order the body lists them. A kind the schema does not know is left alone.
 */
export function pruneUnknownFields(apiVersion: string, kind: string, object: Record<string, unknown>): string[] {
  const model = KNOWN_FIELDS.kinds[`${apiVersion}/${kind}`];
  const unknown: string[] = [];
  if (model) walk(object, model, '', unknown);
  return unknown;
}
