/** Every message descriptor, and the top-level kinds a protobuf request body may carry. */
import type { Schema } from './types';
import { appsV1 } from './apps-v1';
import { authenticationV1 } from './authentication-v1';
import { authorizationV1 } from './authorization-v1';
import { autoscalingV1 } from './autoscaling-v1';
import { autoscalingV2 } from './autoscaling-v2';
import { batchV1 } from './batch-v1';
import { certificatesV1 } from './certificates-v1';
import { coreV1 } from './core-v1';
import { metaV1 } from './meta-v1';
import { networkingV1 } from './networking-v1';
import { policyV1 } from './policy-v1';
import { rbacV1 } from './rbac-v1';
import { schedulingV1 } from './scheduling-v1';

export type { FieldDesc, MessageDesc, Schema } from './types';

export const SCHEMA: Schema = {
  ...metaV1,
  ...coreV1,
  ...appsV1,
  ...batchV1,
  ...networkingV1,
  ...rbacV1,
  ...schedulingV1,
  ...policyV1,
  ...autoscalingV1,
  ...autoscalingV2,
  ...authenticationV1,
  ...authorizationV1,
  ...certificatesV1,
};

/** apiVersion -> the descriptor prefix of its package. */
const PACKAGES: Readonly<Record<string, string>> = {
  v1: 'core/v1',
  'apps/v1': 'apps/v1',
  'batch/v1': 'batch/v1',
  'networking.k8s.io/v1': 'networking/v1',
  'rbac.authorization.k8s.io/v1': 'rbac/v1',
  'scheduling.k8s.io/v1': 'scheduling/v1',
  'policy/v1': 'policy/v1',
  'autoscaling/v1': 'autoscaling/v1',
  'autoscaling/v2': 'autoscaling/v2',
  'authentication.k8s.io/v1': 'authentication/v1',
  'authorization.k8s.io/v1': 'authorization/v1',
  'certificates.k8s.io/v1': 'certificates/v1',
};

/** The kinds with descriptors for themselves and everything they hold. */
const KINDS: Readonly<Record<string, readonly string[]>> = {
  'core/v1': ['Namespace', 'ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'ResourceQuota', 'Pod', 'PersistentVolumeClaim', 'PersistentVolume', 'LimitRange', 'Endpoints', 'Binding', 'ReplicationController', 'PodTemplate', 'Node', 'Event'],
  'apps/v1': ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'],
  'batch/v1': ['Job', 'CronJob'],
  'networking/v1': ['Ingress', 'IngressClass', 'NetworkPolicy'],
  'rbac/v1': ['Role', 'RoleBinding', 'ClusterRole', 'ClusterRoleBinding'],
  'scheduling/v1': ['PriorityClass'],
  'policy/v1': ['PodDisruptionBudget', 'Eviction'],
  'autoscaling/v1': ['HorizontalPodAutoscaler', 'Scale'],
  'autoscaling/v2': ['HorizontalPodAutoscaler'],
  'authentication/v1': ['TokenRequest', 'TokenReview', 'SelfSubjectReview'],
  'authorization/v1': ['SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview', 'LocalSubjectAccessReview'],
  'certificates/v1': ['CertificateSigningRequest'],
};

/** The descriptor key of a top-level kind, or undefined when it is not one this decoder knows. */
export function messageForKind(apiVersion: string, kind: string): string | undefined {
  // kubectl's DELETE bodies are DeleteOptions, tagged with the resource's group version (or meta's).
  if (kind === 'DeleteOptions' && (apiVersion === 'meta.k8s.io/v1' || apiVersion in PACKAGES)) return 'meta/v1.DeleteOptions';
  const pkg = PACKAGES[apiVersion];
  if (!pkg || !(KINDS[pkg] ?? []).includes(kind)) return undefined;
  return `${pkg}.${kind}`;
}
