/**
 * getReplicaFailures (progress.go): the Deployment's ReplicaFailure condition is copied from its
 * ReplicaSets' (the new one's first), both times from the ReplicaSet condition's transition time
 * (ReplicaSetToDeploymentCondition); without one the Deployment's is removed (progressing.ts sets it).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { REPLICA_FAILURE } from '../replicaset/replica-failure';

function failureOf(rs: KubeObject): Record<string, unknown> | undefined {
  const status = isRecord(rs.status) ? rs.status : {};
  const conditions = Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : [];
  return conditions.find((c) => c.type === REPLICA_FAILURE);
}

export function replicaFailureCondition(newRS: KubeObject, allRSs: readonly KubeObject[]): Record<string, unknown> | undefined {
  const c = failureOf(newRS) ?? allRSs.map(failureOf).find((f) => f !== undefined);
  if (!c) return undefined;
  return { lastTransitionTime: c.lastTransitionTime, lastUpdateTime: c.lastTransitionTime, message: c.message, reason: c.reason, status: c.status, type: REPLICA_FAILURE };
}
