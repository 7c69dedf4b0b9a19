/**
 * `kubectl get`: lists or fetches objects and prints the server's Tables (default, `-o wide`,
 * `-L`, `--show-labels`, `--sort-by`), or the objects in another `-o` format; `-w` keeps printing
 * changes from a watch until interrupted.
 */
import type { StatusObject } from '../../../api/meta';
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { kindPrefix, resolveResource, type ApiResource } from '../../../client/discovery';
import { bool, str, strings, type FlagSpec } from '../../../kubectl/flags';
import { printTable, type TableResponse, type TableRow } from '../../../kubectl/printers/table-printer';
import { asListOrSingle } from '../../../kubectl/printers/object-printer';
import { isTableFormat, outputPrinter, PrintError, type OutputPrinter } from '../../../kubectl/printers/output';
import { sortByField } from '../../../kubectl/printers/sort';
import { JsonPathError } from '../../../kubectl/printers/jsonpath';
import { readManifestSources, resourceFor } from './apply';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';
import { watchGet } from './get-watch';

export const GET_FLAGS: FlagSpec[] = [
  { name: 'output', short: 'o', type: 'string' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'field-selector', type: 'string' },
  { name: 'all-namespaces', short: 'A', type: 'bool' },
  { name: 'show-labels', type: 'bool' },
  { name: 'no-headers', type: 'bool' },
  { name: 'watch', short: 'w', type: 'bool' },
  { name: 'watch-only', type: 'bool' },
  { name: 'output-watch-events', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'label-columns', short: 'L', type: 'stringArray' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'recursive', short: 'R', type: 'bool' },
  { name: 'ignore-not-found', type: 'bool' },
  { name: 'chunk-size', type: 'int' },
  { name: 'show-kind', type: 'bool' },
  { name: 'show-managed-fields', type: 'bool' },
  { name: 'allow-missing-template-keys', type: 'bool' },
  { name: 'template', type: 'string' },
  { name: 'server-print', type: 'bool' },
  { name: 'raw', type: 'string' },
  { name: 'subresource', type: 'string' },
];

const MISSING_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples
`;

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

export interface Request {
  resource: ApiResource;
  names: string[];
  /** From -f: the namespace the manifest names. */
  namespace?: string;
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

/** Targets from `-f` manifests: one named request per object. */
export function targetsFromFiles(k: KubectlContext): Request[] | undefined {
  const docs = readManifestSources(k);
  if (!docs) return undefined;
  const out: Request[] = [];
  for (const d of docs) {
    const r = resourceFor(k, d.object);
    if (!r) {
      k.err(`error: unable to recognize "${d.source}": no matches for kind "${d.object.kind}" in version "${d.object.apiVersion}"\n`);
      return undefined;
    }
    const ns = typeof d.object.metadata.namespace === 'string' && d.object.metadata.namespace ? d.object.metadata.namespace : undefined;
    out.push({ resource: r, names: [String(d.object.metadata.name ?? '')], namespace: ns });
  }
  return out;
}

/** cmdutil.UsageErrorf. */
export function usageError(k: KubectlContext, verb: string, message: string): number {
  k.err(`error: ${message}\nSee 'kubectl ${verb} -h' for help and examples\n`);
  return 1;
}

interface Fetched {
  resource: ApiResource;
  table?: TableResponse;
  objects?: KubeObject[];
}

/** `kubectl get --raw /path`: the server's answer as it comes (JSON compact, text as is). */
function runRaw(k: KubectlContext, path: string): number {
  if (!path.startsWith('/')) {
    k.err(`error: --raw must be a valid URL path: parse "${path}": invalid URI for request\nSee 'kubectl get -h' for help and examples\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const [p = '', q = ''] = path.split('?');
  const query = Object.fromEntries(q.split('&').filter(Boolean).map((kv) => [decodeURIComponent(kv.split('=')[0] ?? ''), decodeURIComponent(kv.split('=').slice(1).join('='))]));
  const r = conn.client.raw({ method: 'GET', path: p, query });
  if (r.status >= 300) {
    k.err(statusLine(r.body as never) + '\n');
    return 1;
  }
  k.out(typeof r.body === 'string' ? r.body : JSON.stringify(r.body) + '\n');
  return 0;
}

/**
 * kubectl rewords a BadRequest or NotFound answer to a list, keeping it an API error: "Unable to
 * find "/v1, Resource=pods" that match label selector ..." (resource.Selector's visitor).
 */
