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
import { goDuration, PodWorker, type NodeContext } from './pod-worker';
import { admissionRejection } from './admission';
import type { TimerBoard } from '../clock/timer-board';
import type { ApiResponse } from '../types';
import { serveLog } from './log-server';
import type { PodStreamHandler } from '../apiserver/subresources';
import type { LogLine } from './runtime/container';
import type { HttpReply } from '../network/servers';
import type { HttpServingNode, PodHttp } from '../network/pod-http';
import { collectResourceMetrics, type NodeResourceMetrics } from './resource-metrics';

export const LEASE_RENEW_INTERVAL_MS = 10_000;
export const NODE_STATUS_UPDATE_FREQUENCY_MS = 10_000;
export const NODE_STATUS_REPORT_FREQUENCY_MS = 5 * 60_000;
/** kubelet.go maxWaitForContainerRuntime: the runtime counts as down this long after its last good status. */
const MAX_WAIT_FOR_CONTAINER_RUNTIME_MS = 30_000;
/** pleg/generic.go relistThreshold. */
const PLEG_RELIST_THRESHOLD_MS = 3 * 60_000;
/** UNVERIFIED: how long a kind node container takes from `docker start` to a running kubelet. */
export const NODE_BOOT_MS = 6_000;

export interface KubeletOptions {
  client: Client;
  loop: SimLoop;
  random: Random;
  nodeName: string;
  nodeIP: string;
  podCIDR: string;
  /** Where the kubelet publishes its pending timed transitions (back-offs, grace periods). */
  timers: TimerBoard;
  /** HTTP between pods, for `wget` in containers' scripts. */
  http?: PodHttp;
  metricsServers?: NodeContext['metricsServers'];
  addons?: NodeContext['addons'];
  /** The Node this kubelet registers when none exists (registerWithAPIServer): after `kubectl delete node` and a restart. */
  nodeObject?: () => KubeObject;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

export class Kubelet implements HttpServingNode {
  private readonly workers = new Map<string, PodWorker>();
  /** Container logs of the pods that were running when the node stopped, by pod uid. */
  private readonly logsOnDisk = new Map<string, Map<string, LogLine[]>>();
  private readonly pods: Informer;
  private readonly events: LegacyEventRecorder;
  private readonly timers: TimerId[] = [];
  private readonly usedIPs = new Set<number>();
  private nextHost = 2;
  private readonly images = new Map<string, number>();
  private lastReportMs = 0;
  private running = false;
  /** False after `systemctl stop kubelet`: the agent is gone, its containers run on under containerd. */
  private serviceUp = true;
  private startedAtMs = 0;
  /** Since when containerd is stopped (`systemctl stop containerd`); undefined while it runs. */
  private runtimeDownSinceMs: number | undefined;
  /** Set when this start follows a stop of the node: running containers did not survive. */
  private rebooted = false;

  constructor(private readonly options: KubeletOptions) {
    this.pods = new Informer(options.client, { group: '', version: 'v1', resource: 'pods' }, { fieldSelector: `spec.nodeName=${options.nodeName}` });
    this.events = new LegacyEventRecorder(options.client, options.loop, 'kubelet', options.nodeName);
    this.pods.addHandler({
      onAdd: (pod) => this.sync(pod),
      onUpdate: (_old, pod) => this.sync(pod),
      onDelete: (pod) => {
        this.workers.get(String(pod.metadata.uid))?.stop();
        this.workers.delete(String(pod.metadata.uid));
        if (isMirrorPod(pod)) this.recreateMirrorPod(pod);
      },
    });
  }

  get nodeName(): string {
    return this.options.nodeName;
  }

  isRunning(): boolean {
    return this.running;
  }

  /** Whether the kubelet process runs (the node container may be up with its kubelet stopped). */
  isServiceRunning(): boolean {
    return this.running && this.serviceUp;
  }

