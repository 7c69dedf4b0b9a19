/**
 * A Deployment's status and its Available / Progressing conditions, as the deployment controller
 * computes them (deployment_util.go, progress.go, sync.go): calculateStatus, SetDeploymentCondition
 * (an unchanged status and reason leave the condition alone, a changed reason with the same status
 * keeps lastTransitionTime, a replaced condition moves to the end of the list), checkPausedConditions,
 * the conditions getNewReplicaSet records, syncRolloutStatus's progress estimate and
 * requeueStuckDeployment's delay.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseRfc3339 } from '../../api/time';

/** Condition reasons the deployment controller writes (deploymentutil's *Reason constants). */
export const DeploymentReason = {
  /** Available True: at least replicas − maxUnavailable pods are available. */
  MinimumReplicasAvailable: 'MinimumReplicasAvailable',
  /** Available False. */
  MinimumReplicasUnavailable: 'MinimumReplicasUnavailable',
  /** Progressing True when the controller created the new ReplicaSet. */
  NewReplicaSetCreated: 'NewReplicaSetCreated',
  /** Progressing False when the new ReplicaSet could not be created. */
  ReplicaSetCreateError: 'ReplicaSetCreateError',
  /** Progressing True when the new ReplicaSet existed before a deadline was first estimated. */
  FoundNewReplicaSet: 'FoundNewReplicaSet',
  /** Progressing True, lastUpdateTime refreshed on every sign of progress. */
  ReplicaSetUpdated: 'ReplicaSetUpdated',
  /** Progressing True: the rollout is complete; no more estimates until the next rollout. */
  NewReplicaSetAvailable: 'NewReplicaSetAvailable',
  /** Progressing False: no progress for progressDeadlineSeconds; kubectl rollout status fails on it. */
  ProgressDeadlineExceeded: 'ProgressDeadlineExceeded',
  /** Progressing Unknown while paused, so the paused time never counts against the deadline. */
  DeploymentPaused: 'DeploymentPaused',
  /** Progressing Unknown after a resume: the deadline counts from the resume. */
  DeploymentResumed: 'DeploymentResumed',
} as const;

/** One entry of status.conditions (DeploymentCondition). */
export interface DeploymentCondition {
  lastTransitionTime: string;
  lastUpdateTime: string;
  message: string;
  reason: string;
  status: 'True' | 'False' | 'Unknown';
  type: string;
}

/** A Deployment's status with the fields this module reads and writes (zero counts are omitted). */
export type DeploymentStatus = Record<string, unknown> & { conditions?: DeploymentCondition[] };

const MAX_INT32 = 2147483647;

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

function replicasOf(o: KubeObject): number {
  return num(rec(o.spec).replicas);
}

export function conditionsOf(status: unknown): DeploymentCondition[] {
  const list = rec(status).conditions;
  return Array.isArray(list) ? (list.filter(isRecord) as unknown as DeploymentCondition[]) : [];
}

export function getCondition(conditions: readonly DeploymentCondition[], type: string): DeploymentCondition | undefined {
  return conditions.find((c) => c.type === type);
}

export function newCondition(type: string, status: DeploymentCondition['status'], reason: string, message: string, now: string): DeploymentCondition {
  return { lastTransitionTime: now, lastUpdateTime: now, message, reason, status, type };
}

/** SetDeploymentCondition: the list with `condition` in place of the one of its type. */
export function setCondition(conditions: readonly DeploymentCondition[], condition: DeploymentCondition): DeploymentCondition[] {
  const current = getCondition(conditions, condition.type);
  if (current && current.status === condition.status && current.reason === condition.reason) return [...conditions];
  const next = current && current.status === condition.status ? { ...condition, lastTransitionTime: current.lastTransitionTime } : condition;
  return [...removeCondition(conditions, condition.type), next];
}

export function removeCondition(conditions: readonly DeploymentCondition[], type: string): DeploymentCondition[] {
  return conditions.filter((c) => c.type !== type);
}

/** HasProgressDeadline: progressDeadlineSeconds is set and not MaxInt32. */
export function hasProgressDeadline(d: KubeObject): boolean {
  const deadline = rec(d.spec).progressDeadlineSeconds;
  return typeof deadline === 'number' && deadline !== MAX_INT32;
}

