/**
 * A read-only `ClusterView` over a running simulation, built only from its public interface: API
 * reads, and a hidden terminal session for what lives outside the API (kind clusters, files).
 */
import type { KubeObject, Simulation } from '../engine';
import type { ClusterView } from './types';

/** `pods` → `/api/v1`, `deployments.apps` → `/apis/apps/v1` (every resource lessons read is served at v1). */
function collectionPath(resource: string, namespace: string | undefined): string {
  const dot = resource.indexOf('.');
  const plural = dot < 0 ? resource : resource.slice(0, dot);
  const group = dot < 0 ? '' : resource.slice(dot + 1);
  const base = group === '' ? '/api/v1' : `/apis/${group}/v1`;
  return namespace === undefined ? `${base}/${plural}` : `${base}/namespaces/${namespace}/${plural}`;
}

export function viewOf(sim: Simulation, history: readonly string[]): ClusterView {
  const hidden = sim.shell.open();
  const run = (line: string): string => {
    let out = '';
    const stop = hidden.onOutput((t) => (out += t));
    hidden.write(line);
    if (hidden.busy()) hidden.signal('SIGINT');
    stop();
    return out;
  };
  return {
    history,
    nowMs: sim.clock.now(),
    get(resource, namespace, name) {
      const r = sim.api.request({ method: 'GET', path: `${collectionPath(resource, namespace)}/${name}` });
      return r.status === 200 ? (r.body as KubeObject) : undefined;
    },
    list(resource, namespace, labelSelector) {
      const r = sim.api.request({ method: 'GET', path: collectionPath(resource, namespace), query: labelSelector ? { labelSelector } : {} });
      const items = r.status === 200 ? (r.body as { items?: KubeObject[] }).items : undefined;
      return items ?? [];
    },
    kindClusters() {
      return run('kind get clusters')
        .split('\n')
        .filter((l) => l !== '' && !l.startsWith('No kind clusters'));
    },
    fileExists(path) {
      return !run(`ls -d ${path}`).includes('No such file');
    },
  };
}