  /**
   * `systemctl stop kubelet`: no more Lease renewals or status posts, no new pods started, nothing
   * reported, no restarts or probes; the containers keep running, so the node goes Unknown while its
   * workloads still serve (and a container that exits stays exited).
   */
  stopService(): void {
    if (!this.running || !this.serviceUp) return;
    this.serviceUp = false;
    for (const w of this.workers.values()) w.pause();
    for (const t of this.timers.splice(0)) this.options.loop.cancel(t);
    this.pods.stop();
  }

  /** `systemctl start kubelet`: it finds its containers running, reports them, and heartbeats at once. */
  startService(): void {
    if (!this.running || this.serviceUp) return;
    this.serviceUp = true;
    this.rebooted = false;
    this.begin(true);
    if (this.runtimeDownSinceMs !== undefined) return;
    for (const w of this.workers.values()) {
      w.resume();
      w.flushStatus();
    }
  }

  /**
   * `systemctl stop containerd`: the kubelet runs on (Lease renewed, status posted) but can start,
   * probe or kill nothing; its runtime checks fail and the node goes NotReady.
   */
  stopRuntime(sinceMs: number): void {
    if (this.runtimeDownSinceMs !== undefined) return;
    this.runtimeDownSinceMs = sinceMs;
    for (const w of this.workers.values()) w.pause();
  }

  /** `systemctl start containerd`: what waited on the runtime (kills of Terminating pods) happens now. */
  startRuntime(): void {
    if (this.runtimeDownSinceMs === undefined) return;
    this.runtimeDownSinceMs = undefined;
    if (!this.serviceUp) return;
    for (const w of this.workers.values()) {
      w.resume();
      w.flushStatus();
    }
  }

  /**
   * Starts the kubelet. After a reboot of its node (`docker start`), the containers that were
   * running are gone: pods still bound here get new sandboxes and their containers restart, and
   * the Lease and node status are posted at once rather than at the next period.
   */
  start(afterReboot = false): void {
    if (this.running) return;
    this.running = true;
    this.serviceUp = true;
    this.startedAtMs = this.options.loop.nowMs();
    this.rebooted = afterReboot;
    // A rebooted node container boots (systemd, containerd) before its kubelet runs.
    if (afterReboot) this.timers.push(this.options.loop.after(NODE_BOOT_MS, 'kubelet boot', () => this.begin()));
    else this.begin();
  }

  private begin(immediate = this.rebooted): void {
    if (!this.running) return;
    const node = this.registerNode();
    if (node.ok) for (const image of Array.isArray(rec(node.value.status).images) ? (rec(node.value.status).images as unknown[]).filter(isRecord) : []) for (const n of Array.isArray(image.names) ? image.names.map(text) : []) this.images.set(n, typeof image.sizeBytes === 'number' ? image.sizeBytes : 0);
    this.pods.start();
    this.every(LEASE_RENEW_INTERVAL_MS, 'kubelet lease', () => this.renewLease(), immediate);
    this.every(NODE_STATUS_UPDATE_FREQUENCY_MS, 'kubelet node status', () => this.syncNodeStatus(), immediate);
  }

