/**
 * The kubelet's `/metrics/resource` endpoint (what metrics-server scrapes): cumulative CPU and the
 * working set of the node and of every running container, sampled now. Pods the kubelet adopted
 * at bootstrap (the control plane's static pods, kube-system add-ons) have no pod worker here;
 * their containers are measured from their start time and image baselines all the same.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { parseRfc3339 } from '../api/time';
import { CpuAccount, cpuLimitCores, type ContainerUsage } from './runtime/cpu-usage';

export interface PodUsage {
  namespace: string;
  name: string;
  containers: ContainerUsage[];
}

export interface NodeResourceMetrics {
  nodeName: string;
  timestampMs: number;
  node: { cpuNanos: number; memoryBytes: number };
  pods: PodUsage[];
}

/** What the node spends outside pods (systemd, containerd, the kubelet). UNVERIFIED: plausible kind figures. */
const SYSTEM_MILLICPU = 25;
const SYSTEM_MEMORY_BYTES = 180 * 1024 * 1024;

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** Containers of an adopted pod, from its spec and the start times in its status. */
function adoptedUsage(pod: KubeObject, nowMs: number): ContainerUsage[] {
  const statuses = Array.isArray(rec(pod.status).containerStatuses) ? (rec(pod.status).containerStatuses as unknown[]).filter(isRecord) : [];
  const containers = Array.isArray(rec(pod.spec).containers) ? (rec(pod.spec).containers as unknown[]).filter(isRecord) : [];
  return containers.flatMap((c) => {
    const started = parseRfc3339(text(rec(rec(statuses.find((s) => s.name === c.name)?.state).running).startedAt));
    if (started === undefined) return [];
    const account = new CpuAccount(text(c.image), started, cpuLimitCores(c));
    return [{ name: text(c.name), startedAtMs: started, cpuNanos: account.cumulativeNanos(nowMs), memoryBytes: account.workingSetBytes() }];
  });
}

export function collectResourceMetrics(nodeName: string, bootedAtMs: number, pods: readonly KubeObject[], workerUsage: (uid: string) => ContainerUsage[] | undefined, nowMs: number): NodeResourceMetrics {
  const out: PodUsage[] = [];
  for (const pod of pods) {
    if (rec(pod.status).phase !== 'Running') continue;
    const containers = workerUsage(text(pod.metadata.uid)) ?? adoptedUsage(pod, nowMs);
    if (containers.length > 0) out.push({ namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), containers });
  }
  const all = out.flatMap((p) => p.containers);
  const cpuNanos = all.reduce((sum, c) => sum + c.cpuNanos, 0) + Math.round((SYSTEM_MILLICPU / 1000) * Math.max(0, nowMs - bootedAtMs) * 1_000_000);
  const memoryBytes = all.reduce((sum, c) => sum + c.memoryBytes, 0) + SYSTEM_MEMORY_BYTES;
  return { nodeName, timestampMs: nowMs, node: { cpuNanos, memoryBytes }, pods: out };
}
