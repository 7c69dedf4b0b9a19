/**
 * kube-aggregator, the part of kube-apiserver that serves APIs registered by APIService objects
 * with a `spec.service` (metrics-server's v1beta1.metrics.k8s.io): their group appears in `/apis`,
 * and requests under `/apis/<group>/<version>` are proxied to one ready endpoint of that Service,
 * or answered 503 `service unavailable` while the APIService is not Available.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { ApiRequest, ApiResponse } from '../types';

/** Reaches a server on the pod network at `ip:port` (undefined: nothing answers there). */
export type AggregatedBackend = (ip: string, port: number, request: ApiRequest) => ApiResponse | undefined;

/** What the aggregator reads from storage. */
export interface AggregatorStore {
  apiService(name: string): KubeObject | undefined;
  apiServices(): KubeObject[];
  service(namespace: string, name: string): KubeObject | undefined;
  endpointSlices(namespace: string, service: string): KubeObject[];
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** APIServices served by a Service (not by kube-apiserver itself). */
export function remoteAPIServices(store: AggregatorStore): KubeObject[] {
  return store.apiServices().filter((a) => isRecord(rec(a.spec).service));
}

/** The remote APIService a path falls under (`/apis/metrics.k8s.io/v1beta1/...`), if any. */
export function apiServiceForPath(store: AggregatorStore, path: string): KubeObject | undefined {
  const m = /^\/apis\/([^/]+)\/([^/]+)(\/|$)/.exec(path);
  if (!m) return undefined;
  const found = store.apiService(`${m[2] as string}.${m[1] as string}`);
  return found && isRecord(rec(found.spec).service) ? found : undefined;
}

export function isAvailable(apiService: KubeObject): boolean {
  const conditions = Array.isArray(rec(apiService.status).conditions) ? (rec(apiService.status).conditions as unknown[]).filter(isRecord) : [];
  return conditions.some((c) => c.type === 'Available' && c.status === 'True');
}

/** The ready endpoint addresses of the APIService's Service port, sorted. */
export function serviceEndpoints(store: AggregatorStore, apiService: KubeObject): { ip: string; port: number }[] | { missing: 'service' | 'endpoints'; portName: string } {
  const ref = rec(rec(apiService.spec).service);
  const namespace = text(ref.namespace);
  const name = text(ref.name);
  const port = typeof ref.port === 'number' ? ref.port : 443;
  const service = store.service(namespace, name);
  const servicePort = (Array.isArray(rec(service?.spec).ports) ? (rec(service?.spec).ports as unknown[]).filter(isRecord) : []).find((p) => p.port === port);
  const portName = text(servicePort?.name);
  if (!service) return { missing: 'service', portName };
  const out: { ip: string; port: number }[] = [];
  for (const slice of store.endpointSlices(namespace, name)) {
    const slicePort = (Array.isArray(slice.ports) ? slice.ports.filter(isRecord) : []).find((p) => text(p.name) === portName);
    if (!slicePort) continue;
    for (const endpoint of Array.isArray(slice.endpoints) ? slice.endpoints.filter(isRecord) : []) {
      if (rec(endpoint.conditions).ready === false) continue;
      for (const address of Array.isArray(endpoint.addresses) ? endpoint.addresses : []) out.push({ ip: text(address), port: Number(slicePort.port) });
    }
  }
  if (out.length === 0) return { missing: 'endpoints', portName };
  return out.sort((a, b) => (a.ip < b.ip ? -1 : a.ip > b.ip ? 1 : 0));
}

const UNAVAILABLE: ApiResponse = { status: 503, body: 'service unavailable\n' };

/** Proxies a request to the APIService's backend. */
export function proxyToAPIService(store: AggregatorStore, backend: AggregatedBackend | undefined, apiService: KubeObject, request: ApiRequest): ApiResponse {
  if (!isAvailable(apiService) || !backend) return UNAVAILABLE;
  const endpoints = serviceEndpoints(store, apiService);
  if (!Array.isArray(endpoints)) return UNAVAILABLE;
  for (const e of endpoints) {
    const response = backend(e.ip, e.port, request);
    if (response) return response;
  }
  return UNAVAILABLE;
}

/** `/apis` entries of the remote APIServices' groups (one version each here). */
export function remoteGroups(store: AggregatorStore): Record<string, unknown>[] {
  return remoteAPIServices(store).map((a) => {
    const spec = rec(a.spec);
    const gv = { groupVersion: `${text(spec.group)}/${text(spec.version)}`, version: text(spec.version) };
    return { name: text(spec.group), versions: [gv], preferredVersion: gv };
  });
}
