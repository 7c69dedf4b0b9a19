/**
 * The metrics-server processes running in a cluster, by pod IP: the kubelet starts one when a
 * container of the metrics-server image starts, and kube-apiserver's proxy and the APIService
 * availability check reach it at that address, as they would over the pod network.
 */
import type { Client } from '../client';
import type { SimLoop } from '../clock';
import type { ContainerProcess } from '../kubelet/runtime/processes';
import { MetricsServer, type MetricsServerDeps } from './metrics-server';

export class MetricsServerDirectory {
  private readonly byIP = new Map<string, { server: MetricsServer; port: number }>();

  constructor(
    private readonly client: Client,
    private readonly loop: SimLoop,
    private readonly kubeletAt: MetricsServerDeps['kubeletAt'],
  ) {}

  /** The container's process; it listens on `--secure-port` (default 10250). */
  start(podIP: string, argv: readonly string[]): ContainerProcess {
    const server = new MetricsServer({ client: this.client, loop: this.loop, kubeletAt: this.kubeletAt }, argv);
    const port = Number(argv.find((a) => a.startsWith('--secure-port='))?.split('=')[1]) || 10250;
    this.byIP.set(podIP, { server, port });
    return {
      program: server.program(),
      listeners: [{ port, http: (path) => (path === '/readyz' ? server.readyz() : 200) }],
      onSigterm: 'fast',
    };
  }

  /** The server answering at `ip:port`, if one runs there. */
  at(ip: string, port: number): MetricsServer | undefined {
    const entry = this.byIP.get(ip);
    return entry && entry.port === port ? entry.server : undefined;
  }
}
