/** Small cell helpers shared by the printers. */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { parseRfc3339 } from '../../api/time';
import { humanDuration } from '../../kubectl/printers/duration';

export function age(object: KubeObject, nowMs: number): string {
  const created = parseRfc3339(object.metadata.creationTimestamp);
  return created === undefined ? '<unknown>' : humanDuration(nowMs - created);
}

export function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export function arr(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}
