/**
 * ClusterIP and NodePort allocators. Like kube-apiserver, dynamic picks are random and avoid the
 * lower band of the range, which is left for static choices (10.96.0.1 for `kubernetes`,
 * 10.96.0.10 for `kube-dns`).
 */
import type { Random } from '../clock';

function ipToInt(ip: string): number | undefined {
  const parts = ip.split('.');
  if (parts.length !== 4) return undefined;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return undefined;
    n = n * 256 + Number(p);
  }
  return n;
}

function intToIp(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export class ClusterIPAllocator {
  private readonly base: number;
  private readonly size: number;
  private readonly used = new Set<number>();
  /** Size of the lower band reserved for static allocation (min(max(16, size/16), 256)). */
  private readonly staticBand: number;

  constructor(
    readonly cidr: string,
    private readonly random: Random,
  ) {
    const [ip, bits] = cidr.split('/');
    this.base = ipToInt(ip ?? '') ?? 0;
    this.size = 2 ** (32 - Number(bits));
    this.staticBand = Math.min(Math.max(16, Math.floor(this.size / 16)), 256);
  }

  allocate(requested?: string): { ip: string } | { error: string } {
    if (requested !== undefined) {
      const n = ipToInt(requested);
      if (n === undefined || n <= this.base || n >= this.base + this.size - 1) return { error: `the provided IP (${requested}) is not in the valid range. The range of valid IPs is ${this.cidr}` };
      if (this.used.has(n)) return { error: `the provided IP (${requested}) is already allocated` };
      this.used.add(n);
      return { ip: requested };
    }
    // Usable addresses exclude the network and broadcast addresses.
    const lo = this.base + 1 + this.staticBand;
    const hi = this.base + this.size - 2;
    const span = hi - lo + 1;
    if (span <= 0) return { error: 'range is full' };
    const start = this.random.intBelow(span);
    for (let i = 0; i < span; i++) {
      const n = lo + ((start + i) % span);
      if (!this.used.has(n)) {
        this.used.add(n);
        return { ip: intToIp(n) };
      }
    }
    return { error: 'range is full' };
  }

  release(ip: string): void {
    const n = ipToInt(ip);
    if (n !== undefined) this.used.delete(n);
  }
}

export class NodePortAllocator {
  private readonly used = new Set<number>();

  constructor(
    private readonly random: Random,
    readonly min = 30000,
    readonly max = 32767,
  ) {}

  allocate(requested?: number): { port: number } | { error: string } {
    if (requested !== undefined) {
      if (!Number.isInteger(requested) || requested < this.min || requested > this.max) return { error: `provided port is not in the valid range. The range of valid ports is ${this.min}-${this.max}` };
      if (this.used.has(requested)) return { error: 'provided port is already allocated' };
      this.used.add(requested);
      return { port: requested };
    }
    const size = this.max - this.min + 1;
    // Dynamic picks prefer the upper band; the lower band (min(max(16, size/32), 128)) is for static ports.
    const band = Math.min(Math.max(16, Math.floor(size / 32)), 128);
    const lo = this.min + band;
    const span = this.max - lo + 1;
    const start = this.random.intBelow(span);
    for (let i = 0; i < span; i++) {
      const p = lo + ((start + i) % span);
      if (!this.used.has(p)) {
        this.used.add(p);
        return { port: p };
      }
    }
    for (let p = this.min; p < lo; p++) {
      if (!this.used.has(p)) {
        this.used.add(p);
        return { port: p };
      }
    }
    return { error: 'range is full' };
  }

  release(port: number): void {
    this.used.delete(port);
  }
}
