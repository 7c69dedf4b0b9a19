/**
 * horizontal-pod-autoscaler (kube-controller-manager): every 15 s (--horizontal-pod-autoscaler-sync-period)
 * each HPA reads its target's scale subresource, fetches the pods' resource metrics from
 * metrics.k8s.io, computes the desired replicas (replica-calculator.ts), stabilizes and limits
 * them (normalize.ts), writes the new scale, and records status, conditions and events with
 * Kubernetes' reasons and messages.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { matches, parseSelector, type Selector } from '../../api/labels';
import { formatQuantityMilli, parseQuantityMilli } from '../../api/quantity';
import { formatRfc3339, parseRfc3339 } from '../../api/time';
import { LegacyEventRecorder } from '../../client';
import { listMetrics } from '../../client/metrics';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { normalizeLegacy, normalizeWithBehavior, type Condition, type Recommendation, type ScaleEvent, type ScalingRules } from './normalize';
import { rawResourceReplicas, resourceReplicas, type PodMetric, type PodSample } from './replica-calculator';

export const HPA_SYNC_PERIOD_MS = 15_000;

const TARGETS: Readonly<Record<string, { group: string; version: string; resource: string }>> = {
  Deployment: { group: 'apps', version: 'v1', resource: 'deployments' },
  ReplicaSet: { group: 'apps', version: 'v1', resource: 'replicasets' },
  StatefulSet: { group: 'apps', version: 'v1', resource: 'statefulsets' },
  ReplicationController: { group: '', version: 'v1', resource: 'replicationcontrollers' },
};

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

type Conditions = Map<string, Condition>;

interface MetricOutcome {
  replicas: number;
  name: string;
  status: Record<string, unknown>;
}

/** What the controller remembers per HPA (in memory, as kube-controller-manager does). */
interface Memory {
  recommendations: Recommendation[];
  scaleUpEvents: ScaleEvent[];
  scaleDownEvents: ScaleEvent[];
  lastSyncMs?: number;
  firstSeenMs: number;
}

function podSample(pod: KubeObject, resource: string): PodSample {
  const status = rec(pod.status);
  const ready = list(status.conditions).find((c) => c.type === 'Ready');
  let requestMilli: number | undefined = 0;
  for (const c of list(rec(pod.spec).containers)) {
    const request = rec(rec(c.resources).requests)[resource];
    if (typeof request !== 'string' && typeof request !== 'number') requestMilli = undefined;
    else if (requestMilli !== undefined) requestMilli += Number(parseQuantityMilli(request));
  }
  return {
    name: text(pod.metadata.name),
    phase: text(status.phase),
    deleting: pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null,
    startTimeMs: parseRfc3339(status.startTime),
    ready: ready ? { status: ready.status === 'True', lastTransitionMs: parseRfc3339(ready.lastTransitionTime) ?? 0 } : undefined,
    requestMilli,
  };
}

/** Quantity.MilliValue() rounds up. */
function milliOf(quantity: unknown): number {
  return typeof quantity === 'string' || typeof quantity === 'number' ? Number(parseQuantityMilli(quantity)) : 0;
}

function rules(v: unknown, fallback: ScalingRules): ScalingRules {
  const r = rec(v);
  return {
    stabilizationWindowSeconds: typeof r.stabilizationWindowSeconds === 'number' ? r.stabilizationWindowSeconds : fallback.stabilizationWindowSeconds,
    selectPolicy: r.selectPolicy === 'Min' || r.selectPolicy === 'Disabled' ? r.selectPolicy : 'Max',
    policies: Array.isArray(r.policies) ? list(r.policies).map((p) => ({ type: p.type === 'Pods' ? 'Pods' : 'Percent', value: Number(p.value), periodSeconds: Number(p.periodSeconds) })) : fallback.policies,
  };
}

