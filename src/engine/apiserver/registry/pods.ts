/** Pod defaulting (SetDefaults_Pod and admission: DefaultTolerationSeconds, ServiceAccount) and basic validation. */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { randomSuffix } from '../../clock';
import { notSupported, required, type FieldError } from '../field-errors';
import type { ResourceStrategy } from './strategy';
import { validateObjectMeta } from './object-meta';
import { validatePodUpdate } from './pod-update';

function imagePullPolicy(image: string): string {
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  if (image.includes('@')) return 'IfNotPresent';
  const colon = lastSegment.indexOf(':');
  const tag = colon < 0 ? '' : lastSegment.slice(colon + 1);
  return tag === '' || tag === 'latest' ? 'Always' : 'IfNotPresent';
}

function defaultContainer(c: Record<string, unknown>): void {
  if (typeof c.image === 'string' && c.imagePullPolicy === undefined) c.imagePullPolicy = imagePullPolicy(c.image);
  c.terminationMessagePath ??= '/dev/termination-log';
  c.terminationMessagePolicy ??= 'File';
  c.resources ??= {};
  if (Array.isArray(c.ports)) for (const p of c.ports) if (isRecord(p)) p.protocol ??= 'TCP';
}

/** Defaults shared by pods and pod templates. */
export function defaultPodSpec(spec: Record<string, unknown>): void {
  spec.restartPolicy ??= 'Always';
  spec.terminationGracePeriodSeconds ??= 30;
  spec.dnsPolicy ??= 'ClusterFirst';
  spec.securityContext ??= {};
  spec.schedulerName ??= 'default-scheduler';
  spec.enableServiceLinks ??= true;
  for (const list of [spec.containers, spec.initContainers]) if (Array.isArray(list)) for (const c of list) if (isRecord(c)) defaultContainer(c);
}

/**
 * SetDefaults_Pod: a container that states a limit but no request for a resource requests its
 * limit. Pods only, not pod templates, so a Deployment's template stays as written.
 */
function defaultRequestsToLimits(spec: Record<string, unknown>): void {
  for (const list of [spec.containers, spec.initContainers]) {
    for (const c of Array.isArray(list) ? list.filter(isRecord) : []) {
      const resources = isRecord(c.resources) ? c.resources : {};
      if (!isRecord(resources.limits)) continue;
      const requests = isRecord(resources.requests) ? resources.requests : {};
      for (const [k, v] of Object.entries(resources.limits)) if (!(k in requests)) requests[k] = v;
      resources.requests = requests;
      c.resources = resources;
    }
  }
}

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

function addDefaultTolerations(spec: Record<string, unknown>): void {
  const tolerations = Array.isArray(spec.tolerations) ? spec.tolerations.filter(isRecord) : [];
  const tolerates = (key: string) => tolerations.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoExecute'));
  for (const key of [NOT_READY, UNREACHABLE]) if (!tolerates(key)) tolerations.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  spec.tolerations = tolerations;
}

function qosClass(spec: Record<string, unknown>): string {
  const list = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
  const containers = [...list(spec.containers), ...list(spec.initContainers)].filter(isRecord);
  let any = false;
  let guaranteed = containers.length > 0;
  for (const c of containers) {
    const res = isRecord(c.resources) ? c.resources : {};
    const req = isRecord(res.requests) ? res.requests : {};
    const lim = isRecord(res.limits) ? res.limits : {};
    if (Object.keys(req).length || Object.keys(lim).length) any = true;
    for (const r of ['cpu', 'memory']) if (lim[r] === undefined || (req[r] !== undefined && req[r] !== lim[r])) guaranteed = false;
  }
  return !any ? 'BestEffort' : guaranteed ? 'Guaranteed' : 'Burstable';
}

