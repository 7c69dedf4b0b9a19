import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../api/meta';
import { createSimulation } from '../../simulation';
import { byEvictionAndCreation, isPodTerminated, terminatedOverThreshold, terminatingOnOutOfServiceNodes } from './podgc-controller';

function pod(name: string, phase: string, extra: { created?: string; reason?: string; node?: string; deleting?: boolean } = {}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: extra.created ?? '2025-09-01T09:00:00Z', ...(extra.deleting ? { deletionTimestamp: '2025-09-01T09:05:00Z' } : {}) },
    spec: extra.node ? { nodeName: extra.node } : {},
    status: { phase, ...(extra.reason ? { reason: extra.reason } : {}) },
  };
}

function node(name: string, ready: boolean, taints: Record<string, string>[] = []): KubeObject {
  return { apiVersion: 'v1', kind: 'Node', metadata: { name }, spec: { taints }, status: { conditions: [{ type: 'Ready', status: ready ? 'True' : 'Unknown' }] } };
}

const names = (pods: KubeObject[]) => pods.map((p) => p.metadata.name);

describe('pod garbage collector', () => {
  it('counts every phase but Pending, Running and Unknown as terminated', () => {
    expect(['Succeeded', 'Failed', 'Pending', 'Running', 'Unknown'].map((phase) => isPodTerminated(pod('p', phase)))).toEqual([true, true, false, false, false]);
  });

  it('deletes terminated pods beyond the threshold: evicted first, then the oldest', () => {
    const pods = [
      pod('new', 'Succeeded', { created: '2025-09-01T09:03:00Z' }),
      pod('old', 'Failed', { created: '2025-09-01T09:01:00Z' }),
      pod('evicted', 'Failed', { created: '2025-09-01T09:04:00Z', reason: 'Evicted' }),
      pod('running', 'Running', { created: '2025-09-01T08:00:00Z' }),
    ];
    expect(names(terminatedOverThreshold(pods, 1))).toEqual(['evicted', 'old']);
    expect(terminatedOverThreshold(pods, 3)).toEqual([]);
    expect([pod('b', 'Failed'), pod('a', 'Failed')].sort(byEvictionAndCreation).map((p) => p.metadata.name)).toEqual(['a', 'b']);
  });

  it('force-deletes terminating pods only on NotReady nodes tainted out-of-service', () => {
    const outOfService = [{ key: 'node.kubernetes.io/out-of-service', value: 'nodeshutdown', effect: 'NoExecute' }];
    const nodes = [node('down', false, outOfService), node('up-tainted', true, outOfService), node('down-untainted', false)];
    const pods = [pod('a', 'Running', { node: 'down', deleting: true }), pod('b', 'Running', { node: 'down' }), pod('c', 'Running', { node: 'up-tainted', deleting: true }), pod('d', 'Running', { node: 'down-untainted', deleting: true })];
    expect(names(terminatingOnOutOfServiceNodes(pods, nodes))).toEqual(['a']);
  });
});

describe('pod garbage collector in a cluster', () => {
  it('deletes the pods of a deleted node after the quarantine, publishing the deadline', () => {
    const sim = createSimulation({ seed: 5 });
    const call = (method: 'POST' | 'DELETE' | 'GET', path: string, body?: unknown) => sim.api.request({ method, path, body, userAgent: 'test' });
    call('POST', '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stranded' }, spec: { nodeName: 'kind-worker2', containers: [{ name: 'app', image: 'nginx' }] } });
    sim.advance(5_000);
    call('DELETE', '/api/v1/nodes/kind-worker2');
    sim.advance(20_000);
    const timer = sim.timers().find((t) => t.id === 'pod-gc/kind-worker2');
    expect(timer?.kind).toBe('pod-gc-quarantine');
    expect(call('GET', '/api/v1/namespaces/default/pods/stranded').status).toBe(200);
    sim.advance(60_000);
    expect(call('GET', '/api/v1/namespaces/default/pods/stranded').status).toBe(404);
    expect(sim.timers().some((t) => t.id === 'pod-gc/kind-worker2')).toBe(false);
  });
});
