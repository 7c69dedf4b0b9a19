/**
 * One kind cluster: its etcd, its kube-apiserver and the node containers kind started. Components
 * (scheduler, controllers, kubelets) attach here as later parts of the lab bring them to life.
 */
import type { KubeObject } from '../api/meta';
import type { Random, SimLoop } from '../clock';
import { Store, type KeyValue } from '../store';
import { ApiServer } from '../apiserver/server';
import { Client, type Transport } from '../client';
import type { TrafficEvent } from '../protocol';
import { ClusterBootstrapper, type ClusterNode } from './bootstrap';
import { nodeNames, type KindClusterSpec, type NodeOptions } from './kind-config';
import { buildNode } from './node-object';
import { SYSTEM_IMAGES } from './images';
import { ControllerManager } from '../controllers/manager';
import { Scheduler, type SchedulingTrace } from '../scheduler/scheduler';
import { Kubelet, kubeletStreamHandler } from '../kubelet/kubelet';
import { TimerBoard } from '../clock/timer-board';
import { setPodStreamHandler } from '../apiserver/subresources';
import { PodHttp } from '../network/pod-http';
import { RoundRobin } from '../network/ipvs';
import { IngressNginxDirectory } from '../ingress-nginx/directory';
import { MetricsServerDirectory } from '../metrics-server/directory';
import { APIServiceAvailability } from '../aggregator/apiservice-availability';
import type { AggregatedBackend } from '../apiserver/aggregator';

export interface NodeContainer extends ClusterNode {
  /** Docker container id (12 hex shown by `docker ps`). */
  containerId: string;
  running: boolean;
  createdAtMs: number;
  startedAtMs: number;
  /** When `docker stop` last stopped the container (`docker inspect`'s State.FinishedAt). */
  stoppedAtMs?: number;
  /** When `systemctl stop kubelet` stopped the node's kubelet (the container itself runs on). */
  kubeletStoppedAtMs?: number;
  /** When `systemctl start kubelet` last started it again (systemd's "since" for the unit). */
  startedKubeletAtMs?: number;
  /** When `systemctl stop containerd` stopped the node's container runtime (its containers' shims run on). */
  containerdStoppedAtMs?: number;
  /** When `systemctl start containerd` last started it again. */
  startedContainerdAtMs?: number;
  /** Packages installed with `apt-get install` in the node (ipvsadm), and whether `apt-get update` ran. */
  installedPackages?: string[];
  aptListsFetched?: boolean;
}

export interface ClusterDump {
  spec: KindClusterSpec;
  hostPort: number;
  nodes: NodeContainer[];
  etcd: { revision: number; kvs: KeyValue<KubeObject>[] };
}

const MAX_TRACES = 2000;

export class ClusterRuntime {
  readonly store: Store<KubeObject>;
  readonly apiserver: ApiServer;
  readonly transport: Transport;
  nodes: NodeContainer[] = [];
  readonly createdAtMs: number;
  private deleted = false;
  controllerManager: ControllerManager | undefined;
  scheduler: Scheduler | undefined;
  readonly kubelets = new Map<string, Kubelet>();
  /** The last scheduling cycle of each pod (by uid), for `kubelab explain`; oldest dropped past the limit. */
  readonly schedulingTraces = new Map<string, SchedulingTrace>();
  /** Pending timed transitions every component publishes (see `Simulation.timers()`). */
  readonly timers = new TimerBoard();
  /** HTTP between pods (the data plane): DNS, kube-proxy routing, the serving node's containers. */
  readonly http: PodHttp;
  /** metrics-server processes by pod IP, which kube-apiserver proxies metrics.k8s.io to. */
  readonly metricsServers: MetricsServerDirectory;
  /** ingress-nginx controllers (by pod IP) and its admission jobs' programs. */
  readonly ingressNginx: IngressNginxDirectory;
  private availability: APIServiceAvailability | undefined;

  constructor(
    readonly spec: KindClusterSpec,
    /** Host port the API server is published on (`127.0.0.1:<port>->6443/tcp`). */
    readonly hostPort: number,
    private readonly loop: SimLoop,
    private readonly random: Random,
    onTraffic: (event: TrafficEvent) => void,
  ) {
    this.createdAtMs = loop.nowMs();
    this.store = new Store<KubeObject>(loop);
    this.apiserver = new ApiServer({ loop, store: this.store, random: random.fork('apiserver'), onTraffic });
    this.transport = {
      request: (request) => (this.deleted ? { status: 503, body: 'cluster deleted' } : this.apiserver.handle(request)),
      watch: (path, query, onEvent, userAgent, accept) => (this.deleted ? () => undefined : this.apiserver.watch(path, query, onEvent, userAgent, accept)),
    };
    this.http = new PodHttp((nodeName) => {
      const kubelet = this.kubelets.get(nodeName);
      return kubelet?.isRunning() ? kubelet : undefined;
    });
    this.metricsServers = new MetricsServerDirectory(this.client('metrics-server/v0.8.0'), loop, (ip) => {
      const node = this.nodes.find((n) => n.internalIP === ip && n.running);
      const kubelet = node ? this.kubelets.get(node.name) : undefined;
      return kubelet?.isRunning() ? kubelet : undefined;
    });
    this.ingressNginx = new IngressNginxDirectory((ua) => this.client(ua), loop, random.fork('ingress-nginx'), (pod, port, path) => this.http.direct(pod, port, path));
    this.http.proxyAt = (pod, port) => this.ingressNginx.at(pod, port);
    if (spec.kubeProxyMode === 'ipvs') this.http.roundRobin = new RoundRobin();
    this.apiserver.aggregatedBackend = this.aggregatedBackend;
    // pods/log is proxied to the kubelet of the pod's node.
    setPodStreamHandler(this.apiserver, kubeletStreamHandler(this.kubelets));
  }

