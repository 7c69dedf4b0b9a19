/**
 * `kubectl describe`: a dedicated describer per kind where kubectl has one (pkg/describe
 * describerMap), the generic describer otherwise. Describers read related objects (events, pods
 * on a node, leases, ReplicaSets) through the DescribeContext, as kubectl does through the API.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import type { ResourceType } from '../../api/resources';
import { describeHorizontalPodAutoscaler } from './autoscaling';
import { describeCronJob, describeJob } from './batch';
import { describeConfigMap, describeLimitRange, describeNamespace, describeResourceQuota, describeSecret, describeServiceAccount } from './config';
import type { DescribeContext } from './context';
import { describeGeneric } from './generic';
import { describeEndpointSlice, describeIngress, describeNetworkPolicy, describePodDisruptionBudget } from './networking';
import { describeNode } from './node';
import { describePod } from './pod';
import { describePriorityClass, describeRole, describeRoleBinding } from './rbac';
import { describeEndpoints, describeService } from './services';
import { describePersistentVolume, describePersistentVolumeClaim, describeStorageClass } from './storage';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController, describeStatefulSet } from './workloads';

export type { DescribeContext } from './context';

type Describer = (object: KubeObject, context: DescribeContext) => string;

/** Describers by `group/Kind` (kubectl's describerMap, for the kinds implemented here). */
const DESCRIBERS: Readonly<Record<string, Describer>> = {
  '/Pod': describePod,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  '/ConfigMap': describeConfigMap,
  '/Secret': (o) => describeSecret(o),
  '/ServiceAccount': describeServiceAccount,
  '/PersistentVolume': describePersistentVolume,
  '/PersistentVolumeClaim': describePersistentVolumeClaim,
  '/ReplicationController': describeReplicationController,
  '/ResourceQuota': (o) => describeResourceQuota(o),
  '/LimitRange': (o) => describeLimitRange(o),
  'apps/Deployment': describeDeployment,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/DaemonSet': describeDaemonSet,
  'apps/StatefulSet': describeStatefulSet,
  'autoscaling/HorizontalPodAutoscaler': describeHorizontalPodAutoscaler,
  'batch/Job': describeJob,
  'batch/CronJob': describeCronJob,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  'networking.k8s.io/Ingress': describeIngress,
  'networking.k8s.io/NetworkPolicy': describeNetworkPolicy,
  'policy/PodDisruptionBudget': describePodDisruptionBudget,
  'storage.k8s.io/StorageClass': describeStorageClass,
  'rbac.authorization.k8s.io/Role': (o) => describeRole(o),
  'rbac.authorization.k8s.io/ClusterRole': (o) => describeRole(o),
  'rbac.authorization.k8s.io/RoleBinding': (o) => describeRoleBinding(o),
  'rbac.authorization.k8s.io/ClusterRoleBinding': (o) => describeRoleBinding(o),
  'scheduling.k8s.io/PriorityClass': describePriorityClass,
};

/** The text `kubectl describe` prints for one object (no trailing blank line; callers join objects with one). */
export function describe(type: ResourceType, object: KubeObject, context: DescribeContext): string {
  const describer = DESCRIBERS[`${type.group}/${type.kind}`];
  // Untrusted input: a missing metadata or kind is read as empty, never thrown on.
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const kind = typeof object.kind === 'string' && object.kind !== '' ? object.kind : type.kind;
  const withKind: KubeObject = { ...object, kind, metadata };
  return describer ? describer(withKind, context) : describeGeneric(withKind, context);
}
