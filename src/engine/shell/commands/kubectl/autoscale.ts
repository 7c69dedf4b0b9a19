/**
 * `kubectl autoscale deployment web --min=2 --max=5 --cpu=80%`: creates an autoscaling/v2
 * HorizontalPodAutoscaler for a scalable object (`...autoscaled`). v1.34 added `--cpu` and
 * `--memory` (a percentage targets utilization, a quantity an average value; bare numbers mean
 * millicores or MiB) and deprecated `--cpu-percent`.
 */
import type { KubeObject } from '../../../api/meta';
import { resolveResource, type ApiResource } from '../../../client/discovery';
import { isQuantity } from '../../../api/quantity';
import { int, str, type FlagSpec } from '../../../kubectl/flags';
import { parseTargets } from './get';
import { checkOutputFormat, DRY_RUN_FLAG, dryRunOf, dryRunQuery, OUTPUT_FLAG, printOutcome, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';

export const AUTOSCALE_FLAGS: FlagSpec[] = [
  { name: 'min', type: 'int' },
  { name: 'max', type: 'int' },
  { name: 'cpu-percent', type: 'int' },
  { name: 'cpu', type: 'string' },
  { name: 'memory', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'save-config', type: 'bool' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

/** parseResourceInput: `70%` (utilization), `500m`/`2Gi` (average value), `500` (500m or 500Mi). */
function metricTarget(input: string, resource: 'cpu' | 'memory'): Record<string, unknown> | { error: string } {
  const text = input.trim();
  if (text === '') return { error: 'empty input' };
  if (text.endsWith('%')) {
    const n = text.slice(0, -1);
    if (!/^\d+$/.test(n)) return { error: `invalid percentage value: ${n}` };
    return { averageUtilization: Number(n), type: 'Utilization' };
  }
  if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(text)) return { averageValue: `${Number(text)}${resource === 'cpu' ? 'm' : 'Mi'}`, type: 'AverageValue' };
  if (!isQuantity(text)) return { error: `invalid resource ${resource} value: ${text}` };
  return { averageValue: text, type: 'AverageValue' };
}

export function runAutoscale(k: KubectlContext): number {
  if (k.flags.values.has('cpu-percent')) k.err("Flag --cpu-percent has been deprecated, Use --cpu with percentage or resource quantity format (e.g., '70%' for utilization or '500m' for milliCPU).\n");
  const max = int(k.flags, 'max') ?? -1;
  const min = int(k.flags, 'min') ?? -1;
  if (max < 1) {
    k.err(`error: --max=MAXPODS is required and must be at least 1, max: ${max}\n`);
    return 1;
  }
  if (max < min) {
    k.err(`error: --max=MAXPODS must be larger or equal to --min=MINPODS, max: ${max}, min: ${min}\n`);
    return 1;
  }
  const cpuPercent = int(k.flags, 'cpu-percent') ?? -1;
  const cpu = str(k.flags, 'cpu');
  const memory = str(k.flags, 'memory');
  if (cpuPercent > 0 && cpu !== undefined && cpu !== '') {
    k.err('error: --cpu-percent and --cpu are mutually exclusive\n');
    return 1;
  }
  const metrics: Record<string, unknown>[] = [];
  if (cpuPercent > 0) metrics.push({ resource: { name: 'cpu', target: { averageUtilization: cpuPercent, type: 'Utilization' } }, type: 'Resource' });
  for (const [name, input] of [['cpu', cpu], ['memory', memory]] as const) {
    if (input === undefined || input === '') continue;
    const target = metricTarget(input, name);
    if ('error' in target) {
      k.err(`error: ${String(target.error)}\n`);
      return 1;
    }
    metrics.push({ resource: { name, target }, type: 'Resource' });
  }
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  if (!checkOutputFormat(k)) return 1;
  const conn = requireConnection(k);
  if (!conn) return 1;
  const targets = parseTargets(k, k.flags.positional);
  if ('error' in targets) {
    k.err(targets.error + '\n');
    return 1;
  }
  const t = targets[0];
  const name = t?.names[0];
  if (!t || name === undefined) {
    k.err("error: you must provide one or more resources by argument or filename\nSee 'kubectl autoscale -h' for help and examples\n");
    return 1;
  }
  if (!['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController'].includes(t.resource.kind)) {
    k.err(`error: cannot autoscale a ${t.resource.kind}: cannot autoscale a ${t.resource.kind}\n`);
    return 1;
  }
  const target = conn.client.get({ ...refOf(t.resource, conn.namespace), name });
  if (!target.ok) {
    k.err(statusLine(target.status) + '\n');
    return 1;
  }
  const spec: Record<string, unknown> = { maxReplicas: max };
  if (metrics.length > 0) spec.metrics = metrics;
  if (min > 0) spec.minReplicas = min;
  spec.scaleTargetRef = { apiVersion: t.resource.group ? `${t.resource.group}/${t.resource.version}` : t.resource.version, kind: t.resource.kind, name };
  const hpa = { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: str(k.flags, 'name') ?? name }, spec, status: { currentMetrics: null, desiredReplicas: 0 } } as unknown as KubeObject;
  const resource = resolveResource(k.resources(), 'horizontalpodautoscalers.autoscaling') as ApiResource;
  // A client dry run prints the object as "created", a real one as "autoscaled".
  if (dryRun === 'client') return printOutcome(k, hpa, resource, 'created', dryRun) ? 0 : 1;
  const r = conn.client.create(refOf(resource, conn.namespace), hpa, { ...dryRunQuery(dryRun), fieldManager: 'kubectl-autoscale' });
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return 1;
  }
  return printOutcome(k, r.value, resource, 'autoscaled', dryRun) ? 0 : 1;
}
