/**
 * Registry strategies by `<group>/<resource>`. Resources without an entry get `genericStrategy`
 * (metadata validation only).
 */
import { isRecord } from '../../api/meta';
import { validateObjectMeta, validatePathSegmentName } from './object-meta';
import type { ResourceStrategy } from './strategy';
import { secretStrategy } from './secrets';
import { podStrategy } from './pods';
import { serviceStrategy } from './services';
import { podDisruptionBudgetStrategy } from './policy';
import { networkPolicyStrategy } from './networking';
import { defaultLimitRangeItems } from '../admission/limit-ranger';
import { persistentVolumeClaimStrategy } from './persistentvolumeclaims';
import { horizontalPodAutoscalerStrategy } from './autoscaling';
import { apiServiceStrategy } from './apiservices';
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

const limitRangeStrategy: ResourceStrategy = { ...genericStrategy, applyDefaults: defaultLimitRangeItems };

/** A quota's status (hard and used) is the resourcequota controller's and the quota plugin's. */
const resourceQuotaStrategy: ResourceStrategy = {
  ...WITH_STATUS,
  prepareForCreate(object) {
    delete object.status;
  },
};

export const STRATEGIES: Record<string, ResourceStrategy> = {
  '/pods': podStrategy,
  '/services': serviceStrategy,
  '/namespaces': namespaceStrategy,
  '/secrets': secretStrategy,
  '/nodes': WITH_STATUS,
  '/limitranges': limitRangeStrategy,
  '/resourcequotas': resourceQuotaStrategy,
  '/persistentvolumeclaims': persistentVolumeClaimStrategy,
  'apps/deployments': deploymentStrategy,
  'apps/replicasets': replicaSetStrategy,
  'apps/statefulsets': statefulSetStrategy,
  'apps/daemonsets': daemonSetStrategy,
  'apiregistration.k8s.io/apiservices': apiServiceStrategy,
  'autoscaling/horizontalpodautoscalers': horizontalPodAutoscalerStrategy,
  'batch/jobs': jobStrategy,
  'batch/cronjobs': cronJobStrategy,
  'policy/poddisruptionbudgets': podDisruptionBudgetStrategy,
  'networking.k8s.io/networkpolicies': networkPolicyStrategy,
  'rbac.authorization.k8s.io/roles': RBAC,
  'rbac.authorization.k8s.io/rolebindings': RBAC,
  'rbac.authorization.k8s.io/clusterroles': RBAC,
  'rbac.authorization.k8s.io/clusterrolebindings': RBAC,
};
