/**
 * ValidatePodUpdate: a pod's spec is immutable but for a few fields. Container and init container
 * images may change, activeDeadlineSeconds may be set or lowered, tolerations may only be added (an
 * existing one may change only its tolerationSeconds), scheduling gates may only be removed, a
 * negative terminationGracePeriodSeconds may become 1, and a gated pod may gain nodeSelector
 * entries. Anything else is Forbidden with the API server's list of what may change and a diff.
 *
 * Caveat: the real message ends with go-cmp's diff of the internal core.PodSpec (whose layout
 * go-cmp varies on purpose from build to build); this diff names the changed top-level fields the
 * same way, with the values written as Go composite literals of the v1 fields.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { forbidden, invalid, required, type FieldError } from '../field-errors';

/** updatablePodSpecFieldsNoResources, joined as the message joins them. */
const UPDATABLE_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

const MAX_INT32 = 2147483647;

type Spec = Record<string, unknown>;

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

/** Semantic equality of JSON values: an empty list or map equals an absent one, as apiequality.Semantic treats nil and empty. */
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((x, i) => semanticEqual(x, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

function isEmpty(v: unknown): boolean {
  return v === undefined || v === null || (Array.isArray(v) && v.length === 0);
}

function containerErrors(next: unknown[], previous: unknown[], path: string): { errors: FieldError[]; stop: boolean } {
  if (next.length !== previous.length) return { errors: [forbidden(path, 'pod updates may not add or remove containers')], stop: true };
  const errors: FieldError[] = [];
  next.forEach((c, i) => {
    const image = isRecord(c) && typeof c.image === 'string' ? c.image : '';
    if (image === '') errors.push(required(`${path}[${i}].image`));
    else if (image.trim() !== image) errors.push(invalid(`${path}[${i}].image`, image, 'must not have leading or trailing whitespace'));
  });
  return { errors, stop: false };
}

function tolerationErrors(next: unknown[], previous: unknown[]): FieldError[] {
  for (const old of previous) {
    const kept = next.some((t) => isRecord(t) && isRecord(old) && semanticEqual({ ...old, tolerationSeconds: t.tolerationSeconds }, t));
    if (!kept) return [forbidden('spec.tolerations', 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

function schedulingGateErrors(next: unknown[], previous: unknown[]): FieldError[] {
  const names = (gates: unknown[]) => gates.map((g) => (isRecord(g) && typeof g.name === 'string' ? g.name : ''));
  const old = new Set(names(previous));
  const errors: FieldError[] = [];
  names(next).forEach((name, i) => {
    if (!old.has(name)) errors.push(forbidden(`spec.schedulingGates[${i}].name`, `only deletion is allowed, but found new scheduling gate '${name}'`));
  });
  return errors;
}

function activeDeadlineErrors(next: unknown, previous: unknown): FieldError[] {
  const path = 'spec.activeDeadlineSeconds';
  if (typeof next === 'number') {
    if (next < 0 || next > MAX_INT32) return [invalid(path, next, `must be between 0 and ${MAX_INT32}, inclusive`)];
    if (typeof previous === 'number' && previous < next) return [invalid(path, next, 'must be less than or equal to previous value')];
    return [];
  }
  // field.Invalid renders a nil value as the string "null", quoted like any string.
  if (typeof previous === 'number') return [{ ...invalid(path, undefined, 'must not update from a positive integer to nil value'), renderedValue: '"null"' }];
  return [];
}

/** The new spec with every field that may change put back to its old value. */
function munged(next: Spec, previous: Spec): Spec {
  const out: Spec = { ...next };
  const withOldImages = (nextList: unknown, oldList: unknown) =>
    list(nextList).map((c, i) => {
      const old = list(oldList)[i];
      return isRecord(c) && isRecord(old) ? { ...c, image: old.image } : c;
    });
  out.containers = withOldImages(next.containers, previous.containers);
  if (next.initContainers !== undefined || previous.initContainers !== undefined) out.initContainers = withOldImages(next.initContainers, previous.initContainers);
  for (const key of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations'] as const) {
    if (previous[key] === undefined) delete out[key];
    else out[key] = previous[key];
  }
  if (typeof previous.terminationGracePeriodSeconds === 'number' && previous.terminationGracePeriodSeconds < 0 && next.terminationGracePeriodSeconds === 1) {
    out.terminationGracePeriodSeconds = previous.terminationGracePeriodSeconds;
  }
  // A pod still waiting on scheduling gates may gain nodeSelector entries (no changes or removals).
  if (list(previous.schedulingGates).length > 0 && isRecord(next.nodeSelector)) {
    const old = isRecord(previous.nodeSelector) ? previous.nodeSelector : {};
    if (Object.entries(old).every(([k, v]) => next.nodeSelector !== undefined && isRecord(next.nodeSelector) && next.nodeSelector[k] === v)) {
      if (previous.nodeSelector === undefined) delete out.nodeSelector;
      else out.nodeSelector = previous.nodeSelector;
    }
  }
  return out;
}

export function validatePodUpdate(next: KubeObject, previous: KubeObject): FieldError[] {
  const spec: Spec = isRecord(next.spec) ? next.spec : {};
  const old: Spec = isRecord(previous.spec) ? previous.spec : {};
  const containers = containerErrors(list(spec.containers), list(old.containers), 'spec.containers');
  if (containers.stop) return containers.errors;
  const init = containerErrors(list(spec.initContainers), list(old.initContainers), 'spec.initContainers');
  const errors = [...containers.errors, ...init.errors];
  if (init.stop) return errors;
  const deadline = activeDeadlineErrors(spec.activeDeadlineSeconds, old.activeDeadlineSeconds);
  errors.push(...deadline);
  if (deadline.length && typeof spec.activeDeadlineSeconds === 'number') return errors;
  errors.push(...tolerationErrors(list(spec.tolerations), list(old.tolerations)));
  errors.push(...schedulingGateErrors(list(spec.schedulingGates), list(old.schedulingGates)));
  if (semanticEqual(spec, old)) return errors;
  const candidate = munged(spec, old);
  if (!semanticEqual(candidate, old)) errors.push(forbidden('spec', `pod updates may not change fields other than ${UPDATABLE_FIELDS}\n${specDiff(old, candidate)}`));
  return errors;
}

/** Go field names for the JSON names whose Go spelling is not just the first letter in capitals. */
const GO_NAMES: Record<string, string> = {
  hostPID: 'HostPID',
  hostIPC: 'HostIPC',
  dnsPolicy: 'DNSPolicy',
  dnsConfig: 'DNSConfig',
  fsGroup: 'FSGroup',
  seLinuxOptions: 'SELinuxOptions',
  tty: 'TTY',
  httpGet: 'HTTPGet',
  tcpSocket: 'TCPSocket',
  grpc: 'GRPC',
  hostIP: 'HostIP',
  podIP: 'PodIP',
  uid: 'UID',
};

function goName(key: string): string {
  return GO_NAMES[key] ?? key.charAt(0).toUpperCase() + key.slice(1);
}

/** Fields whose Go type is a map: their keys print as quoted strings, not as field names. */
const MAP_FIELDS = new Set(['nodeSelector', 'overhead', 'limits', 'requests', 'matchLabels', 'labels', 'annotations']);

/** A JSON value as a Go composite literal, the way go-cmp prints values it does not descend into. */
function goLiteral(value: unknown, isMap = false): string {
  if (value === undefined || value === null) return 'nil';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `{${value.map((v) => goLiteral(v)).join(', ')}}`;
  if (isRecord(value))
    return `{${Object.entries(value)
      .map(([k, v]) => (isMap ? `${JSON.stringify(k)}: ${goLiteral(v)}` : `${goName(k)}: ${goLiteral(v, MAP_FIELDS.has(k))}`))
      .join(', ')}}`;
  return JSON.stringify(value) ?? 'nil';
}

/** Fields in the order the Go structs declare them (go-cmp reports fields in that order). */
const FIELD_ORDER: Record<string, readonly string[]> = {
  spec: [
    'volumes',
    'initContainers',
    'containers',
    'ephemeralContainers',
    'restartPolicy',
    'terminationGracePeriodSeconds',
    'activeDeadlineSeconds',
    'dnsPolicy',
    'nodeSelector',
    'serviceAccountName',
    'serviceAccount',
    'automountServiceAccountToken',
    'nodeName',
    'hostNetwork',
    'hostPID',
    'hostIPC',
    'shareProcessNamespace',
    'securityContext',
    'imagePullSecrets',
    'hostname',
    'subdomain',
    'affinity',
    'schedulerName',
    'tolerations',
    'hostAliases',
    'priorityClassName',
    'priority',
    'dnsConfig',
    'readinessGates',
    'runtimeClassName',
    'enableServiceLinks',
    'preemptionPolicy',
    'overhead',
    'topologySpreadConstraints',
    'setHostnameAsFQDN',
    'os',
    'hostUsers',
    'schedulingGates',
    'resourceClaims',
    'resources',
  ],
  container: [
    'name',
    'image',
    'command',
    'args',
    'workingDir',
    'ports',
    'envFrom',
    'env',
    'resources',
    'resizePolicy',
    'restartPolicy',
    'volumeMounts',
    'volumeDevices',
    'livenessProbe',
    'readinessProbe',
    'startupProbe',
    'lifecycle',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'imagePullPolicy',
    'securityContext',
    'stdin',
    'stdinOnce',
    'tty',
  ],
  port: ['name', 'hostPort', 'containerPort', 'protocol', 'hostIP'],
};

/** What go-cmp calls the values under a field: the list's type, the element's kind of fields, the struct's type. */
const FIELD_TYPES: Record<string, { list?: string; element?: string; struct?: string }> = {
  containers: { list: '[]core.Container', element: 'container' },
  initContainers: { list: '[]core.Container', element: 'container' },
  ports: { list: '[]core.ContainerPort', element: 'port' },
  env: { list: '[]core.EnvVar' },
  volumeMounts: { list: '[]core.VolumeMount' },
  volumes: { list: '[]core.Volume' },
  tolerations: { list: '[]core.Toleration' },
  resources: { struct: 'core.ResourceRequirements' },
  securityContext: { struct: '&core.PodSecurityContext' },
  affinity: { struct: '&core.Affinity' },
};

function ordered(keys: Iterable<string>, order: readonly string[] | undefined): string[] {
  const all = [...new Set(keys)];
  if (!order) return all;
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return all.sort((a, b) => rank(a) - rank(b));
}

/**
 * go-cmp's report layout: `  ` for context, `- ` and `+ ` for old and new lines, a tab per level.
 * It descends into structs and equal-length lists and elides the equal parts as "... // N identical".
 */
function specDiff(old: Spec, next: Spec): string {
  const lines = ['  core.PodSpec{'];
  diffFields(old, next, FIELD_ORDER.spec, 1, lines);
  lines.push('  }');
  return lines.join('\n') + '\n';
}

function diffFields(old: Record<string, unknown>, next: Record<string, unknown>, order: readonly string[] | undefined, depth: number, lines: string[]): void {
  const tabs = '\t'.repeat(depth);
  let identical = 0;
  const flush = () => {
    if (identical > 0) lines.push(`  ${tabs}... // ${identical} identical field${identical === 1 ? '' : 's'}`);
    identical = 0;
  };
  for (const key of ordered([...Object.keys(old), ...Object.keys(next)], order)) {
    if (semanticEqual(old[key], next[key])) {
      if (!isEmpty(old[key])) identical++;
      continue;
    }
    flush();
    diffValue(old[key], next[key], `${goName(key)}: `, FIELD_TYPES[key], depth, lines, MAP_FIELDS.has(key));
  }
  flush();
}

function diffValue(old: unknown, next: unknown, label: string, type: (typeof FIELD_TYPES)[string] | undefined, depth: number, lines: string[], isMap = false): void {
  const tabs = '\t'.repeat(depth);
  if (Array.isArray(old) && Array.isArray(next) && old.length === next.length) {
    lines.push(`  ${tabs}${label}${type?.list ?? ''}{`);
    let identical = 0;
    const flush = () => {
      if (identical > 0) lines.push(`  ${tabs}\t... // ${identical} identical element${identical === 1 ? '' : 's'}`);
      identical = 0;
    };
    old.forEach((o, i) => {
      if (semanticEqual(o, next[i])) identical++;
      else {
        flush();
        diffValue(o, next[i], '', type?.element ? { struct: '', element: type.element } : undefined, depth + 1, lines);
      }
    });
    flush();
    lines.push(`  ${tabs}},`);
    return;
  }
  if (isRecord(old) && isRecord(next) && !isMap) {
    lines.push(`  ${tabs}${label}${type?.struct ?? ''}{`);
    diffFields(old, next, type?.element ? FIELD_ORDER[type.element] : undefined, depth + 1, lines);
    lines.push(`  ${tabs}},`);
    return;
  }
  if (!isEmpty(old)) lines.push(`- ${tabs}${label}${goLiteral(old, isMap)},`);
  if (!isEmpty(next)) lines.push(`+ ${tabs}${label}${goLiteral(next, isMap)},`);
}
