/**
 * What the scheduler knows about one node: the Node object, the pods on it (including ones it has
 * assumed but not yet seen bound), and their summed requests, ports and images.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseMilli, parseQuantityValue } from '../../api/quantity';

/** Requests in scheduler units: millicores, bytes, counts. */
export interface Resource {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended and other scalar resources (nvidia.com/gpu, hugepages-2Mi, ...). */
  scalar: Map<string, number>;
}

/** Pods without a CPU or memory request count as 100m and 200Mi when scoring (util.GetNonzeroRequests). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

export function emptyResource(): Resource {
  return { milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: new Map() };
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function addList(into: Resource, values: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(values)) {
    const q = text(value);
    try {
      if (name === 'cpu') into.milliCPU += parseMilli(q);
      else if (name === 'memory') into.memory += parseQuantityValue(q);
      else if (name === 'ephemeral-storage') into.ephemeralStorage += parseQuantityValue(q);
      else into.scalar.set(name, (into.scalar.get(name) ?? 0) + parseQuantityValue(q));
    } catch {
      // Validation rejects bad quantities; ignore any that slipped through.
    }
  }
}

function maxInto(into: Resource, other: Resource): void {
  into.milliCPU = Math.max(into.milliCPU, other.milliCPU);
  into.memory = Math.max(into.memory, other.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, other.ephemeralStorage);
  for (const [k, v] of other.scalar) into.scalar.set(k, Math.max(into.scalar.get(k) ?? 0, v));
}

function addResource(into: Resource, other: Resource): void {
  into.milliCPU += other.milliCPU;
  into.memory += other.memory;
  into.ephemeralStorage += other.ephemeralStorage;
  for (const [k, v] of other.scalar) into.scalar.set(k, (into.scalar.get(k) ?? 0) + v);
}

/**
 * A pod's effective requests: the sum over app containers (and restartable init containers), or
 * the largest single init container if larger, plus pod overhead. With `nonZero`, containers that
 * request no CPU or memory count the scheduler's defaults (used for scoring only).
 */
export function podRequests(pod: KubeObject, nonZero = false): Resource {
  // Pods are frozen values shared by every reader, so a pod object's requests never change.
  const memo = nonZero ? nonZeroMemo : requestsMemo;
  let r = memo.get(pod);
  if (!r) {
    r = computePodRequests(pod, nonZero);
    memo.set(pod, r);
  }
  return r;
}

const requestsMemo = new WeakMap<KubeObject, Resource>();
const nonZeroMemo = new WeakMap<KubeObject, Resource>();
const portsMemo = new WeakMap<KubeObject, HostPort[]>();

function computePodRequests(pod: KubeObject, nonZero: boolean): Resource {
  const spec = rec(pod.spec);
  const sum = emptyResource();
  const containerRequests = (c: Record<string, unknown>): Resource => {
    const r = emptyResource();
    addList(r, rec(rec(c.resources).requests));
    if (nonZero) {
      const requests = rec(rec(c.resources).requests);
      if (requests.cpu === undefined) r.milliCPU = DEFAULT_MILLI_CPU_REQUEST;
      if (requests.memory === undefined) r.memory = DEFAULT_MEMORY_REQUEST;
    }
    return r;
  };
  for (const c of list(spec.containers)) addResource(sum, containerRequests(c));
  const sidecars = emptyResource();
  const initMax = emptyResource();
  for (const c of list(spec.initContainers)) {
    const r = containerRequests(c);
    if (c.restartPolicy === 'Always') {
      addResource(sum, r);
      addResource(sidecars, r);
    } else {
      const withSidecars = emptyResource();
      addResource(withSidecars, sidecars);
      addResource(withSidecars, r);
      maxInto(initMax, withSidecars);
    }
  }
  maxInto(sum, initMax);
  addList(sum, rec(spec.overhead));
  return sum;
}

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

/** The pod's hostPorts (memoised per pod object; callers must not modify the array). */
export function podHostPorts(pod: KubeObject): HostPort[] {
  let out = portsMemo.get(pod);
  if (!out) {
    out = computeHostPorts(pod);
    portsMemo.set(pod, out);
  }
  return out;
}

function computeHostPorts(pod: KubeObject): HostPort[] {
  const out: HostPort[] = [];
  const spec = rec(pod.spec);
  for (const c of [...list(spec.containers), ...list(spec.initContainers)]) {
    for (const p of list(c.ports)) {
      if (typeof p.hostPort === 'number' && p.hostPort > 0) out.push({ ip: text(p.hostIP) || '0.0.0.0', protocol: text(p.protocol) || 'TCP', port: p.hostPort });
    }
  }
  return out;
}

function subtractResource(into: Resource, other: Resource): void {
  into.milliCPU -= other.milliCPU;
  into.memory -= other.memory;
  into.ephemeralStorage -= other.ephemeralStorage;
  for (const [k, v] of other.scalar) into.scalar.set(k, (into.scalar.get(k) ?? 0) - v);
}

