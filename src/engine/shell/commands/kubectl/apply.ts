/** `kubectl apply -f` (client-side apply with the last-applied annotation) and `kubectl create -f`. */
import { goJson, sortKeys } from '../../../kubectl/printers/jsonpath';
import { mergeKeyFor } from '../../../api/merge-keys';
import type { KubeObject } from '../../../api/meta';
import { deepCopy, isRecord } from '../../../api/meta';
import { kindPrefix, type ApiResource } from '../../../client/discovery';
import { parseManifests, type ManifestDocument } from '../../../kubectl/manifests';
import { remoteManifest } from '../../../kubectl/remote-manifests';
import { bool, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { requireConnection, statusLine, type KubectlContext } from './context';
import { LAST_APPLIED, migrateAfterServerSideApply } from './apply-migration';
import { checkOutputFormat, DRY_RUN_FLAG, dryRunOf, printOutcome, VALIDATE_FLAG, validationDirectiveOf, writeQuery } from './common';

export { LAST_APPLIED };

/** What kubectl apply --server-side adds to a conflict error (apply.go). */
const CONFLICT_ADVICE = `Please review the fields above--they currently have other managers. Here
are the ways you can resolve this warning:
* If you intend to manage all of these fields, please re-run the apply
  command with the \`--force-conflicts\` flag.
* If you do not intend to manage all of the fields, please edit your
  manifest to remove references to the fields that should keep their
  current managers.
* You may co-own fields by updating your manifest to match the existing
  value; in this case, you'll become the manager if the other manager(s)
  stop managing the field (remove it from their configuration).
See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts`;

export const APPLY_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  DRY_RUN_FLAG,
  { name: 'output', short: 'o', type: 'string' },
  VALIDATE_FLAG,
  { name: 'server-side', type: 'bool' },
  { name: 'force-conflicts', type: 'bool' },
  { name: 'field-manager', type: 'string' },
  { name: 'prune', type: 'bool' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'save-config', type: 'bool' },
  { name: 'record', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
];

/** Reads every -f source: files, directories (their .yaml/.yml/.json files), or `-` for stdin. */
export function readManifestSources(k: KubectlContext): ManifestDocument[] | undefined {
  const files = strings(k.flags, 'filename');
  if (files.length === 0) {
    k.err('error: must specify one of -f and -k\n\n');
    return undefined;
  }
  const docs: ManifestDocument[] = [];
  const fs = k.shell.machine.fs;
  for (const f of files) {
    if (f === '-') {
      const parsed = parseManifests(k.shell.stdin, 'STDIN');
      if (!parsed.ok) return fail(k, parsed.message);
      docs.push(...parsed.documents);
      continue;
    }
    if (/^https?:\/\//.test(f)) {
      const text = remoteManifest(f);
      if (text === undefined) return fail(k, `error: unable to read URL "${f}", server reported 0 , status code=0`);
      const parsed = parseManifests(text, f);
      if (!parsed.ok) return fail(k, parsed.message);
      docs.push(...parsed.documents);
      continue;
    }
    const path = fs.resolve(k.shell.cwd, f);
    const paths = fs.isDir(path) ? fs.list(path).filter((n) => /\.(ya?ml|json)$/.test(n)).map((n) => ({ path: `${path}/${n}`, shown: `${f.replace(/\/$/, '')}/${n}` })) : [{ path, shown: f }];
    if (!fs.exists(path)) return fail(k, `error: the path "${f}" does not exist`);
    for (const p of paths) {
      const parsed = parseManifests(fs.read(p.path) ?? '', p.shown);
      if (!parsed.ok) return fail(k, parsed.message);
      docs.push(...parsed.documents);
    }
  }
  if (docs.length === 0) {
    k.err('error: no objects passed to apply\n');
    return undefined;
  }
  // kubectl holds each document as a map and sends it as Go marshals one: keys sorted.
  return docs.map((d) => ({ ...d, object: sortKeys(d.object) as KubeObject }));
}

/** cli-runtime's Info.String(): the object's mapping and identity, as kubectl's errors show it. */
export function infoString(r: ApiResource, name: string, namespace: string | undefined): string {
  return `Resource: "${r.group}/${r.version}, Resource=${r.resource}", GroupVersionKind: "${r.group}/${r.version}, Kind=${r.kind}"\nName: "${name}", Namespace: "${namespace ?? ''}"`;
}

function fail(k: KubectlContext, message: string): undefined {
  k.err(message + '\n');
  return undefined;
}

export function resourceFor(k: KubectlContext, object: KubeObject): ApiResource | undefined {
  const slash = object.apiVersion.indexOf('/');
  const group = slash < 0 ? '' : object.apiVersion.slice(0, slash);
  const version = slash < 0 ? object.apiVersion : object.apiVersion.slice(slash + 1);
  const same = k.resources().filter((r) => r.group === group && r.kind === object.kind);
  if (same.length === 0) return undefined;
  return same.find((r) => r.version === version) ?? (group === 'autoscaling' && version === 'v1' ? { ...(same[0] as ApiResource), version } : undefined);
}

function noMatch(object: KubeObject, source: string): string {
  return `error: resource mapping not found for name: "${String(object.metadata.name ?? '')}" namespace: "${String(object.metadata.namespace ?? '')}" from "${source}": no matches for kind "${object.kind}" in version "${object.apiVersion}"\nensure CRDs are installed first`;
}

/**
 * The annotation value, as kubectl builds it: the manifest with its namespace filled in and the
 * annotation itself removed (which leaves `"annotations":{}`), marshalled as Go does (keys sorted,
 * HTML characters escaped), plus a newline.
 */
function lastAppliedOf(object: KubeObject, namespace: string | undefined): string {
  const copy = deepCopy(object);
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  if (namespace !== undefined) copy.metadata.namespace = namespace;
  return goJson(copy) + '\n';
}

/**
 * kubectl's three-way patch: every field of the manifest that differs from the live object is set,
 * every field the previous apply had that the manifest dropped is deleted (null), and keyed lists
 * (containers by name, ports by containerPort, ...) are patched item by item, with
 * `$patch: delete` for items the previous apply had and the manifest dropped, and
 * `$setElementOrder/<list>` giving the manifest's order of the list.
 */
function threeWayPatch(original: unknown, modified: unknown, current: unknown, path: readonly string[] = []): unknown {
  if (!isRecord(modified)) return modified;
  const patch: Record<string, unknown> = {};
  const orig = isRecord(original) ? original : {};
  const live = isRecord(current) ? current : {};
  for (const [key, value] of Object.entries(modified)) {
    if (isRecord(value) && isRecord(live[key])) {
      const sub = threeWayPatch(orig[key], value, live[key], [...path, key]);
      if (isRecord(sub) && Object.keys(sub).length === 0) continue;
      patch[key] = sub;
      continue;
    }
    const mergeKey = mergeKeyFor(key, path);
    const liveList = live[key];
    if (mergeKey && Array.isArray(value) && Array.isArray(liveList) && value.every((v) => isRecord(v) && v[mergeKey] !== undefined)) {
      const items = keyedListPatch(Array.isArray(orig[key]) ? (orig[key] as unknown[]) : [], value as Record<string, unknown>[], liveList, mergeKey, [...path, key]);
      if (items.length) {
        // The patch also says the order of the whole list (strategicpatch's SetElementOrder).
        patch[`$setElementOrder/${key}`] = value.map((v) => ({ [mergeKey]: (v as Record<string, unknown>)[mergeKey] }));
        patch[key] = items;
      }
      continue;
    }
    if (!(key in live) || JSON.stringify(value) !== JSON.stringify(live[key])) patch[key] = value;
  }
  for (const key of Object.keys(orig)) if (!(key in modified) && key in live) patch[key] = null;
  return patch;
}

function keyedListPatch(original: readonly unknown[], modified: readonly Record<string, unknown>[], current: readonly unknown[], mergeKey: string, path: readonly string[]): Record<string, unknown>[] {
  const find = (list: readonly unknown[], key: unknown) => list.find((item) => isRecord(item) && item[mergeKey] === key);
  const items: Record<string, unknown>[] = [];
  for (const item of modified) {
    const liveItem = find(current, item[mergeKey]);
    if (!liveItem) {
      items.push(item);
      continue;
    }
    const sub = threeWayPatch(find(original, item[mergeKey]), item, liveItem, path);
    if (isRecord(sub) && Object.keys(sub).length > 0) items.push({ [mergeKey]: item[mergeKey], ...sub });
  }
  for (const item of original) {
    if (!isRecord(item) || modified.some((m) => m[mergeKey] === item[mergeKey]) || !find(current, item[mergeKey])) continue;
    items.push({ [mergeKey]: item[mergeKey], $patch: 'delete' });
  }
  return items;
}

export function runApply(k: KubectlContext, mode: 'apply' | 'create'): number {
  const validation = validationDirectiveOf(k);
  if (!validation) return 1;
  const docs = readManifestSources(k);
  if (!docs) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  const serverSide = mode === 'apply' && bool(k.flags, 'server-side');
  if (mode === 'apply' && serverSide && dryRun === 'client') {
    k.err(`error: --dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)\n`);
    return 1;
  }
  if (mode === 'apply' && !serverSide && bool(k.flags, 'force-conflicts')) {
    k.err('error: --force-conflicts only works with --server-side\n');
    return 1;
  }
  const manager = str(k.flags, 'field-manager') ?? (mode === 'create' ? 'kubectl-create' : serverSide ? 'kubectl' : 'kubectl-client-side-apply');
  const query = { ...writeQuery(dryRun, validation), fieldManager: manager };
  const suffix = dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : '';
  const outputName = str(k.flags, 'output') === 'name';
  const structured = !['', 'name', 'wide'].includes(str(k.flags, 'output') ?? '');
  if (structured && !checkOutputFormat(k)) return 1;
  let status = 0;
  for (const doc of docs) {
    const object = doc.object;
    const resource = resourceFor(k, object);
    if (!resource) {
      k.err(noMatch(object, doc.source) + '\n');
      status = 1;
      continue;
    }
    const namespace = resource.namespaced ? (typeof object.metadata.namespace === 'string' && object.metadata.namespace ? object.metadata.namespace : conn.namespace) : undefined;
    if (resource.namespaced && conn.namespaceExplicit && object.metadata.namespace && object.metadata.namespace !== conn.namespace) {
      k.err(`error: the namespace from the provided object "${String(object.metadata.namespace)}" does not match the namespace "${conn.namespace}". You must pass '--namespace=${String(object.metadata.namespace)}' to perform this operation.\n`);
      status = 1;
      continue;
    }
    const ref = { group: resource.group, version: resource.version, resource: resource.resource, namespace };
    const name = typeof object.metadata.name === 'string' ? object.metadata.name : '';
    // With -o yaml|json|jsonpath... the object itself is printed (the server's answer, or the manifest on a client dry run).
    const printed = (op: string, result: KubeObject = object) => {
      if (structured) {
        if (!printOutcome(k, result, resource, op, dryRun)) status = 1;
        return;
      }
      k.out(outputName ? `${kindPrefix(resource)}/${name}\n` : `${kindPrefix(resource)}/${name} ${op}${suffix}\n`);
    };
    if (mode === 'apply' && !name && object.metadata.generateName) {
      k.err(`error: from ${String(object.metadata.generateName)}: cannot use generate name with apply\n`);
      status = 1;
      continue;
    }
    if (mode === 'apply' && !name) {
      k.err(`error: error when retrieving current configuration of:\n${infoString(resource, name, namespace)}\nfrom server for: "${doc.source}": resource name may not be empty\n`);
      status = 1;
      continue;
    }
    if (mode === 'create') {
      if (dryRun === 'client') {
        printed('created');
        continue;
      }
      const body = deepCopy(object);
      const r = conn.client.create(ref, body, query);
      if (!r.ok) {
        k.err(statusLine(r.status, { verb: 'creating', source: doc.source }) + '\n');
        status = 1;
      } else if (structured) printed('created', r.value);
      else k.out(outputName ? `${kindPrefix(resource)}/${String(r.value.metadata.name)}\n` : `${kindPrefix(resource)}/${String(r.value.metadata.name)} created${suffix}\n`);
      continue;
    }
    if (serverSide) {
      // The whole manifest goes to the server, which merges it (no GET first, no annotation).
      const body = deepCopy(object);
      if (namespace !== undefined) body.metadata.namespace = namespace;
      const applyQuery = { ...query, force: String(bool(k.flags, 'force-conflicts')) };
      const r = conn.client.patch({ ...ref, name }, 'apply', JSON.stringify(body), applyQuery);
      if (!r.ok) {
        k.err(r.status.reason === 'Conflict' && r.code === 409 ? `error: ${r.status.message ?? ''}\n${CONFLICT_ADVICE}\n` : statusLine(r.status) + '\n');
        status = 1;
        continue;
      }
      printed('serverside-applied', migrateAfterServerSideApply(r.value, { client: conn.client, ref: { ...ref, name }, manager, query: applyQuery, body: JSON.stringify(body) }));
      continue;
    }
    const existing = conn.client.get({ ...ref, name });
    const desired = deepCopy(object);
    // kubectl fills in the namespace it resolved, so the manifest it compares and records carries it.
    if (namespace !== undefined) desired.metadata.namespace = namespace;
    desired.metadata.annotations = { ...(desired.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedOf(object, namespace) };
    if (!existing.ok) {
      if (existing.code !== 404) {
        k.err(statusLine(existing.status, { verb: 'retrieving current configuration of', source: doc.source }) + '\n');
        status = 1;
        continue;
      }
      if (dryRun === 'client') {
        printed('created', desired);
        continue;
      }
      const r = conn.client.create(ref, desired, query);
      if (!r.ok) {
        k.err(statusLine(r.status, { verb: 'creating', source: doc.source }) + '\n');
        status = 1;
      } else printed('created', r.value);
      continue;
    }
    const previousText = existing.value.metadata.annotations?.[LAST_APPLIED];
    let original: unknown = {};
    if (previousText === undefined) {
      k.err(`Warning: resource ${resource.resource}/${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`);
    } else {
      try {
        original = JSON.parse(previousText) as unknown;
      } catch {
        original = {};
      }
    }
    const patch = threeWayPatch(original, desired, existing.value);
    if (dryRun === 'client') {
      printed('configured');
      continue;
    }
    const r = conn.client.patch({ ...ref, name }, 'strategic', patch, query);
    if (!r.ok) {
      k.err(statusLine(r.status, { verb: 'patching', source: doc.source }).replace(/^Error from server \((\w+)\): error when patching/, 'Error from server ($1): error when applying patch:\n' + JSON.stringify(patch) + '\nto:\n' + infoString(resource, name, namespace) + '\nfor:') + '\n');
      status = 1;
      continue;
    }
    printed(r.value.metadata.resourceVersion === existing.value.metadata.resourceVersion ? 'unchanged' : 'configured', r.value);
  }
  return status;
}

