/**
 * Cluster invariants: states a real Kubernetes cluster can never reach, checked against a running
 * simulation through its public API only (lists and watches), so they judge the engine from outside
 * as a client would. `check()` holds at every instant; `checkSettled()` holds once the cluster has
 * had time to converge (controllers are eventually consistent, as in Kubernetes).
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { parseMilli, parseQuantityValue } from '../api/quantity';
import { podRequests } from '../scheduler/framework/node-info';
import type { Simulation } from '../simulation-api';
import type { WatchEvent } from '../types';
import { isReady, isTerminal, keyOf, rec, rollingBounds, specReplicas } from './objects';
import { RolloutFloor } from './rollout-floor';
import { StatefulSetIdentity } from './statefulset-identity';

export interface Violation {
  invariant: string;
  detail: string;
}

const WATCHED = {
  pods: '/api/v1/pods',
  nodes: '/api/v1/nodes',
  services: '/api/v1/services',
  endpointslices: '/apis/discovery.k8s.io/v1/endpointslices',
  deployments: '/apis/apps/v1/deployments',
  replicasets: '/apis/apps/v1/replicasets',
  statefulsets: '/apis/apps/v1/statefulsets',
} as const;
type Watched = keyof typeof WATCHED;

function list(sim: Simulation, path: string): KubeObject[] {
  const response = sim.api.request({ method: 'GET', path });
  const items = rec(response.body).items;
  return Array.isArray(items) ? (items as KubeObject[]) : [];
}

export class InvariantMonitor {
  /** Each collection as its watch has told it, to compare with a fresh list. */
  private readonly mirrors = new Map<Watched, Map<string, KubeObject>>();
  private readonly lastRevision = new Map<Watched, number>();
  private readonly violations: Violation[] = [];
  private readonly stops: (() => void)[] = [];
  /** False while the watches replay what already exists (in no particular order across collections). */
  private synced = false;
  private readonly floor = new RolloutFloor((detail) => this.synced && this.record('a rollout keeps replicas - maxUnavailable ready', detail));
  private readonly identity = new StatefulSetIdentity((invariant, detail) => this.synced && this.record(invariant, detail));

  constructor(private readonly sim: Simulation) {
    for (const name of Object.keys(WATCHED) as Watched[]) {
      this.mirrors.set(name, new Map());
      this.stops.push(sim.api.watch(WATCHED[name], { resourceVersion: '0' }, (event) => this.observe(name, event)));
    }
    sim.advance(0);
    this.synced = true;
  }

  private record(invariant: string, detail: string): void {
    if (this.violations.length < 50) this.violations.push({ invariant, detail });
  }

  private observe(name: Watched, event: WatchEvent): void {
    if (event.type === 'ERROR' || event.type === 'BOOKMARK') {
      this.record('watch delivers no errors', `${name}: ${JSON.stringify(event.object).slice(0, 200)}`);
      return;
    }
    const mirror = this.mirrors.get(name) as Map<string, KubeObject>;
    const key = keyOf(event.object);
    const revision = Number(event.object.metadata.resourceVersion);
    const before = mirror.get(key);
    if (event.type === 'ADDED' && before) this.record('each change is seen exactly once', `${name} ${key} ADDED twice`);
    if (event.type !== 'ADDED' && !before) this.record('each change is seen exactly once', `${name} ${key} ${event.type} without ADDED`);
    // After the initial listing, every event's resourceVersion is newer than the one before it.
    if (before) {
      const last = this.lastRevision.get(name) ?? 0;
      if (!(revision > last)) this.record('resourceVersions strictly increase', `${name} ${key} ${event.type} at ${revision} after ${last}`);
    }
    this.lastRevision.set(name, Math.max(this.lastRevision.get(name) ?? 0, revision));
    if (this.synced && name === 'pods' && event.type !== 'DELETED') this.checkBinding(before, event.object);
    if (event.type === 'DELETED') mirror.delete(key);
    else mirror.set(key, event.object);
    if (name === 'pods' || name === 'nodes' || name === 'deployments' || name === 'replicasets') this.floor.observe(name, event);
    if (name === 'pods' || name === 'statefulsets') this.identity.observe(name, event);
  }

  /** A pod is only ever bound to a node that exists at that moment. */
  private checkBinding(before: KubeObject | undefined, pod: KubeObject): void {
    const node = text(rec(pod.spec).nodeName);
    if (!node || text(rec(before?.spec).nodeName) === node) return;
    if (!this.mirrors.get('nodes')?.has(`/${node}`)) this.record('no pod is bound to a missing node', `${keyOf(pod)} bound to ${node}`);
  }

  /** Invariants that hold at every instant. */
  check(): Violation[] {
    const nodes = list(this.sim, WATCHED.nodes);
    const pods = list(this.sim, WATCHED.pods);
    const byNode = new Map<string, KubeObject[]>();
    for (const pod of pods) {
      const node = text(rec(pod.spec).nodeName);
      if (node && !isTerminal(pod)) byNode.set(node, [...(byNode.get(node) ?? []), pod]);
    }
    for (const node of nodes) {
      const allocatable = rec(rec(node.status).allocatable);
      const placed = byNode.get(text(node.metadata.name)) ?? [];
      let cpu = 0;
      let memory = 0;
      for (const pod of placed) {
        const r = podRequests(pod);
        cpu += r.milliCPU;
        memory += r.memory;
      }
      const name = text(node.metadata.name);
      if (allocatable.cpu !== undefined && cpu > parseMilli(text(allocatable.cpu))) this.record('no node holds more than it can allocate', `${name}: ${cpu}m cpu requested`);
      if (allocatable.memory !== undefined && memory > parseQuantityValue(text(allocatable.memory))) this.record('no node holds more than it can allocate', `${name}: ${memory} bytes requested`);
      if (allocatable.pods !== undefined && placed.length > Number(allocatable.pods)) this.record('no node holds more than it can allocate', `${name}: ${placed.length} pods`);
    }
    this.checkRollouts(pods);
    return [...this.violations];
  }

  /** A RollingUpdate Deployment never runs more than replicas + maxSurge pods. */
  private checkRollouts(pods: readonly KubeObject[]): void {
    const replicaSets = list(this.sim, WATCHED.replicasets);
    for (const deployment of list(this.sim, WATCHED.deployments)) {
      const spec = rec(deployment.spec);
      if (rec(spec.strategy).type === 'Recreate' || deployment.metadata.deletionTimestamp) continue;
      const replicas = specReplicas(deployment);
      const owned = new Set(replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.uid === deployment.metadata.uid)).map((rs) => rs.metadata.uid));
      const running = pods.filter((p) => !p.metadata.deletionTimestamp && !isTerminal(p) && (p.metadata.ownerReferences ?? []).some((o) => owned.has(o.uid)));
      const limit = replicas + rollingBounds(deployment, replicas).maxSurge;
      if (running.length > limit) this.record('a rollout stays within maxSurge', `${keyOf(deployment)}: ${running.length} pods, at most ${limit}`);
    }
  }

  /** Invariants that hold once controllers have caught up (call after letting time run with no changes). */
  checkSettled(): Violation[] {
    const out: Violation[] = [];
    const all = (path: string) => list(this.sim, path);
    // What each watch told must be exactly what a fresh list says: nothing missed, nothing doubled.
    for (const name of Object.keys(WATCHED) as Watched[]) {
      const fresh = new Map(all(WATCHED[name]).map((o) => [keyOf(o), String(o.metadata.resourceVersion)]));
      const mirror = this.mirrors.get(name) as Map<string, KubeObject>;
      for (const [key, rv] of fresh) if (String(mirror.get(key)?.metadata.resourceVersion) !== rv) out.push({ invariant: 'each watch sees every change', detail: `${name} ${key} at ${rv}, watch saw ${String(mirror.get(key)?.metadata.resourceVersion)}` });
      for (const key of mirror.keys()) if (!fresh.has(key)) out.push({ invariant: 'each watch sees every change', detail: `${name} ${key} deleted but the watch still has it` });
    }
    // Every controller reference points at a live owner (the garbage collector removes orphans).
    const uids = new Set<string>();
    const owners = ['/apis/apps/v1/deployments', '/apis/apps/v1/replicasets', '/apis/apps/v1/daemonsets', '/apis/apps/v1/statefulsets', '/apis/batch/v1/jobs', '/apis/batch/v1/cronjobs', '/api/v1/services', '/api/v1/nodes'];
    for (const path of owners) for (const o of all(path)) uids.add(text(o.metadata.uid));
    for (const path of ['/api/v1/pods', '/apis/apps/v1/replicasets', '/apis/discovery.k8s.io/v1/endpointslices']) {
      for (const o of all(path)) {
        if (o.metadata.deletionTimestamp) continue;
        for (const ref of o.metadata.ownerReferences ?? []) {
          if (ref.controller && !uids.has(text(ref.uid))) out.push({ invariant: 'every owned object has its owner', detail: `${path} ${keyOf(o)} owned by missing ${text(ref.kind)}/${text(ref.name)}` });
        }
      }
    }
    // A Service's EndpointSlices list exactly its selected, ready pods.
    const pods = all(WATCHED.pods);
    const slices = all(WATCHED.endpointslices);
    for (const service of all(WATCHED.services)) {
      const selector = rec(rec(service.spec).selector);
      if (Object.keys(selector).length === 0) continue;
      const matches = (p: KubeObject) => p.metadata.namespace === service.metadata.namespace && Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v);
      const want = pods.filter((p) => matches(p) && isReady(p) && !p.metadata.deletionTimestamp && text(rec(p.status).podIP)).map((p) => text(rec(p.status).podIP)).sort();
      const got = slices
        .filter((s) => s.metadata.namespace === service.metadata.namespace && s.metadata.labels?.['kubernetes.io/service-name'] === service.metadata.name)
        .flatMap((s) => (Array.isArray(s.endpoints) ? s.endpoints.filter(isRecord) : []))
        .filter((e) => rec(e.conditions).ready === true)
        .flatMap((e) => (Array.isArray(e.addresses) ? e.addresses.map(text) : []))
        .sort();
      if (want.join(',') !== got.join(',')) out.push({ invariant: "a Service's endpoints are its ready pods", detail: `${keyOf(service)}: endpoints [${got.join(', ')}], ready pods [${want.join(', ')}]` });
    }
    // No pod stays bound to a node that no longer exists.
    const nodeNames = new Set(all(WATCHED.nodes).map((n) => text(n.metadata.name)));
    for (const pod of pods) {
      const node = text(rec(pod.spec).nodeName);
      if (node && !nodeNames.has(node)) out.push({ invariant: 'no pod is bound to a missing node', detail: `${keyOf(pod)} on ${node}` });
    }
    return [...this.violations, ...out];
  }

  dispose(): void {
    for (const stop of this.stops) stop();
  }
}