  /** The kubelet's syncPod for a static pod whose mirror pod is gone: it creates the mirror pod again, with the static pod's status. */
  private recreateMirrorPod(old: KubeObject): void {
    if (!this.isServiceRunning()) return;
    const meta = old.metadata;
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: meta.name, namespace: meta.namespace, labels: meta.labels, annotations: meta.annotations, ownerReferences: meta.ownerReferences },
      spec: old.spec,
    };
    const ref = { group: '', version: 'v1', resource: 'pods', namespace: text(meta.namespace) };
    const created = this.options.client.create(ref, body);
    if (!created.ok) return;
    // The containers never stopped: the status manager posts the same status on the new copy.
    const status = { ...rec(old.status) };
    delete status.qosClass;
    this.options.client.update({ ...ref, name: text(meta.name), subresource: 'status' }, { ...created.value, status: { ...rec(created.value.status), ...status } });
  }

  /** registerWithAPIServer: the kubelet's Node, created (with its status) when it is missing. */
  private registerNode(): ReturnType<Client['get']> {
    const ref = { group: '', version: 'v1', resource: 'nodes', name: this.options.nodeName };
    const existing = this.options.client.get(ref);
    if (existing.ok || !this.options.nodeObject || existing.status.code !== 404) return existing;
    const object = this.options.nodeObject();
    const created = this.options.client.create({ group: '', version: 'v1', resource: 'nodes' }, { ...object, status: undefined });
    if (!created.ok) return created;
    return this.options.client.update({ ...ref, subresource: 'status' }, { ...created.value, status: object.status });
  }

  /** containerLogs for a pod on this node (what the API server's pods/log proxies to). */
  serveLog(pod: KubeObject, container: string, query: Record<string, string>): ApiResponse {
    if (!this.running || !this.serviceUp) {
      // The API server cannot reach this kubelet: its dial error, with no Status reason
      // (kubectl prints `Error from server: Get "https://...": dial tcp ...`).
      const params = Object.entries(query)
        .filter(([k]) => k !== 'container')
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
        .join('&');
      // UNVERIFIED: `no route to host` for a stopped kind node container; a running node whose kubelet is stopped refuses the connection.
      const cause = this.running ? 'connection refused' : 'no route to host';
      const message = `Get "https://${this.options.nodeIP}:10250/containerLogs/${text(pod.metadata.namespace)}/${text(pod.metadata.name)}/${container}${params ? `?${params}` : ''}": dial tcp ${this.options.nodeIP}:10250: connect: ${cause}`;
      return { status: 500, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: '', code: 500 } };
    }
    return serveLog(this.workers.get(String(pod.metadata.uid)), text(pod.metadata.name), container, query, this.options.loop.nowMs());
  }

  /**
   * An attach to the container's main process ended with that process: a shell started with stdin
   * open (`kubectl run -it ... -- sh`) exits when its user types `exit`, and the container with it.
   */
  endAttachedProcess(pod: KubeObject, container: string, code: number): void {
    if (this.running) this.workers.get(String(pod.metadata.uid))?.endMainProcess(container, code);
  }

  /** A pod on this node answers an HTTP GET on `port` (what kube-proxy delivered to it). */
  serveHttp(pod: KubeObject, port: number, path: string): { reply: HttpReply; latencyMs: number } | undefined {
    return this.running ? this.workers.get(String(pod.metadata.uid))?.serveHttp(port, path) : undefined;
  }

  /** `GET /metrics/resource` on the kubelet's port 10250: usage of the node and its running containers. */
  resourceMetrics(): NodeResourceMetrics {
    const now = this.options.loop.nowMs();
    return collectResourceMetrics(this.options.nodeName, this.startedAtMs, this.pods.list(), (uid) => this.workers.get(uid)?.containerUsage(now), now);
  }

  /** A container whose process exited while this kubelet was stopped, as containerd (crictl) sees it. */
  unseenExit(podUid: string, container: string): { code: number; atMs: number } | undefined {
    return this.workers.get(podUid)?.unseenExit(container);
  }

  /** What `docker stop <node>` does to the kubelet: it is gone, mid-work. */
  stop(): void {
    this.running = false;
    this.runtimeDownSinceMs = undefined;
    for (const t of this.timers.splice(0)) this.options.loop.cancel(t);
    this.pods.stop();
    this.logsOnDisk.clear();
    for (const [uid, w] of this.workers) {
      this.logsOnDisk.set(uid, w.currentLogs());
      w.stop();
    }
    this.workers.clear();
  }

  private every(ms: number, label: string, f: () => void, now = false): void {
    const tick = () => {
      if (!this.running) return;
      f();
      this.timers.push(this.options.loop.after(ms, label, tick));
    };
    this.timers.push(this.options.loop.after(now ? 0 : ms, label, tick));
  }

  /** Starts a worker for a pod the kubelet has not met; pods already running (adopted at start) keep their status. */
  private sync(pod: KubeObject): void {
    const uid = String(pod.metadata.uid);
    if (isMirrorPod(pod) && pod.metadata.deletionTimestamp) {
      // A mirror pod is only the API's copy of a static pod, which runs from its manifest file:
      // deleting the copy removes it at once (grace 0) and the kubelet writes a new one.
      this.workers.get(uid)?.stop();
      this.workers.delete(uid);
      this.options.client.delete({ group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name) }, { gracePeriodSeconds: 0, preconditions: { uid } });
      return;
    }
    const worker = this.workers.get(uid);
    if (worker) {
      worker.update(pod);
      return;
    }
    const status = rec(pod.status);
    const ip = text(status.podIP);
    if (ip && rec(pod.spec).hostNetwork !== true) this.usedIPs.add(Number(ip.split('.')[3]));
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      // A finished pod this kubelet has no worker for (it ran before a restart): deletion completes at once.
      if (pod.metadata.deletionTimestamp) this.options.client.delete({ group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name) }, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
      return;
    }
    const started = Array.isArray(status.containerStatuses) && status.containerStatuses.length > 0;
    if (started && !pod.metadata.deletionTimestamp && !this.rebooted) return; // adopted as running (bootstrap, snapshot)
    if (!started && !pod.metadata.deletionTimestamp && this.rejected(pod)) return;
    const w = new PodWorker(pod, this.context());
    if (this.runtimeDownSinceMs !== undefined) w.pause();
    if (started && !pod.metadata.deletionTimestamp) {
      this.workers.set(uid, w);
      w.restartAfterReboot(this.logsOnDisk.get(uid));
      this.logsOnDisk.delete(uid);
      return;
    }
    this.workers.set(uid, w);
    if (pod.metadata.deletionTimestamp && !started) {
      w.update(pod);
      return;
    }
    if (pod.metadata.deletionTimestamp) w.update(pod);
    else w.start();
  }

  /** Admission (HandlePodAdditions): a pod the node cannot run fails at once with the reason. */
  private rejected(pod: KubeObject): boolean {
    const node = this.options.client.get({ group: '', version: 'v1', resource: 'nodes', name: this.options.nodeName });
    const others = [...this.workers.values()].flatMap((w) => w.admittedPod ?? []);
    const rejection = node.ok ? admissionRejection(pod, node.value, others, isMirrorPod(pod)) : { reason: 'InvalidNodeInfo', message: 'Kubelet cannot get node info.' };
    if (!rejection) return false;
    this.events.record(pod, 'Warning', rejection.reason, rejection.message);
    const status = { phase: 'Failed', reason: rejection.reason, message: `Pod was rejected: ${rejection.message}`, qosClass: rec(pod.status).qosClass };
    this.options.client.update({ group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), subresource: 'status' }, { ...pod, metadata: { ...pod.metadata, resourceVersion: undefined }, status });
    return true;
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
      timers: this.options.timers,
      reporting: () => this.serviceUp,
      resolve: (name, namespace) => this.resolve(name, namespace),
      http: this.options.http,
      metricsServers: this.options.metricsServers,
      addons: this.options.addons,
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

  /** Cluster DNS as a pod sees it: `svc`, `svc.ns`, `svc.ns.svc`, `svc.ns.svc.cluster.local` → the ClusterIP. */
  private resolve(name: string, namespace: string): string | undefined {
    const parts = name.replace(/\.$/, '').split('.');
    const [svc, ns = namespace, kind = 'svc'] = parts;
    if (!svc || kind !== 'svc' || (parts.length > 3 && parts.slice(3).join('.') !== 'cluster.local')) return undefined;
    const r = this.options.client.get({ group: '', version: 'v1', resource: 'services', namespace: ns, name: svc });
    if (!r.ok) return undefined;
    const ip = text(rec(r.value.spec).clusterIP);
    return ip && ip !== 'None' ? ip : undefined;
  }

  private renewLease(): void {
    const ref = { group: 'coordination.k8s.io', version: 'v1', resource: 'leases', namespace: 'kube-node-lease', name: this.options.nodeName };
    const spec = { renewTime: formatRfc3339Micro(this.options.loop.nowMs()), holderIdentity: this.options.nodeName, leaseDurationSeconds: 40 };
    const renewed = this.options.client.patch(ref, 'merge', { spec });
    if (renewed.ok || renewed.status.code !== 404) return;
    // The Lease went with a deleted Node (its owner): the lease controller makes a new one.
    const node = this.options.client.get({ group: '', version: 'v1', resource: 'nodes', name: this.options.nodeName });
    if (!node.ok) return;
    this.options.client.create({ ...ref, name: undefined }, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name: this.options.nodeName, namespace: 'kube-node-lease', ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: this.options.nodeName, uid: text(node.value.metadata.uid) }] }, spec });
  }

  /**
   * The Ready condition's setter: the runtime checks' errors, joined as an error aggregate is
   * (one alone as is, several as `[a, b]`). The runtime's status is polled every 5 s and counts
   * as down 30 s after its last success; PLEG relists every second and is unhealthy after 3 min.
   */
  private readyCondition(now: number): [string, string, string] {
    const down = this.runtimeDownSinceMs;
    if (down === undefined) return ['True', 'KubeletReady', 'kubelet is posting ready status'];
    const errors: string[] = [];
    if (now >= down + MAX_WAIT_FOR_CONTAINER_RUNTIME_MS) errors.push('container runtime is down');
    const plegElapsed = now - down;
    if (plegElapsed > PLEG_RELIST_THRESHOLD_MS) errors.push(`PLEG is not healthy: pleg was last seen active ${goDuration(plegElapsed)} ago; threshold is ${goDuration(PLEG_RELIST_THRESHOLD_MS)}`);
    if (errors.length === 0) return ['True', 'KubeletReady', 'kubelet is posting ready status'];
    return ['False', 'KubeletNotReady', errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`];
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
      Ready: this.readyCondition(now),
    };
    let changed = false;
    for (const c of conditions) {
      const want = healthy[text(c.type)];
      if (!want) continue;
      if (c.status !== want[0]) {
        changed = true;
        c.lastTransitionTime = formatRfc3339(now);
        if (c.type === 'Ready') {
          const reason = want[0] === 'True' ? 'NodeReady' : 'NodeNotReady';
          this.events.record(current.value, 'Normal', reason, `Node ${this.options.nodeName} status is now: ${reason}`);
        }
      }
      // Any change of the condition (a new message too) is written at once, not at the 5-minute report.
      if (c.reason !== want[1] || c.message !== want[2]) changed = true;
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

/** What the API server reaches for pods/log: the kubelet of the pod's node (exec/attach/portforward are not served yet). */
export function kubeletStreamHandler(kubelets: ReadonlyMap<string, Kubelet>): PodStreamHandler {
  return (pod, sub, query) => {
    const spec = rec(pod.spec);
    const kubelet = kubelets.get(text(spec.nodeName));
    const first = Array.isArray(spec.containers) ? spec.containers.find(isRecord) : undefined;
    const container = query.container ?? text(first?.name);
    if (sub === 'log' && kubelet) return kubelet.serveLog(pod, container, query);
    return { status: 400, body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `container "${container}" in pod "${text(pod.metadata.name)}" is waiting to start: ContainerCreating`, reason: 'BadRequest', code: 400 } };
  };
}

function isMirrorPod(pod: KubeObject): boolean {
  return pod.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
}
