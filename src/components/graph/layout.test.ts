import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { activeEdgeIds, DENSE_PODS, layoutCluster, nodeStatus, podStatus } from './layout';

const node = (name: string, ready: 'True' | 'False' | 'Unknown' = 'True'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, uid: `node-${name}` },
  status: { conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status: ready }] },
});
const pod = (name: string, nodeName?: string, namespace = 'default'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, uid: `pod-${namespace}-${name}`, namespace },
  spec: nodeName ? { nodeName } : {},
  status: { phase: nodeName ? 'Running' : 'Pending' },
});

const labels = (nodes: { label: string }[]) => nodes.map((n) => n.label);

const service = (name: string, namespace = 'default', spec: Record<string, unknown> = { type: 'ClusterIP', clusterIP: '10.96.0.10' }): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace, uid: `svc-${namespace}-${name}` },
  spec,
});
const slice = (serviceName: string, endpoints: Record<string, unknown>[], namespace = 'default'): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${serviceName}-abcde`, namespace, uid: `slice-${serviceName}`, labels: { 'kubernetes.io/service-name': serviceName } },
  endpoints,
});
const endpointOf = (podName: string, ready = true, namespace = 'default') => ({ addresses: ['10.244.1.2'], conditions: { ready }, targetRef: { kind: 'Pod', name: podName, namespace, uid: `pod-${namespace}-${podName}` } });

describe('cluster graph layout', () => {
  it('draws kube-apiserver as the hub: its clients above, etcd beside it, the kubelets below', () => {
    const { nodes, edges } = layoutCluster([node('kind-worker'), node('kind-control-plane')], []);
    expect(labels(nodes.filter((n) => n.kind === 'component' || n.kind === 'apiserver'))).toEqual(['kubectl', 'kube-scheduler', 'kube-controller-manager', 'kube-apiserver', 'etcd']);
    expect(edges.every((e) => e.source === 'kube-apiserver' || e.target === 'kube-apiserver')).toBe(true);
    expect(edges.find((e) => e.client === 'etcd')).toMatchObject({ source: 'kube-apiserver', target: 'etcd' });
    expect(edges.find((e) => e.client === 'kubelet/kind-worker')).toMatchObject({ source: 'kube-apiserver', target: 'node/kind-worker/kubelet' });
    const api = nodes.find((n) => n.id === 'kube-apiserver');
    const scheduler = nodes.find((n) => n.id === 'kube-scheduler');
    expect(scheduler && api && scheduler.y < api.y).toBe(true);
    // Every edge attaches to a handle its node declares.
    for (const e of edges) {
      if (e.sourceHandle) expect(nodes.find((n) => n.id === e.source)?.handles?.some((h) => h.id === e.sourceHandle && h.type === 'source')).toBe(true);
      if (e.targetHandle) expect(nodes.find((n) => n.id === e.target)?.handles?.some((h) => h.id === e.targetHandle && h.type === 'target')).toBe(true);
    }
  });

  it('puts one group per node, in name order, with its agents and its pods inside', () => {
    const { nodes } = layoutCluster(
      [node('kind-worker2'), node('kind-worker'), node('kind-control-plane', 'Unknown')],
      [pod('web', 'kind-worker'), pod('coredns', 'kind-control-plane', 'kube-system'), pod('api', 'kind-worker')],
    );
    const groups = nodes.filter((n) => n.kind === 'node');
    expect(groups.map((n) => [n.label, n.status])).toEqual([
      ['kind-control-plane', 'NotReady'],
      ['kind-worker', 'Ready'],
      ['kind-worker2', 'Ready'],
    ]);
    expect(groups.map((n) => n.x)).toEqual([...groups.map((n) => n.x)].sort((a, b) => a - b));
    const inWorker = nodes.filter((n) => n.parent === 'node/kind-worker');
    expect(labels(inWorker)).toEqual(['kubelet', 'kube-proxy', 'container runtime', 'api', 'web']);
    const worker = groups[1];
    for (const child of inWorker) expect(child.y + child.height).toBeLessThanOrEqual(worker?.height ?? 0);
  });

  it('lists pods that wait for a node (or whose node is gone) outside every group', () => {
    const { nodes } = layoutCluster([node('kind-worker')], [pod('waiting'), pod('orphan', 'kind-worker9')]);
    const waiting = nodes.filter((n) => n.kind === 'pod');
    expect(waiting.map((n) => [n.label, n.parent, n.status])).toEqual([
      ['waiting', undefined, 'Pending'],
      ['orphan', undefined, 'Running'],
    ]);
  });

  it('keeps every position when pods come and go', () => {
    const positions = (l: ReturnType<typeof layoutCluster>) => new Map(l.nodes.filter((n) => n.kind !== 'pod').map((n) => [n.id, [n.x, n.y]]));
    const before = positions(layoutCluster([node('a'), node('b')], []));
    const after = positions(layoutCluster([node('a'), node('b')], [pod('p', 'a'), pod('q', 'a'), pod('r')]));
    expect(after).toEqual(before);
  });

  it('reads node and pod status the way kubectl words it', () => {
    expect(nodeStatus(node('n', 'False'))).toBe('NotReady');
    expect(nodeStatus({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n' } })).toBe('Unknown');
    expect(podStatus({ ...pod('p', 'n'), metadata: { name: 'p', deletionTimestamp: '2025-09-01T09:00:00Z' } })).toBe('Terminating');
  });

  it('lights the edges of clients with recent traffic only', () => {
    const { edges } = layoutCluster([node('kind-worker')], []);
    const lastSeen = new Map([
      ['kubectl', 1_000],
      ['kubelet/kind-worker', 100],
      ['kubeadm', 1_000],
    ]);
    expect([...activeEdgeIds(edges, lastSeen, 1_500, 1_200)]).toEqual(['edge/kubectl']);
    expect(activeEdgeIds(edges, lastSeen, 2_300, 1_200).size).toBe(0);
  });

  it('draws Services in a column right of everything, linked to the pods their EndpointSlices list', () => {
    const network = {
      services: [service('web'), service('kubernetes'), service('kube-dns', 'kube-system'), service('db', 'default', { clusterIP: 'None' })],
      endpointSlices: [
        slice('web', [endpointOf('web-1'), endpointOf('web-2', false), endpointOf('gone')]),
        slice('kubernetes', [{ addresses: ['172.18.0.3'], conditions: { ready: true } }]),
        // A selectorless Service's endpoint with no pod behind it links to nothing.
        slice('db', [{ addresses: ['192.168.0.9'] }]),
      ],
    };
    const { nodes, edges } = layoutCluster([node('kind-worker')], [pod('web-1', 'kind-worker'), pod('web-2', 'kind-worker'), pod('waiting')], network);
    const services = nodes.filter((n) => n.kind === 'service');
    expect(services.map((n) => [n.label, n.badge])).toEqual([
      ['db', 'Headless'],
      ['kubernetes', 'ClusterIP'],
      ['web', 'ClusterIP'],
      ['kube-system/kube-dns', 'ClusterIP'],
    ]);
    const rightmost = Math.max(...nodes.filter((n) => n.kind !== 'service' && n.parent === undefined).map((n) => n.x + n.width));
    for (const s of services) expect(s.x).toBeGreaterThan(rightmost);
    const links = edges.filter((e) => e.endpoint).map((e) => [e.source, e.target, e.endpoint?.ready]);
    expect(links).toEqual([
      ['service/svc-default-web', 'pod/pod-default-web-1', true],
      ['service/svc-default-web', 'pod/pod-default-web-2', false],
      ['service/svc-default-kubernetes', 'kube-apiserver', true],
    ]);
    // Every edge attaches to a handle its node declares.
    for (const e of edges) {
      if (e.sourceHandle) expect(nodes.find((n) => n.id === e.source)?.handles?.some((h) => h.id === e.sourceHandle && h.type === 'source')).toBe(true);
      if (e.targetHandle) expect(nodes.find((n) => n.id === e.target)?.handles?.some((h) => h.id === e.targetHandle && h.type === 'target')).toBe(true);
    }
    // A Service's box stays put as its pods come and go.
    const again = layoutCluster([node('kind-worker')], [], network);
    expect(again.nodes.filter((n) => n.kind === 'service').map((n) => [n.x, n.y])).toEqual(services.map((n) => [n.x, n.y]));
    expect(again.edges.filter((e) => e.endpoint).map((e) => e.target)).toEqual(['kube-apiserver']);
  });

  it('draws a node crowded with pods, and a long waiting list, as dots instead of a box each', () => {
    const many = Array.from({ length: DENSE_PODS + 1 }, (_, i) => pod(`p${i}`, 'kind-worker'));
    const waiting = Array.from({ length: DENSE_PODS + 5 }, (_, i) => pod(`w${i}`));
    const { nodes } = layoutCluster([node('kind-worker'), node('kind-worker2')], [...many, ...waiting, pod('alone', 'kind-worker2')]);
    const dots = nodes.find((n) => n.id === 'node/kind-worker/pods');
    expect(dots).toMatchObject({ kind: 'tile', parent: 'node/kind-worker', label: `${DENSE_PODS + 1} pods` });
    expect(dots?.dots).toHaveLength(DENSE_PODS + 1);
    expect(nodes.find((n) => n.id === 'pods/waiting')?.dots).toHaveLength(DENSE_PODS + 5);
    // Only the pod on the uncrowded node is a box of its own; the dots fit inside their group.
    expect(labels(nodes.filter((n) => n.kind === 'pod'))).toEqual(['alone']);
    const group = nodes.find((n) => n.id === 'node/kind-worker');
    expect((dots?.y ?? 0) + (dots?.height ?? 0)).toBeLessThanOrEqual(group?.height ?? 0);
  });
});
