/** The kind clusters on the lab machine, by name, as `kind get clusters` lists them. */
import type { Random, SimLoop } from '../clock';
import type { TrafficEvent } from '../protocol';
import { ClusterRuntime, type ClusterDump } from './runtime';
import type { KindClusterSpec } from './kind-config';

export class ClusterManager {
  private readonly clusters = new Map<string, ClusterRuntime>();
  private readonly ports: Random;

  constructor(
    private readonly loop: SimLoop,
    private readonly random: Random,
    private readonly onTraffic: (cluster: string, event: TrafficEvent) => void,
    private readonly onCreated: (cluster: ClusterRuntime) => void,
    /** Before a deleted cluster goes (`kind delete cluster`), while its store still holds everything. */
    private readonly onDeleting: (cluster: ClusterRuntime) => void = () => undefined,
  ) {
    this.ports = random.fork('hostports');
  }

  get(name: string): ClusterRuntime | undefined {
    return this.clusters.get(name);
  }

  names(): string[] {
    return [...this.clusters.keys()].sort();
  }

  all(): ClusterRuntime[] {
    return this.names().map((n) => this.clusters.get(n) as ClusterRuntime);
  }

  /** The cluster whose API server is published at `server` (a kubeconfig's cluster.server). */
  byServer(server: string): ClusterRuntime | undefined {
    return this.all().find((c) => c.server === server.replace(/\/+$/, ''));
  }

  /** Re-creates a cluster from a snapshot's dump (no bootstrap: its state is the dump). */
  restore(dump: ClusterDump): ClusterRuntime {
    const cluster = new ClusterRuntime(dump.spec, dump.hostPort, this.loop, this.random.fork(`cluster/${dump.spec.name}/restored`), (e) => this.onTraffic(dump.spec.name, e));
    this.clusters.set(dump.spec.name, cluster);
    this.onCreated(cluster);
    cluster.restore(dump);
    return cluster;
  }

  create(spec: KindClusterSpec): ClusterRuntime {
    let port = 0;
    do port = 32768 + this.ports.intBelow(60999 - 32768);
    while (this.all().some((c) => c.hostPort === port));
    const cluster = new ClusterRuntime(spec, port, this.loop, this.random.fork(`cluster/${spec.name}`), (e) => this.onTraffic(spec.name, e));
    const taken = new Set(this.all().flatMap((c) => c.nodes.map((n) => n.internalIP)));
    this.clusters.set(spec.name, cluster);
    this.onCreated(cluster);
    cluster.bootstrap(taken);
    return cluster;
  }

  delete(name: string): boolean {
    const cluster = this.clusters.get(name);
    if (cluster) this.onDeleting(cluster);
    cluster?.shutdown();
    return this.clusters.delete(name);
  }
}