function listError(status: StatusObject, resource: { group: string; version: string; resource: string }, query: Record<string, string>): StatusObject {
  if (status.code !== 400 && status.code !== 404) return status;
  const gvr = `${resource.group ? `${resource.group}/` : '/'}${resource.version}, Resource=${resource.resource}`;
  const labels = query.labelSelector ?? '';
  const fields = query.fieldSelector ?? '';
  const message = labels === '' && fields === '' ? `Unable to list "${gvr}": ${status.message ?? ''}` : `Unable to find "${gvr}" that match label selector "${labels}", field selector "${fields}": ${status.message ?? ''}`;
  return { ...status, message };
}

export function runGet(k: KubectlContext): VerbResult {
  const args = k.flags.positional;
  const raw = str(k.flags, 'raw');
  if (raw !== undefined) {
    if (bool(k.flags, 'watch') || str(k.flags, 'selector')) {
      k.err('error: --raw may not be specified with other flags that filter the server request or alter the output\n');
      return 1;
    }
    if (str(k.flags, 'output')) return usageError(k, 'get', '--raw and --output are mutually exclusive');
    return runRaw(k, raw);
  }
  // `-o go-template --template='{{...}}'` (and jsonpath, template): the template comes from --template.
  const templateFlag = str(k.flags, 'template');
  const rawOutput = str(k.flags, 'output') ?? (templateFlag !== undefined ? 'go-template' : '');
  const output = templateFlag !== undefined && ['go-template', 'template', 'jsonpath', 'jsonpath-as-json', 'go-template-file', 'templatefile', 'jsonpath-file'].includes(rawOutput) ? `${rawOutput}=${templateFlag}` : rawOutput;
  const watching = bool(k.flags, 'watch') || bool(k.flags, 'watch-only');
  let printer: OutputPrinter | undefined;
  if (!isTableFormat(output)) {
    const p = outputPrinter(output, { noHeaders: bool(k.flags, 'no-headers'), showManagedFields: bool(k.flags, 'show-managed-fields'), readFile: (path) => k.shell.machine.fs.read(k.shell.machine.fs.resolve(k.shell.cwd, path)) });
    if ('error' in p) {
      k.err(p.error);
      return 1;
    }
    printer = p;
  }
  if (bool(k.flags, 'show-labels') && printer) {
    k.err(`error: --show-labels option cannot be used with ${output.split('=')[0] ?? output} printer\n`);
    return 1;
  }
  if (bool(k.flags, 'output-watch-events') && !watching) return usageError(k, 'get', '--output-watch-events option can only be used with --watch or --watch-only');
  const sortBy = str(k.flags, 'sort-by');
  if (watching && sortBy) k.err('warning: --watch or --watch-only requested, --sort-by will be ignored\n');
  const fromFiles = strings(k.flags, 'filename').length > 0;
  if (args.length === 0 && !fromFiles && !watching) {
    k.err(MISSING_TYPE);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = fromFiles ? targetsFromFiles(k) : parseTargets(k, args);
  if (!targets) return 1;
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  if (targets.length === 0) {
    k.err(MISSING_TYPE);
    return 1;
  }
  if (watching) return watchGet(k, conn, targets, printer);

  const allNs = bool(k.flags, 'all-namespaces');
  const query: Record<string, string> = {};
  const selector = str(k.flags, 'selector');
  const fieldSelector = str(k.flags, 'field-selector');
  if (selector) query.labelSelector = selector;
  if (fieldSelector) query.fieldSelector = fieldSelector;
  const tableQuery: Record<string, string> = sortBy ? { includeObject: 'Object' } : {};
  const fetched: Fetched[] = [];
  const errors: string[] = [];
  const ignoreNotFound = bool(k.flags, 'ignore-not-found');
  for (const t of targets) {
    const namespace = t.resource.namespaced ? (t.namespace ?? (allNs && t.names.length === 0 ? undefined : conn.namespace)) : undefined;
    const base = { group: t.resource.group, version: t.resource.version, resource: t.resource.resource, namespace };
    if (t.names.length > 0) {
      for (const name of t.names) {
        if (!printer) {
          const r = conn.client.raw({ method: 'GET', path: pathOf(base, name), query: tableQuery, accept: TABLE_ACCEPT });
          if (r.status >= 300) {
            if (!(ignoreNotFound && r.status === 404)) errors.push(statusLine(r.body as never));
          } else fetched.push({ resource: t.resource, table: r.body as TableResponse });
        } else {
          const r = conn.client.get({ ...base, name });
          if (!r.ok) {
            if (!(ignoreNotFound && r.code === 404)) errors.push(statusLine(r.status));
          } else fetched.push({ resource: t.resource, objects: [r.value] });
        }
      }
      continue;
    }
    if (!printer) {
      const r = conn.client.raw({ method: 'GET', path: pathOf(base), query: { ...query, ...tableQuery, limit: '500' }, accept: TABLE_ACCEPT });
      if (r.status >= 300) {
        errors.push(statusLine(listError(r.body as StatusObject, t.resource, query)));
        continue;
      }
      fetched.push({ resource: t.resource, table: r.body as TableResponse });
    } else {
      const r = conn.client.list(base, { ...query, limit: '500' });
      if (!r.ok) {
        errors.push(statusLine(listError(r.status, t.resource, query)));
        continue;
      }
      fetched.push({ resource: t.resource, objects: r.value.items.map((item) => ({ ...item, apiVersion: item.apiVersion || apiVersionOf(t.resource), kind: item.kind || t.resource.kind })) });
    }
  }
  let status = errors.length > 0 ? 1 : 0;
  if (printer) {
    const objects = fetched.flatMap((f) => f.objects ?? []);
    const singleItemImplied = !fromFiles && targets.length === 1 && targets[0]?.names.length === 1;
    if (singleItemImplied && errors.length > 0) {
      k.err(errors.join('\n') + '\n');
      return 1;
    }
    if (objects.length === 0 && ignoreNotFound && errors.length === 0) return 0;
    let sorted = objects;
    if (sortBy && objects.length > 1) {
      try {
        sorted = sortByField(objects, sortBy, (o) => o);
      } catch (e) {
        if (e instanceof JsonPathError) {
          k.err(`error: ${e.message}\n`);
          return 1;
        }
        throw e;
      }
    }
    try {
      k.out(printer(asListOrSingle(sorted, singleItemImplied)));
    } catch (e) {
      if (!(e instanceof PrintError)) throw e;
      k.err(e.message);
      status = 1;
    }
    if (errors.length > 0) k.err(errors.join('\n') + '\n');
    return status;
  }

  // Tables: one printer per resource type; kinds prefix names when several types were fetched.
  const kinds = new Set(fetched.map((f) => f.resource));
  const withKind = kinds.size > 1 || bool(k.flags, 'show-kind');
  let written = false;
  const groups: { resource: ApiResource; rows: TableRow[]; table: TableResponse }[] = [];
  for (const f of fetched) {
    if (!f.table) continue;
    const last = groups[groups.length - 1];
    if (last && last.resource === f.resource) last.rows.push(...f.table.rows);
    else groups.push({ resource: f.resource, rows: [...f.table.rows], table: f.table });
  }
  let first = true;
  for (const g of groups) {
    let rows = g.rows;
    if (sortBy && rows.length > 1) {
      try {
        rows = sortByField(rows, sortBy, (row) => row.object);
      } catch (e) {
        if (e instanceof JsonPathError) {
          k.err(`error: ${e.message}\n`);
          return 1;
        }
        throw e;
      }
    }
    const text = printTable(
      { ...g.table, rows },
      {
        wide: output === 'wide',
        noHeaders: bool(k.flags, 'no-headers'),
        showLabels: bool(k.flags, 'show-labels'),
        withNamespace: allNs && g.resource.namespaced,
        withKind: withKind ? kindPrefix(g.resource) : undefined,
        columnLabels: labelColumns(k),
      },
    );
    if (text === '') continue;
    if (!first && written && !bool(k.flags, 'no-headers')) k.out('\n');
    k.out(text);
    written = true;
    first = false;
  }
  if (!written && !ignoreNotFound && errors.length === 0) {
    const allNamespaced = !allNs && targets.every((t) => t.resource.namespaced);
    k.err(allNamespaced ? `No resources found in ${conn.namespace} namespace.\n` : 'No resources found\n');
  }
  if (errors.length > 0) k.err(errors.join('\n') + '\n');
  return status;
}

/** `-L a,b -L c`: every label key asked for, in order. */
export function labelColumns(k: KubectlContext): string[] {
  return strings(k.flags, 'label-columns').flatMap((v) => v.split(',')).map((s) => s.trim()).filter(Boolean);
}

export function apiVersionOf(r: Pick<ApiResource, 'group' | 'version'>): string {
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
