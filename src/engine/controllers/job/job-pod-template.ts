/**
 * The pod a Job creates from its template (manageJob): Indexed Jobs add the completion index as an
 * annotation, a label, the hostname `<job>-<index>` and the JOB_COMPLETION_INDEX variable (read
 * from the annotation through the downward API), and name pods `<job>-<index>-<suffix>`.
 */
import type { KubeObject } from '../../api/meta';
import { deepCopy, isRecord, text } from '../../api/meta';
import { MAX_GENERATED_BASE_LENGTH } from '../../clock/names';
import { COMPLETION_INDEX_ENV, COMPLETION_INDEX_KEY } from './completion-indexes';

export const JOB_TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function addIndexEnv(containers: unknown): void {
  for (const c of Array.isArray(containers) ? containers.filter(isRecord) : []) {
    const env: unknown[] = Array.isArray(c.env) ? (c.env as unknown[]) : [];
    if (env.some((e) => rec(e).name === COMPLETION_INDEX_ENV)) continue;
    c.env = [...env, { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: `metadata.annotations['${COMPLETION_INDEX_KEY}']` } } }];
  }
}

/** A copy of the Job's pod template, with the completion index when `index` is given. */
export function jobPodTemplate(job: KubeObject, index: number | undefined): Record<string, unknown> {
  const template = deepCopy(rec(rec(job.spec).template));
  if (index === undefined) return template;
  const spec = rec(template.spec);
  addIndexEnv(spec.initContainers);
  addIndexEnv(spec.containers);
  spec.hostname = `${text(job.metadata.name)}-${index}`;
  const meta = rec(template.metadata);
  meta.annotations = { ...rec(meta.annotations), [COMPLETION_INDEX_KEY]: String(index) };
  meta.labels = { ...rec(meta.labels), [COMPLETION_INDEX_KEY]: String(index) };
  template.metadata = meta;
  template.spec = spec;
  return template;
}

/** `<job>-<index>-`, with the job name cut so the prefix fits generateName (podGenerateNameWithIndex). */
export function indexedGenerateName(jobName: string, index: number): string {
  const append = `-${index}-`;
  const prefix = jobName + append;
  return prefix.length > MAX_GENERATED_BASE_LENGTH ? jobName.slice(0, MAX_GENERATED_BASE_LENGTH - append.length) + append : prefix;
}
