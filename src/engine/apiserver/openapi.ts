/**
 * `/openapi/v3`: the index of per-group-version OpenAPI documents, and each document's paths and
 * operations, generated from the resource catalog. Clients use these to learn what an endpoint
 * accepts: kubectl looks for the `fieldValidation` parameter on PATCH to decide that the server
 * validates fields itself, and `kubectl explain` reads the component schemas (openapi-schemas.ts).
 */
import type { ResourceCatalog, ResourceType } from '../api/resources';
import { SERVER_VERSION } from './discovery';
import { componentSchemas, type DocumentKind } from './openapi-schemas';

/** `api/v1`, `apis/apps/v1`: how the v3 index names a group version. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `api/${version}` : `apis/${group}/${version}`;
}

/** Go package of a group's types, as the schema names them (`io.k8s.api.apps.v1.Deployment`). */
function schemaName(type: ResourceType): string {
  if (type.group === 'apiextensions.k8s.io') return `io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.${type.version}.${type.kind}`;
  if (type.group === 'apiregistration.k8s.io') return `io.k8s.kube-aggregator.pkg.apis.apiregistration.${type.version}.${type.kind}`;
  const pkg = type.group === '' ? 'core' : (type.group.split('.')[0] as string);
  return `io.k8s.api.${pkg}.${type.version}.${type.kind}`;
}

/** A short content hash so clients can cache documents, as the real index's `?hash=` does. */
function hashOf(text: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0')).toUpperCase().repeat(8);
}

function groupVersions(catalog: ResourceCatalog): Map<string, ResourceType[]> {
  const byPath = new Map<string, ResourceType[]>();
  for (const type of catalog.all()) {
    const key = groupVersionPath(type.group, type.version);
    const list = byPath.get(key) ?? [];
    list.push(type);
    byPath.set(key, list);
  }
  return byPath;
}

const QUERY = (name: string, description: string) => ({ name, in: 'query', description, schema: { type: 'string', uniqueItems: true } });
const WRITE_PARAMETERS = [
  QUERY('dryRun', 'When present, indicates that modifications should not be persisted.'),
  QUERY('fieldManager', 'A name associated with the actor or entity that is making these changes.'),
  QUERY('fieldValidation', 'How the server handles unknown or duplicate fields in the request body: Ignore, Warn or Strict.'),
];

function operation(type: ResourceType, action: string, withBody: boolean): Record<string, unknown> {
  const ref = { $ref: `#/components/schemas/${schemaName(type)}` };
  return {
    operationId: `${action}${type.kind}`,
    ...(withBody ? { requestBody: { content: { 'application/json': { schema: ref } }, required: true } } : {}),
    responses: { '200': { description: 'OK', content: { 'application/json': { schema: ref } } } },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': { group: type.group, version: type.version, kind: type.kind },
    ...(withBody ? { parameters: WRITE_PARAMETERS } : {}),
  };
}

function document(path: string, types: readonly ResourceType[]): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  const kinds: DocumentKind[] = [];
  for (const type of types) {
    if (type.resource.includes('/')) continue;
    const collection = type.namespaced ? `/${path}/namespaces/{namespace}/${type.resource}` : `/${path}/${type.resource}`;
    const has = (verb: string) => (type.verbs as readonly string[]).includes(verb);
    const collectionOps: Record<string, unknown> = {};
    if (has('list')) collectionOps.get = operation(type, 'list', false);
    if (has('create')) collectionOps.post = operation(type, 'post', true);
    if (has('deletecollection')) collectionOps.delete = operation(type, 'deletecollection', false);
    if (Object.keys(collectionOps).length) paths[collection] = collectionOps;
    const itemOps: Record<string, unknown> = {};
    if (has('get')) itemOps.get = operation(type, 'get', false);
    if (has('update')) itemOps.put = operation(type, 'put', true);
    if (has('patch')) itemOps.patch = operation(type, 'patch', true);
    if (has('delete')) itemOps.delete = operation(type, 'delete', false);
    if (Object.keys(itemOps).length) paths[`${collection}/{name}`] = itemOps;
    kinds.push({ group: type.group, version: type.version, kind: type.kind, component: schemaName(type) });
  }
  const schemas = componentSchemas(kinds);
  const sorted = Object.fromEntries(Object.keys(schemas).sort().map((name) => [name, schemas[name]]));
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion }, paths, components: { schemas: sorted } };
}

/** The body for `GET /openapi/v3[/<group-version path>]`, or undefined for a path it does not know. */
export function openapiV3(catalog: ResourceCatalog, subpath: string): Record<string, unknown> | undefined {
  const byPath = groupVersions(catalog);
  if (subpath === '') {
    const paths: Record<string, unknown> = {};
    for (const [key, types] of byPath) paths[key] = { serverRelativeURL: `/openapi/v3/${key}?hash=${hashOf(JSON.stringify(document(key, types)))}` };
    return { paths };
  }
  const types = byPath.get(subpath);
  return types ? document(subpath, types) : undefined;
}

/**
 * `GET /openapi/v2`: the Swagger 2.0 document, without definitions for now. Empty is safe: kubectl
 * then computes apply patches from its compiled-in types and skips client-side schema validation
 * (the server validates: see the v3 `fieldValidation` parameter).
 */
export function openapiV2(): Record<string, unknown> {
  return { swagger: '2.0', info: { title: 'Kubernetes', version: SERVER_VERSION.gitVersion }, paths: {}, definitions: {} };
}
