/** Discovery documents (/api, /apis, /api/v1, /apis/<group>/<version>) built from the resource catalog. */
import type { ResourceCatalog, ResourceType } from '../api/resources';

export const SERVER_VERSION = {
  major: '1',
  minor: '34',
  emulationMajor: '1',
  emulationMinor: '34',
  minCompatibilityMajor: '1',
  minCompatibilityMinor: '33',
  gitVersion: 'v1.34.0',
  gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45',
  gitTreeState: 'clean',
  buildDate: '2025-08-27T10:09:17Z',
  goVersion: 'go1.24.6',
  compiler: 'gc',
  platform: 'linux/amd64',
} as const;

export function apiVersions(serverAddress: string): Record<string, unknown> {
  return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }] };
}

function groupEntry(group: string, versions: readonly string[]): Record<string, unknown> {
  const preferred = versions[0] as string;
  return {
    name: group,
    versions: versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v })),
    preferredVersion: { groupVersion: `${group}/${preferred}`, version: preferred },
  };
}

export function apiGroupList(catalog: ResourceCatalog): Record<string, unknown> {
  const groups = catalog.groupVersions().filter((g) => g.group !== '');
  return { kind: 'APIGroupList', apiVersion: 'v1', groups: groups.map((g) => groupEntry(g.group, g.versions)) };
}

export function apiGroup(catalog: ResourceCatalog, group: string): Record<string, unknown> | undefined {
  const g = catalog.groupVersions().find((x) => x.group === group && group !== '');
  return g ? { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(g.group, g.versions) } : undefined;
}

function resourceEntries(t: ResourceType): Record<string, unknown>[] {
  const main: Record<string, unknown> = { name: t.resource, singularName: t.singular, namespaced: t.namespaced, kind: t.kind, verbs: [...t.verbs] };
  if (t.shortNames.length) main.shortNames = [...t.shortNames];
  if (t.categories.length) main.categories = [...t.categories];
  const subs = t.subresources.map((s) => {
    const verbs = s === 'status' || s === 'scale' ? ['get', 'patch', 'update'] : s === 'log' ? ['get'] : s === 'binding' || s === 'eviction' || s === 'token' ? ['create'] : ['create', 'get'];
    const kind = s === 'scale' ? 'Scale' : s === 'binding' ? 'Binding' : s === 'eviction' ? 'Eviction' : s === 'token' ? 'TokenRequest' : s === 'status' ? t.kind : s === 'log' ? 'Pod' : `${t.kind}${s[0]?.toUpperCase() ?? ''}${s.slice(1)}Options`;
    // A subresource served as another group's kind names that group (kubectl drain looks for
    // pods/eviction with group policy to know it may evict rather than delete).
    const groupVersion = s === 'scale' ? { group: 'autoscaling', version: 'v1' } : s === 'eviction' ? { group: 'policy', version: 'v1' } : {};
    return { name: `${t.resource}/${s}`, singularName: '', namespaced: t.namespaced, ...groupVersion, kind, verbs };
  });
  return [main, ...subs];
}

export function apiResourceList(catalog: ResourceCatalog, group: string, version: string): Record<string, unknown> | undefined {
  const types = catalog.inGroupVersion(group, version);
  if (types.length === 0) return undefined;
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group === '' ? version : `${group}/${version}`,
    resources: types.flatMap(resourceEntries),
  };
}
