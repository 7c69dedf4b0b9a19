/**
 * What a StatefulSet's ControllerRevision holds (the statefulset controller writes it,
 * kubectl's rollout history and undo read it): a strategic merge patch that replaces
 * `spec.template`, serialised as Go re-marshals decoded JSON, with every object's keys sorted, so
 * equal templates always give the same bytes.
 */
import type { KubeObject } from './meta';
import { isRecord } from './meta';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Go's json.Marshal of decoded JSON: object keys sorted, and `<`, `>`, `&`, U+2028/9 escaped. */
export function goJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  if (isRecord(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${goString(k)}:${goJson(value[k])}`).join(',')}}`;
  }
  if (typeof value === 'string') return goString(value);
  return JSON.stringify(value ?? null);
}

function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** getPatch: `{"spec":{"template":{...,"$patch":"replace"}}}` from the set's pod template. */
export function revisionData(set: KubeObject): Record<string, unknown> {
  const template = rec(rec(set.spec).template);
  const metadata = { creationTimestamp: null, ...rec(template.metadata) };
  return JSON.parse(goJson({ spec: { template: { ...template, metadata, $patch: 'replace' } } })) as Record<string, unknown>;
}

/** The pod template a revision restores (ApplyRevision of the template-replacing patch). */
export function revisionTemplate(revision: KubeObject): Record<string, unknown> {
  const template = { ...rec(rec(rec(revision.data).spec).template) };
  delete template.$patch;
  return template;
}

