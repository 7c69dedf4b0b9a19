/**
 * The lower bound of a rollout: a RollingUpdate Deployment keeps at least `replicas - maxUnavailable`
 * ready pods (the deployment controller only scales an old ReplicaSet down as far as availability
 * allows). Kubernetes promises this only while nothing else takes pods away, so the bound is armed
 * for a Deployment once it has been fully ready with every node healthy, and disarmed again by
 * anything that is not the rollout itself: a node that is not Ready, cordoned or tainted; a pod that
 * loses readiness without being deleted; a pod deleted that its ReplicaSet still wanted; a changed
 * replica count, strategy or a deleted ReplicaSet. Until the Deployment is fully ready again the bound
 * is not checked. Ready is weaker than available (minReadySeconds), so counting ready pods is safe.
 */
import type { KubeObject } from '../api/meta';
import { text } from '../api/meta';
import type { WatchEvent } from '../types';
import { controllerUid, isReady, isTerminal, keyOf, rec, rollingBounds, specReplicas } from './objects';

export type FloorCollection = 'pods' | 'nodes' | 'deployments' | 'replicasets';

function nodeHealthy(node: KubeObject): boolean {
  const spec = rec(node.spec);
  if (spec.unschedulable === true) return false;
  const taints = Array.isArray(spec.taints) ? spec.taints.map(rec) : [];
  // The control plane's own NoSchedule taint is there from the start and only keeps pods off it.
  if (taints.some((t) => text(t.key) !== 'node-role.kubernetes.io/control-plane')) return false;
  const conditions = Array.isArray(rec(node.status).conditions) ? (rec(node.status).conditions as unknown[]).map(rec) : [];
  return conditions.some((c) => c.type === 'Ready' && c.status === 'True');
}

const live = (pod: KubeObject) => !pod.metadata.deletionTimestamp && !isTerminal(pod);

export class RolloutFloor {
  private readonly pods = new Map<string, KubeObject>();
  private readonly nodes = new Map<string, KubeObject>();
  private readonly deployments = new Map<string, KubeObject>();
  /** ReplicaSets by uid. */
  private readonly replicaSets = new Map<string, KubeObject>();
  /** Deployment uids whose bound is being checked. */
  private readonly armed = new Set<string>();

  constructor(private readonly report: (detail: string) => void) {}

  /** How many Deployments the bound is being checked for now. */
  get armedCount(): number {
    return this.armed.size;
  }

  observe(collection: FloorCollection, event: WatchEvent): void {
    if (event.type !== 'ADDED' && event.type !== 'MODIFIED' && event.type !== 'DELETED') return;
    const o = event.object;
    const gone = event.type === 'DELETED';
    if (collection === 'nodes') {
      if (gone || !nodeHealthy(o)) this.armed.clear();
      this.put(this.nodes, text(o.metadata.name), o, gone);
    } else if (collection === 'deployments') {
      const before = this.deployments.get(text(o.metadata.uid));
      if (gone || o.metadata.deletionTimestamp || !before || specReplicas(before) !== specReplicas(o) || JSON.stringify(rec(before.spec).strategy) !== JSON.stringify(rec(o.spec).strategy))
        this.armed.delete(text(o.metadata.uid));
      this.put(this.deployments, text(o.metadata.uid), o, gone);
    } else if (collection === 'replicasets') {
      if (gone || o.metadata.deletionTimestamp) this.disarmOwner(o);
      this.put(this.replicaSets, text(o.metadata.uid), o, gone);
    } else {
      this.observePod(o, gone);
    }
    this.evaluate();
  }

  private put(map: Map<string, KubeObject>, key: string, o: KubeObject, gone: boolean): void {
    if (gone) map.delete(key);
    else map.set(key, o);
  }

  private disarmOwner(replicaSet: KubeObject): void {
    const owner = controllerUid(replicaSet);
    if (owner) this.armed.delete(owner);
  }

  private observePod(pod: KubeObject, gone: boolean): void {
    const key = keyOf(pod);
    const before = this.pods.get(key);
    const replicaSet = this.replicaSets.get(controllerUid(pod) ?? '');
    if (before && replicaSet && live(before)) {
      const leaving = gone || !live(pod);
      // The ReplicaSet controller removes a pod only when it has more than it wants; anything else is a disturbance.
      const active = [...this.pods.values()].filter((p) => live(p) && controllerUid(p) === replicaSet.metadata.uid).length;
      if (leaving && active <= specReplicas(replicaSet)) this.disarmOwner(replicaSet);
      if (!leaving && isReady(before) && !isReady(pod)) this.disarmOwner(replicaSet);
    }
    this.put(this.pods, key, pod, gone);
  }

  /** Arm every Deployment that is fully ready on healthy nodes; report every armed one below its bound. */
  private evaluate(): void {
    const healthy = this.nodes.size > 0 && [...this.nodes.values()].every(nodeHealthy);
    for (const deployment of this.deployments.values()) {
      const uid = text(deployment.metadata.uid);
      if (rec(rec(deployment.spec).strategy).type === 'Recreate' || deployment.metadata.deletionTimestamp) continue;
      const replicas = specReplicas(deployment);
      const ready = this.readyPods(uid);
      if (!this.armed.has(uid)) {
        if (healthy && ready >= replicas) this.armed.add(uid);
        continue;
      }
      const floor = replicas - rollingBounds(deployment, replicas).maxUnavailable;
      if (ready < floor) {
        this.report(`${keyOf(deployment)}: ${ready} ready pods, at least ${floor}`);
        this.armed.delete(uid);
      }
    }
  }

  private readyPods(deploymentUid: string): number {
    let n = 0;
    for (const pod of this.pods.values()) {
      const replicaSet = this.replicaSets.get(controllerUid(pod) ?? '');
      if (replicaSet && controllerUid(replicaSet) === deploymentUid && live(pod) && isReady(pod)) n++;
    }
    return n;
  }
}
