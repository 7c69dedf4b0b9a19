/**
 * `kubectl api-resources` and `kubectl api-versions`, from the server's discovery documents:
 * NAME SHORTNAMES APIVERSION NAMESPACED KIND (plus VERBS and CATEGORIES with -o wide), sorted by
 * group and then name; api-versions lists every group/version the server serves, sorted.
 */
import { isRecord } from '../../../api/meta';
import { groupResource } from '../../../client/discovery';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { alignColumns } from '../../../kubectl/printers/table-printer';
import { requireConnection, type KubectlContext } from './context';

export const API_RESOURCES_FLAGS: FlagSpec[] = [
  { name: 'namespaced', type: 'bool' },
  { name: 'api-group', type: 'string' },
  { name: 'verbs', type: 'stringArray' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
  { name: 'sort-by', type: 'string' },
  { name: 'cached', type: 'bool' },
  { name: 'categories', type: 'stringArray' },
];

export function runApiResources(k: KubectlContext): number {
  const output = str(k.flags, 'output') ?? '';
  if (!['', 'wide', 'name'].includes(output)) {
    k.err(`error: --output ${output} is not available\n`);
    return 1;
  }
  const sortBy = str(k.flags, 'sort-by') ?? '';
  if (!['', 'name', 'kind'].includes(sortBy)) {
    k.err(`error: --sort-by accepts only name or kind\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  let resources = [...k.resources()];
  const namespaced = k.flags.values.get('namespaced');
  if (typeof namespaced === 'boolean') resources = resources.filter((r) => r.namespaced === namespaced);
  const group = str(k.flags, 'api-group');
  if (group !== undefined) resources = resources.filter((r) => r.group === group);
  const verbs = (k.flags.values.get('verbs') as string[] | undefined)?.flatMap((v) => v.split(',')) ?? [];
  if (verbs.length) resources = resources.filter((r) => verbs.every((v) => r.verbs.includes(v)));
  const categories = (k.flags.values.get('categories') as string[] | undefined)?.flatMap((v) => v.split(',')) ?? [];
  if (categories.length) resources = resources.filter((r) => categories.every((c) => r.categories.includes(c)));
  const key = (r: (typeof resources)[number]) => (sortBy === 'name' ? r.resource : sortBy === 'kind' ? r.kind : r.group);
  resources.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.resource < b.resource ? -1 : a.resource > b.resource ? 1 : 0));
  if (output === 'name') {
    for (const r of resources) k.out(groupResource(r) + '\n');
    return 0;
  }
  const wide = output === 'wide';
  const rows: string[][] = [];
  if (!bool(k.flags, 'no-headers')) rows.push(wide ? ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', 'VERBS', 'CATEGORIES'] : ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND']);
  for (const r of resources) {
    const row = [r.resource, r.shortNames.join(','), r.group ? `${r.group}/${r.version}` : r.version, String(r.namespaced), r.kind];
    if (wide) row.push(r.verbs.join(','), r.categories.join(','));
    rows.push(row);
  }
  k.out(alignColumns(rows));
  return 0;
}

export function runApiVersions(k: KubectlContext): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const versions: string[] = [];
  const core = conn.client.raw({ method: 'GET', path: '/api' }).body;
  if (isRecord(core) && Array.isArray(core.versions)) versions.push(...core.versions.map(String));
  const groups = conn.client.raw({ method: 'GET', path: '/apis' }).body;
  if (isRecord(groups) && Array.isArray(groups.groups)) {
    for (const g of groups.groups) {
      if (!isRecord(g) || !Array.isArray(g.versions)) continue;
      for (const v of g.versions) if (isRecord(v) && typeof v.groupVersion === 'string') versions.push(v.groupVersion);
    }
  }
  k.out(versions.sort().join('\n') + '\n');
  return 0;
}
