/**
 * kubelet, one per node: renews its Lease every 10 s, reports NodeStatus (computed every 10 s,
 * written when it changes or every 5 minutes), and runs the pods bound to its node through a pod
 * worker each. Stopping the node stops all of it, which is what node-failure lessons observe.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { formatRfc3339, formatRfc3339Micro } from '../api/time';
import type { Random, SimLoop, TimerId } from '../clock';
import { Informer, type Client } from '../client';
import { LegacyEventRecorder } from '../client/legacy-events';
import { PodWorker, type NodeContext } from './pod-worker';

export const LEASE_RENEW_INTERVAL_MS = 10_000;
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;

export interface KubeletOptions {
  client: Client;
  loop: SimLoop;
  random: Random;
  nodeName: string;
  nodeIP: string;
  podCIDR: string;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export class Kubelet {
  private readonly workers = new Map<string, PodWorker>();
  private readonly pods: Informer;
  private readonly events: LegacyEventRecorder;
  private readonly timers: TimerId[] = [];
  private readonly usedIPs = new Set<number>();
  private nextHost = 2;
  private readonly images = new Map<string, number>();
  private lastReportMs = 0;
  private running = false;

  constructor(private readonly options: KubeletOptions) {
    this.pods = new Informer(options.client, { group: '', version: 'v1', resource: 'pods' }, { fieldSelector: `spec.nodeName=${options.nodeName}` });
    this.events = new LegacyEventRecorder(options.client, options.loop, 'kubelet', options.nodeName);
    this.pods.addHandler({
      onAdd: (pod) => this.sync(pod),
      onUpdate: (_old, pod) => this.sync(pod),
      onDelete: (pod) => {
        this.workers.get(String(pod.metadata.uid))?.stop();
        this.workers.delete(String(pod.metadata.uid));
      },
    });
  }

  get nodeName(): string {
    return this.options.nodeName;
  }

  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    const node = this.options.client.get({ group: '', version: 'v1', resource: 'nodes', name: this.options.nodeName });
    if (node.ok) for (const image of Array.isArray(rec(node.value.status).images) ? (rec(node.value.status).images as unknown[]).filter(isRecord) : []) for (const n of Array.isArray(image.names) ? image.names.map(text) : []) this.images.set(n, typeof image.sizeBytes === 'number' ? image.sizeBytes : 0);
    this.pods.start();
    this.every(LEASE_RENEW_INTERVAL_MS, 'kubelet lease', () => this.renewLease());
    this.every(NODE_STATUS_UPDATE_FREQUENCY_MS, 'kubelet node status', () => this.syncNodeStatus());
  }

  /** What `docker stop <node>` does to the kubelet: it is gone, mid-work. */
  stop(): void {
    this.running = false;
    for (const t of this.timers.splice(0)) this.options.loop.cancel(t);
    this.pods.stop();
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
  }

  private every(ms: number, label: string, f: () => void): void {
    const tick = () => {
      if (!this.running) return;
      f();
      this.timers.push(this.options.loop.after(ms, label, tick));
    };
    this.timers.push(this.options.loop.after(ms, label, tick));
  }

  /** Starts a worker for a pod the kubelet has not met; pods already running (adopted at start) keep their status. */
  private sync(pod: KubeObject): void {
    const uid = String(pod.metadata.uid);
    const worker = this.workers.get(uid);
    if (worker) {
      worker.update(pod);
      return;
    }
    const status = rec(pod.status);
    const ip = text(status.podIP);
    if (ip && rec(pod.spec).hostNetwork !== true) this.usedIPs.add(Number(ip.split('.')[3]));
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return;
    const started = Array.isArray(status.containerStatuses) && status.containerStatuses.length > 0;
    if (started && !pod.metadata.deletionTimestamp) return; // adopted as running
    const w = new PodWorker(pod, this.context());
    this.workers.set(uid, w);
    if (pod.metadata.deletionTimestamp && !started) {
      w.update(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp) w.update(pod);
    else w.start();
  }

  private context(): NodeContext {
    const [a, b, c] = this.options.podCIDR.split('.');
    return {
      nodeName: this.options.nodeName,
      nodeIP: this.options.nodeIP,
      client: this.options.client,
      loop: this.options.loop,
      random: this.options.random,
      events: this.events,
      allocatePodIP: () => {
        // host-local IPAM hands out addresses in order and only wraps around at the end of the range.
        for (let tries = 0; tries < 253; tries++) {
          const host = this.nextHost;
          this.nextHost = this.nextHost >= 254 ? 2 : this.nextHost + 1;
          if (!this.usedIPs.has(host)) {
            this.usedIPs.add(host);
            return `${a}.${b}.${c}.${host}`;
          }
        }
        return `${a}.${b}.${c}.254`;
      },
      releasePodIP: (ip) => this.usedIPs.delete(Number(ip.split('.')[3])),
      hasImage: (reference) => this.images.has(reference),
      imagePulled: (reference, size) => this.images.set(reference, size),
    };
  }

  private renewLease(): void {
    const ref = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease', name: this.options.nodeName };
    this.options.client.patch(ref, 'merge', { spec: { renewTime: formatRfc3339Micro(this.options.loop.nowMs()), holderIdentity: this.options.nodeName, leaseDurationSeconds: 40 } });
  }

  /** Recomputes node status; writes it when something changed or the 5-minute report is due. */
  private syncNodeStatus(): void {
    const ref = { group: '', version: 'v1', resource: 'nodes', name: this.options.nodeName };
    const current = this.options.client.get(ref);
    if (!current.ok) return;
    const status = rec(current.value.status);
    const now = this.options.loop.nowMs();
    const conditions = (Array.isArray(status.conditions) ? status.conditions.filter(isRecord) : []).map((c) => ({ ...c }));
    const healthy: Record<string, [string, string, string]> = {
      MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
      DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
      PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
      Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
    };
    let changed = false;
    for (const c of conditions) {
      const want = healthy[text(c.type)];
      if (!want) continue;
      if (c.status !== want[0]) {
        changed = true;
        c.lastTransitionTime = formatRfc3339(now);
        if (c.type === 'Ready') this.events.record(current.value, 'Normal', 'NodeReady', `Node ${this.options.nodeName} status is now: NodeReady`);
      }
      [c.status, c.reason, c.message] = want;
    }
    const images = [...this.images.entries()].map(([name, size]) => ({ names: [name], sizeBytes: size }));
    if ((Array.isArray(status.images) ? status.images.length : 0) !== images.length) changed = true;
    if (!changed && now - this.lastReportMs < NODE_STATUS_REPORT_FREQUENCY_MS) return;
    for (const c of conditions) c.lastHeartbeatTime = formatRfc3339(now);
    this.lastReportMs = now;
    this.options.client.patch({ ...ref, subresource: 'status' }, 'merge', { status: { conditions, images } });
  }
}
