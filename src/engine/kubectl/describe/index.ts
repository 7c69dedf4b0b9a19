/**
 * `kubectl describe`: a dedicated describer per kind where kubectl has one (pods, nodes, ...), the
 * generic one otherwise. Describers read related objects (events, pods on a node, leases) through
 * the DescribeContext, as kubectl does through the API.
 */
import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/resources';
import type { DescribeContext } from './context';
import { eventSelector } from './format';
import { describeGeneric } from './generic';
import { describeNode } from './node';
import { describePod } from './pod';
import { describeDeployment, describeReplicaSet, describeService } from './workloads';

export type { DescribeContext } from './context';

function eventsFor(context: DescribeContext, object: KubeObject, withKind: boolean): KubeObject[] {
  return [...context.list('', 'events', object.metadata.namespace, { fieldSelector: eventSelector(object, withKind) })];
}

export function describe(type: ResourceType, object: KubeObject, context: DescribeContext): string {
  if (type.group === '' && type.kind === 'Pod') return describePod(object, eventsFor(context, object, false), context.nowMs);
  if (type.group === '' && type.kind === 'Node') {
    const name = String(object.metadata.name);
    const pods = context.list('', 'pods', undefined, { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
    const lease = context.get('coordination.k8s.io', 'leases', 'kube-node-lease', name);
    // Node events carry either the node's uid (controllers) or its name as uid (kubelet).
    const byUid = eventsFor(context, object, true);
    const byName = eventsFor(context, { ...object, metadata: { ...object.metadata, uid: name } }, true);
    return describeNode(object, pods, lease, [...byUid, ...byName], context.nowMs);
  }
  const ns = object.metadata.namespace;
  if (type.group === 'apps' && type.kind === 'Deployment') return describeDeployment(object, context.list('apps', 'replicasets', ns), eventsFor(context, object, true), context.nowMs);
  if (type.group === 'apps' && type.kind === 'ReplicaSet') return describeReplicaSet(object, context.list('', 'pods', ns), eventsFor(context, object, true), context.nowMs);
  if (type.group === '' && type.kind === 'Service') {
    const slices = context.list('discovery.k8s.io', 'endpointslices', ns, { labelSelector: `kubernetes.io/service-name=${String(object.metadata.name)}` });
    return describeService(object, slices, eventsFor(context, object, true), context.nowMs);
  }
  return describeGeneric(type, object, context);
}
