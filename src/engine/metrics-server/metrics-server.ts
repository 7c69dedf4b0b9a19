/**
 * metrics-server (v0.8.0), the process in its pod: every `--metric-resolution` (15 s) it scrapes
 * `/metrics/resource` of every node's kubelet on the node's InternalIP, keeps the last two samples
 * of each node and container, and serves their rates as the metrics.k8s.io/v1beta1 API (NodeMetrics,
 * PodMetrics) that kube-apiserver proxies to it through the APIService. It answers /readyz with 200
 * once it has metrics to serve.
 *
 * On kind the kubelets' serving certificates are self-signed and carry no IP SANs, so without
 * `--kubelet-insecure-tls` every scrape fails with the TLS error below, the pod never turns Ready
 * and the APIService stays unavailable (MissingEndpoints), as on a real kind cluster.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { formatRfc3339 } from '../api/time';
import type { Client } from '../client';
import type { SimLoop } from '../clock';
import type { NodeResourceMetrics } from '../kubelet/resource-metrics';
import type { Program } from '../kubelet/runtime/sh-interpreter';
import type { ApiRequest, ApiResponse } from '../types';

export const METRICS_GROUP_VERSION = 'metrics.k8s.io/v1beta1';

interface Sample {
  atMs: number;
  cpuNanos: number;
  memoryBytes: number;
}

/** The last two samples of one node or container: rates need both. */
interface Series {
  previous?: Sample;
  last: Sample;
}