/** GenerateHPAScaleUpRules / GenerateHPAScaleDownRules defaults for fields a behavior leaves out. */
const DEFAULT_UP: ScalingRules = { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
const DEFAULT_DOWN: ScalingRules = { stabilizationWindowSeconds: 300, selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };

export class HorizontalPodAutoscalerController implements Controller {
  readonly name = 'horizontal-pod-autoscaler';
  private events: LegacyEventRecorder | undefined;
  private readonly memory = new Map<string, Memory>();
  /**
   * Each HPA's pod selector, by `namespace/name`: registered (selecting nothing) when the HPA is
   * seen and set at its first sync, so two HPAs over the same pods are caught (AmbiguousSelector).
   */
  private readonly selectors = new Map<string, Selector | undefined>();

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    this.events = new LegacyEventRecorder(context.client, context.loop, 'horizontal-pod-autoscaler', '');
    const hpas = context.informers.forResource('autoscaling', 'v2', 'horizontalpodautoscalers');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    hpas.addHandler({
      onAdd: (o) => {
        if (!this.selectors.has(keyOf(o))) this.selectors.set(keyOf(o), undefined);
        enqueue(keyOf(o));
      },
      onUpdate: (_old, o) => enqueue(keyOf(o)),
      onDelete: (o) => this.selectors.delete(keyOf(o)),
    });
    context.informers.forResource('', 'v1', 'pods');
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const hpa = context.informers.forResource('autoscaling', 'v2', 'horizontalpodautoscalers').get(key);
    const now = context.loop.nowMs();
    if (!hpa) {
      this.memory.delete(key);
      this.selectors.delete(key);
      return DONE;
    }
    let memory = this.memory.get(key);
    if (!memory) {
      memory = { recommendations: [], scaleUpEvents: [], scaleDownEvents: [], firstSeenMs: now };
      this.memory.set(key, memory);
    }
    // The HPA queue adds every key with a fixed 15 s delay and drops duplicates: one sync per period.
    const due = memory.lastSyncMs === undefined ? memory.firstSeenMs + HPA_SYNC_PERIOD_MS : memory.lastSyncMs + HPA_SYNC_PERIOD_MS;
    if (now < due) return { kind: 'requeueAfter', delayMs: due - now };
    memory.lastSyncMs = now;
    this.sync(hpa, memory, context);
    return { kind: 'requeueAfter', delayMs: HPA_SYNC_PERIOD_MS };
  }

  private sync(hpa: KubeObject, memory: Memory, context: ControllerContext): void {
    const spec = rec(hpa.spec);
    const status = rec(hpa.status);
    const namespace = text(hpa.metadata.namespace);
    const conditions: Conditions = new Map(list(status.conditions).map((c) => [text(c.type), { status: c.status === 'True' ? 'True' : 'False', reason: text(c.reason), message: text(c.message) }]));
    const previousTimes = new Map(list(status.conditions).map((c) => [text(c.type), { status: text(c.status), time: text(c.lastTransitionTime) }]));
    const ref = rec(spec.scaleTargetRef);
    const target = TARGETS[text(ref.kind)];
    const write = (currentReplicas: number, desiredReplicas: number, currentMetrics: unknown, rescaled: boolean) => this.writeStatus(hpa, { currentReplicas, desiredReplicas, currentMetrics, rescaled }, conditions, previousTimes, context);
    const scaleRef = target ? { ...target, namespace, name: text(ref.name), subresource: 'scale' } : undefined;
    const scale = scaleRef ? context.client.get(scaleRef) : undefined;
    if (!scaleRef || !scale?.ok) {
      const message = scale && !scale.ok ? text(scale.status.message) : `no matches for kind "${text(ref.kind)}" in group "${text(ref.apiVersion).split('/')[0] ?? ''}"`;
      this.events?.record(hpa, 'Warning', 'FailedGetScale', message);
      conditions.set('AbleToScale', { status: 'False', reason: 'FailedGetScale', message: `the HPA controller was unable to get the target's current scale: ${message}` });
      write(Number(status.currentReplicas ?? 0), Number(status.desiredReplicas ?? 0), status.currentMetrics ?? null, false);
      return;
    }
    conditions.set('AbleToScale', { status: 'True', reason: 'SucceededGetScale', message: "the HPA controller was able to get the target's current scale" });
    const currentReplicas = Number(rec(scale.value.spec).replicas ?? 0);
    const minReplicas = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    const maxReplicas = Number(spec.maxReplicas ?? 0);
    if (memory.recommendations.length === 0) memory.recommendations.push({ replicas: currentReplicas, atMs: context.loop.nowMs() });
    let desired = 0;
    let reason = '';
    let rescale = true;
    let metricStatuses: unknown = status.currentMetrics ?? null;
    if (currentReplicas === 0 && minReplicas !== 0) {
      rescale = false;
      conditions.set('ScalingActive', { status: 'False', reason: 'ScalingDisabled', message: 'scaling is disabled since the replica count of the target is zero' });
    } else if (currentReplicas > maxReplicas) {
      reason = 'Current number of replicas above Spec.MaxReplicas';
      desired = maxReplicas;
    } else if (currentReplicas < minReplicas) {
      reason = 'Current number of replicas below Spec.MinReplicas';
      desired = minReplicas;
    } else {
      const computed = this.computeReplicasForMetrics(hpa, scale.value, currentReplicas, conditions, context);
      if (!computed.ok) {
        // A metric that failed leaves an empty status (`type: ""`), which kubectl shows as <unknown>.
        write(currentReplicas, Number(status.desiredReplicas ?? 0), computed.statuses, false);
        this.events?.record(hpa, 'Warning', 'FailedComputeMetricsReplicas', computed.error);
        return;
      }
      metricStatuses = computed.statuses;
      desired = computed.replicas;
      if (desired > currentReplicas) reason = `${computed.name} above target`;
      if (desired < currentReplicas) reason = 'All metrics below target';
      const behavior = isRecord(spec.behavior) ? spec.behavior : undefined;
      const now = context.loop.nowMs();
      const normalized = behavior
        ? normalizeWithBehavior(memory.recommendations, rules(behavior.scaleUp, DEFAULT_UP), rules(behavior.scaleDown, DEFAULT_DOWN), memory.scaleUpEvents, memory.scaleDownEvents, now, currentReplicas, desired, minReplicas, maxReplicas)
        : normalizeLegacy(memory.recommendations, now, currentReplicas, desired, minReplicas, maxReplicas);
      conditions.set('AbleToScale', normalized.ableToScale);
      conditions.set('ScalingLimited', normalized.scalingLimited);
      desired = normalized.replicas;
      rescale = desired !== currentReplicas;
    }
    if (rescale) {
      const updated = context.client.update(scaleRef, { ...scale.value, spec: { ...rec(scale.value.spec), replicas: desired } });
      if (!updated.ok) {
        this.events?.record(hpa, 'Warning', 'FailedRescale', `New size: ${desired}; reason: ${reason}; error: ${text(updated.status.message)}`);
        conditions.set('AbleToScale', { status: 'False', reason: 'FailedUpdateScale', message: `the HPA controller was unable to update the target scale: ${text(updated.status.message)}` });
        write(currentReplicas, Number(status.desiredReplicas ?? 0), status.currentMetrics ?? null, false);
        return;
      }
      conditions.set('AbleToScale', { status: 'True', reason: 'SucceededRescale', message: `the HPA controller was able to update the target scale to ${desired}` });
      this.events?.record(hpa, 'Normal', 'SuccessfulRescale', `New size: ${desired}; reason: ${reason}`);
      if (isRecord(spec.behavior)) (desired > currentReplicas ? memory.scaleUpEvents : memory.scaleDownEvents).push({ change: Math.abs(desired - currentReplicas), atMs: context.loop.nowMs() });
    } else desired = currentReplicas;
    write(currentReplicas, desired, metricStatuses, rescale);
  }

  private computeReplicasForMetrics(hpa: KubeObject, scale: KubeObject, currentReplicas: number, conditions: Conditions, context: ControllerContext): { ok: true; replicas: number; name: string; statuses: Record<string, unknown>[] } | { ok: false; error: string; statuses: Record<string, unknown>[] | null } {
    const selectorText = text(rec(scale.status).selector);
    if (!selectorText) {
      this.events?.record(hpa, 'Warning', 'SelectorRequired', 'selector is required');
      conditions.set('ScalingActive', { status: 'False', reason: 'InvalidSelector', message: "the HPA target's scale is missing a selector" });
      return { ok: false, error: 'selector is required', statuses: null };
    }
    const namespace = text(hpa.metadata.namespace);
    let selector: Selector;
    try {
      selector = parseSelector(selectorText);
    } catch (error) {
      const message = `couldn't convert selector into a corresponding internal selector object: ${error instanceof Error ? error.message : String(error)}`;
      this.events?.record(hpa, 'Warning', 'InvalidSelector', message);
      conditions.set('ScalingActive', { status: 'False', reason: 'InvalidSelector', message });
      return { ok: false, error: message, statuses: null };
    }
    const key = `${namespace}/${text(hpa.metadata.name)}`;
    if (this.selectors.has(key)) this.selectors.set(key, selector);
    const pods = context.informers.forResource('', 'v1', 'pods').list().filter((p) => p.metadata.namespace === namespace && matches(selector, p.metadata.labels));
    const controlling = [...this.selectors].filter(([k, s]) => s !== undefined && k.startsWith(`${namespace}/`) && pods.some((p) => matches(s, p.metadata.labels))).map(([k]) => k);
    if (controlling.length > 1) {
      // UNVERIFIED: the order of the list (Go prints a map's keys in random order).
      const message = `pods by selector ${selectorText} are controlled by multiple HPAs: [${controlling.sort().join(' ')}]`;
      this.events?.record(hpa, 'Warning', 'AmbiguousSelector', message);
      conditions.set('ScalingActive', { status: 'False', reason: 'AmbiguousSelector', message });
      return { ok: false, error: message, statuses: null };
    }
    const specs = list(rec(hpa.spec).metrics);
    const statuses: Record<string, unknown>[] = [];
    let best: MetricOutcome | undefined;
    let firstError: { error: string; condition: Condition } | undefined;
    let invalid = 0;
    for (const metric of specs) {
      const outcome = this.resourceMetric(hpa, metric, currentReplicas, pods, selectorText, context);
      if ('error' in outcome) {
        invalid++;
        firstError ??= outcome;
        statuses.push({ type: '' });
        continue;
      }
      statuses.push(outcome.status);
      if (!best || outcome.replicas > best.replicas) best = outcome;
    }
    // All metrics failed, or some did and the rest would scale down: nothing is changed.
    const specReplicas = Number(rec(scale.spec).replicas ?? 0);
    if (!best || invalid >= specs.length || (invalid > 0 && best.replicas < specReplicas)) {
      if (firstError) conditions.set('ScalingActive', firstError.condition);
      return { ok: false, error: `invalid metrics (${invalid} invalid out of ${specs.length}), first error is: ${firstError?.error ?? ''}`, statuses };
    }
    conditions.set('ScalingActive', { status: 'True', reason: 'ValidMetricFound', message: `the HPA was able to successfully calculate a replica count from ${best.name}` });
    return { ok: true, replicas: best.replicas, name: best.name, statuses };
  }

  /** computeStatusForResourceMetric. */
  private resourceMetric(hpa: KubeObject, metric: Record<string, unknown>, currentReplicas: number, pods: KubeObject[], selector: string, context: ControllerContext): MetricOutcome | { error: string; condition: Condition } {
    const fail = (reason: string, inner: string, outer: string) => {
      this.events?.record(hpa, 'Warning', reason, inner);
      return { error: outer, condition: { status: 'False' as const, reason, message: `the HPA was unable to compute the replica count: ${inner}` } };
    };
    if (metric.type !== 'Resource') return fail('InvalidMetricSourceType', `unknown metric source type "${text(metric.type)}"`, `unknown metric source type "${text(metric.type)}"`);
    const resource = text(rec(metric.resource).name);
    const target = rec(rec(metric.resource).target);
    const failure = (wrapped: string) => fail('FailedGetResourceMetric', wrapped, `failed to get ${resource} resource metric value: ${wrapped}`);
    const utilizationFailure = (err: string) => failure(`failed to get ${resource} ${target.averageValue !== undefined ? 'usage' : 'utilization'}: ${err}`);
    const fetched = this.podMetrics(resource, text(hpa.metadata.namespace), selector, context);
    if ('error' in fetched) return utilizationFailure(`unable to get metrics for resource ${resource}: ${fetched.error}`);
    const samples = pods.map((p) => podSample(p, resource));
    const now = context.loop.nowMs();
    if (target.averageValue !== undefined) {
      const r = rawResourceReplicas(currentReplicas, milliOf(target.averageValue), resource, samples, fetched.metrics, now);
      if (!r.ok) return failure(`failed to get ${resource} usage: ${r.error}`);
      return { replicas: r.replicas, name: `${resource} resource`, status: { type: 'Resource', resource: { name: resource, current: { averageValue: formatQuantityMilli(BigInt(r.rawAverageMilli), 'DecimalSI') } } } };
    }
    if (typeof target.averageUtilization !== 'number') return failure('invalid resource metric source: neither an average utilization target nor an average value (usage) target was set');
    const r = resourceReplicas(currentReplicas, target.averageUtilization, resource, samples, fetched.metrics, now);
    if (!r.ok) return utilizationFailure(r.error);
    return { replicas: r.replicas, name: `${resource} resource utilization (percentage of request)`, status: { type: 'Resource', resource: { name: resource, current: { averageUtilization: r.utilization, averageValue: formatQuantityMilli(BigInt(r.rawAverageMilli), 'DecimalSI') } } } };
  }

  /** The resource metrics client's GetResourceMetric: per pod, the sum over its containers. */
  private podMetrics(resource: string, namespace: string, selector: string, context: ControllerContext): { metrics: Map<string, PodMetric> } | { error: string } {
    const r = listMetrics(context.client, 'pods', namespace, selector);
    if (!r.ok) return { error: `unable to fetch metrics from resource metrics API: ${r.message}` };
    if (r.items.length === 0) return { error: 'no metrics returned from resource metrics API' };
    const metrics = new Map<string, PodMetric>();
    for (const item of r.items) {
      const containers = list(item.containers);
      if (containers.some((c) => rec(c.usage)[resource] === undefined)) continue;
      const value = containers.reduce((sum, c) => sum + milliOf(rec(c.usage)[resource]), 0);
      const window = text(item.window);
      metrics.set(text(rec(item.metadata).name), { valueMilli: value, timestampMs: parseRfc3339(item.timestamp) ?? 0, windowMs: (Number(window.replace(/s$/, '')) || 0) * 1000 });
    }
    return { metrics };
  }

  private writeStatus(hpa: KubeObject, next: { currentReplicas: number; desiredReplicas: number; currentMetrics: unknown; rescaled: boolean }, conditions: Conditions, previous: Map<string, { status: string; time: string }>, context: ControllerContext): void {
    const now = formatRfc3339(context.loop.nowMs());
    const old = rec(hpa.status);
    const status: Record<string, unknown> = {};
    status.currentMetrics = next.currentMetrics;
    status.currentReplicas = next.currentReplicas;
    status.desiredReplicas = next.desiredReplicas;
    if (next.rescaled) status.lastScaleTime = now;
    else if (old.lastScaleTime) status.lastScaleTime = old.lastScaleTime;
    status.conditions = [...conditions].map(([type, c]) => {
      const before = previous.get(type);
      return { type, status: c.status, lastTransitionTime: before && before.status === c.status ? before.time : now, reason: c.reason, message: c.message };
    });
    if (JSON.stringify(canonical(status)) === JSON.stringify(canonical(old))) return;
    context.client.update({ group: 'autoscaling', version: 'v2', resource: 'horizontalpodautoscalers', namespace: text(hpa.metadata.namespace), name: text(hpa.metadata.name), subresource: 'status' }, { ...hpa, metadata: { ...hpa.metadata, resourceVersion: undefined }, status });
  }
}

/** Status compared regardless of key order. */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (!isRecord(v)) return v;
  return Object.fromEntries(Object.keys(v).sort().map((k) => [k, canonical(v[k])]));
}
