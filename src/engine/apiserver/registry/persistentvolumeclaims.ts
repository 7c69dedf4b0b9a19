/**
 * PersistentVolumeClaims: the DefaultStorageClass admission plugin, which gives a claim with no
 * `storageClassName` at all the cluster's default class (the newest one marked default); an
 * explicit "" stays classless.
 */
import { isRecord, text } from '../../api/meta';
import type { ResourceStrategy } from './strategy';
import { validateObjectMeta } from './object-meta';

const DEFAULT_CLASS = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS = 'storageclass.beta.kubernetes.io/is-default-class';

export const persistentVolumeClaimStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  admit(object, context) {
    const spec = isRecord(object.spec) ? object.spec : {};
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return undefined;
    const defaults = context
      .list('storage.k8s.io', 'storageclasses')
      .filter((c) => c.metadata.annotations?.[DEFAULT_CLASS] === 'true' || c.metadata.annotations?.[BETA_DEFAULT_CLASS] === 'true')
      .sort((a, b) => text(b.metadata.creationTimestamp).localeCompare(text(a.metadata.creationTimestamp)) || text(a.metadata.name).localeCompare(text(b.metadata.name)));
    if (defaults[0]) spec.storageClassName = text(defaults[0].metadata.name);
    object.spec = spec;
    return undefined;
  },
};
