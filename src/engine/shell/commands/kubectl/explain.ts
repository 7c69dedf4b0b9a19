/**
 * `kubectl explain RESOURCE[.field...]`: finds the resource through discovery (a `resource.group`
 * prefix picks the group), fetches its group version's `/openapi/v3` document from the server, as
 * kubectl v1.34 does, and prints the plaintext template's output (src/engine/kubectl/explain.ts).
 */
import { isRecord } from '../../../api/meta';
import { groupResource, resolveResource, type ApiResource } from '../../../client/discovery';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { explain } from '../../../kubectl/explain';
import { requireConnection, type KubectlContext } from './context';

export const EXPLAIN_FLAGS: FlagSpec[] = [
  { name: 'api-version', type: 'string' },
  { name: 'recursive', type: 'bool' },
  { name: 'output', type: 'string' },
];

/** SplitAndParseResourceRequestWithMatchingPrefix: the resource, and the fields after it. */
function splitRequest(resources: readonly ApiResource[], input: string, matchGroup: boolean): { resource: ApiResource; fields: string[] } | undefined {
  const parts = input.split('.');
  const name = parts[0] as string;
  if (matchGroup) {
    for (let end = parts.length; end >= 2; end--) {
      const prefix = parts.slice(0, end).join('.');
      const r = resolveResource(resources, prefix);
      if (r && groupResource(r) === prefix) return { resource: r, fields: parts.slice(end) };
    }
  }
  const r = resolveResource(resources, name);
  return r ? { resource: r, fields: parts.slice(1) } : undefined;
}

export function runExplain(k: KubectlContext): number {
  const args = k.flags.positional;
  if (args.length === 0) {
    k.err('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    return 1;
  }
  if (args.length > 1) {
    k.err('error: We accept only this format: explain RESOURCE\n');
    return 1;
  }
  const output = str(k.flags, 'output') ?? 'plaintext';
  if (output !== 'plaintext') {
    k.err(`error: unrecognized format: ${output}\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const input = args[0] as string;
  const apiVersion = str(k.flags, 'api-version') ?? '';
  const found = splitRequest(k.resources(), input, apiVersion === '');
  if (!found) {
    // A no-match error: kubectl prints it without the `error: ` prefix.
    k.err(`the server doesn't have a resource type "${input.split('.')[0] ?? ''}"\n`);
    return 1;
  }
  let { group, version } = found.resource;
  if (apiVersion !== '') {
    const slash = apiVersion.indexOf('/');
    group = slash < 0 ? '' : apiVersion.slice(0, slash);
    version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  }
  const path = group === '' ? `api/${version}` : `apis/${group}/${version}`;
  const index = conn.client.raw({ method: 'GET', path: '/openapi/v3' });
  const entry = isRecord(index.body) && isRecord(index.body.paths) ? index.body.paths[path] : undefined;
  if (!isRecord(entry)) {
    k.err(`error: couldn't find resource for "${group}/${version}, Resource=${found.resource.resource}"\n`);
    return 1;
  }
  const doc = conn.client.raw({ method: 'GET', path: `/openapi/v3/${path}` });
  if (!isRecord(doc.body)) {
    k.err(`error: failed to fetch openapi schema for ${path}\n`);
    return 1;
  }
  const result = explain(doc.body, { group, version, resource: found.resource.resource, fieldPath: found.fields, recursive: bool(k.flags, 'recursive') });
  k.out(result.out);
  if (result.error === undefined) return 0;
  k.err(result.error + '\n');
  return 1;
}
