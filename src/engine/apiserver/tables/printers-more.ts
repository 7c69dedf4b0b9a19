/** Printers for workload, batch, storage, networking and policy resources (columns as kubectl v1.34 shows them). */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { canonicalQuantity } from '../../api/quantity';
import { parseRfc3339 } from '../../api/time';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import { humanDuration } from '../../kubectl/printers/duration';
import type { TableColumn } from '../../kubectl/printers/table-printer';
import { age, arr, rec } from './cells';
import type { Printer } from './printers';

const col = (name: string, priority = 0, type = 'string', format?: string): TableColumn => ({ name, type, ...(format ? { format } : {}), description: '', priority });
const NAME = col('Name', 0, 'string', 'name');
const name = (o: KubeObject) => o.metadata.name ?? '';

function containersAndImages(template: Record<string, unknown>): [string, string] {
  const cs = arr(rec(template.spec).containers);
  return [cs.map((c) => text(c.name)).join(','), cs.map((c) => text(c.image)).join(',')];
}

function selectorText(spec: Record<string, unknown>): string {
  return formatSelector(fromLabelSelector(rec(spec.selector))) || '<none>';
}

function conditionTrue(o: KubeObject, type: string): boolean {
  return arr(rec(o.status).conditions).some((c) => c.type === type && c.status === 'True');
}

const statefulsets: Printer = {
  columns: [NAME, col('Ready'), col('Age'), col('Containers', 1), col('Images', 1)],
  cells(o, now) {
    const [c, i] = containersAndImages(rec(rec(o.spec).template));
    return [name(o), `${Number(rec(o.status).readyReplicas ?? 0)}/${Number(rec(o.spec).replicas ?? 1)}`, age(o, now), c, i];
  },
};

