/**
 * Defaults for Secrets (SetDefaults_Secret: type Opaque) and the DefaultStorageClass admission
 * plugin for PersistentVolumeClaims: a claim created without `storageClassName` gets the default
 * class (the newest one annotated `storageclass.kubernetes.io/is-default-class: "true"`), while an
 * explicit `""` is kept and means "no class".
 */
import { isRecord, type KubeObject } from '../../api/meta';
import { validateObjectMeta } from './object-meta';
import type { ResourceStrategy, StrategyContext } from './strategy';

export const secretStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  applyDefaults(object) {
    const secret = object as KubeObject & { type?: unknown };
    if (secret.type === undefined || secret.type === '') secret.type = 'Opaque';
  },
};

function isDefaultClass(storageClass: KubeObject): boolean {
  const annotations = storageClass.metadata.annotations ?? {};
  return annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
}

/** The newest default StorageClass (ties broken by name), as GetDefaultClass picks it. */
function defaultClass(context: StrategyContext): KubeObject | undefined {
  const defaults = context.list('storage.k8s.io', 'storageclasses').filter(isDefaultClass);
  defaults.sort((a, b) => String(b.metadata.creationTimestamp ?? '').localeCompare(String(a.metadata.creationTimestamp ?? '')) || String(a.metadata.name).localeCompare(String(b.metadata.name)));
  return defaults[0];
}

export const persistentVolumeClaimStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
  prepareForCreate(object, context) {
    const spec = isRecord(object.spec) ? object.spec : (object.spec = {});
    if (spec.storageClassName !== undefined && spec.storageClassName !== null) return;
    const chosen = defaultClass(context);
    if (chosen) spec.storageClassName = chosen.metadata.name;
  },
};
