/**
 * What structured-merge-diff needs to know of the built-in types' schema: which lists are
 * associative (`x-kubernetes-list-type: map` with their `x-kubernetes-list-map-keys`), which are
 * sets, which maps and structs are atomic (`x-kubernetes-map-type: atomic`), and which structs a
 * Go zero object already holds (non-pointer struct fields), so that creating an object does not
 * claim them as added. Lists the schema gives no list type are atomic, as SMD deduces them.
 * Source: the +listType/+listMapKey/+mapType markers of k8s.io/api v0.34.
 */
import { isRecord } from '../../api/meta';

export type ListType = { type: 'map'; keys: readonly string[] } | { type: 'set' } | { type: 'atomic' };

const MAP_LISTS: Record<string, readonly string[]> = {
  containers: ['name'],
  initContainers: ['name'],
  ephemeralContainers: ['name'],
  env: ['name'],
  volumes: ['name'],
  volumeMounts: ['mountPath'],
  volumeDevices: ['devicePath'],
  imagePullSecrets: ['name'],
  hostAliases: ['ip'],
  ownerReferences: ['uid'],
  conditions: ['type'],
  topologySpreadConstraints: ['topologyKey', 'whenUnsatisfiable'],
  resourceClaims: ['name'],
  schedulingGates: ['name'],
  podIPs: ['ip'],
  hostIPs: ['ip'],
  addresses: ['type'],
};

const SETS = new Set(['finalizers']);

/** Structs and maps replaced as a whole: label selectors, node selectors, env sources. */
const ATOMIC_MAPS = new Set(['selector', 'nodeSelector', 'requiredDuringSchedulingIgnoredDuringExecution', 'configMapKeyRef', 'secretKeyRef', 'fieldRef', 'resourceFieldRef']);

/** Defaults the schema gives key fields, used when an item leaves them out. */
const KEY_DEFAULTS: Record<string, unknown> = { protocol: 'TCP' };

/** `fields` are the field names from the root to the list (`['spec', 'template', 'spec', 'containers']`). */
export function listTypeOf(fields: readonly string[]): ListType {
  const name = fields[fields.length - 1] ?? '';
  if (name === 'ports') {
    // A Service's ports are keyed by port, a container's by containerPort; both with protocol.
    if (fields.length === 2 && fields[0] === 'spec') return { type: 'map', keys: ['port', 'protocol'] };
    if (fields.length >= 2 && ['containers', 'initContainers', 'ephemeralContainers'].includes(fields[fields.length - 2] ?? '')) return { type: 'map', keys: ['containerPort', 'protocol'] };
    return { type: 'atomic' };
  }
  if (name === 'conditions' && fields[0] !== 'status') return { type: 'atomic' };
  const keys = MAP_LISTS[name];
  if (keys) return { type: 'map', keys };
  if (SETS.has(name)) return { type: 'set' };
  return { type: 'atomic' };
}

export function isAtomicMap(fields: readonly string[]): boolean {
  return ATOMIC_MAPS.has(fields[fields.length - 1] ?? '');
}

/** The `k:` element of an associative list's item: its key fields, sorted by name, defaults filled in. */
export function keyElement(item: unknown, keys: readonly string[]): string | undefined {
  if (!isRecord(item)) return undefined;
  const key: Record<string, unknown> = {};
  for (const k of [...keys].sort()) {
    const v = item[k] ?? KEY_DEFAULTS[k];
    if (v !== undefined) key[k] = v;
  }
  return Object.keys(key).length ? `k:${JSON.stringify(key)}` : undefined;
}

/** A PodSpec's zero value holds `containers: null` (the field has no omitempty). */
const TEMPLATE = { metadata: {}, spec: { containers: null } };

/** The non-pointer structs of a kind's Go zero value (what `scope.Creater.New(kind)` holds). */
export function zeroObject(kind: string, fields: readonly string[]): Record<string, unknown> {
  const zero: Record<string, unknown> = { metadata: {} };
  if (fields.includes('spec')) zero.spec = {};
  if (fields.includes('status')) zero.status = {};
  switch (kind) {
    case 'Pod':
      zero.spec = { containers: null };
      break;
    case 'Deployment':
      zero.spec = { template: TEMPLATE, strategy: {} };
      break;
    case 'ReplicaSet':
    case 'Job':
      zero.spec = { template: TEMPLATE };
      break;
    case 'DaemonSet':
    case 'StatefulSet':
      zero.spec = { template: TEMPLATE, updateStrategy: {} };
      break;
    case 'CronJob':
      zero.spec = { jobTemplate: { metadata: {}, spec: { template: TEMPLATE } } };
      break;
    case 'PodTemplate':
      zero.template = TEMPLATE;
      break;
    case 'HorizontalPodAutoscaler':
      zero.spec = { scaleTargetRef: {} };
      break;
  }
  return JSON.parse(JSON.stringify(zero)) as Record<string, unknown>;
}
