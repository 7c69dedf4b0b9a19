/**
 * kube-apiserver's field manager at the points its handlers call it: every create, update and
 * non-apply patch records an `Update` by the request's manager (`?fieldManager=`, else the part of
 * the User-Agent before its first `/`); an apply patch (`application/apply-patch+yaml`) merges its
 * configuration as structured-merge-diff does (fieldmanager/). The fields are kept in
 * `metadata.managedFields` in kube-apiserver's own FieldsV1 form.
 */
import type { JsonValue, KubeObject, StatusObject } from '../api/meta';
import { deepCopy, isRecord } from '../api/meta';
import { apiVersionOf, type ResourceType } from '../api/resources';
import { KNOWN_FIELDS } from '../api/schema/known-fields.generated';
import { formatRfc3339 } from '../api/time';
import { FieldSet } from './fieldmanager/fieldpath';
import { conflictStatus, decodeManagedFields, encodeManagedFields, trackApply, trackUpdate, type Managers, type WriteContext } from './fieldmanager/managers';
import { zeroObject } from './fieldmanager/schema';

const STATUS = FieldSet.of([['f:status']]);

/** managerOrUserAgent: the fieldManager parameter, else the User-Agent's product name. */
export function managerOf(query: Record<string, string>, userAgent: string): string {
  if (query.fieldManager) return query.fieldManager;
  return [...(userAgent.split('/')[0] ?? '')].filter((ch) => (ch.codePointAt(0) ?? 0) >= 0x20).join('').slice(0, 128);
}

export interface TrackingScope {
  type: ResourceType;
  /** Whether the resource has a status subresource, whose fields the main resource never owns. */
  hasStatus: boolean;
  query: Record<string, string>;
  userAgent: string;
  nowMs: number;
  subresource?: string;
}

function contextOf(scope: TrackingScope): WriteContext {
  const ctx: WriteContext = {
    manager: managerOf(scope.query, scope.userAgent),
    apiVersion: apiVersionOf(scope.type),
    nowIso: formatRfc3339(scope.nowMs),
    ignored: !scope.subresource && scope.hasStatus ? STATUS : new FieldSet(),
  };
  if (scope.subresource) ctx.subresource = scope.subresource;
  return ctx;
}

function store(object: KubeObject, managers: Managers): void {
  const entries = encodeManagedFields(managers);
  if (entries.length) object.metadata.managedFields = entries as unknown as JsonValue[];
  else delete object.metadata.managedFields;
}

/** The top-level fields of a kind, for its Go zero value. */
function kindFields(type: ResourceType): string[] {
  const model = (KNOWN_FIELDS.kinds)[`${apiVersionOf(type)}/${type.kind}`];
  const fields = model ? (KNOWN_FIELDS.models as Record<string, Record<string, unknown>>)[model] : undefined;
  return fields ? Object.keys(fields) : [];
}

/** On create: the creator owns everything it set (the live object is the kind's zero value). */
export function recordCreate(scope: TrackingScope, object: KubeObject): void {
  const provided = decodeManagedFields(object.metadata.managedFields);
  store(object, trackUpdate(provided, zeroObject(scope.type.kind, kindFields(scope.type)), object, contextOf(scope)));
}

/**
 * On update: managedFields the client sent replace the live ones (that is how clients edit them);
 * a request without them, or on a subresource, keeps the live ones.
 */
export function recordUpdate(scope: TrackingScope, previous: KubeObject, next: KubeObject): void {
  const sent = decodeManagedFields(next.metadata.managedFields);
  const base = sent.size > 0 && !scope.subresource ? sent : decodeManagedFields(previous.metadata.managedFields);
  store(next, trackUpdate(base, previous, next, contextOf(scope)));
}

export type AppliedObject = { object: KubeObject } | { status: StatusObject };

/** Server-side apply of `config` onto `live` (undefined: the object is created by the apply). */
export function applyConfiguration(scope: TrackingScope, live: KubeObject | undefined, config: Record<string, unknown>): AppliedObject {
  const force = scope.query.force === 'true';
  const base = live ? deepCopy(live) : (zeroObject(scope.type.kind, kindFields(scope.type)) as KubeObject);
  const managers = decodeManagedFields(live?.metadata.managedFields);
  const result = trackApply(managers, base, config, contextOf(scope), force);
  if ('conflicts' in result) {
    const { message, causes } = conflictStatus(result.conflicts);
    return { status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'Conflict', details: { causes }, code: 409 } };
  }
  const object = result.object as unknown as KubeObject;
  if (!isRecord(object.metadata)) object.metadata = {};
  store(object, result.managers);
  return { object };
}
