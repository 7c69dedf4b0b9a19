/**
 * The remaining printers: PriorityClasses, RuntimeClasses, PodDisruptionBudgets,
 * HorizontalPodAutoscalers, CertificateSigningRequests, DRA objects and APIServices (whose
 * table comes from kube-aggregator).
 */
import { humanDuration } from '../../kubectl/printers/duration';
import { AGE_COLUMN, age, arr, col, doc, int, intOrString, name, NAME_COLUMN, quantity, rec, str } from './cells';
import type { Printer } from './types';

export const priorityClassPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Value', 'integer', doc('sched.PriorityClass.value')),
    col('Global-Default', 'boolean', doc('sched.PriorityClass.globalDefault')),
    AGE_COLUMN,
    col('PreemptionPolicy', 'string', doc('sched.PriorityClass.preemptionPolicy')),
  ],
  row: (o, nowMs) => ({ cells: [name(o), int(o.value), o.globalDefault === true, age(o, nowMs), str(o.preemptionPolicy)] }),
};

export const runtimeClassPrinter: Printer = {
  // The printer cites ObjectMeta's doc for "handler", which has none: the description is empty.
  columns: [NAME_COLUMN, col('Handler', 'string', ''), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), str(o.handler), age(o, nowMs)] }),
};

export const podDisruptionBudgetPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Min Available', 'string', 'The minimum number of pods that must be available.'),
    col('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    col('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const present = (v: unknown) => v !== undefined && v !== null;
    return { cells: [name(o), present(spec.minAvailable) ? intOrString(spec.minAvailable) : 'N/A', present(spec.maxUnavailable) ? intOrString(spec.maxUnavailable) : 'N/A', int(rec(o.status).disruptionsAllowed), age(o, nowMs)] };
  },
};

/** (*Quantity).String() of an optional quantity: `<nil>` when absent. */
function quantityPtr(value: unknown): string {
  return value === undefined || value === null ? '<nil>' : quantity(value);
}

/** One metric of formatHPAMetrics: `cpu: 45%/80%`, `<unknown>/100 (avg)`, ... */
function hpaMetric(spec: Record<string, unknown>, status: Record<string, unknown> | undefined): string {
  const valueOrAverage = (key: 'external' | 'object') => {
    const target = rec(rec(spec[key]).target);
    const current = status && status[key] !== undefined ? rec(rec(status[key]).current) : undefined;
    if (target.averageValue !== undefined && target.averageValue !== null) {
      const c = current && current.averageValue !== undefined ? quantityPtr(current.averageValue) : '<unknown>';
      return `${c}/${quantityPtr(target.averageValue)} (avg)`;
    }
    return `${current ? quantityPtr(current.value) : '<unknown>'}/${quantityPtr(target.value)}`;
  };
  const resource = (key: 'resource' | 'containerResource') => {
    const source = rec(spec[key]);
    const target = rec(source.target);
    const current = status && status[key] !== undefined ? rec(rec(status[key]).current) : undefined;
    if (target.averageValue !== undefined && target.averageValue !== null) {
      return `${str(source.name)}: ${current ? quantityPtr(current.averageValue) : '<unknown>'}/${quantityPtr(target.averageValue)}`;
    }
    const c = current && typeof current.averageUtilization === 'number' ? `${int(current.averageUtilization)}%` : '<unknown>';
    const t = typeof target.averageUtilization === 'number' ? `${int(target.averageUtilization)}%` : '<auto>';
    return `${str(source.name)}: ${c}/${t}`;
  };
  switch (spec.type) {
    case 'External':
      return valueOrAverage('external');
    case 'Object':
      return valueOrAverage('object');
    case 'Pods': {
      const c = status && status.pods !== undefined ? quantityPtr(rec(rec(status.pods).current).averageValue) : '<unknown>';
      return `${c}/${quantityPtr(rec(rec(spec.pods).target).averageValue)}`;
    }
    case 'Resource':
      return resource('resource');
    case 'ContainerResource':
      return resource('containerResource');
    default:
      return '<unknown type>';
  }
}

/** formatHPAMetrics: the first two metrics, then ` + N more...`; `<none>` without metrics. */
function hpaTargets(specs: Record<string, unknown>[], statuses: Record<string, unknown>[]): string {
  if (specs.length === 0) return '<none>';
  const list = specs.map((s, i) => hpaMetric(s, statuses[i]));
  const max = 2;
  return list.length > max ? `${list.slice(0, max).join(', ')} + ${list.length - max} more...` : list.join(', ');
}

export const horizontalPodAutoscalerPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Reference', 'string', doc('as2b.HorizontalPodAutoscalerSpec.scaleTargetRef')),
    col('Targets', 'string', doc('as2b.HorizontalPodAutoscalerSpec.metrics')),
    col('MinPods', 'string', doc('as2b.HorizontalPodAutoscalerSpec.minReplicas')),
    col('MaxPods', 'string', doc('as2b.HorizontalPodAutoscalerSpec.maxReplicas')),
    col('Replicas', 'string', doc('as2b.HorizontalPodAutoscalerStatus.currentReplicas')),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const target = rec(spec.scaleTargetRef);
    const minPods = typeof spec.minReplicas === 'number' ? String(int(spec.minReplicas)) : '<unset>';
    return { cells: [name(o), `${str(target.kind)}/${str(target.name)}`, hpaTargets(arr(spec.metrics), arr(status.currentMetrics)), minPods, int(spec.maxReplicas), int(status.currentReplicas), age(o, nowMs)] };
  },
};

/** extractCSRStatus: Denied, Approved or Pending, then `,Failed` and `,Issued`. */
function csrCondition(status: Record<string, unknown>): string {
  const types = new Set(arr(status.conditions).map((c) => str(c.type)));
  let text = types.has('Denied') ? 'Denied' : types.has('Approved') ? 'Approved' : 'Pending';
  if (types.has('Failed')) text += ',Failed';
  if (str(status.certificate) !== '') text += ',Issued';
  return text;
}

export const certificateSigningRequestPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    AGE_COLUMN,
    col('SignerName', 'string', doc('certb.CertificateSigningRequestSpec.signerName')),
    col('Requestor', 'string', doc('certb.CertificateSigningRequestSpec.request')),
    col('RequestedDuration', 'string', doc('certb.CertificateSigningRequestSpec.expirationSeconds')),
    col('Condition', 'string', doc('certb.CertificateSigningRequestStatus.conditions')),
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const duration = typeof spec.expirationSeconds === 'number' ? humanDuration(int(spec.expirationSeconds) * 1000) : '<none>';
    return { cells: [name(o), age(o, nowMs), str(spec.signerName) || '<none>', str(spec.username), duration, csrCondition(rec(o.status))] };
  },
};

export const deviceClassPrinter: Printer = {
  columns: [NAME_COLUMN, AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), age(o, nowMs)] }),
};

export const resourceClaimPrinter: Printer = {
  columns: [NAME_COLUMN, col('State', 'string', 'A summary of the current state (allocated, pending, reserved, etc.).'), AGE_COLUMN],
  row(o, nowMs) {
    const status = rec(o.status);
    const deleted = o.metadata.deletionTimestamp !== undefined && o.metadata.deletionTimestamp !== null;
    const states: string[] = deleted ? ['deleted'] : [];
    if (status.allocation === undefined || status.allocation === null) {
      if (!deleted) states.push('pending');
    } else {
      states.push('allocated');
      if (arr(status.reservedFor).length > 0) states.push('reserved');
    }
    return { cells: [name(o), states.join(','), age(o, nowMs)] };
  },
};

export const resourceSlicePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Node', 'string', doc('resb.ResourceSliceSpec.nodeName')),
    col('Driver', 'string', doc('resb.ResourceSliceSpec.driver')),
    col('Pool', 'string', doc('resb.ResourcePool.name')),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    return { cells: [name(o), str(spec.nodeName), str(spec.driver), str(rec(spec.pool).name), age(o, nowMs)] };
  },
};

export const apiServicePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Service', 'string', 'The reference to the service that hosts this API endpoint.'),
    col('Available', 'string', 'Whether this service is available.'),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const service = spec.service === undefined || spec.service === null ? 'Local' : `${str(rec(spec.service).namespace)}/${str(rec(spec.service).name)}`;
    const condition = arr(rec(o.status).conditions).find((c) => c.type === 'Available');
    let available = 'Unknown';
    if (condition) {
      if (condition.status === 'True') available = 'True';
      else if (str(condition.reason)) available = `${str(condition.status)} (${str(condition.reason)})`;
      else available = str(condition.status);
    }
    return { cells: [name(o), service, available, age(o, nowMs)] };
  },
};