function jobStatus(o: KubeObject): string {
  if (conditionTrue(o, 'Complete')) return 'Complete';
  if (conditionTrue(o, 'Failed')) return 'Failed';
  if (o.metadata.deletionTimestamp) return 'Terminating';
  if (conditionTrue(o, 'Suspended')) return 'Suspended';
  if (conditionTrue(o, 'FailureTarget')) return 'FailureTarget';
  if (conditionTrue(o, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

const jobs: Printer = {
  columns: [NAME, col('Status'), col('Completions'), col('Duration'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const succeeded = Number(status.succeeded ?? 0);
    let completions: string;
    if (typeof spec.completions === 'number') completions = `${succeeded}/${spec.completions}`;
    else {
      const parallelism = Number(spec.parallelism ?? 0);
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = parseRfc3339(status.startTime);
    const end = parseRfc3339(status.completionTime);
    const duration = start === undefined ? '' : humanDuration((end ?? now) - start);
    const [c, i] = containersAndImages(rec(spec.template));
    return [name(o), jobStatus(o), completions, duration, age(o, now), c, i, selectorText(spec)];
  },
};

const cronjobs: Printer = {
  columns: [NAME, col('Schedule'), col('Timezone'), col('Suspend', 0, 'boolean'), col('Active', 0, 'integer'), col('Last Schedule'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const last = parseRfc3339(status.lastScheduleTime);
    const jobTemplate = rec(rec(spec.jobTemplate).spec);
    const [c, i] = containersAndImages(rec(jobTemplate.template));
    return [name(o), text(spec.schedule), text(spec.timeZone) || '<none>', spec.suspend === true ? 'True' : 'False', arr(status.active).length, last === undefined ? '<none>' : humanDuration(now - last), age(o, now), c, i, selectorText(jobTemplate)];
  },
};

function accessModes(modes: unknown): string {
  const short: Record<string, string> = { ReadWriteOnce: 'RWO', ReadOnlyMany: 'ROX', ReadWriteMany: 'RWX', ReadWriteOncePod: 'RWOP' };
  const list = Array.isArray(modes) ? modes.map(text) : [];
  const order = ['ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOncePod'];
  return order.filter((m) => list.includes(m)).map((m) => short[m]).join(',');
}

const persistentvolumes: Printer = {
  columns: [NAME, col('Capacity'), col('Access Modes'), col('Reclaim Policy'), col('Status'), col('Claim'), col('StorageClass'), col('VolumeAttributesClass'), col('Reason'), col('Age'), col('VolumeMode', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const claim = rec(spec.claimRef);
    const storage = text(rec(spec.capacity).storage);
    return [name(o), storage ? canonicalQuantity(storage) : '', accessModes(spec.accessModes), text(spec.persistentVolumeReclaimPolicy), text(status.phase), claim.name ? `${text(claim.namespace)}/${text(claim.name)}` : '', text(spec.storageClassName), text(spec.volumeAttributesClassName) || '<unset>', text(status.reason), age(o, now), text(spec.volumeMode) || 'Filesystem'];
  },
};

const persistentvolumeclaims: Printer = {
  columns: [NAME, col('Status'), col('Volume'), col('Capacity'), col('Access Modes'), col('StorageClass'), col('VolumeAttributesClass'), col('Age'), col('VolumeMode', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const bound = status.phase === 'Bound';
    const storage = text(rec(status.capacity).storage);
    return [name(o), text(status.phase), text(spec.volumeName), bound && storage ? canonicalQuantity(storage) : '', bound ? accessModes(status.accessModes) : '', text(spec.storageClassName), text(spec.volumeAttributesClassName) || '<unset>', age(o, now), text(spec.volumeMode) || 'Filesystem'];
  },
};

const endpointslices: Printer = {
  columns: [NAME, col('AddressType'), col('Ports'), col('Endpoints'), col('Age')],
  cells(o, now) {
    const ports = arr(o.ports).map((p) => text(p.port));
    const addresses = arr(o.endpoints).flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(text) : []));
    const endpoints = addresses.length === 0 ? '<unset>' : addresses.length > 3 ? `${addresses.slice(0, 3).join(',')} + ${addresses.length - 3} more...` : addresses.join(',');
    return [name(o), text(o.addressType), ports.length ? ports.join(',') : '<unset>', endpoints, age(o, now)];
  },
};

const ingresses: Printer = {
  columns: [NAME, col('Class'), col('Hosts'), col('Address'), col('Ports'), col('Age')],
  cells(o, now) {
    const spec = rec(o.spec);
    const hosts = arr(spec.rules).map((r) => text(r.host) || '*');
    const address = arr(rec(rec(o.status).loadBalancer).ingress).map((i) => text(i.ip) || text(i.hostname));
    return [name(o), text(spec.ingressClassName) || '<none>', hosts.length ? hosts.join(',') : '*', address.join(','), arr(spec.tls).length ? '80, 443' : '80', age(o, now)];
  },
};

const networkpolicies: Printer = {
  columns: [NAME, col('Pod-Selector'), col('Age')],
  cells: (o, now) => [name(o), formatSelector(fromLabelSelector(rec(rec(o.spec).podSelector))) || '<none>', age(o, now)],
};

const controllerrevisions: Printer = {
  columns: [NAME, col('Controller'), col('Revision', 0, 'integer'), col('Age')],
  cells(o, now) {
    const owner = (o.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    const group = owner?.apiVersion.includes('/') ? owner.apiVersion.split('/')[0] : '';
    return [name(o), owner ? `${owner.kind.toLowerCase()}${group ? '.' + group : ''}/${owner.name}` : '<none>', Number(o.revision ?? 0), age(o, now)];
  },
};

const rolebindings: Printer = {
  columns: [NAME, col('Role'), col('Age'), col('Users', 1), col('Groups', 1), col('ServiceAccounts', 1)],
  cells(o, now) {
    const ref = rec(o.roleRef);
    const subjects = arr(o.subjects);
    const of = (kind: string) => subjects.filter((s) => s.kind === kind).map((s) => (kind === 'ServiceAccount' ? `${text(s.namespace)}/${text(s.name)}` : text(s.name))).join(', ');
    return [name(o), `${text(ref.kind)}/${text(ref.name)}`, age(o, now), of('User'), of('Group'), of('ServiceAccount')];
  },
};

const poddisruptionbudgets: Printer = {
  columns: [NAME, col('Min Available'), col('Max Unavailable'), col('Allowed Disruptions', 0, 'integer'), col('Age')],
  cells(o, now) {
    const spec = rec(o.spec);
    return [name(o), spec.minAvailable === undefined ? 'N/A' : text(spec.minAvailable), spec.maxUnavailable === undefined ? 'N/A' : text(spec.maxUnavailable), Number(rec(o.status).disruptionsAllowed ?? 0), age(o, now)];
  },
};

const horizontalpodautoscalers: Printer = {
  columns: [NAME, col('Reference'), col('Targets'), col('MinPods', 0, 'integer'), col('MaxPods', 0, 'integer'), col('Replicas', 0, 'integer'), col('Age')],
  cells(o, now) {
    const spec = rec(o.spec);
    const target = rec(spec.scaleTargetRef);
    return [name(o), `${text(target.kind)}/${text(target.name)}`, '<unknown>', Number(spec.minReplicas ?? 1), Number(spec.maxReplicas ?? 0), Number(rec(o.status).currentReplicas ?? 0), age(o, now)];
  },
};

const ingressclasses: Printer = {
  columns: [NAME, col('Controller'), col('Parameters'), col('Age')],
  cells: (o, now) => [name(o), text(rec(o.spec).controller), rec(o.spec).parameters ? `${text(rec(rec(o.spec).parameters).kind)}/${text(rec(rec(o.spec).parameters).name)}` : '<none>', age(o, now)],
};

const runtimeclasses: Printer = {
  columns: [NAME, col('Handler'), col('Age')],
  cells: (o, now) => [name(o), text(o.handler), age(o, now)],
};

const resourcequotas: Printer = {
  columns: [NAME, col('Age'), col('Request'), col('Limit')],
  cells(o, now) {
    const hard = rec(rec(o.status).hard);
    const used = rec(rec(o.status).used);
    const pairs = (filter: (k: string) => boolean) =>
      Object.keys(hard)
        .filter(filter)
        .sort()
        .map((k) => `${k}: ${text(used[k]) || '0'}/${text(hard[k])}`)
        .join(', ');
    return [name(o), age(o, now), pairs((k) => !k.startsWith('limits.')), pairs((k) => k.startsWith('limits.'))];
  },
};

export const MORE_PRINTERS: Record<string, Printer> = {
  'apps/statefulsets': statefulsets,
  'apps/controllerrevisions': controllerrevisions,
  'batch/jobs': jobs,
  'batch/cronjobs': cronjobs,
  '/persistentvolumes': persistentvolumes,
  '/persistentvolumeclaims': persistentvolumeclaims,
  '/resourcequotas': resourcequotas,
  'discovery.k8s.io/endpointslices': endpointslices,
  'networking.k8s.io/ingresses': ingresses,
  'networking.k8s.io/ingressclasses': ingressclasses,
  'networking.k8s.io/networkpolicies': networkpolicies,
  'rbac.authorization.k8s.io/rolebindings': rolebindings,
  'rbac.authorization.k8s.io/clusterrolebindings': rolebindings,
  'policy/poddisruptionbudgets': poddisruptionbudgets,
  'autoscaling/horizontalpodautoscalers': horizontalpodautoscalers,
  'node.k8s.io/runtimeclasses': runtimeclasses,
};
