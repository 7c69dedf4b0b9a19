/**
 * The delay before a Job replaces failed pods (backoff_utils.go): 10 s after the last failure,
 * doubling with each failure since the last success, capped at 10 minutes. A success resets it.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { parseRfc3339 } from '../../api/time';

export const DEFAULT_POD_FAILURE_BACKOFF_MS = 10_000;
export const MAX_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  lastFailureMs?: number;
}

/** When a pod finished: its containers' latest finishedAt, else its deletion or creation time. */
export function podFinishedMs(pod: KubeObject): number {
  const status = isRecord(pod.status) ? pod.status : {};
  const statuses = Array.isArray(status.containerStatuses) ? status.containerStatuses.filter(isRecord) : [];
  let latest: number | undefined;
  let allTerminated = statuses.length > 0;
  for (const s of statuses) {
    const terminated = isRecord(s.state) && isRecord(s.state.terminated) ? s.state.terminated : undefined;
    const at = terminated ? parseRfc3339(terminated.finishedAt) : undefined;
    if (at === undefined) allTerminated = false;
    else latest = Math.max(latest ?? at, at);
  }
  if (allTerminated && latest !== undefined) return latest;
  return parseRfc3339(pod.metadata.deletionTimestamp) ?? parseRfc3339(pod.metadata.creationTimestamp) ?? 0;
}

/** The record after this sync's newly finished pods (newBackoffRecord). */
export function nextBackoffRecord(previous: BackoffRecord, newSucceeded: KubeObject[], newFailed: KubeObject[]): BackoffRecord {
  const failedTimes = newFailed.map(podFinishedMs).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failedTimes.length === 0) return previous;
    return { failuresAfterLastSuccess: previous.failuresAfterLastSuccess + failedTimes.length, lastFailureMs: failedTimes[failedTimes.length - 1] };
  }
  const lastSuccess = Math.max(...newSucceeded.map(podFinishedMs));
  const after = failedTimes.filter((t) => t > lastSuccess);
  return after.length ? { failuresAfterLastSuccess: after.length, lastFailureMs: after[after.length - 1] } : { failuresAfterLastSuccess: 0 };
}

/** How long pod creation must still wait (0 when it may go ahead). */
export function remainingBackoffMs(record: BackoffRecord, nowMs: number): number {
  if (record.failuresAfterLastSuccess === 0 || record.lastFailureMs === undefined) return 0;
  let backoff = DEFAULT_POD_FAILURE_BACKOFF_MS;
  for (let i = 1; i < record.failuresAfterLastSuccess; i++) {
    backoff *= 2;
    if (backoff >= MAX_POD_FAILURE_BACKOFF_MS) {
      backoff = MAX_POD_FAILURE_BACKOFF_MS;
      break;
    }
  }
  const elapsed = nowMs - record.lastFailureMs;
  return backoff < elapsed ? 0 : backoff - elapsed;
}
