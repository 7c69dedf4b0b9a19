/**
 * A Job's podFailurePolicy (pod_failure_policy.go): the first rule matching a failed pod decides
 * whether it fails the whole Job (FailJob), is not counted toward backoffLimit (Ignore), or is
 * counted as usual (Count). Rules match a terminated container's non-zero exit code (In/NotIn,
 * optionally one container) or a pod condition. FailIndex needs backoffLimitPerIndex, which is
 * not modelled.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';

export interface PolicyMatch {
  /** The Job failure message, for a FailJob rule. */
  failJobMessage?: string;
  /** Whether the failure counts toward backoffLimit. */
  countFailed: boolean;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function recs(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

export function podFailurePolicyOf(job: KubeObject): Record<string, unknown> | undefined {
  const policy = rec(job.spec).podFailurePolicy;
  return isRecord(policy) ? policy : undefined;
}

function matchExitCodes(pod: KubeObject, requirement: Record<string, unknown>): { name: string; exitCode: number } | undefined {
  const status = rec(pod.status);
  const values = Array.isArray(requirement.values) ? requirement.values : [];
  for (const list of [status.containerStatuses, status.initContainerStatuses]) {
    for (const c of recs(list)) {
      const terminated = rec(rec(c.state).terminated);
      const exitCode = terminated.exitCode;
      if (typeof exitCode !== 'number' || exitCode === 0) continue;
      if (typeof requirement.containerName === 'string' && requirement.containerName !== c.name) continue;
      const listed = values.includes(exitCode);
      if ((requirement.operator === 'In' && listed) || (requirement.operator === 'NotIn' && !listed)) return { name: String(c.name), exitCode };
    }
  }
  return undefined;
}

function matchPodConditions(pod: KubeObject, patterns: Record<string, unknown>[]): string | undefined {
  for (const condition of recs(rec(pod.status).conditions)) {
    for (const pattern of patterns) if (condition.type === pattern.type && condition.status === (pattern.status ?? 'True')) return String(condition.type);
  }
  return undefined;
}

/** What the policy says about a failed pod (no policy: it counts). */
export function matchPodFailurePolicy(policy: Record<string, unknown> | undefined, pod: KubeObject): PolicyMatch {
  if (!policy) return { countFailed: true };
  const where = `${String(pod.metadata.namespace)}/${String(pod.metadata.name)}`;
  for (const [index, rule] of recs(policy.rules).entries()) {
    let failJobMessage: string | undefined;
    if (isRecord(rule.onExitCodes)) {
      const container = matchExitCodes(pod, rule.onExitCodes);
      if (!container) continue;
      failJobMessage = `Container ${container.name} for pod ${where} failed with exit code ${container.exitCode} matching FailJob rule at index ${index}`;
    } else if (Array.isArray(rule.onPodConditions)) {
      const condition = matchPodConditions(pod, recs(rule.onPodConditions));
      if (!condition) continue;
      failJobMessage = `Pod ${where} has condition ${condition} matching FailJob rule at index ${index}`;
    } else continue;
    if (rule.action === 'Ignore') return { countFailed: false };
    if (rule.action === 'Count') return { countFailed: true };
    if (rule.action === 'FailJob') return { failJobMessage, countFailed: true };
  }
  return { countFailed: true };
}
