/** `kubectl get`: lists or fetches objects and prints the server's Table, or YAML/JSON/names. */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { kindPrefix, resolveResource, type ApiResource } from '../../../client/discovery';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { printTable, type TableResponse } from '../../../kubectl/printers/table-printer';
import { asListOrSingle, toJson, toYaml } from '../../../kubectl/printers/object-printer';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'show-kind', type: 'bool' },
];

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

interface Request {
  resource: ApiResource;
  names: string[];
}

/** Turns `pods,svc nginx` or `pod/nginx deploy/web` into per-type requests (kubectl's resource builder). */
export function parseTargets(k: KubectlContext, args: readonly string[]): Request[] | { error: string } {
  const requests: Request[] = [];
  const find = (typed: string): ApiResource[] | { error: string } => {
    if (typed === 'all') return k.resources().filter((r) => r.categories.includes('all') && r.verbs.includes('list'));
    const r = resolveResource(k.resources(), typed);
    return r ? [r] : { error: `error: the server doesn't have a resource type "${typed}"` };
  };
  if (args.some((a) => a.includes('/'))) {
    for (const a of args) {
      const slash = a.indexOf('/');
      if (slash < 0) return { error: `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'` };
      const found = find(a.slice(0, slash));
      if ('error' in found) return found;
      const r = found[0] as ApiResource;
      const existing = requests.find((x) => x.resource === r);
      if (existing) existing.names.push(a.slice(slash + 1));
      else requests.push({ resource: r, names: [a.slice(slash + 1)] });
    }
    return requests;
  }
  const [types, ...names] = args;
  for (const t of (types ?? '').split(',').filter(Boolean)) {
    const found = find(t);
    if ('error' in found) return found;
    for (const r of found) if (!requests.some((x) => x.resource === r)) requests.push({ resource: r, names: [...names] });
  }
  return requests;
}

export function runGet(k: KubectlContext): number {
  const args = k.flags.positional;
  if (args.length === 0 && !(k.flags.values.get('filename'))) {
    k.err(MISSING_TYPE);
    return 1;
  }
  const output = str(k.flags, 'output') ?? '';
  if (!['', 'wide', 'yaml', 'json', 'name'].includes(output)) {
    k.err(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, args);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  const allNs = bool(k.flags, 'all-namespaces');
  const query: Record<string, string> = {};
  const selector = str(k.flags, 'selector');
  const fieldSelector = str(k.flags, 'field-selector');
  if (selector) query.labelSelector = selector;
  if (fieldSelector) query.fieldSelector = fieldSelector;
  const withKind = targets.length > 1 || args[0] === 'all' || args.some((a) => a.includes('/')) || bool(k.flags, 'show-kind');
  const objects: KubeObject[] = [];
  let printedGroups = 0;
  let status = 0;
  let anyFound = false;
  for (const t of targets) {
    const namespace = t.resource.namespaced && !allNs ? conn.namespace : undefined;
    const base = { group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace };
    const tables: TableResponse[] = [];
    const errorsForType: string[] = [];
    if (t.names.length > 0) {
      for (const name of t.names) {
        if (output === '' || output === 'wide') {
          const r = conn.client.raw({ method: 'GET', path: pathOf(base, name), accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
          if (r.status >= 300) errorsForType.push(statusLine(r.body as never));
          else tables.push(r.body as TableResponse);
        } else {
          const r = conn.client.get({ ...base, name });
          if (!r.ok) errorsForType.push(statusLine(r.status));
          else objects.push(r.value);
        }
      }
    } else if (output === '' || output === 'wide') {
      const r = conn.client.raw({ method: 'GET', path: pathOf(base), query: { ...query, limit: '500' }, accept: 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json' });
      if (r.status >= 300) {
        k.err(statusLine(r.body as never) + '\n');
        return 1;
      }
      tables.push(r.body as TableResponse);
    } else {
      const r = conn.client.list(base, query);
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        return 1;
      }
      for (const item of r.value.items) objects.push({ ...item, apiVersion: item.apiVersion || apiVersionOf(t.resource), kind: item.kind || t.resource.kind });
    }
    if (output === '' || output === 'wide') {
      const rows = tables.flatMap((tb) => tb.rows);
      if (rows.length > 0 && tables[0]) {
        anyFound = true;
        const merged: TableResponse = { ...tables[0], rows };
        if (printedGroups > 0) k.out('\n');
        k.out(printTable(merged, { wide: output === 'wide', noHeaders: bool(k.flags, 'no-headers'), showLabels: bool(k.flags, 'show-labels'), withNamespace: allNs && t.resource.namespaced, kindPrefix: withKind ? kindPrefix(t.resource) : undefined }));
        printedGroups++;
      }
    } else if (output === 'name') {
      for (const o of objects.splice(0)) {
        anyFound = true;
        k.out(`${kindPrefix(t.resource)}/${String(o.metadata.name)}\n`);
      }
    }
    for (const e of errorsForType) {
      if (bool(k.flags, 'ignore-not-found') && e.includes('(NotFound)')) continue;
      k.err(e + '\n');
      status = 1;
    }
  }
  if (output === 'yaml' || output === 'json') {
    if (objects.length === 0 && status === 0) {
      k.out(output === 'json' ? toJson(asListOrSingle([], false)) : toYaml(asListOrSingle([], false)));
      return status;
    }
    if (objects.length === 0) return status;
    const single = targets.length === 1 && (targets[0]?.names.length ?? 0) === 1;
    const value = asListOrSingle(objects, single);
    k.out(output === 'json' ? toJson(value) : toYaml(value));
    return status;
  }
  if (!anyFound && status === 0) {
    const ns = conn.namespace;
    const allClusterScoped = targets.every((t) => !t.resource.namespaced);
    k.err(allNs || allClusterScoped ? 'No resources found\n' : `No resources found in ${ns} namespace.\n`);
  }
  return status;
}

function apiVersionOf(r: ApiResource): string {
  return r.group === '' ? r.version : `${r.group}/${r.version}`;
}

export function pathOf(ref: { group: string; version: string; resource: string; namespace?: string }, name?: string): string {
  const base = ref.group === '' ? `/api/${ref.version}` : `/apis/${ref.group}/${ref.version}`;
  const ns = ref.namespace !== undefined ? `/namespaces/${ref.namespace}` : '';
  return `${base}${ns}/${ref.resource}${name !== undefined ? `/${name}` : ''}`;
}

export function isStatus(value: unknown): boolean {
  return isRecord(value) && value.kind === 'Status';
}