/** Whether a pod carries pod affinity or anti-affinity terms (InterPodAffinity looks only at those). */
function hasPodAffinity(pod: KubeObject): { any: boolean; requiredAnti: boolean } {
  const affinity = rec(rec(pod.spec).affinity);
  const anti = rec(affinity.podAntiAffinity);
  const requiredAnti = Array.isArray(anti.requiredDuringSchedulingIgnoredDuringExecution) && anti.requiredDuringSchedulingIgnoredDuringExecution.length > 0;
  return { any: affinity.podAffinity !== undefined || affinity.podAntiAffinity !== undefined, requiredAnti };
}

const NO_PODS: readonly KubeObject[] = [];

interface PodEntry {
  pod: KubeObject;
  requested: Resource;
  nonZero: Resource;
  ports: HostPort[];
}

export class NodeInfo {
  readonly pods: KubeObject[] = [];
  /** Pods with pod affinity or anti-affinity terms, and those with required anti-affinity (framework.NodeInfo's PodsWithAffinity / PodsWithRequiredAntiAffinity). */
  readonly podsWithAffinity: KubeObject[] = [];
  readonly podsWithRequiredAntiAffinity: KubeObject[] = [];
  /** The same pods by namespace: affinity terms and spread selectors only look at given namespaces. */
  private readonly byNamespace = new Map<string, KubeObject[]>();
  readonly requested = emptyResource();
  readonly nonZeroRequested = emptyResource();
  readonly allocatable = emptyResource();
  allowedPodNumber = 0;
  readonly usedPorts: HostPort[] = [];
  /** Image name → size in bytes, from node.status.images. */
  readonly images = new Map<string, number>();
  private readonly entries = new Map<string, PodEntry>();

  constructor(readonly node: KubeObject) {
    const status = rec(node.status);
    const allocatable = rec(status.allocatable);
    addList(this.allocatable, allocatable);
    this.allowedPodNumber = this.allocatable.scalar.get('pods') ?? 0;
    this.allocatable.scalar.delete('pods');
    for (const image of list(status.images)) {
      const size = typeof image.sizeBytes === 'number' ? image.sizeBytes : 0;
      for (const name of Array.isArray(image.names) ? image.names.map(text) : []) this.images.set(name, size);
    }
  }

  get name(): string {
    return text(this.node.metadata.name);
  }

  get labels(): Readonly<Record<string, string>> {
    return this.node.metadata.labels ?? {};
  }

  addPod(pod: KubeObject): void {
    const key = String(pod.metadata.uid);
    if (this.entries.has(key)) this.removePod(pod);
    const entry: PodEntry = { pod, requested: podRequests(pod), nonZero: podRequests(pod, true), ports: podHostPorts(pod) };
    this.entries.set(key, entry);
    this.pods.push(pod);
    const ns = text(pod.metadata.namespace);
    const inNamespace = this.byNamespace.get(ns);
    if (inNamespace) inNamespace.push(pod);
    else this.byNamespace.set(ns, [pod]);
    const affinity = hasPodAffinity(pod);
    if (affinity.any) this.podsWithAffinity.push(pod);
    if (affinity.requiredAnti) this.podsWithRequiredAntiAffinity.push(pod);
    addResource(this.requested, entry.requested);
    addResource(this.nonZeroRequested, entry.nonZero);
    this.usedPorts.push(...entry.ports);
  }

  /** Removes the pod with this uid (whatever version of it was added). */
  removePod(pod: KubeObject): void {
    const key = String(pod.metadata.uid);
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const drop = (arr: KubeObject[]) => {
      const i = arr.indexOf(entry.pod);
      if (i >= 0) arr.splice(i, 1);
    };
    drop(this.pods);
    const inNamespace = this.byNamespace.get(text(entry.pod.metadata.namespace));
    if (inNamespace) drop(inNamespace);
    drop(this.podsWithAffinity);
    drop(this.podsWithRequiredAntiAffinity);
    subtractResource(this.requested, entry.requested);
    subtractResource(this.nonZeroRequested, entry.nonZero);
    for (const port of entry.ports) {
      const i = this.usedPorts.indexOf(port);
      if (i >= 0) this.usedPorts.splice(i, 1);
    }
  }

  /** The node's pods in one namespace, in the order they were added (callers must not modify it). */
  podsIn(namespace: string): readonly KubeObject[] {
    return this.byNamespace.get(namespace) ?? NO_PODS;
  }

  hasPod(uid: string): boolean {
    return this.entries.has(uid);
  }

  /** A NodeInfo for an updated Node object carrying the same pods. */
  withNode(node: KubeObject): NodeInfo {
    const next = new NodeInfo(node);
    for (const entry of this.entries.values()) next.addPod(entry.pod);
    return next;
  }
}