/** intstr percentages: maxSurge rounds up, maxUnavailable down; both zero makes maxUnavailable 1. */
export function resolveFenceposts(maxSurge: unknown, maxUnavailable: unknown, desired: number): { surge: number; unavailable: number } {
  const resolve = (v: unknown, roundUp: boolean) => {
    if (typeof v === 'number') return v;
    const m = /^(\d+)%$/.exec(text(v));
    if (!m) return Number(v) || 0;
    const exact = (Number(m[1]) * desired) / 100;
    return roundUp ? Math.ceil(exact) : Math.floor(exact);
  };
  const surge = resolve(maxSurge ?? '25%', true);
  let unavailable = resolve(maxUnavailable ?? '25%', false);
  if (surge === 0 && unavailable === 0) unavailable = 1;
  return { surge, unavailable };
}

/** MaxUnavailable: 0 for Recreate or no replicas, otherwise the resolved value capped at replicas. */
export function maxUnavailable(d: KubeObject): number {
  const strategy = rec(rec(d.spec).strategy);
  const desired = replicasOf(d);
  if (strategy.type === 'Recreate' || desired === 0) return 0;
  const ru = rec(strategy.rollingUpdate);
  return Math.min(desired, resolveFenceposts(ru.maxSurge, ru.maxUnavailable, desired).unavailable);
}

/**
 * checkPausedConditions: the conditions after a pause (Unknown DeploymentPaused) or a resume
 * (Unknown DeploymentResumed), or undefined when nothing changes. A timed-out rollout keeps its
 * ProgressDeadlineExceeded.
 */
export function pausedConditions(d: KubeObject, now: string): DeploymentCondition[] | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const conditions = conditionsOf(d.status);
  const current = getCondition(conditions, 'Progressing');
  if (current?.reason === DeploymentReason.ProgressDeadlineExceeded) return undefined;
  const pausedRecorded = current?.reason === DeploymentReason.DeploymentPaused;
  const paused = rec(d.spec).paused === true;
  if (paused && !pausedRecorded) return setCondition(conditions, newCondition('Progressing', 'Unknown', DeploymentReason.DeploymentPaused, 'Deployment is paused', now));
  if (!paused && pausedRecorded) return setCondition(conditions, newCondition('Progressing', 'Unknown', DeploymentReason.DeploymentResumed, 'Deployment is resumed', now));
  return undefined;
}

/**
 * getNewReplicaSet's record of the new ReplicaSet: "Created new replica set" when the controller
 * just created it, "Found new replica set" when it existed but no Progressing condition did yet.
 * Undefined when nothing changes.
 */
export function newReplicaSetConditions(d: KubeObject, rsName: string, created: boolean, now: string): DeploymentCondition[] | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  const conditions = conditionsOf(d.status);
  if (created) return setCondition(conditions, newCondition('Progressing', 'True', DeploymentReason.NewReplicaSetCreated, `Created new replica set "${rsName}"`, now));
  if (getCondition(conditions, 'Progressing')) return undefined;
  return setCondition(conditions, newCondition('Progressing', 'True', DeploymentReason.FoundNewReplicaSet, `Found new replica set "${rsName}"`, now));
}

/** getNewReplicaSet when creating the new ReplicaSet failed: Progressing False with the API's error. */
export function failedCreateConditions(d: KubeObject, rsName: string, error: string, now: string): DeploymentCondition[] | undefined {
  if (!hasProgressDeadline(d)) return undefined;
  return setCondition(conditionsOf(d.status), newCondition('Progressing', 'False', DeploymentReason.ReplicaSetCreateError, `Failed to create new replica set "${rsName}": ${error}`, now));
}

/** The status counts of a set of ReplicaSets (GetActualReplicaCountForReplicaSets and friends). */
function sumStatus(replicaSets: readonly KubeObject[], field: string): number {
  return replicaSets.reduce((n, rs) => n + num(rec(rs.status)[field]), 0);
}

/**
 * calculateStatus: replica counts from the ReplicaSets, the previous conditions with Available set
 * for the current availability, observedGeneration and collisionCount. Zero counts are left out,
 * as the API's omitempty does.
 */
export function calculateStatus(d: KubeObject, allRSs: readonly KubeObject[], newRS: KubeObject | undefined, now: string): DeploymentStatus {
  const available = sumStatus(allRSs, 'availableReplicas');
  const total = allRSs.reduce((n, rs) => n + replicasOf(rs), 0);
  const status: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sumStatus(allRSs, 'replicas'),
    updatedReplicas: newRS ? sumStatus([newRS], 'replicas') : 0,
    readyReplicas: sumStatus(allRSs, 'readyReplicas'),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  for (const k of ['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']) if (status[k] === 0) delete status[k];
  const minimum = available >= replicasOf(d) - maxUnavailable(d);
  const availableCondition = minimum
    ? newCondition('Available', 'True', DeploymentReason.MinimumReplicasAvailable, 'Deployment has minimum availability.', now)
    : newCondition('Available', 'False', DeploymentReason.MinimumReplicasUnavailable, 'Deployment does not have minimum availability.', now);
  status.conditions = setCondition(conditionsOf(d.status), availableCondition);
  const collisionCount = rec(d.status).collisionCount;
  if (typeof collisionCount === 'number') status.collisionCount = collisionCount;
  return status;
}

