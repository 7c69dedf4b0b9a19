/** Discovery as clients use it (kubectl's RESTMapper, the namespace and garbage collectors): resolves what a user typed (`po`, `deploy`, `deployments.apps`) through the API's discovery documents. */
import type { Client } from './client';
import { isRecord } from '../api/meta';

export interface ApiResource {
  group: string;
  version: string;
  resource: string;
  kind: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  categories: string[];
  verbs: string[];
}

/** Lists every resource the server serves (preferred versions), via /api/v1 and /apis. */
export function discover(client: Client): ApiResource[] {
  const out: ApiResource[] = [];
  const addList = (group: string, version: string, body: unknown) => {
    if (!isRecord(body) || !Array.isArray(body.resources)) return;
    for (const r of body.resources) {
      if (!isRecord(r) || typeof r.name !== 'string' || r.name.includes('/')) continue;
      out.push({
        group,
        version,
        resource: r.name,
        kind: String(r.kind),
        singular: typeof r.singularName === 'string' && r.singularName ? r.singularName : String(r.kind).toLowerCase(),
        shortNames: Array.isArray(r.shortNames) ? r.shortNames.map(String) : [],
        namespaced: r.namespaced === true,
        categories: Array.isArray(r.categories) ? r.categories.map(String) : [],
        verbs: Array.isArray(r.verbs) ? r.verbs.map(String) : [],
      });
    }
  };
  const core = client.raw({ method: 'GET', path: '/api/v1' });
  addList('', 'v1', core.body);
  const groups = client.raw({ method: 'GET', path: '/apis' });
  if (isRecord(groups.body) && Array.isArray(groups.body.groups)) {
    for (const g of groups.body.groups) {
      if (!isRecord(g) || !isRecord(g.preferredVersion)) continue;
      const name = String(g.name);
      const version = String(g.preferredVersion.version);
      addList(name, version, client.raw({ method: 'GET', path: `/apis/${name}/${version}` }).body);
    }
  }
  return out;
}

/**
 * Finds the resource a user means. Accepts plural, singular, short name, kind, and
 * `resource.group` / `resource.version.group` forms. Core and well-known groups win ties, as in kubectl's priority order.
 */
export function resolveResource(resources: readonly ApiResource[], typed: string): ApiResource | undefined {
  const text = typed.toLowerCase();
  const dot = text.indexOf('.');
  const name = dot < 0 ? text : text.slice(0, dot);
  const qualifier = dot < 0 ? undefined : text.slice(dot + 1);
  const matchesName = (r: ApiResource) => r.resource === name || r.singular === name || r.shortNames.includes(name) || r.kind.toLowerCase() === name;
  const candidates = resources.filter((r) => {
    if (!matchesName(r)) return false;
    if (qualifier === undefined) return true;
    return r.group === qualifier || `${r.version}.${r.group}` === qualifier || (r.group === '' && qualifier === r.version);
  });
  // Prefer the core group, then apps, then the rest in discovery order (kubectl's priority RESTMapper).
  candidates.sort((a, b) => rank(a.group) - rank(b.group));
  return candidates[0];
}

function rank(group: string): number {
  if (group === '') return 0;
  if (group === 'apps') return 1;
  if (group === 'events.k8s.io') return 99;
  return 2;
}

/** `pod`, `deployment.apps`: the kind prefix of names kubectl prints. */
export function kindPrefix(r: Pick<ApiResource, 'kind' | 'group'>): string {
  return r.group === '' ? r.kind.toLowerCase() : `${r.kind.toLowerCase()}.${r.group}`;
}

/** `pods`, `deployments.apps`: the name errors use. */
export function groupResource(r: Pick<ApiResource, 'resource' | 'group'>): string {
  return r.group === '' ? r.resource : `${r.resource}.${r.group}`;
}
