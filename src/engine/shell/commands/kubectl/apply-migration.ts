/**
 * What `kubectl apply --server-side` does after a successful apply to an object client-side apply
 * managed before (apply.go saveLastApplyAnnotationIfNecessary, migrateToSSAIfNecessary and
 * client-go's csaupgrade): with the default manager it keeps the last-applied annotation owned by
 * a `kubectl-last-applied` applier, then folds the client-side managers' fields into its own Apply
 * entry with a JSON patch of metadata.managedFields, and sends the apply again.
 */
import type { JsonValue, KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import type { Client, ResourceRef } from '../../../client';
import { FieldSet } from '../../../apiserver/fieldmanager/fieldpath';

/** The annotation client-side apply keeps the manifest it applied in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const LAST_APPLIED_PATH = ['f:metadata', 'f:annotations', `f:${LAST_APPLIED}`];
const SERVER_SIDE_MANAGER = 'kubectl';
const LAST_APPLIED_MANAGER = 'kubectl-last-applied';

type Entry = Record<string, unknown>;

function entriesOf(object: KubeObject): Entry[] {
  return (object.metadata.managedFields ?? []).filter(isRecord) as Entry[];
}

/** csaupgrade.FindFieldsOwners for the annotation's path. */
function annotationOwners(object: KubeObject, operation: 'Apply' | 'Update'): Entry[] {
  return entriesOf(object).filter((e) => e.operation === operation && FieldSet.fromFieldsV1(e.fieldsV1).has(LAST_APPLIED_PATH));
}

const same = (e: Entry, manager: string, operation: string) => e.manager === manager && e.operation === operation && (e.subresource ?? '') === '';

/** upgradedManagedFields for one client-side manager; the entries unchanged when there is nothing to do. */
function upgraded(entries: Entry[], csaManager: string, ssaManager: string): Entry[] {
  const copy = entries.map((e) => ({ ...e }));
  let index = copy.findIndex((e) => same(e, ssaManager, 'Apply'));
  if (index < 0) {
    index = copy.findIndex((e) => same(e, csaManager, 'Update'));
    if (index < 0) return copy;
    copy[index] = { ...(copy[index] as Entry), operation: 'Apply', manager: ssaManager };
  }
  const target = copy[index] as Entry;
  const csa = copy.find((e) => same(e, csaManager, 'Update') && e.apiVersion === target.apiVersion);
  const combined = csa ? FieldSet.fromFieldsV1(target.fieldsV1).union(FieldSet.fromFieldsV1(csa.fieldsV1)) : FieldSet.fromFieldsV1(target.fieldsV1);
  target.fieldsV1 = combined.toFieldsV1();
  return copy.filter((e) => !same(e, csaManager, 'Update'));
}

export interface MigrationRequest {
  client: Client;
  ref: ResourceRef & { name: string };
  manager: string;
  /** The query of the apply (dryRun, fieldValidation, fieldManager, force). */
  query: Record<string, string>;
  body: string;
}

/** The object after the follow-up requests, as kubectl refreshes it from each answer. */
export function migrateAfterServerSideApply(applied: KubeObject, req: MigrationRequest): KubeObject {
  let object = applied;
  const annotation = object.metadata.annotations?.[LAST_APPLIED];
  const { force: _force, ...helperQuery } = req.query;
  if (req.manager === SERVER_SIDE_MANAGER && annotation !== undefined && annotationOwners(object, 'Apply').length === 0) {
    const justAnnotation: Record<string, unknown> = { apiVersion: object.apiVersion, kind: object.kind, metadata: { annotations: { [LAST_APPLIED]: annotation }, name: object.metadata.name, ...(object.metadata.namespace ? { namespace: object.metadata.namespace } : {}) } };
    const r = req.client.patch(req.ref, 'apply', JSON.stringify(justAnnotation), { ...helperQuery, fieldManager: LAST_APPLIED_MANAGER });
    if (!r.ok) return object;
    object = r.value;
  }
  const csaManagers = [...new Set(annotationOwners(object, 'Update').map((e) => String(e.manager)))];
  let entries = entriesOf(object);
  for (const m of csaManagers) entries = upgraded(entries, m, req.manager);
  if (JSON.stringify(entries) === JSON.stringify(entriesOf(object))) return object;
  const patch = [
    { op: 'replace', path: '/metadata/managedFields', value: entries as unknown as JsonValue },
    { op: 'replace', path: '/metadata/resourceVersion', value: object.metadata.resourceVersion ?? '' },
  ];
  const migrated = req.client.patch(req.ref, 'json', patch, helperQuery);
  if (!migrated.ok) return object;
  const again = req.client.patch(req.ref, 'apply', req.body, req.query);
  return again.ok ? again.value : migrated.value;
}