export const podStrategy: ResourceStrategy = {
  hasStatusSubresource: true,
  /** The Priority admission plugin: resolves priorityClassName (or the global default) into spec.priority. */
  admit(object, context) {
    const spec = object.spec as Record<string, unknown>;
    const className = typeof spec.priorityClassName === 'string' ? spec.priorityClassName : '';
    let priorityClass = className ? context.get('scheduling.k8s.io', 'priorityclasses', undefined, className) : undefined;
    if (className && !priorityClass) return `no PriorityClass with name ${className} was found`;
    if (!className) {
      const all = context.list('scheduling.k8s.io', 'priorityclasses');
      priorityClass = all.find((pc) => pc.globalDefault === true);
      if (priorityClass) spec.priorityClassName = priorityClass.metadata.name;
    }
    const value = priorityClass && typeof priorityClass.value === 'number' ? priorityClass.value : 0;
    if (typeof spec.priority === 'number' && spec.priority !== value) return 'the integer value of priority (' + String(spec.priority) + ') must not be provided in pod spec; priority admission controller computed ' + String(value) + ' from the given PriorityClass name';
    spec.priority = value;
    if (priorityClass && typeof priorityClass.preemptionPolicy === 'string') spec.preemptionPolicy = priorityClass.preemptionPolicy;
    return undefined;
  },
  applyDefaults(object) {
    const spec = isRecord(object.spec) ? object.spec : (object.spec = {});
    defaultPodSpec(spec);
    defaultRequestsToLimits(spec);
  },
  prepareForCreate(object, context) {
    const spec = object.spec as Record<string, unknown>;
    object.metadata.generation = 1;
    // Mirror pods (the API copies of a kubelet's static pods) get no service account.
    const mirror = object.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined;
    if (mirror) {
      addDefaultTolerations(spec);
      object.status = { phase: 'Pending', qosClass: qosClass(spec) };
      return;
    }
    if (spec.serviceAccountName === undefined) spec.serviceAccountName = typeof spec.serviceAccount === 'string' ? spec.serviceAccount : 'default';
    spec.serviceAccount = spec.serviceAccountName;
    spec.priority ??= 0;
    spec.preemptionPolicy ??= 'PreemptLowerPriority';
    addDefaultTolerations(spec);
    if (spec.automountServiceAccountToken !== false) {
      const volumeName = `kube-api-access-${randomSuffix(context.random, 5)}`;
      const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
      volumes.push({
        name: volumeName,
        projected: {
          defaultMode: 420,
          sources: [
            { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
            { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
            { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
          ],
        },
      });
      spec.volumes = volumes;
      for (const list of [spec.containers, spec.initContainers]) {
        if (!Array.isArray(list)) continue;
        for (const c of list) {
          if (!isRecord(c)) continue;
          const mounts = Array.isArray(c.volumeMounts) ? c.volumeMounts : [];
          mounts.push({ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: volumeName, readOnly: true });
          c.volumeMounts = mounts;
        }
      }
    }
    object.status = { phase: 'Pending', qosClass: qosClass(spec) };
  },
  validate(object: KubeObject): FieldError[] {
    const problems = validateObjectMeta(object);
    const spec = isRecord(object.spec) ? object.spec : {};
    const containers = Array.isArray(spec.containers) ? spec.containers : [];
    if (containers.length === 0) problems.push(required('spec.containers'));
    containers.forEach((c, i) => {
      const container = isRecord(c) ? c : {};
      if (typeof container.name !== 'string' || container.name === '') problems.push(required(`spec.containers[${i}].name`));
      if (typeof container.image !== 'string' || container.image === '') problems.push(required(`spec.containers[${i}].image`));
    });
    if (spec.restartPolicy !== undefined && !['Always', 'OnFailure', 'Never'].includes(text(spec.restartPolicy))) {
      problems.push(notSupported('spec.restartPolicy', spec.restartPolicy, ['Always', 'OnFailure', 'Never']));
    }
    return problems;
  },
  validateUpdate: (next, previous) => validatePodUpdate(next, previous),
};
