/**
 * Strategic merge patch (k8s.io/apimachinery/pkg/util/strategicpatch), for the built-in types'
 * common keyed lists: lists with a merge key merge element by element, `$patch: delete|replace`
 * directives work, `null` deletes a field, and lists without a strategy are replaced.
 */
import { deepCopy, isRecord } from '../../api/meta';
import { MERGE_SETS, mergeKeyFor } from '../../api/merge-keys';

export function applyStrategicMergePatch(target: unknown, patch: unknown, path: readonly string[] = []): unknown {
  if (!isRecord(patch)) return deepCopy(patch);
  if (patch.$patch === 'replace') {
    const { $patch: _ignored, ...rest } = patch;
    void _ignored;
    return deepCopy(rest);
  }
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith('$setElementOrder/') || key === '$retainKeys' || key === '$patch') continue;
    if (key.startsWith('$deleteFromPrimitiveList/')) {
      const field = key.slice('$deleteFromPrimitiveList/'.length);
      const current = result[field];
      if (Array.isArray(current) && Array.isArray(value)) result[field] = current.filter((x) => !value.includes(x));
      continue;
    }
    if (value === null) {
      delete result[key];
      continue;
    }
    const current: unknown = result[key];
    if (Array.isArray(value)) {
      const mergeKey = mergeKeyFor(key, path);
      if (mergeKey && Array.isArray(current)) result[key] = mergeList(current, value, mergeKey, [...path, key]);
      else if (MERGE_SETS.has(key) && Array.isArray(current)) {
        const existing = current as unknown[];
        result[key] = [...existing, ...(value as unknown[]).filter((v) => !existing.includes(v))];
      }
      else result[key] = deepCopy(value.filter((v) => !(isRecord(v) && v.$patch === 'delete')));
    } else if (isRecord(value)) {
      result[key] = applyStrategicMergePatch(current, value, [...path, key]);
    } else {
      result[key] = value;
    }
  }
  return result;
}

function mergeList(current: unknown[], patch: unknown[], mergeKey: string, path: readonly string[]): unknown[] {
  if (patch.some((p) => isRecord(p) && p.$patch === 'replace')) {
    return deepCopy(patch.filter((p) => !(isRecord(p) && p.$patch === 'replace')));
  }
  const result = [...current];
  for (const item of patch) {
    if (!isRecord(item)) {
      result.push(item);
      continue;
    }
    const keyValue = item[mergeKey];
    const index = result.findIndex((c) => isRecord(c) && c[mergeKey] === keyValue);
    if (item.$patch === 'delete') {
      if (index >= 0) result.splice(index, 1);
      continue;
    }
    if (index >= 0) result[index] = applyStrategicMergePatch(result[index], item, path);
    else result.push(applyStrategicMergePatch(undefined, item, path));
  }
  return result;
}
