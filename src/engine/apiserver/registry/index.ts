/**
 * Registry strategies by `<group>/<resource>`. Resources without an entry get `genericStrategy`
 * (metadata validation only).
 */
import { isRecord } from '../../api/meta';
import { validateObjectMeta, validatePathSegmentName } from './object-meta';
import type { ResourceStrategy } from './strategy';
import { persistentVolumeClaimStrategy, secretStrategy } from './config-and-storage';
import { podStrategy } from './pods';
import { serviceStrategy } from './services';
import { cronJobStrategy, daemonSetStrategy, deploymentStrategy, jobStrategy, replicaSetStrategy, statefulSetStrategy } from './workloads';

export const genericStrategy: ResourceStrategy = {
  validate: validateObjectMeta,
};

const RBAC: ResourceStrategy = { validate: validatePathSegmentName };

/** Kinds whose `.status` changes only through the status subresource. */
const WITH_STATUS: ResourceStrategy = { ...genericStrategy, hasStatusSubresource: true };

const namespaceStrategy: ResourceStrategy = {
  ...genericStrategy,
  hasStatusSubresource: true,
  applyDefaults(object) {
    object.metadata.labels = { ...(object.metadata.labels ?? {}), 'kubernetes.io/metadata.name': String(object.metadata.name) };
    const spec = isRecord(object.spec) ? object.spec : {};
    if (!Array.isArray(spec.finalizers)) spec.finalizers = ['kubernetes'];
    object.spec = spec;
  },
  prepareForCreate(object) {
    // The namespace strategy sets the phase on create, whatever status the client sent.
    object.status = { phase: 'Active' };
  },
};

export const STRATEGIES: Record<string, ResourceStrategy> = {
  '/pods': podStrategy,
  '/services': serviceStrategy,
  '/namespaces': namespaceStrategy,
  '/secrets': secretStrategy,
  '/persistentvolumeclaims': persistentVolumeClaimStrategy,
  '/nodes': WITH_STATUS,
  'apps/deployments': deploymentStrategy,
  'apps/replicasets': replicaSetStrategy,
  'apps/statefulsets': statefulSetStrategy,
  'apps/daemonsets': daemonSetStrategy,
  'batch/jobs': jobStrategy,
  'batch/cronjobs': cronJobStrategy,
  'rbac.authorization.k8s.io/roles': RBAC,
  'rbac.authorization.k8s.io/rolebindings': RBAC,
  'rbac.authorization.k8s.io/clusterroles': RBAC,
  'rbac.authorization.k8s.io/clusterrolebindings': RBAC,
};
