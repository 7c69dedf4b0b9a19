/**
 * The strategic-merge-patch metadata of the common keyed lists (the `patchMergeKey` struct tags of
 * k8s.io/api): the API server merges by these keys, and kubectl builds its apply patches by them.
 */
/** Field name → merge key, for lists whose patchStrategy is "merge" in the Kubernetes types. */
export const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  ports: 'containerPort',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  volumeDevices: 'devicePath',
  imagePullSecrets: 'name',
  hostAliases: 'ip',
  conditions: 'type',
  ownerReferences: 'uid',
  topologySpreadConstraints: 'topologyKey',
  resourceClaims: 'name',
  taints: 'key',
  addresses: 'type',
};

/** Lists of scalars merged as sets (patchStrategy "merge" on []string). */
export const MERGE_SETS = new Set(['finalizers']);

/** A Service's `ports` are keyed by `port`, a container's by `containerPort`. */
export function mergeKeyFor(field: string, parentPath: readonly string[]): string | undefined {
  if (field === 'ports' && parentPath[parentPath.length - 1] === 'spec' && parentPath.length === 1) return 'port';
  return MERGE_KEYS[field];
}
