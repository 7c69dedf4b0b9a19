/** What describers may read: lists and gets through the API, and the virtual time. */
import type { KubeObject } from '../../api/meta';

/**
 * The describers' window on the cluster, as kubectl's describers use the clientset: every related
 * object (events, pods on a node, a node's lease, a deployment's ReplicaSets) is read through it.
 */
export interface DescribeContext {
  /** The virtual clock, for ages (`Age`, `Terminating (lasts 5s)`). */
  nowMs: number;
  /**
   * Lists objects of a resource (group '' = core), in a namespace or across all of them
   * (undefined), filtered like the API: fieldSelector e.g.
   * "involvedObject.name=nginx,involvedObject.namespace=default,involvedObject.uid=..." or
   * "spec.nodeName=kind-worker,status.phase!=Succeeded"; labelSelector e.g. "app=web".
   */
  list(group: string, resource: string, namespace: string | undefined, options?: { labelSelector?: string; fieldSelector?: string }): readonly KubeObject[];
  /** One object, or undefined when it does not exist. */
  get(group: string, resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
}
