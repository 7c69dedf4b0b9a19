/**
 * Heartbeats of an idle large cluster: a kind cluster of NODES workers, each with its real kubelet
 * (Lease renewed every 10 s, node status computed every 10 s and written when it changes or every
 * 5 minutes), carrying PODS bound, running pods the kubelets adopt. The node lifecycle controller and
 * the rest of the control plane run as usual. Reports virtual seconds simulated per wall second (and
 * per CPU second of this process, which a busy machine disturbs less) and peak heap, then one JSON
 * line {"bench":"heartbeats",...}. NODES / PODS / SIM_SECONDS override the sizes (e.g. NODES=200
 * PODS=6000 for a quick run).
 *
 * Setup is honest but not a workload: every pod goes through the API (create, status, binding),
 * and its kubelet adopts it as already running, so no sandbox or container start is simulated.
 */
import { createSimulation } from '../src/engine';

const NODES = Number(process.env.NODES ?? 5000);
const PODS = Number(process.env.PODS ?? 150_000);
// 300 s include every node's 5-minute status report.
const SIM_SECONDS = Number(process.env.SIM_SECONDS ?? 300);
const NAMESPACES = 50;

let peakHeap = 0;
function sampleHeap(): void {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}

function time<T>(label: string, f: () => T): { result: T; ms: number; cpuMs: number } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const result = f();
  const cpu = process.cpuUsage(cpuStart);
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const ms = performance.now() - start;
  sampleHeap();
  console.log(`${label.padEnd(48)} ${ms.toFixed(0).padStart(8)} ms  (cpu ${cpuMs.toFixed(0).padStart(8)} ms)`);
  return { result, ms, cpuMs };
}

const sim = createSimulation({ seed: 1, cluster: 'empty' });
const config = ['kind: Cluster', 'apiVersion: kind.x-k8s.io/v1alpha4', 'nodes:', '- role: control-plane', ...Array.from({ length: NODES }, () => '- role: worker'), ''].join('\n');
const written = sim.files.write('/tmp/scale.yaml', config);
if (written) throw new Error(written);
const shell = sim.shell.open();
time(`kind create cluster (${NODES} workers)`, () => shell.write('kind create cluster --name scale --config /tmp/scale.yaml'));
const api = sim.api;
// kube-proxy and kindnet would add two pods per node; the bench's pods are its own.
for (const ds of ['kube-proxy', 'kindnet']) api.request({ method: 'DELETE', path: `/apis/apps/v1/namespaces/kube-system/daemonsets/${ds}` });
time('boot the nodes (60 s virtual)', () => sim.advance(60_000));

time(`create ${NAMESPACES} namespaces`, () => {
  for (let i = 0; i < NAMESPACES; i++) api.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } } });
});

// Pods with a running status, as after a long-running cluster's kubelets reported them, bound only
// once their status is in: each kubelet first sees them running and adopts them (no sandbox or
// container start to simulate).
time(`create ${PODS} bound running pods`, () => {
  const now = new Date(sim.clock.now()).toISOString().replace(/\.\d+Z$/, 'Z');
  for (let i = 0; i < PODS; i++) {
    const ns = `ns-${i % NAMESPACES}`;
    const name = `pod-${i}`;
    const node = i % NODES === 0 ? 'scale-worker' : `scale-worker${(i % NODES) + 1}`;
    const created = api.request({
      method: 'POST',
      path: `/api/v1/namespaces/${ns}/pods`,
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name, labels: { app: `app-${i % 500}` } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27', resources: { requests: { cpu: '50m', memory: '64Mi' } } }] } },
    });
    const pod = created.body as Record<string, unknown>;
    const status = {
      phase: 'Running',
      conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
      hostIP: '172.18.0.2',
      podIP: `10.244.${i % 250}.${(i % 250) + 2}`,
      startTime: now,
      containerStatuses: [{ name: 'c', ready: true, started: true, restartCount: 0, image: 'docker.io/library/nginx:1.27', imageID: 'docker.io/library/nginx@sha256:0', containerID: `containerd://${i.toString(16).padStart(64, '0')}`, state: { running: { startedAt: now } } }],
    };
    api.request({ method: 'PUT', path: `/api/v1/namespaces/${ns}/pods/${name}/status`, body: { ...pod, status } });
    api.request({ method: 'POST', path: `/api/v1/namespaces/${ns}/pods/${name}/binding`, body: { apiVersion: 'v1', kind: 'Binding', metadata: { name }, target: { apiVersion: 'v1', kind: 'Node', name: node } } });
  }
});
time('drain pod watch deliveries', () => sim.advance(0));

const { ms, cpuMs } = time(`simulate ${SIM_SECONDS} s of idle cluster`, () => {
  for (let t = 0; t < SIM_SECONDS; t += 10) {
    sim.advance(10_000);
    sampleHeap();
  }
});
const ratio = SIM_SECONDS / (ms / 1000);
const cpuRatio = SIM_SECONDS / (cpuMs / 1000);
const ready = ((api.request({ method: 'GET', path: '/api/v1/nodes' }).body as { items?: { status?: { conditions?: { type?: string; status?: string }[] } }[] }).items ?? []).filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
sampleHeap();
const peakHeapMiB = Math.round(peakHeap / 1024 / 1024);
console.log(`${ready} of ${NODES + 1} nodes Ready; ${ratio.toFixed(1)} virtual s per wall s (${cpuRatio.toFixed(1)} per CPU s); peak heap used: ${peakHeapMiB} MiB`);
console.log('(pods were set up through the API as already running: create, status, binding; no container starts)');
console.log(JSON.stringify({ bench: 'heartbeats', nodes: NODES, pods: PODS, simulatedSeconds: SIM_SECONDS, virtualSecondsPerWallSecond: Number(ratio.toFixed(1)), virtualSecondsPerCpuSecond: Number(cpuRatio.toFixed(1)), readyNodes: ready, peakHeapMiB }));
