import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { layoutCluster } from './layout';

const node = (name: string, ready = true): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name, uid: name }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] } });
const pod = (name: string, nodeName?: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name, uid: `u-${name}`, namespace: 'default' }, spec: nodeName ? { nodeName } : {}, status: { phase: nodeName ? 'Running' : 'Pending' } });

describe('cluster graph layout', () => {
  it('draws the control plane, each node with its agents, and pods inside their node', () => {
    const { nodes } = layoutCluster([node('kind-worker'), node('kind-control-plane', false), pod('web', 'kind-worker'), pod('waiting')]);
    expect(nodes.filter((n) => n.kind === 'component').map((n) => n.label)).toEqual(['etcd', 'kube-apiserver', 'kube-scheduler', 'kube-controller-manager']);
    const groups = nodes.filter((n) => n.kind === 'node');
    expect(groups.map((n) => [n.label, n.status])).toEqual([
      ['kind-control-plane', 'NotReady'],
      ['kind-worker', 'Ready'],
    ]);
    expect(nodes.find((n) => n.label === 'web')?.parent).toBe('node/kind-worker');
    expect(nodes.find((n) => n.label === 'waiting')?.parent).toBeUndefined();
    expect(nodes.filter((n) => n.kind === 'agent' && n.parent === 'node/kind-worker').map((n) => n.label)).toEqual(['kubelet', 'kube-proxy', 'container runtime']);
  });

  it('keeps node positions stable when pods change', () => {
    const before = layoutCluster([node('a'), node('b')]).nodes.find((n) => n.id === 'node/b');
    const after = layoutCluster([node('a'), node('b'), pod('p', 'a')]).nodes.find((n) => n.id === 'node/b');
    expect([after?.x, after?.y]).toEqual([before?.x, before?.y]);
  });
});
