/**
 * The ReplicaSet's ReplicaFailure condition (calculateStatus in replica_set_utils.go): set once,
 * status True, when managing replicas failed (FailedCreate when pods were missing, FailedDelete
 * when there were too many), with the API error as its message; removed by the first sync that
 * manages replicas without an error. An existing condition is left as it is while errors go on.
 */
import { isRecord } from '../../api/meta';

export const REPLICA_FAILURE = 'ReplicaFailure';

/** The conditions after a sync; `error` is manageReplicas' error text, `diff` active pods minus spec.replicas. */
export function replicaSetConditions(current: unknown, error: string | undefined, diff: number, now: string): Record<string, unknown>[] {
  const conditions = Array.isArray(current) ? current.filter(isRecord) : [];
  const existing = conditions.some((c) => c.type === REPLICA_FAILURE);
  if (error !== undefined && !existing) {
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    return [...conditions, { lastTransitionTime: now, message: error, reason, status: 'True', type: REPLICA_FAILURE }];
  }
  if (error === undefined && existing) return conditions.filter((c) => c.type !== REPLICA_FAILURE);
  return conditions;
}
