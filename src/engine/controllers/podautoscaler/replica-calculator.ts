/**
 * The HPA's replica calculation for Resource metrics (pkg/controller/podautoscaler
 * replica_calculator.go): pods are grouped into ready, ignored (pending, or unready/just started
 * within the CPU initialization period) and missing (no metrics); utilization is total usage over
 * total requests; within the 0.1 tolerance nothing changes; ignored and missing pods are counted as
 * 0% on a scale-up and as 100% on a scale-down, and a change that would flip direction is dropped.
 */
export const TOLERANCE = 0.1;
/** --horizontal-pod-autoscaler-cpu-initialization-period and --horizontal-pod-autoscaler-initial-readiness-delay. */
export const CPU_INITIALIZATION_PERIOD_MS = 5 * 60_000;
export const INITIAL_READINESS_DELAY_MS = 30_000;

export interface PodSample {
  name: string;
  phase: string;
  deleting: boolean;
  /** status.startTime, if set. */
  startTimeMs?: number;
  ready?: { status: boolean; lastTransitionMs: number };
  /** Sum of the containers' requests of the resource, in milli-units; undefined when one has none. */
  requestMilli: number | undefined;
}

export interface PodMetric {
  valueMilli: number;
  timestampMs: number;
  windowMs: number;
}

export type ReplicaResult = { ok: true; replicas: number; utilization: number; rawAverageMilli: number } | { ok: false; error: string };

/** groupPods: which pods count, which are ignored, which have no metrics. */
export function groupPods(pods: readonly PodSample[], metrics: ReadonlyMap<string, PodMetric>, resource: string, nowMs: number): { ready: number; ignored: Set<string>; missing: Set<string> } {
  const ignored = new Set<string>();
  const missing = new Set<string>();
  let ready = 0;
  for (const pod of pods) {
    if (pod.deleting || pod.phase === 'Failed') continue;
    if (pod.phase === 'Pending') {
      ignored.add(pod.name);
      continue;
    }
    const metric = metrics.get(pod.name);
    if (!metric) {
      missing.add(pod.name);
      continue;
    }
    if (resource === 'cpu') {
      let ignore: boolean;
      if (!pod.ready || pod.startTimeMs === undefined) ignore = true;
      else if (pod.startTimeMs + CPU_INITIALIZATION_PERIOD_MS > nowMs) ignore = !pod.ready.status || metric.timestampMs < pod.ready.lastTransitionMs + metric.windowMs;
      else ignore = !pod.ready.status && pod.startTimeMs + INITIAL_READINESS_DELAY_MS > pod.ready.lastTransitionMs;
      if (ignore) {
        ignored.add(pod.name);
        continue;
      }
    }
    ready++;
  }
  return { ready, ignored, missing };
}

/** GetResourceUtilizationRatio: integer utilization percent of the requests, and the ratio to the target. */
function utilizationRatio(metrics: ReadonlyMap<string, number>, requests: ReadonlyMap<string, number>, target: number): { ratio: number; utilization: number; rawAverage: number } | undefined {
  let used = 0;
  let requested = 0;
  let n = 0;
  for (const [name, value] of metrics) {
    const request = requests.get(name);
    if (request === undefined) continue;
    used += value;
    requested += request;
    n++;
  }
  if (requested === 0) return undefined;
  const utilization = Math.trunc((used * 100) / requested);
  return { ratio: utilization / target, utilization, rawAverage: Math.trunc(used / n) };
}

/** GetResourceReplicas for a utilization target (percent of requests). */
export function resourceReplicas(currentReplicas: number, targetUtilization: number, resource: string, pods: readonly PodSample[], podMetrics: ReadonlyMap<string, PodMetric>, nowMs: number): ReplicaResult {
  if (pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const { ready, ignored, missing } = groupPods(pods, podMetrics, resource, nowMs);
  const metrics = new Map([...podMetrics].filter(([name]) => !ignored.has(name)).map(([name, m]) => [name, m.valueMilli] as const));
  const requests = new Map<string, number>();
  for (const pod of pods) {
    if (pod.requestMilli === undefined) return { ok: false, error: `missing request for ${resource}` };
    requests.set(pod.name, pod.requestMilli);
  }
  if (metrics.size === 0) return { ok: false, error: 'did not receive metrics for any ready pods' };
  const first = utilizationRatio(metrics, requests, targetUtilization);
  if (!first) return { ok: false, error: 'no metrics returned matched known pods' };
  const { ratio, utilization, rawAverage } = first;
  const result = (replicas: number): ReplicaResult => ({ ok: true, replicas, utilization, rawAverageMilli: rawAverage });
  const rebalanceIgnored = ignored.size > 0 && ratio > 1.0;
  if (!rebalanceIgnored && missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= TOLERANCE) return result(currentReplicas);
    return result(Math.ceil(ratio * ready));
  }
  if (missing.size > 0) {
    for (const name of missing) {
      if (ratio < 1.0) metrics.set(name, requests.get(name) ?? 0);
      else if (ratio > 1.0) metrics.set(name, 0);
    }
  }
  if (rebalanceIgnored) for (const name of ignored) metrics.set(name, 0);
  const second = utilizationRatio(metrics, requests, targetUtilization);
  if (!second) return { ok: false, error: 'no metrics returned matched known pods' };
  const newRatio = second.ratio;
  if (Math.abs(1.0 - newRatio) <= TOLERANCE || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) return result(currentReplicas);
  const replicas = Math.ceil(newRatio * metrics.size);
  if ((newRatio < 1.0 && replicas > currentReplicas) || (newRatio > 1.0 && replicas < currentReplicas)) return result(currentReplicas);
  return result(replicas);
}

/** GetRawResourceReplicas (calcPlainMetricReplicas) for an averageValue target, in milli-units. */
export function rawResourceReplicas(currentReplicas: number, targetMilli: number, resource: string, pods: readonly PodSample[], podMetrics: ReadonlyMap<string, PodMetric>, nowMs: number): ReplicaResult {
  if (pods.length === 0) return { ok: false, error: 'no pods returned by selector while calculating replica count' };
  const { ready, ignored, missing } = groupPods(pods, podMetrics, resource, nowMs);
  const metrics = new Map([...podMetrics].filter(([name]) => !ignored.has(name)).map(([name, m]) => [name, m.valueMilli] as const));
  if (metrics.size === 0) return { ok: false, error: 'did not receive metrics for any ready pods' };
  const average = (m: ReadonlyMap<string, number>) => [...m.values()].reduce((s, v) => s + v, 0) / m.size;
  const ratio = average(metrics) / targetMilli;
  const utilization = Math.trunc(average(metrics));
  const result = (replicas: number): ReplicaResult => ({ ok: true, replicas, utilization, rawAverageMilli: utilization });
  const rebalanceIgnored = ignored.size > 0 && ratio > 1.0;
  if (!rebalanceIgnored && missing.size === 0) {
    if (Math.abs(1.0 - ratio) <= TOLERANCE) return result(currentReplicas);
    return result(Math.ceil(ratio * ready));
  }
  for (const name of missing) metrics.set(name, ratio < 1.0 ? targetMilli : 0);
  if (rebalanceIgnored) for (const name of ignored) metrics.set(name, 0);
  const newRatio = average(metrics) / targetMilli;
  if (Math.abs(1.0 - newRatio) <= TOLERANCE || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) return result(currentReplicas);
  return result(Math.ceil(newRatio * metrics.size));
}
