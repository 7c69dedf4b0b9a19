/**
 * A Job's status as the Job controller keeps it: conditions (JobCondition's field order), the
 * counters, and `uncountedTerminatedPods`, serialised with batch/v1's omitempty rules (`ready`,
 * `terminating` and `uncountedTerminatedPods` are pointers, so they show even when zero or empty).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';

export interface JobCondition {
  type: string;
  status: string;
  lastProbeTime: string;
  lastTransitionTime: string;
  reason?: string;
  message?: string;
}

export interface JobStatus {
  conditions: JobCondition[];
  startTime?: string;
  completionTime?: string;
  active: number;
  succeeded: number;
  failed: number;
  terminating?: number;
  completedIndexes: string;
  uncounted: { succeeded: string[]; failed: string[] };
  ready?: number;
}

function num(v: unknown): number {
  return typeof v === 'number' ? v : 0;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(String) : [];
}

export function readJobStatus(job: KubeObject): JobStatus {
  const s = isRecord(job.status) ? job.status : {};
  const uncounted = isRecord(s.uncountedTerminatedPods) ? s.uncountedTerminatedPods : {};
  return {
    conditions: Array.isArray(s.conditions) ? s.conditions.filter(isRecord).map((c) => ({ ...(c as unknown as JobCondition) })) : [],
    startTime: typeof s.startTime === 'string' ? s.startTime : undefined,
    completionTime: typeof s.completionTime === 'string' ? s.completionTime : undefined,
    active: num(s.active),
    succeeded: num(s.succeeded),
    failed: num(s.failed),
    terminating: typeof s.terminating === 'number' ? s.terminating : undefined,
    completedIndexes: typeof s.completedIndexes === 'string' ? s.completedIndexes : '',
    uncounted: { succeeded: strings(uncounted.succeeded), failed: strings(uncounted.failed) },
    ready: typeof s.ready === 'number' ? s.ready : undefined,
  };
}

export function writeJobStatus(status: JobStatus): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (status.conditions.length) out.conditions = status.conditions;
  if (status.startTime) out.startTime = status.startTime;
  if (status.completionTime) out.completionTime = status.completionTime;
  if (status.active) out.active = status.active;
  if (status.succeeded) out.succeeded = status.succeeded;
  if (status.failed) out.failed = status.failed;
  if (status.terminating !== undefined) out.terminating = status.terminating;
  if (status.completedIndexes) out.completedIndexes = status.completedIndexes;
  const uncounted: Record<string, unknown> = {};
  if (status.uncounted.succeeded.length) uncounted.succeeded = status.uncounted.succeeded;
  if (status.uncounted.failed.length) uncounted.failed = status.uncounted.failed;
  out.uncountedTerminatedPods = uncounted;
  if (status.ready !== undefined) out.ready = status.ready;
  return out;
}

export function newCondition(type: string, status: string, reason: string, message: string, nowMs: number): JobCondition {
  const at = formatRfc3339(nowMs);
  return { type, status, lastProbeTime: at, lastTransitionTime: at, reason, message };
}

export function findCondition(status: JobStatus, type: string): JobCondition | undefined {
  return status.conditions.find((c) => c.type === type);
}

export function conditionTrue(job: KubeObject, type: string): boolean {
  const s = isRecord(job.status) ? job.status : {};
  return Array.isArray(s.conditions) && s.conditions.some((c) => isRecord(c) && c.type === type && c.status === 'True');
}

/** Complete or Failed (IsJobFinished). */
export function isJobFinished(job: KubeObject): boolean {
  return conditionTrue(job, 'Complete') || conditionTrue(job, 'Failed');
}

/**
 * Sets a condition (ensureJobConditionStatus): replaces one of the same type when its status,
 * reason or message differ; never adds a new condition whose status is False. Returns whether the
 * list changed.
 */
export function ensureCondition(status: JobStatus, type: string, value: string, reason: string, message: string, nowMs: number): boolean {
  const i = status.conditions.findIndex((c) => c.type === type);
  const existing = status.conditions[i];
  if (existing) {
    if (existing.status === value && existing.reason === reason && existing.message === message) return false;
    status.conditions[i] = newCondition(type, value, reason, message, nowMs);
    return true;
  }
  if (value === 'False') return false;
  status.conditions.push(newCondition(type, value, reason, message, nowMs));
  return true;
}
