/**
 * The nominator (the scheduling queue's nominatedPodMap): which pending pods are waiting for the
 * node their preemption nominated. A pod's nomination comes from status.nominatedNodeName as the
 * informer shows it, or straight from a PostFilter result before its status patch arrives; it is
 * dropped when the pod is assumed on a node (or bound), deleted, or nominated elsewhere.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';

function nominatedNodeName(pod: KubeObject): string {
  return isRecord(pod.status) ? text(pod.status.nominatedNodeName) : '';
}

const NONE: readonly KubeObject[] = Object.freeze([]);

export class Nominator {
  private readonly nodeOf = new Map<string, string>();
  /** node name → uid → the latest version of each pod nominated to it. */
  private readonly byNode = new Map<string, Map<string, KubeObject>>();

  /** NominatedPodsForNode. */
  nominatedPodsForNode(nodeName: string): readonly KubeObject[] {
    const pods = this.byNode.get(nodeName);
    return pods ? [...pods.values()] : NONE;
  }

  /** Whether any pod is nominated anywhere (the common case is none, and Filter then skips the lookups). */
  get empty(): boolean {
    return this.nodeOf.size === 0;
  }

  nominatedNode(uid: string): string | undefined {
    return this.nodeOf.get(uid);
  }

  /**
   * AddNominatedPod: `nodeName` overrides the pod's status (a PostFilter result; '' clears the
   * nomination); without it the status decides.
   */
  add(pod: KubeObject, nodeName?: string): void {
    this.delete(pod);
    const node = nodeName ?? nominatedNodeName(pod);
    if (!node) return;
    const uid = text(pod.metadata.uid);
    this.nodeOf.set(uid, node);
    let pods = this.byNode.get(node);
    if (!pods) this.byNode.set(node, (pods = new Map<string, KubeObject>()));
    pods.set(uid, pod);
  }

  /**
   * UpdateNominatedPod: a newer version of a pending pod. When neither version carries a
   * nomination but one is held in memory (the status patch is still on its way), it is kept.
   */
  update(old: KubeObject | undefined, pod: KubeObject): void {
    const held = this.nodeOf.get(text(pod.metadata.uid));
    const keep = held !== undefined && nominatedNodeName(pod) === '' && (old === undefined || nominatedNodeName(old) === '');
    this.add(pod, keep ? held : undefined);
  }

  /** DeleteNominatedPodIfExists. */
  delete(pod: KubeObject): void {
    const uid = text(pod.metadata.uid);
    const node = this.nodeOf.get(uid);
    if (node === undefined) return;
    this.nodeOf.delete(uid);
    const pods = this.byNode.get(node);
    pods?.delete(uid);
    if (pods?.size === 0) this.byNode.delete(node);
  }
}
