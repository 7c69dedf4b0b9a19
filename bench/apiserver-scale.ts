/**
 * Scale check for the store and API server: 5,000 nodes and 150,000 pods (Kubernetes' supported
 * limits) written through the REST interface, then the hot reads (pods on one node, pods by label,
 * one namespace). Prints timings and heap use; run with `npm run bench`.
 */
import { createSimulation } from '../src/engine';

const NODES = Number(process.env.NODES ?? 5000);
const PODS = Number(process.env.PODS ?? 150_000);
const NAMESPACES = 50;

function time<T>(label: string, f: () => T): T {
  const start = performance.now();
  const result = f();
  console.log(`${label.padEnd(44)} ${(performance.now() - start).toFixed(0).padStart(7)} ms`);
  return result;
}

const sim = createSimulation({ seed: 1, cluster: 'empty' });
// An empty simulation has no cluster; create one through the shell as a learner would.
const shell = sim.shell.open();
shell.write('kind create cluster --name scale');
const api = sim.api;

time(`create ${NAMESPACES} namespaces`, () => {
  for (let i = 0; i < NAMESPACES; i++) api.request({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `ns-${i}` } } });
});
time(`create ${NODES} nodes`, () => {
  for (let i = 0; i < NODES; i++) api.request({ method: 'POST', path: '/api/v1/nodes', body: { apiVersion: 'v1', kind: 'Node', metadata: { name: `node-${i}`, labels: { zone: `z${i % 3}` } } } });
});
time(`create ${PODS} pods (bound)`, () => {
  for (let i = 0; i < PODS; i++) {
    api.request({
      method: 'POST',
      path: `/api/v1/namespaces/ns-${i % NAMESPACES}/pods`,
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, labels: { app: `app-${i % 1000}` } }, spec: { nodeName: `node-${i % NODES}`, containers: [{ name: 'c', image: 'nginx:1.27' }] } },
    });
  }
});
time('drain watch deliveries', () => sim.advance(0));
const count = (path: string, query: Record<string, string> = {}) => ((api.request({ method: 'GET', path, query }).body as { items: unknown[] }).items ?? []).length;
time('list pods on one node (x1000)', () => {
  for (let i = 0; i < 1000; i++) count('/api/v1/pods', { fieldSelector: `spec.nodeName=node-${i}` });
});
time('list pods by label (x1000)', () => {
  for (let i = 0; i < 1000; i++) count('/api/v1/pods', { labelSelector: `app=app-${i}` });
});
time('list one namespace (x10)', () => {
  for (let i = 0; i < 10; i++) count(`/api/v1/namespaces/ns-${i}/pods`);
});
time('list all pods (x1)', () => count('/api/v1/pods'));
globalThis.gc?.();
console.log(`heap used: ${(process.memoryUsage().heapUsed / 1024 / 1024).toFixed(0)} MiB`);
