/**
 * Lists every object a cluster holds through the API, the way `kubectl api-resources` + `get`
 * would: discovery first, then one list per resource that supports it. Used for the UI's first
 * mirror (later changes arrive as patches).
 */
import type { KubeObject, Simulation } from '../engine';

const UI_AGENT = 'kubelab-ui';

interface DiscoveredResource {
  name: string;
  kind?: string;
  verbs?: string[];
}

function get(sim: Simulation, path: string): unknown {
  const response = sim.api.request({ method: 'GET', path, userAgent: UI_AGENT });
  return response.status === 200 ? response.body : undefined;
}

function rec(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function list<T>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The group versions to list: core v1 plus the preferred version of every group. */
function groupVersionPaths(sim: Simulation): string[] {
  const groups = list<{ preferredVersion?: { groupVersion?: string } }>(rec(get(sim, '/apis')).groups);
  const preferred = groups.map((g) => g.preferredVersion?.groupVersion).filter((gv): gv is string => typeof gv === 'string');
  return ['/api/v1', ...preferred.map((gv) => `/apis/${gv}`)];
}

/** Listable top-level resources (not subresources such as pods/log). */
function listablePaths(sim: Simulation, groupVersionPath: string): string[] {
  const resources = list<DiscoveredResource>(rec(get(sim, groupVersionPath)).resources);
  return resources.filter((r) => !r.name.includes('/') && (r.verbs ?? []).includes('list')).map((r) => `${groupVersionPath}/${r.name}`);
}

export function listAllObjects(sim: Simulation): KubeObject[] {
  const seen = new Set<string>();
  const objects: KubeObject[] = [];
  for (const groupVersion of groupVersionPaths(sim)) {
    for (const path of listablePaths(sim, groupVersion)) {
      const body = rec(get(sim, path));
      const listKind = typeof body.kind === 'string' ? body.kind : '';
      const kind = listKind.endsWith('List') ? listKind.slice(0, -'List'.length) : listKind;
      const apiVersion = typeof body.apiVersion === 'string' ? body.apiVersion : '';
      for (const item of list<KubeObject>(body.items)) {
        const uid = String(item.metadata.uid);
        // The same object can be served by two groups (events in v1 and events.k8s.io): keep the first.
        if (seen.has(uid)) continue;
        seen.add(uid);
        // Lists leave kind and apiVersion off their items, as the real API server does.
        objects.push({ ...item, kind: item.kind || kind, apiVersion: item.apiVersion || apiVersion });
      }
    }
  }
  return objects;
}
