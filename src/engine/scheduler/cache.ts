/**
 * The scheduler's cache (pkg/scheduler/backend/cache): NodeInfos kept up to date from node and pod
 * events, plus pods the scheduler has assumed on a node before the informer shows them bound. A
 * scheduling cycle reads the node list in a fixed (name) order, which the round-robin start index of
 * percentageOfNodesToScore walks over.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { NodeInfo } from './framework/node-info';

function assignedNode(pod: KubeObject): string | undefined {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const phase = isRecord(pod.status) ? pod.status.phase : undefined;
  const nodeName = text(spec.nodeName);
  // Finished pods hold no resources (the kubelet has released them).
  if (!nodeName || phase === 'Succeeded' || phase === 'Failed') return undefined;
  return nodeName;
}

export class SchedulerCache {
  private readonly nodes = new Map<string, NodeInfo>();
  /** uid → node the pod is counted on (also for pods whose node is not known yet). */
  private readonly podNode = new Map<string, { nodeName: string; pod: KubeObject }>();
  private ordered: NodeInfo[] | undefined;
  /** Nodes holding pods with pod affinity terms / with required anti-affinity (the snapshot's HavePodsWithAffinityList and HavePodsWithRequiredAntiAffinityList). */
  private readonly withAffinity = new Set<string>();
  private readonly withRequiredAnti = new Set<string>();
  private affinityList: NodeInfo[] | undefined;
  private requiredAntiList: NodeInfo[] | undefined;
  /** How many nodes hold each image (ImageLocality's spread), kept as nodes come, change and go. */
  private readonly imageNodes = new Map<string, number>();

  /** Number of nodes that have the image. */
  nodesWithImage(image: string): number {
    return this.imageNodes.get(image) ?? 0;
  }

  private countImages(info: NodeInfo, by: number): void {
    for (const image of info.images.keys()) {
      const n = (this.imageNodes.get(image) ?? 0) + by;
      if (n > 0) this.imageNodes.set(image, n);
      else this.imageNodes.delete(image);
    }
  }

  /** Every node, ordered by name; the array is rebuilt only when nodes come or go. */
  nodeList(): readonly NodeInfo[] {
    if (!this.ordered) this.ordered = [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    return this.ordered;
  }

  /** The nodes with pods that have pod affinity or anti-affinity terms, ordered by name. */
  nodesWithPodsWithAffinity(): readonly NodeInfo[] {
    this.affinityList ??= this.nodeList().filter((n) => this.withAffinity.has(n.name));
    return this.affinityList;
  }

  /** The nodes with pods that have required pod anti-affinity terms, ordered by name. */
  nodesWithPodsWithRequiredAntiAffinity(): readonly NodeInfo[] {
    this.requiredAntiList ??= this.nodeList().filter((n) => this.withRequiredAnti.has(n.name));
    return this.requiredAntiList;
  }

  /** Keeps the two lists above true after a node's pods changed (or the node came or went). */
  private noteAffinity(nodeName: string): void {
    const info = this.nodes.get(nodeName);
    const mark = (set: Set<string>, on: boolean): boolean => {
      if (set.has(nodeName) === on) return false;
      if (on) set.add(nodeName);
      else set.delete(nodeName);
      return true;
    };
    if (mark(this.withAffinity, (info?.podsWithAffinity.length ?? 0) > 0)) this.affinityList = undefined;
    if (mark(this.withRequiredAnti, (info?.podsWithRequiredAntiAffinity.length ?? 0) > 0)) this.requiredAntiList = undefined;
  }

  get(nodeName: string): NodeInfo | undefined {
    return this.nodes.get(nodeName);
  }

  setNode(node: KubeObject): void {
    const name = text(node.metadata.name);
    const existing = this.nodes.get(name);
    const info = existing ? existing.withNode(node) : new NodeInfo(node);
    if (existing) this.countImages(existing, -1);
    this.countImages(info, 1);
    if (!existing) for (const { nodeName, pod } of this.podNode.values()) if (nodeName === name) info.addPod(pod);
    this.nodes.set(name, info);
    this.ordered = undefined;
    // The lists hold NodeInfo objects, and this node has a new one.
    this.affinityList = undefined;
    this.requiredAntiList = undefined;
    this.noteAffinity(name);
  }

  removeNode(node: KubeObject): void {
    const existing = this.nodes.get(text(node.metadata.name));
    if (existing) this.countImages(existing, -1);
    this.nodes.delete(text(node.metadata.name));
    this.ordered = undefined;
    this.noteAffinity(text(node.metadata.name));
  }

  /** A pod add or update from the informer (or an assumed pod): counted on its node if it has one. */
  setPod(pod: KubeObject): void {
    const uid = String(pod.metadata.uid);
    const previous = this.podNode.get(uid);
    const nodeName = assignedNode(pod);
    if (previous) {
      this.nodes.get(previous.nodeName)?.removePod(previous.pod);
      this.noteAffinity(previous.nodeName);
    }
    if (!nodeName) {
      this.podNode.delete(uid);
      return;
    }
    this.podNode.set(uid, { nodeName, pod });
    this.nodes.get(nodeName)?.addPod(pod);
    this.noteAffinity(nodeName);
  }

  removePod(pod: KubeObject): void {
    const uid = String(pod.metadata.uid);
    const previous = this.podNode.get(uid);
    if (!previous) return;
    this.podNode.delete(uid);
    this.nodes.get(previous.nodeName)?.removePod(previous.pod);
    this.noteAffinity(previous.nodeName);
  }

  /** Whether the pod (by uid) is counted on some node, bound or assumed. */
  isAssigned(uid: string): boolean {
    return this.podNode.has(uid);
  }
}
