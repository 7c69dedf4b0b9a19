/**
 * The CPU and memory a container uses, as cAdvisor would measure it: a cumulative CPU counter
 * (what `/metrics/resource` reports as container_cpu_usage_seconds_total) and a working set.
 *
 * The model is deliberately small and deterministic:
 * - every container burns an idle baseline per image (a sleeping shell ~0, nginx 1m, the control
 *   plane tens of millicores) and holds a constant working set per image;
 * - a request served by the container (an HTTP GET reaching it through a Service) costs a fixed
 *   amount of CPU per image (`registry.k8s.io/hpa-example` computes a million square roots per
 *   request: about 20 ms of one core);
 * - the container's CPU limit caps it the way the CFS quota does: a request runs at one core, but
 *   the container may not get ahead of `limit × elapsed time` by more than one 100 ms CFS period,
 *   so requests arriving faster than the limit allows queue up and answer later.
 * So a client that loops on one Service (the HPA walkthrough's load generator) keeps a single pod
 * at its limit and spreads over more pods as the Deployment scales.
 */
import { isRecord } from '../../api/meta';
import { parseMilli } from '../../api/quantity';
import { parseImage } from './image-catalog';

/** One container's counters as the kubelet's /metrics/resource reports them. */
export interface ContainerUsage {
  name: string;
  startedAtMs: number;
  cpuNanos: number;
  memoryBytes: number;
}

/** Idle use of an image's main process: millicores and working-set bytes. */
interface Baseline {
  milliCPU: number;
  memoryBytes: number;
  /** CPU milliseconds one served HTTP request costs (0: negligible). */
  requestCostMs?: number;
}

const MI = 1024 * 1024;

/** Repositories by canonical name; anything else idles at 1m and 4Mi. UNVERIFIED: plausible idle figures, not measurements. */
const BASELINES: Readonly<Record<string, Baseline>> = {
  'docker.io/library/busybox': { milliCPU: 0, memoryBytes: 0.4 * MI },
  'registry.k8s.io/busybox': { milliCPU: 0, memoryBytes: 0.4 * MI },
  'docker.io/library/alpine': { milliCPU: 0, memoryBytes: 0.5 * MI },
  'docker.io/library/nginx': { milliCPU: 0, memoryBytes: 3 * MI, requestCostMs: 0.2 },
  'registry.k8s.io/nginx-slim': { milliCPU: 0, memoryBytes: 2 * MI, requestCostMs: 0.2 },
  'docker.io/library/httpd': { milliCPU: 1, memoryBytes: 6 * MI, requestCostMs: 0.3 },
  'registry.k8s.io/hpa-example': { milliCPU: 1, memoryBytes: 11 * MI, requestCostMs: 20 },
  'docker.io/library/redis': { milliCPU: 2, memoryBytes: 3 * MI },
  'docker.io/library/postgres': { milliCPU: 2, memoryBytes: 22 * MI },
  'docker.io/library/mysql': { milliCPU: 5, memoryBytes: 360 * MI },
  'registry.k8s.io/e2e-test-images/agnhost': { milliCPU: 0, memoryBytes: 2 * MI, requestCostMs: 0.1 },
  'docker.io/hashicorp/http-echo': { milliCPU: 0, memoryBytes: 1.5 * MI, requestCostMs: 0.1 },
  'registry.k8s.io/kube-apiserver': { milliCPU: 48, memoryBytes: 228 * MI },
  'registry.k8s.io/etcd': { milliCPU: 22, memoryBytes: 38 * MI },
  'registry.k8s.io/kube-controller-manager': { milliCPU: 16, memoryBytes: 48 * MI },
  'registry.k8s.io/kube-scheduler': { milliCPU: 4, memoryBytes: 21 * MI },
  'registry.k8s.io/kube-proxy': { milliCPU: 1, memoryBytes: 14 * MI },
  'registry.k8s.io/coredns/coredns': { milliCPU: 2, memoryBytes: 13 * MI },
  'docker.io/kindest/kindnetd': { milliCPU: 1, memoryBytes: 11 * MI },
  'docker.io/kindest/local-path-provisioner': { milliCPU: 1, memoryBytes: 8 * MI },
  'registry.k8s.io/metrics-server/metrics-server': { milliCPU: 4, memoryBytes: 19 * MI },
};

const DEFAULT_BASELINE: Baseline = { milliCPU: 1, memoryBytes: 4 * MI };

/** What a busybox `wget` costs its caller (fork, exec, one request). UNVERIFIED: a plausible figure. */
export const WGET_CLIENT_COST_MS = 0.4;

/** One CFS period: how far a container may run ahead of its quota before it is throttled. */
const CFS_PERIOD_MS = 100;

/** `resources.limits.cpu` in cores, if set. */
export function cpuLimitCores(container: Record<string, unknown>): number | undefined {
  const limits = isRecord(container.resources) && isRecord(container.resources.limits) ? container.resources.limits : {};
  const cpu = limits.cpu;
  if (typeof cpu !== 'string' && typeof cpu !== 'number') return undefined;
  try {
    const milli = parseMilli(cpu);
    return milli > 0 ? milli / 1000 : undefined;
  } catch {
    return undefined;
  }
}

export function baselineOf(image: string): Baseline {
  return BASELINES[parseImage(image).repository] ?? DEFAULT_BASELINE;
}

/** The CPU account of one container instance. Times are virtual milliseconds. */
export class CpuAccount {
  /** CPU milliseconds spent serving requests so far (on top of the idle baseline). */
  private workMs = 0;
  /** Where the container's quota stands: it may not get past `now + one CFS period`. */
  private quotaClockMs: number;

  constructor(
    readonly image: string,
    private readonly startedAtMs: number,
    /** The CPU limit in cores, or undefined for none (one core per request then). */
    private readonly limitCores: number | undefined,
  ) {
    this.quotaClockMs = startedAtMs;
  }

  /**
   * Serves one request arriving at `nowMs`; returns how long it takes to answer (whole ms). The request's CPU
   * is counted at once (the counter is read in 15 s windows, so when within them does not matter).
   */
  serve(nowMs: number): number {
    const cost = baselineOf(this.image).requestCostMs ?? 0;
    if (cost === 0) return 0;
    this.workMs += cost;
    // Whole milliseconds: the virtual clock ticks in them.
    if (this.limitCores === undefined) return Math.round(cost);
    this.quotaClockMs = Math.max(this.quotaClockMs, nowMs - CFS_PERIOD_MS) + cost / this.limitCores;
    return Math.round(Math.max(cost, this.quotaClockMs - CFS_PERIOD_MS - nowMs));
  }

  /** CPU the container's own process spends (a client starting `wget` for each request). */
  spend(cpuMs: number): void {
    this.workMs += cpuMs;
  }

  /** container_cpu_usage_seconds_total at `nowMs`, in nanoseconds of CPU. */
  cumulativeNanos(nowMs: number): number {
    const idleMs = (baselineOf(this.image).milliCPU / 1000) * Math.max(0, nowMs - this.startedAtMs);
    return Math.round((idleMs + this.workMs) * 1_000_000);
  }

  /** container_memory_working_set_bytes. */
  workingSetBytes(): number {
    return Math.round(baselineOf(this.image).memoryBytes);
  }
}
