/** Small builders for plugin unit tests: nodes, pods and in-memory listers. */
import type { KubeObject } from '../../api/meta';
import { NodeInfo } from '../framework/node-info';
import type { Listers } from '../framework/types';

export function node(name: string, labels: Record<string, string> = {}, spec: Record<string, unknown> = {}): NodeInfo {
  return new NodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels: { 'kubernetes.io/hostname': name, ...labels } }, spec, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } });
}

let uid = 0;
export function pod(name: string, labels: Record<string, string> = {}, spec: Record<string, unknown> = {}, namespace = 'default'): KubeObject {
  uid++;
  return { apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace, uid: `uid-${name}-${uid}`, labels }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } };
}

/** Places the pod on the node (as if bound) and returns it. */
export function place(info: NodeInfo, p: KubeObject): KubeObject {
  const bound = { ...p, spec: { ...(p.spec as Record<string, unknown>), nodeName: info.name } };
  info.addPod(bound);
  return bound;
}

export function listers(nodes: NodeInfo[], objects: Partial<Record<'namespaces' | 'services' | 'replicasets' | 'replicationcontrollers' | 'statefulsets' | 'pvcs' | 'pvs' | 'classes', KubeObject[]>> = {}): Listers {
  const byName = (list: KubeObject[] | undefined, name: string) => (list ?? []).find((o) => o.metadata.name === name);
  return {
    nodes: () => nodes,
    namespaces: () => objects.namespaces ?? [],
    namespace: (name) => byName(objects.namespaces, name),
    inNamespace: (resource, ns) => (objects[resource] ?? []).filter((o) => o.metadata.namespace === ns),
    persistentVolumeClaim: (ns, name) => (objects.pvcs ?? []).find((o) => o.metadata.namespace === ns && o.metadata.name === name),
    persistentVolume: (name) => byName(objects.pvs, name),
    persistentVolumes: () => objects.pvs ?? [],
    storageClass: (name) => byName(objects.classes, name),
    storageClasses: () => objects.classes ?? [],
  };
}
