/**
 * Indexed Jobs' completion indexes (indexed_job_utils.go): the index a pod carries in its
 * `batch.kubernetes.io/job-completion-index` annotation, the `status.completedIndexes` text
 * ("0-2,5"), and which indexes still need a pod.
 */
import type { KubeObject } from '../../api/meta';

export const COMPLETION_INDEX_KEY = 'batch.kubernetes.io/job-completion-index';
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';

/** The pod's completion index, or undefined when it has none or it is not a non-negative integer. */
export function completionIndexOf(pod: KubeObject): number | undefined {
  const value = pod.metadata.annotations?.[COMPLETION_INDEX_KEY];
  if (value === undefined || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return Number.isSafeInteger(n) ? n : undefined;
}

/** Parses "1,3-5" into a sorted set of indexes below `completions` (malformed parts are skipped). */
export function parseIndexes(text: unknown, completions: number): Set<number> {
  const out = new Set<number>();
  if (typeof text !== 'string' || text === '') return out;
  for (const part of text.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) continue;
    const first = Number(m[1]);
    const last = Math.min(Number(m[2] ?? m[1]), completions - 1);
    for (let i = first; i <= last; i++) out.add(i);
  }
  return out;
}

/** Formats indexes as Kubernetes does: sorted intervals, "a-b" for runs of two or more. */
export function formatIndexes(indexes: Iterable<number>): string {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] as number) + 1) j++;
    parts.push(i === j ? String(sorted[i]) : `${sorted[i]}-${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(',');
}

/** The lowest `count` indexes below `completions` that neither succeeded nor have an active pod. */
export function firstPendingIndexes(succeeded: Set<number>, active: KubeObject[], count: number, completions: number): number[] {
  const taken = new Set(active.map(completionIndexOf).filter((i): i is number => i !== undefined));
  const out: number[] = [];
  for (let i = 0; i < completions && out.length < count; i++) if (!succeeded.has(i) && !taken.has(i)) out.push(i);
  return out;
}

/** Active pods to remove because their index is missing, out of range or held by another active pod. */
export function duplicateIndexPods(active: KubeObject[], completions: number): KubeObject[] {
  const seen = new Set<number>();
  const out: KubeObject[] = [];
  for (const pod of active) {
    const ix = completionIndexOf(pod);
    if (ix === undefined || ix >= completions || seen.has(ix)) out.push(pod);
    else seen.add(ix);
  }
  return out;
}

/**
 * An Indexed Job's successPolicy (success_policy.go): the first rule met by the succeeded indexes
 * ("Matched rules at index N"). A rule with succeededIndexes needs all of them, or succeededCount
 * of them; a rule with only succeededCount needs that many indexes.
 */
export function matchSuccessPolicy(policy: unknown, completions: number, succeeded: Set<number>): string | undefined {
  if (!policy || typeof policy !== 'object' || succeeded.size === 0) return undefined;
  const rules = (policy as { rules?: unknown }).rules;
  for (const [index, rule] of (Array.isArray(rules) ? rules : []).entries()) {
    const { succeededIndexes, succeededCount } = (rule ?? {}) as { succeededIndexes?: unknown; succeededCount?: unknown };
    const count = typeof succeededCount === 'number' ? succeededCount : undefined;
    if (typeof succeededIndexes === 'string') {
      const required = parseIndexes(succeededIndexes, completions);
      if (required.size === 0) continue;
      const contains = [...required].filter((i) => succeeded.has(i)).length;
      if (contains === required.size || (count !== undefined && contains >= count)) return `Matched rules at index ${index}`;
    } else if (count !== undefined && succeeded.size >= count) return `Matched rules at index ${index}`;
  }
  return undefined;
}