/** DeploymentComplete: every replica is updated and available, and the status is current. */
export function deploymentComplete(d: KubeObject, status: DeploymentStatus): boolean {
  const want = replicasOf(d);
  return num(status.updatedReplicas) === want && num(status.replicas) === want && num(status.availableReplicas) === want && num(status.observedGeneration) >= num(d.metadata.generation);
}

/** DeploymentProgressing: more updated, ready or available pods, or fewer old ones, than last time. */
function madeProgress(d: KubeObject, status: DeploymentStatus): boolean {
  const old = rec(d.status);
  const oldOld = num(old.replicas) - num(old.updatedReplicas);
  const newOld = num(status.replicas) - num(status.updatedReplicas);
  return num(status.updatedReplicas) > num(old.updatedReplicas) || newOld < oldOld || num(status.readyReplicas) > num(old.readyReplicas) || num(status.availableReplicas) > num(old.availableReplicas);
}

/** DeploymentTimedOut: the Progressing condition's lastUpdateTime is more than the deadline ago. */
function timedOut(d: KubeObject, status: DeploymentStatus, nowMs: number): boolean {
  if (!hasProgressDeadline(d)) return false;
  const c = getCondition(status.conditions ?? [], 'Progressing');
  if (!c || c.reason === DeploymentReason.NewReplicaSetAvailable) return false;
  if (c.reason === DeploymentReason.ProgressDeadlineExceeded) return true;
  const from = parseRfc3339(c.lastUpdateTime) ?? 0;
  return from + num(rec(d.spec).progressDeadlineSeconds) * 1000 < nowMs;
}

/**
 * syncRolloutStatus's Progressing condition on `status` (from calculateStatus): removed without a
 * deadline; untouched once the rollout completed; otherwise NewReplicaSetAvailable when complete,
 * ReplicaSetUpdated (re-added with a fresh lastUpdateTime) on any progress, and
 * ProgressDeadlineExceeded once the deadline passed without any.
 */
export function withRolloutProgress(d: KubeObject, status: DeploymentStatus, newRSName: string | undefined, now: string, nowMs: number): DeploymentStatus {
  let conditions = status.conditions ?? [];
  if (!hasProgressDeadline(d)) return { ...status, conditions: removeCondition(conditions, 'Progressing') };
  const current = getCondition(conditionsOf(d.status), 'Progressing');
  const complete = num(status.replicas) === num(status.updatedReplicas) && current?.reason === DeploymentReason.NewReplicaSetAvailable;
  if (complete) return status;
  const subject = newRSName !== undefined ? `ReplicaSet "${newRSName}"` : `Deployment "${text(d.metadata.name)}"`;
  if (deploymentComplete(d, status)) {
    conditions = setCondition(conditions, newCondition('Progressing', 'True', DeploymentReason.NewReplicaSetAvailable, `${subject} has successfully progressed.`, now));
  } else if (madeProgress(d, status)) {
    // Unlike SetDeploymentCondition, progress refreshes lastUpdateTime even with the same reason.
    const condition = newCondition('Progressing', 'True', DeploymentReason.ReplicaSetUpdated, `${subject} is progressing.`, now);
    if (current?.status === 'True') condition.lastTransitionTime = current.lastTransitionTime;
    conditions = setCondition(removeCondition(conditions, 'Progressing'), condition);
  } else if (timedOut(d, status, nowMs)) {
    conditions = setCondition(conditions, newCondition('Progressing', 'False', DeploymentReason.ProgressDeadlineExceeded, `${subject} has timed out progressing.`, now));
  }
  return { ...status, conditions };
}

/**
 * requeueStuckDeployment: how long until the deadline could pass (plus a second), or undefined when
 * there is nothing to wait for. (Kubernetes retries with backoff when under a second is left; one
 * second later is close enough.)
 */
export function stuckRequeueDelayMs(d: KubeObject, status: DeploymentStatus, nowMs: number): number | undefined {
  const current = getCondition(conditionsOf(d.status), 'Progressing');
  if (!hasProgressDeadline(d) || !current) return undefined;
  if (deploymentComplete(d, status) || current.reason === DeploymentReason.ProgressDeadlineExceeded) return undefined;
  const after = (parseRfc3339(current.lastUpdateTime) ?? 0) + num(rec(d.spec).progressDeadlineSeconds) * 1000 - nowMs;
  return Math.max(0, after) + 1000;
}
