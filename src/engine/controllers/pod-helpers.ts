/** Pod facts controllers share: active, ready, available (controller_utils.go). */
import type { KubeObject } from '../api/meta';
import { isRecord } from '../api/meta';
import { parseRfc3339 } from '../api/time';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Not finished and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = rec(pod.status).phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

export function readyCondition(pod: KubeObject): Record<string, unknown> | undefined {
  const conditions = rec(pod.status).conditions;
  return Array.isArray(conditions) ? conditions.filter(isRecord).find((c) => c.type === 'Ready') : undefined;
}

export function isPodReady(pod: KubeObject): boolean {
  return readyCondition(pod)?.status === 'True';
}

/** Ready for at least minReadySeconds. */
export function isPodAvailable(pod: KubeObject, minReadySeconds: number, nowMs: number): boolean {
  const ready = readyCondition(pod);
  if (ready?.status !== 'True') return false;
  if (minReadySeconds === 0) return true;
  const since = parseRfc3339(ready.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

export function controllerRef(object: KubeObject): { uid: string; kind: string; name: string } | undefined {
  const owner = (object.metadata.ownerReferences ?? []).find((o) => o.controller === true);
  return owner ? { uid: owner.uid, kind: owner.kind, name: owner.name } : undefined;
}

/**
 * The order pods are deleted in when scaling down (ActivePods sort): unassigned before assigned,
 * pending before unknown before running, not ready before ready, recently ready before long ready,
 * more restarts before fewer, newer before older.
 */
export function deletionRank(a: KubeObject, b: KubeObject): number {
  const assigned = (p: KubeObject) => (rec(p.spec).nodeName ? 1 : 0);
  if (assigned(a) !== assigned(b)) return assigned(a) - assigned(b);
  const phaseRank = (p: KubeObject) => ({ Pending: 0, Unknown: 1, Running: 2 })[String(rec(p.status).phase)] ?? 0;
  if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
  const ready = (p: KubeObject) => (isPodReady(p) ? 1 : 0);
  if (ready(a) !== ready(b)) return ready(a) - ready(b);
  const readySince = (p: KubeObject) => parseRfc3339(readyCondition(p)?.lastTransitionTime) ?? 0;
  if (ready(a) && readySince(a) !== readySince(b)) return readySince(b) - readySince(a);
  const restarts = (p: KubeObject) => (Array.isArray(rec(p.status).containerStatuses) ? (rec(p.status).containerStatuses as unknown[]).filter(isRecord).reduce((n, c) => n + Number(c.restartCount ?? 0), 0) : 0);
  if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
  const created = (p: KubeObject) => parseRfc3339(p.metadata.creationTimestamp) ?? 0;
  return created(b) - created(a);
}
