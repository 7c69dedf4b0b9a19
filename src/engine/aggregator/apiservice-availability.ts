/**
 * kube-aggregator's AvailableConditionController (it runs inside kube-apiserver): for each
 * APIService backed by a Service it checks that the Service exists, that it has ready endpoints
 * for the port, and that the backend answers discovery, and writes the `Available` condition with
 * kube-aggregator's reasons. It re-checks on changes to APIServices, Services and EndpointSlices,
 * and every 30 s. UNVERIFIED: the 30 s re-check period.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { formatRfc3339 } from '../api/time';
import { Informer, WorkQueue, type Client } from '../client';
import type { SimLoop, TimerId } from '../clock';
import { serviceEndpoints, type AggregatedBackend, type AggregatorStore } from '../apiserver/aggregator';

const RECHECK_MS = 30_000;

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

type Condition = { status: 'True' | 'False'; reason: string; message: string };

export class APIServiceAvailability {
  private readonly apiServices: Informer;
  private readonly services: Informer;
  private readonly slices: Informer;
  private readonly queue: WorkQueue;
  private timer: TimerId | undefined;

  constructor(
    private readonly client: Client,
    private readonly loop: SimLoop,
    private readonly backend: AggregatedBackend,
  ) {
    this.apiServices = new Informer(client, { group: 'apiregistration.k8s.io', version: 'v1', resource: 'apiservices' });
    this.services = new Informer(client, { group: '', version: 'v1', resource: 'services' });
    this.slices = new Informer(client, { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices' });
    this.queue = new WorkQueue(loop, 'apiservice-availability', (name) => this.reconcile(name));
  }

  start(): void {
    const all = () => {
      for (const a of this.apiServices.list()) if (isRecord(rec(a.spec).service)) this.queue.add(text(a.metadata.name));
    };
    for (const informer of [this.apiServices, this.services, this.slices]) informer.addHandler({ onAdd: all, onUpdate: all, onDelete: all });
    for (const informer of [this.apiServices, this.services, this.slices]) informer.start();
    const tick = () => {
      all();
      this.timer = this.loop.after(RECHECK_MS, 'apiservice availability', tick);
    };
    this.timer = this.loop.after(RECHECK_MS, 'apiservice availability', tick);
  }

  stop(): void {
    this.loop.cancel(this.timer);
    for (const informer of [this.apiServices, this.services, this.slices]) informer.stop();
  }

  private get store(): AggregatorStore {
    return {
      apiService: (name) => this.apiServices.list().find((a) => a.metadata.name === name),
      apiServices: () => this.apiServices.list(),
      service: (namespace, name) => this.services.list().find((s) => s.metadata.namespace === namespace && s.metadata.name === name),
      endpointSlices: (namespace, service) => this.slices.list().filter((s) => s.metadata.namespace === namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service),
    };
  }

  private check(apiService: KubeObject): Condition {
    const spec = rec(apiService.spec);
    const ref = rec(spec.service);
    const svc = `service/${text(ref.name)} in "${text(ref.namespace)}"`;
    const endpoints = serviceEndpoints(this.store, apiService);
    if (!Array.isArray(endpoints)) {
      if (endpoints.missing === 'service') return { status: 'False', reason: 'ServiceNotFound', message: `${svc} is not present` };
      return { status: 'False', reason: 'MissingEndpoints', message: `endpoints for ${svc} have no addresses with port name "${endpoints.portName}"` };
    }
    const path = `/apis/${text(spec.group)}/${text(spec.version)}`;
    for (const e of endpoints) {
      const r = this.backend(e.ip, e.port, { method: 'GET', path });
      if (r && r.status === 200) return { status: 'True', reason: 'Passed', message: 'all checks passed' };
    }
    const first = endpoints[0] as { ip: string; port: number };
    const url = `https://${first.ip}:${first.port}${path}`;
    return { status: 'False', reason: 'FailedDiscoveryCheck', message: `failing or missing response from ${url}: Get "${url}": dial tcp ${first.ip}:${first.port}: connect: connection refused` };
  }

  private reconcile(name: string): void {
    const apiService = this.apiServices.list().find((a) => a.metadata.name === name);
    if (!apiService || !isRecord(rec(apiService.spec).service)) return;
    const want = this.check(apiService);
    const conditions = Array.isArray(rec(apiService.status).conditions) ? (rec(apiService.status).conditions as unknown[]).filter(isRecord) : [];
    const current = conditions.find((c) => c.type === 'Available');
    if (current && current.status === want.status && current.reason === want.reason && current.message === want.message) return;
    const lastTransitionTime = current && current.status === want.status ? current.lastTransitionTime : formatRfc3339(this.loop.nowMs());
    const status = { conditions: [{ type: 'Available', status: want.status, lastTransitionTime, reason: want.reason, message: want.message }] };
    this.client.update({ group: 'apiregistration.k8s.io', version: 'v1', resource: 'apiservices', name, subresource: 'status' }, { ...apiService, metadata: { ...apiService.metadata, resourceVersion: undefined }, status });
  }
}
