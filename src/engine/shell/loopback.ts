/**
 * The lab machine's own listening sockets (what `kubectl port-forward` binds): an address and a TCP
 * port each, taken until released. `curl localhost:PORT` connects through them. The kind clusters'
 * published API server ports (docker's 127.0.0.1:<port>) count as taken too.
 */
import type { Fetched } from '../network/wget';

/** Answers one connection: the HTTP request's path in, what came back out. */
export type LoopbackHandler = (path: string) => Fetched;

/** Linux's default ephemeral range (net.ipv4.ip_local_port_range), where port 0 binds. */
const EPHEMERAL_LOW = 32768;
const EPHEMERAL_HIGH = 60999;

export class LoopbackPorts {
  private readonly listeners = new Map<string, LoopbackHandler>();

  constructor(
    /** Ports held by something else on the machine (docker's published ports), by address. */
    private readonly heldElsewhere: (address: string, port: number) => boolean = () => false,
  ) {}

  private static key(address: string, port: number): string {
    return `${address}|${port}`;
  }

  /** True when `address:port` cannot be bound (a wildcard address conflicts with any of its family). */
  inUse(address: string, port: number): boolean {
    const v6 = address.includes(':');
    const wildcard = v6 ? '::' : '0.0.0.0';
    for (const key of this.listeners.keys()) {
      const [a = '', p] = key.split('|');
      if (Number(p) !== port || a.includes(':') !== v6) continue;
      if (a === address || a === wildcard || address === wildcard) return true;
    }
    return this.heldElsewhere(address, port);
  }

  bind(address: string, port: number, handler: LoopbackHandler): boolean {
    if (this.inUse(address, port)) return false;
    this.listeners.set(LoopbackPorts.key(address, port), handler);
    return true;
  }

  release(address: string, port: number): void {
    this.listeners.delete(LoopbackPorts.key(address, port));
  }

  /** A free port of the ephemeral range for `port 0`, as the kernel picks one. */
  ephemeralPort(pick: (bound: number) => number, addresses: readonly string[]): number {
    for (;;) {
      const port = EPHEMERAL_LOW + pick(EPHEMERAL_HIGH - EPHEMERAL_LOW + 1);
      if (!addresses.some((a) => this.inUse(a, port))) return port;
    }
  }

  /**
   * Who answers a connection to `host:port` from this machine: `localhost` tries ::1, then
   * 127.0.0.1 (as curl falls back); a wildcard listener takes its family's loopback address.
   */
  connect(host: string, port: number): LoopbackHandler | undefined {
    const candidates = host === 'localhost' ? ['::1', '127.0.0.1'] : [host.replace(/^\[(.*)\]$/, '$1')];
    for (const address of candidates) {
      const wildcard = address.includes(':') ? '::' : '0.0.0.0';
      const handler = this.listeners.get(LoopbackPorts.key(address, port)) ?? (address === '::1' || address === '127.0.0.1' ? this.listeners.get(LoopbackPorts.key(wildcard, port)) : undefined);
      if (handler) return handler;
    }
    return undefined;
  }
}
