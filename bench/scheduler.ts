/**
 * Scheduling throughput: 5,000 nodes (3 zones) and 150,000 pending pods with mixed requests,
 * scheduled by the lab's kube-scheduler through the API (watch, filter/score, POST binding, Scheduled
 * event). Phase "plain": pods with requests only. Phase "mixed": a share of the pods also carry a
 * zone topology spread constraint, preferred pod anti-affinity or required node affinity.
 * Prints pods/s of wall time and peak heap, then one JSON line {"bench":"scheduler",...}.
 * NODES / PODS / MIXED_SHARE override the sizes (e.g. NODES=500 PODS=10000 for a quick run).
 */
import { createSimulation } from '../src/engine';

const NODES = Number(process.env.NODES ?? 5000);
const PODS = Number(process.env.PODS ?? 150_000);
/** Fraction of PODS scheduled in the mixed phase (the rest are plain). */
const MIXED_SHARE = Number(process.env.MIXED_SHARE ?? 0.2);
const NAMESPACES = 50;

let peakHeap = 0;
function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

function time<T>(label: string, f: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = f();
  const ms = performance.now() - start;
  sampleHeap();
  console.log(`${label.padEnd(48)} ${ms.toFixed(0).padStart(8)} ms`);
  return { result, ms };
}

const sim = createSimulation({ seed: 1, cluster: 'empty' });
sim.shell.open().write('kind create cluster --name scale');
const api = sim.api;

// The DaemonSets (kube-proxy, kindnet) would add two pods per node and time the DaemonSet
// controller's own per-node work; this bench measures the scheduler alone.
for (const ds of ['kube-proxy', 'kindnet']) api.request({ method: 'DELETE', path: `/apis/apps/v1/namespaces/kube-system/daemonsets/${ds}` });
sim.advance(0);

time(`create ${NAMESPACES} namespaces`, () => {
  for (let i = 0; i < NAMESPACES; i++) api.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } } });
});
time(`create ${NODES} nodes`, () => {
  for (let i = 0; i < NODES; i++) {
    const name = `node-${i}`;
    const resources = { cpu: i % 4 === 0 ? '16' : '32', memory: '64Gi', pods: '110', 'ephemeral-storage': '100Gi' };
    api.request({
      method: 'POST',
      path: '/api/v1/nodes',
      body: {
        apiVersion: 'v1',
        kind: 'Node',
        metadata: { name, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'topology.kubernetes.io/zone': `zone-${i % 3}`, tier: i % 10 === 0 ? 'gpu' : 'general' } },
        status: { capacity: resources, allocatable: resources, conditions: [{ type: 'Ready', status: 'True' }] },
      },
    });
  }
});
time('drain node watch deliveries', () => sim.advance(0));

function plainPod(i: number): Record<string, unknown> {
  const cpu = [50, 100, 250, 500][i % 4] as number;
  const memory = [64, 128, 256, 512][(i >> 2) % 4] as number;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `pod-${i}`, labels: { app: `app-${i % 500}` } },
    spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: `${cpu}m`, memory: `${memory}Mi` } } }] },
  };
}

function mixedPod(i: number): Record<string, unknown> {
  const pod = plainPod(i);
  const spec = pod.spec as Record<string, unknown>;
  const app = `app-${i % 500}`;
  switch (i % 3) {
    case 0:
      spec.topologySpreadConstraints = [{ maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app } } }];
      break;
    case 1:
      spec.affinity = { podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 50, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: { app } } } }] } };
      break;
    default:
      spec.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['gpu'] }] }] } } };
  }
  return pod;
}

function countScheduled(): number {
  const list = api.request({ method: 'GET', path: '/api/v1/pods', query: { fieldSelector: 'spec.nodeName!=' } }).body as { items?: unknown[] };
  return (list.items ?? []).length;
}

function phase(name: string, from: number, to: number, make: (i: number) => Record<string, unknown>): { pods: number; ms: number; podsPerSecond: number } {
  time(`${name}: create ${to - from} pending pods`, () => {
    for (let i = from; i < to; i++) api.request({ method: 'POST', path: `/api/v1/namespaces/ns-${i % NAMESPACES}/pods`, body: make(i) });
  });
  const before = countScheduled();
  const { ms } = time(`${name}: schedule them`, () => {
    // Scheduling runs on the virtual loop at one instant; no virtual time needs to pass.
    // advance(0) drains the task queue (within the loop's step budget; a few rounds make sure).
    for (let n = 0; n < 5; n++) sim.advance(0);
  });
  const pods = countScheduled() - before;
  const podsPerSecond = pods / (ms / 1000);
  console.log(`${name}: ${pods} pods scheduled, ${podsPerSecond.toFixed(0)} pods/s`);
  return { pods, ms, podsPerSecond };
}

const plainCount = Math.round(PODS * (1 - MIXED_SHARE));
const plain = phase('plain', 0, plainCount, plainPod);
const mixed = phase('mixed', plainCount, PODS, mixedPod);
sampleHeap();
const peakHeapMiB = Math.round(peakHeap / 1024 / 1024);
console.log(`peak heap used: ${peakHeapMiB} MiB`);
console.log(
  JSON.stringify({
    bench: 'scheduler',
    nodes: NODES,
    pods: PODS,
    plainPods: plain.pods,
    plainPodsPerSecond: Math.round(plain.podsPerSecond),
    mixedPods: mixed.pods,
    mixedPodsPerSecond: Math.round(mixed.podsPerSecond),
    peakHeapMiB,
  }),
);