export interface MetricsServerDeps {
  client: Client;
  loop: SimLoop;
  /** The kubelet listening on `ip:10250`, if any answers there. */
  kubeletAt(ip: string): { resourceMetrics(): NodeResourceMetrics } | undefined;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** klog's header: `E0901 09:01:02.123456       1 scraper.go:149] `. */
function klog(severity: 'I' | 'E', nowMs: number, source: string): string {
  const d = new Date(nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String((nowMs % 1000) * 1000).padStart(6, '0');
  return `${severity}${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}       1 ${source}] `;
}

function rate(series: Series): { cpuNanocores: number; memoryBytes: number; windowMs: number; atMs: number } | undefined {
  const { previous, last } = series;
  if (!previous || last.atMs <= previous.atMs || last.cpuNanos < previous.cpuNanos) return undefined;
  const windowMs = last.atMs - previous.atMs;
  return { cpuNanocores: Math.round(((last.cpuNanos - previous.cpuNanos) * 1000) / windowMs), memoryBytes: last.memoryBytes, windowMs, atMs: last.atMs };
}

function goSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

export class MetricsServer {
  private readonly nodes = new Map<string, Series>();
  /** By `namespace/pod`, then container name. */
  private readonly pods = new Map<string, Map<string, Series>>();
  private readonly nodeOfPod = new Map<string, string>();
  private readonly resolutionMs: number;
  private readonly insecureTLS: boolean;

  constructor(
    private readonly deps: MetricsServerDeps,
    argv: readonly string[],
  ) {
    const resolution = argv.find((a) => a.startsWith('--metric-resolution='))?.split('=')[1] ?? '15s';
    this.resolutionMs = (Number(resolution.replace(/s$/, '')) || 15) * 1000;
    this.insecureTLS = argv.some((a) => a === '--kubelet-insecure-tls' || a === '--kubelet-insecure-tls=true');
  }

  /** The container's main process: startup lines, then a scrape every resolution period. */
  *program(): Program {
    const now = () => this.deps.loop.nowMs();
    // UNVERIFIED: the exact startup lines of v0.8.0.
    yield { kind: 'write', stream: 'stderr', text: `${klog('I', now(), 'serving.go:380')}Generated self-signed cert (/tmp/apiserver.crt, /tmp/apiserver.key)\n` };
    yield { kind: 'write', stream: 'stderr', text: `${klog('I', now(), 'handler.go:288')}Adding GroupVersion metrics.k8s.io v1beta1 to ResourceManager\n` };
    yield { kind: 'write', stream: 'stderr', text: `${klog('I', now(), 'secure_serving.go:213')}Serving securely on [::]:10250\n` };
    for (;;) {
      for (const line of this.scrape()) yield { kind: 'write', stream: 'stderr', text: line };
      yield { kind: 'sleep', ms: this.resolutionMs };
    }
  }

  /** One scrape of every node; returns the log lines of the failures. */
  private scrape(): string[] {
    const nodes = this.deps.client.list({ group: '', version: 'v1', resource: 'nodes' });
    if (!nodes.ok) return [];
    const errors: string[] = [];
    for (const node of nodes.value.items) {
      const name = text(node.metadata.name);
      const addresses = Array.isArray(rec(node.status).addresses) ? (rec(node.status).addresses as unknown[]).filter(isRecord) : [];
      const ip = text(addresses.find((a) => a.type === 'InternalIP')?.address);
      const url = `https://${ip}:10250/metrics/resource`;
      const kubelet = this.deps.kubeletAt(ip);
      const now = this.deps.loop.nowMs();
      if (!kubelet) {
        errors.push(`${klog('E', now, 'scraper.go:149')}"Failed to scrape node" err="Get \\"${url}\\": dial tcp ${ip}:10250: connect: no route to host" node="${name}"\n`);
        continue;
      }
      if (!this.insecureTLS) {
        errors.push(`${klog('E', now, 'scraper.go:149')}"Failed to scrape node" err="Get \\"${url}\\": tls: failed to verify certificate: x509: cannot validate certificate for ${ip} because it doesn't contain any IP SANs" node="${name}"\n`);
        continue;
      }
      this.store(kubelet.resourceMetrics());
    }
    return errors;
  }

  private store(m: NodeResourceMetrics): void {
    const push = (map: Map<string, Series>, key: string, sample: Sample) => {
      const old = map.get(key);
      map.set(key, { previous: old?.last, last: sample });
    };
    push(this.nodes, m.nodeName, { atMs: m.timestampMs, ...m.node });
    // Pods this node no longer runs drop out of the storage.
    const present = new Set(m.pods.map((p) => `${p.namespace}/${p.name}`));
    for (const [key, node] of this.nodeOfPod) {
      if (node !== m.nodeName || present.has(key)) continue;
      this.pods.delete(key);
      this.nodeOfPod.delete(key);
    }
    for (const pod of m.pods) {
      const key = `${pod.namespace}/${pod.name}`;
      this.nodeOfPod.set(key, m.nodeName);
      const containers = this.pods.get(key) ?? new Map<string, Series>();
      for (const c of pod.containers) {
        const old = containers.get(c.name);
        // A restarted container starts a new counter: its old sample cannot make a rate.
        const sample = { atMs: m.timestampMs, cpuNanos: c.cpuNanos, memoryBytes: c.memoryBytes };
        containers.set(c.name, { previous: old && old.last.cpuNanos <= c.cpuNanos ? old.last : undefined, last: sample });
      }
      this.pods.set(key, containers);
    }
  }

  /** `/readyz`: ready once some node has a rate to serve (metric-storage-ready). */
  readyz(): number {
    return [...this.nodes.values()].some((s) => rate(s) !== undefined) ? 200 : 500;
  }

  /** A request kube-apiserver proxied here (`/apis/metrics.k8s.io/v1beta1/...`). */
  handle(request: ApiRequest): ApiResponse {
    const prefix = `/apis/${METRICS_GROUP_VERSION}`;
    const rest = request.path.startsWith(prefix) ? request.path.slice(prefix.length).replace(/\/$/, '') : undefined;
    if (rest === undefined) return notFound();
    if (rest === '') return { status: 200, body: RESOURCE_LIST };
    const parts = rest.split('/').filter(Boolean);
    const query = request.query ?? {};
    if (parts[0] === 'nodes' && parts.length <= 2) return this.nodeMetrics(parts[1], query);
    if (parts[0] === 'pods' && parts.length === 1) return this.podMetrics(undefined, undefined, query);
    if (parts[0] === 'namespaces' && parts[2] === 'pods' && parts.length <= 4) return this.podMetrics(parts[1], parts[3], query);
    return notFound();
  }

  private nodeMetrics(name: string | undefined, query: Record<string, string>): ApiResponse {
    const nodes = this.deps.client.list({ group: '', version: 'v1', resource: 'nodes' }, query.labelSelector ? { labelSelector: query.labelSelector } : {});
    const items: Record<string, unknown>[] = [];
    for (const node of nodes.ok ? nodes.value.items : []) {
      if (name !== undefined && node.metadata.name !== name) continue;
      const series = this.nodes.get(text(node.metadata.name));
      const r = series ? rate(series) : undefined;
      if (!r) continue;
      items.push({ metadata: this.meta(node, false), timestamp: formatRfc3339(r.atMs), window: goSeconds(r.windowMs), usage: { cpu: `${r.cpuNanocores}n`, memory: `${Math.round(r.memoryBytes / 1024)}Ki` } });
    }
    if (name !== undefined) return items[0] ? { status: 200, body: { kind: 'NodeMetrics', apiVersion: METRICS_GROUP_VERSION, ...items[0] } } : metricsNotFound('nodemetrics', name);
    return { status: 200, body: { kind: 'NodeMetricsList', apiVersion: METRICS_GROUP_VERSION, metadata: {}, items } };
  }

  private podMetrics(namespace: string | undefined, name: string | undefined, query: Record<string, string>): ApiResponse {
    const pods = this.deps.client.list({ group: '', version: 'v1', resource: 'pods', namespace }, query.labelSelector ? { labelSelector: query.labelSelector } : {});
    const items: Record<string, unknown>[] = [];
    for (const pod of pods.ok ? pods.value.items : []) {
      if (name !== undefined && pod.metadata.name !== name) continue;
      const containers = this.pods.get(`${text(pod.metadata.namespace)}/${text(pod.metadata.name)}`);
      if (!containers) continue;
      const rates = [...containers.entries()].map(([c, s]) => [c, rate(s)] as const);
      // A pod is served only when every container has a rate (metrics-server skips partial pods).
      if (rates.length === 0 || rates.some(([, r]) => r === undefined)) continue;
      const first = rates[0]?.[1];
      if (!first) continue;
      items.push({
        metadata: this.meta(pod, true),
        timestamp: formatRfc3339(first.atMs),
        window: goSeconds(first.windowMs),
        containers: rates.map(([c, r]) => ({ name: c, usage: { cpu: `${r?.cpuNanocores ?? 0}n`, memory: `${Math.round((r?.memoryBytes ?? 0) / 1024)}Ki` } })),
      });
    }
    if (name !== undefined) return items[0] ? { status: 200, body: { kind: 'PodMetrics', apiVersion: METRICS_GROUP_VERSION, ...items[0] } } : metricsNotFound('podmetrics', `${namespace ?? ''}/${name}`);
    return { status: 200, body: { kind: 'PodMetricsList', apiVersion: METRICS_GROUP_VERSION, metadata: {}, items } };
  }

  /** Metrics objects carry the object's name, namespace and labels, created "now". */
  private meta(object: KubeObject, namespaced: boolean): Record<string, unknown> {
    const meta: Record<string, unknown> = { name: object.metadata.name };
    if (namespaced) meta.namespace = object.metadata.namespace;
    meta.creationTimestamp = formatRfc3339(this.deps.loop.nowMs());
    if (object.metadata.labels) meta.labels = object.metadata.labels;
    return meta;
  }
}

const RESOURCE_LIST = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: METRICS_GROUP_VERSION,
  resources: [
    { name: 'nodes', singularName: '', namespaced: false, kind: 'NodeMetrics', verbs: ['get', 'list'] },
    { name: 'pods', singularName: '', namespaced: true, kind: 'PodMetrics', verbs: ['get', 'list'] },
  ],
};

function notFound(): ApiResponse {
  return { status: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'the server could not find the requested resource', reason: 'NotFound', details: {}, code: 404 } };
}

/** metrics-server's NotFound: `podmetrics.metrics.k8s.io "default/web" not found`. */
function metricsNotFound(resource: string, name: string): ApiResponse {
  return { status: 404, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${resource}.metrics.k8s.io "${name}" not found`, reason: 'NotFound', details: { name, group: 'metrics.k8s.io', kind: resource }, code: 404 } };
}

