import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { COMPACT_AT, HEATMAP_AT, cellAt, gridColumns, layoutForScale, scaleFor } from './compact-layout';
import { activeEdgeIds } from './layout';

const node = (name: string, ready = 'True', unschedulable = false): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, uid: `node-${name}` },
  spec: unschedulable ? { unschedulable: true } : {},
  status: { conditions: [{ type: 'Ready', status: ready }] },
});
const pod = (name: string, nodeName?: string, phase = 'Running'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: { name, uid: `pod-${name}`, namespace: 'default' },
  spec: nodeName ? { nodeName } : {},
  status: { phase },
});
const workers = (count: number) => Array.from({ length: count }, (_, i) => node(`kind-worker${String(i + 1).padStart(4, '0')}`));
const network = { services: [], endpointSlices: [] };

describe('semantic zoom', () => {
  it('chooses full groups, tiles or the heatmap by node count', () => {
    expect([scaleFor(COMPACT_AT - 1), scaleFor(COMPACT_AT), scaleFor(HEATMAP_AT - 1), scaleFor(HEATMAP_AT), scaleFor(5000)]).toEqual(['full', 'tiles', 'tiles', 'heatmap', 'heatmap']);
    expect(layoutForScale(workers(3), [], network).scale).toBe('full');
  });

  it('draws each node of a big cluster as a tile of pod dots, in a grid wider than tall, in name order', () => {
    const nodes = workers(120);
    const pods = [pod('a', 'kind-worker0002'), pod('b', 'kind-worker0002', 'Pending'), pod('c', 'kind-worker0120', 'Failed'), pod('lost', undefined, 'Pending'), pod('orphan', 'gone')];
    const { scale, layout } = layoutForScale(nodes, pods, network);
    expect(scale).toBe('tiles');
    const tiles = layout.nodes.filter((n) => n.kind === 'tile' && n.ref);
    expect(tiles).toHaveLength(120);
    expect(tiles.map((t) => t.label)).toEqual([...tiles.map((t) => t.label)].sort());
    expect(tiles.find((t) => t.label === 'kind-worker0002')?.dots).toEqual(['Running', 'Pending']);
    expect(tiles.find((t) => t.label === 'kind-worker0120')?.dots).toEqual(['Failed']);
    // No pod boxes: pods are dots; those on no known node wait in a tile of their own.
    expect(layout.nodes.filter((n) => n.kind === 'pod')).toHaveLength(0);
    expect(layout.nodes.find((n) => n.id === 'pods/waiting')?.dots).toEqual(['Pending', 'Running']);
    const columns = new Set(tiles.map((t) => t.x)).size;
    const rows = new Set(tiles.map((t) => t.y)).size;
    expect(columns).toBe(gridColumns(120, 120, 64));
    expect(columns * 120).toBeGreaterThan(rows * 64);
    // No two tiles overlap.
    const spots = new Set(tiles.map((t) => `${t.x},${t.y}`));
    expect(spots.size).toBe(120);
    // Positions do not move as pods come and go.
    const again = layoutForScale(nodes, [], network).layout.nodes.filter((n) => n.kind === 'tile' && n.ref);
    expect(again.map((t) => [t.x, t.y])).toEqual(tiles.map((t) => [t.x, t.y]));
  });

  it('lights one edge down to the nodes for any kubelet', () => {
    const { layout } = layoutForScale(workers(150), [], network);
    const edge = layout.edges.find((e) => e.id === 'edge/kubelets');
    expect(edge).toMatchObject({ source: 'kube-apiserver', target: 'nodes/header', client: 'kubelet/' });
    expect(layout.nodes.find((n) => n.id === 'nodes/header')?.handles?.some((h) => h.id === 'api' && h.type === 'target')).toBe(true);
    expect(activeEdgeIds(layout.edges, new Map([['kubelet/kind-worker0042', 1_000]]), 1_500, 1_200).has('edge/kubelets')).toBe(true);
    expect(activeEdgeIds(layout.edges, new Map([['kubelet/kind-worker0042', 100]]), 1_500, 1_200).has('edge/kubelets')).toBe(false);
  });

  it('draws thousands of nodes as one heatmap whose cells carry each node and its pods', () => {
    const nodes = [...workers(1199), node('kind-worker9999', 'False', true)];
    const pods = [pod('a', 'kind-worker0001'), pod('b', 'kind-worker0001')];
    const { scale, layout } = layoutForScale(nodes, pods, network);
    expect(scale).toBe('heatmap');
    const heatmap = layout.nodes.find((n) => n.kind === 'heatmap');
    const cells = heatmap?.cells;
    if (!cells) throw new Error('no heatmap');
    expect(cells.nodes).toHaveLength(1200);
    expect(cells.nodes[0]).toEqual({ name: 'kind-worker0001', status: 'Ready', cordoned: false, pods: ['Running', 'Running'] });
    expect(cells.nodes[1199]).toEqual({ name: 'kind-worker9999', status: 'NotReady', cordoned: true, pods: [] });
    expect(heatmap.width).toBe(cells.columns * cells.cellSize);
    // A point in the canvas names the node under it.
    expect(cellAt(cells, 1, 1)?.name).toBe('kind-worker0001');
    expect(cellAt(cells, cells.cellSize * 2 + 3, cells.cellSize + 3)?.name).toBe(`kind-worker${String(cells.columns + 3).padStart(4, '0')}`);
    expect(cellAt(cells, cells.columns * cells.cellSize + 1, 0)).toBeUndefined();
  });
});
