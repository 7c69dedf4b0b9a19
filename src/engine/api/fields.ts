/**
 * Field selectors (`?fieldSelector=spec.nodeName=kind-worker,status.phase!=Running`): only `=`, `==`
 * and `!=`, and only the fields each resource supports (others: `field label not supported: x`).
 */
import { text } from '../api/meta';
import type { KubeObject } from './meta';
import { isRecord } from './meta';

export interface FieldRequirement {
  field: string;
  operator: '=' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {}

export function parseFieldSelector(text: string): FieldRequirement[] {
  const out: FieldRequirement[] = [];
  if (text.trim() === '') return out;
  for (const part of text.split(',')) {
    const term = part.trim();
    const ne = term.indexOf('!=');
    const eq2 = term.indexOf('==');
    const eq = term.indexOf('=');
    if (ne > 0) out.push({ field: term.slice(0, ne), operator: '!=', value: term.slice(ne + 2) });
    else if (eq2 > 0) out.push({ field: term.slice(0, eq2), operator: '=', value: term.slice(eq2 + 2) });
    else if (eq > 0) out.push({ field: term.slice(0, eq), operator: '=', value: term.slice(eq + 1) });
    else throw new FieldSelectorError(`invalid selector: '${text}'; can't understand '${term}'`);
  }
  return out;
}

/** Dotted field paths, split once (selectors are matched on every watch event). */
const SPLIT = new Map<string, readonly string[]>();

function path(object: unknown, dotted: string): string {
  let parts = SPLIT.get(dotted);
  if (!parts) SPLIT.set(dotted, (parts = dotted.split('.')));
  let cur: unknown = object;
  for (const part of parts) {
    if (!isRecord(cur)) return '';
    cur = cur[part];
  }
  if (cur === undefined || cur === null) return '';
  return typeof cur === 'string' ? cur : text(cur);
}

/** Fields each resource supports beyond metadata.name / metadata.namespace (from each registry's field set). */
const SUPPORTED: Record<string, readonly string[]> = {
  '/pods': ['spec.nodeName', 'spec.restartPolicy', 'spec.schedulerName', 'spec.serviceAccountName', 'spec.hostNetwork', 'status.phase', 'status.podIP', 'status.nominatedNodeName'],
  '/events': ['involvedObject.kind', 'involvedObject.namespace', 'involvedObject.name', 'involvedObject.uid', 'involvedObject.apiVersion', 'involvedObject.resourceVersion', 'involvedObject.fieldPath', 'reason', 'reportingComponent', 'source', 'type'],
  'events.k8s.io/events': ['regarding.kind', 'regarding.namespace', 'regarding.name', 'regarding.uid', 'reason', 'reportingController', 'type'],
  '/nodes': ['spec.unschedulable'],
  '/secrets': ['type'],
  '/namespaces': ['status.phase'],
  '/replicationcontrollers': ['status.replicas'],
  'apps/replicasets': ['status.replicas'],
  'batch/jobs': ['status.successful'],
  'certificates.k8s.io/certificatesigningrequests': ['spec.signerName'],
};

/** Returns an error message for the first unsupported field, as the API server words it. */
export function checkFieldsSupported(groupResource: string, requirements: readonly FieldRequirement[]): string | undefined {
  const extra = SUPPORTED[groupResource] ?? [];
  for (const r of requirements) {
    if (r.field === 'metadata.name' || r.field === 'metadata.namespace') continue;
    if (!extra.includes(r.field)) return `field label not supported: ${r.field}`;
  }
  return undefined;
}

/** The value a field selector compares for `field` (`''` when absent). */
export function fieldValue(object: KubeObject, field: string): string {
  if (field === 'source') return path(object, 'source.component');
  if (field === 'spec.unschedulable' || field === 'spec.hostNetwork') return path(object, field) === 'true' ? 'true' : 'false';
  return path(object, field);
}

export function matchesFields(requirements: readonly FieldRequirement[], object: KubeObject): boolean {
  for (const r of requirements) {
    const v = fieldValue(object, r.field);
    if (r.operator === '=' ? v !== r.value : v === r.value) return false;
  }
  return true;
}