  get name(): string {
    return this.spec.name;
  }

  get server(): string {
    return `https://127.0.0.1:${this.hostPort}`;
  }

  /** What the kind config set for this node (port mappings, labels). */
  nodeOptions(nodeName: string): NodeOptions | undefined {
    return this.spec.nodeOptions?.[nodeNames(this.spec).indexOf(nodeName)];
  }

  /**
   * The ports docker publishes for a node container: the API server's on the control plane plus the
   * config's extraPortMappings, ordered by container port as `docker ps` lists them.
   */
  publishedPorts(nodeName: string): { hostIp: string; hostPort: number; containerPort: number; protocol: string }[] {
    const node = this.nodes.find((n) => n.name === nodeName);
    const out = (this.nodeOptions(nodeName)?.extraPortMappings ?? []).map((m) => ({ hostIp: m.listenAddress, hostPort: m.hostPort, containerPort: m.containerPort, protocol: m.protocol.toLowerCase() }));
    if (node?.role === 'control-plane') out.push({ hostIp: '127.0.0.1', hostPort: this.hostPort, containerPort: 6443, protocol: 'tcp' });
    return out.sort((a, b) => a.containerPort - b.containerPort || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0));
  }

  /** A client of this cluster's API server with the given identity. */
  client(userAgent: string): Client {
    return new Client(this.transport, userAgent);
  }

  /** What `kind create cluster` does after the node containers start. */
  /** `takenAddresses`: IPs other clusters' node containers hold on the shared docker network. */
  bootstrap(takenAddresses: ReadonlySet<string> = new Set()): void {
    const bootstrapper = new ClusterBootstrapper(this.client('kubeadm'), this.loop, this.random.fork('bootstrap'));
    const started = this.loop.nowMs();
    const result = bootstrapper.run(this.spec, { onControlPlaneUp: () => this.startControlPlane() }, takenAddresses);
    const ids = this.random.fork('docker');
    this.nodes = result.nodes.map((n) => ({ ...n, containerId: hex12(ids), running: true, createdAtMs: started, startedAtMs: started }));
    for (const node of this.nodes) this.kubeletFor(node).start();
  }

  private kubeletFor(node: NodeContainer): Kubelet {
    let kubelet = this.kubelets.get(node.name);
    if (!kubelet) {
      const extraLabels = this.nodeOptions(node.name)?.labels;
      const facts = { name: node.name, clusterName: this.spec.name, role: node.role, internalIP: node.internalIP, podCIDR: node.podCIDR, singleNode: this.spec.nodes.length === 1, images: Object.values(SYSTEM_IMAGES), ...(extraLabels ? { extraLabels } : {}) };
      kubelet = new Kubelet({
        client: this.client(`kubelet/${node.name}`),
        loop: this.loop,
        random: this.random.fork(`kubelet/${node.name}`),
        nodeName: node.name,
        nodeIP: node.internalIP,
        podCIDR: node.podCIDR,
        timers: this.timers,
        http: this.http,
        metricsServers: this.metricsServers,
        addons: this.ingressNginx,
        nodeObject: () => buildNode(facts, this.random.fork(`node/${node.name}/registration`), this.loop.nowMs()),
      });
      this.kubelets.set(node.name, kubelet);
    }
    return kubelet;
  }

  /** `docker stop <node>`: the node container and everything in it stops. */
  stopNode(name: string): boolean {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) return false;
    if (node.running) node.stoppedAtMs = this.loop.nowMs();
    node.running = false;
    this.kubelets.get(name)?.stop();
    return true;
  }

  /** A container on NODE whose process exited unseen by its stopped kubelet (crictl shows it Exited). */
  unseenExit(node: string, podUid: string, container: string): { code: number; atMs: number } | undefined {
    return this.kubelets.get(node)?.unseenExit(podUid, container);
  }

  /** `systemctl stop kubelet` inside a node: the agent stops, the node container and its pods run on. */
  stopKubelet(name: string): boolean {
    const node = this.nodes.find((n) => n.name === name);
    if (!node?.running) return false;
    if (node.kubeletStoppedAtMs === undefined) node.kubeletStoppedAtMs = this.loop.nowMs();
    this.kubelets.get(name)?.stopService();
    return true;
  }

  /** `systemctl start kubelet`. */
  startKubelet(name: string): boolean {
    const node = this.nodes.find((n) => n.name === name);
    if (!node?.running) return false;
    if (node.kubeletStoppedAtMs !== undefined) node.startedKubeletAtMs = this.loop.nowMs();
    delete node.kubeletStoppedAtMs;
    this.kubeletFor(node).startService();
    return true;
  }

  /** `systemctl stop containerd` inside a node: the runtime stops, its running containers go on. */
  stopContainerd(name: string): boolean {
    const node = this.nodes.find((n) => n.name === name);
    if (!node?.running) return false;
    if (node.containerdStoppedAtMs === undefined) node.containerdStoppedAtMs = this.loop.nowMs();
    this.kubelets.get(name)?.stopRuntime(node.containerdStoppedAtMs);
    return true;
  }

  /** `systemctl start containerd`. */
  startContainerd(name: string): boolean {
    const node = this.nodes.find((n) => n.name === name);
    if (!node?.running) return false;
    if (node.containerdStoppedAtMs !== undefined) node.startedContainerdAtMs = this.loop.nowMs();
    delete node.containerdStoppedAtMs;
    this.kubelets.get(name)?.startRuntime();
    return true;
  }

  /** `docker start <node>`: the container boots again and its kubelet resumes. */
  startNode(name: string): boolean {
    const node = this.nodes.find((n) => n.name === name);
    if (!node) return false;
    const rebooted = !node.running;
    if (rebooted) node.startedAtMs = this.loop.nowMs();
    node.running = true;
    // systemd starts the (enabled) kubelet unit again with the container.
    delete node.kubeletStoppedAtMs;
    delete node.startedKubeletAtMs;
    delete node.containerdStoppedAtMs;
    delete node.startedContainerdAtMs;
    this.kubeletFor(node).start(rebooted);
    return true;
  }

  /** Serialisable state: the node containers and everything in etcd. */
  dump(): ClusterDump {
    return { spec: this.spec, hostPort: this.hostPort, nodes: this.nodes.map((n) => ({ ...n })), etcd: this.store.dump() };
  }

  /** Loads a dump into this fresh runtime and starts the control plane's components on it. */
  restore(dump: ClusterDump): void {
    this.store.restore(dump.etcd);
    this.apiserver.reindex();
    this.nodes = dump.nodes.map((n) => ({ ...n }));
    this.startControlPlane();
    for (const node of this.nodes) {
      if (!node.running) continue;
      this.kubeletFor(node).start();
      if (node.kubeletStoppedAtMs !== undefined) this.kubelets.get(node.name)?.stopService();
      if (node.containerdStoppedAtMs !== undefined) this.kubelets.get(node.name)?.stopRuntime(node.containerdStoppedAtMs);
    }
  }

  /** kube-aggregator reaches a metrics-server by its pod IP and port. */
  private readonly aggregatedBackend: AggregatedBackend = (ip, port, request) => this.metricsServers.at(ip, port)?.handle(request);

  /** kube-controller-manager and kube-scheduler start once the API server answers. */
  private startControlPlane(): void {
    this.availability = new APIServiceAvailability(this.client('kube-apiserver'), this.loop, this.aggregatedBackend);
    this.availability.start();
    this.controllerManager = new ControllerManager((agent) => this.client(agent), this.loop);
    this.controllerManager.setTimerBoard(this.timers);
    this.controllerManager.start();
    this.scheduler = new Scheduler({
      client: this.client('kube-scheduler'),
      loop: this.loop,
      random: this.random.fork('scheduler'),
      hostNode: `${this.spec.name}-control-plane`,
      onTrace: (trace) => {
        this.schedulingTraces.delete(trace.pod.uid);
        this.schedulingTraces.set(trace.pod.uid, trace);
        if (this.schedulingTraces.size > MAX_TRACES) this.schedulingTraces.delete(this.schedulingTraces.keys().next().value as string);
      },
    });
    this.scheduler.start();
  }

  /** `kind delete cluster`: every component stops and the API answers no more. */
  shutdown(): void {
    for (const kubelet of this.kubelets.values()) kubelet.stop();
    this.scheduler?.stop();
    this.controllerManager?.stop();
    this.availability?.stop();
    for (const node of this.nodes) node.running = false;
    this.deleted = true;
  }

  isApiServerUp(): boolean {
    return this.nodes.some((n) => n.role === 'control-plane' && n.running);
  }
}

function hex12(random: Random): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += random.intBelow(16).toString(16);
  return s;
}
