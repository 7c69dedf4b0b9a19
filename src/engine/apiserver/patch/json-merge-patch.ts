/** RFC 7386 JSON merge patch: objects merge recursively, `null` deletes, everything else replaces. */
import { deepCopy, isRecord } from '../../api/meta';

export function applyMergePatch(target: unknown, patch: unknown): unknown {
  if (!isRecord(patch)) return deepCopy(patch);
  const result: Record<string, unknown> = isRecord(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = applyMergePatch(result[key], value);
  }
  return result;
}
