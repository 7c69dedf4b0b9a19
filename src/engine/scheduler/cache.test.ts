import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { SchedulerCache } from './cache';

const nodeObj = (name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name }, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } });
const podObj = (uid: string, nodeName: string | undefined, cpu = '1', phase = 'Running'): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: uid, namespace: 'default', uid }, spec: { nodeName, containers: [{ name: 'c', image: 'x', resources: { requests: { cpu } } }] }, status: { phase } });

describe('SchedulerCache', () => {
  it('keeps node requests in step with pod adds, moves, finishes and deletes', () => {
    const cache = new SchedulerCache();
    cache.setNode(nodeObj('b'));
    cache.setNode(nodeObj('a'));
    expect(cache.nodeList().map((n) => n.name)).toEqual(['a', 'b']);
    cache.setPod(podObj('p1', 'a'));
    cache.setPod(podObj('p2', 'a', '2'));
    expect(cache.get('a')?.requested.milliCPU).toBe(3000);
    cache.setPod(podObj('p2', 'b', '2'));
    expect([cache.get('a')?.requested.milliCPU, cache.get('b')?.requested.milliCPU]).toEqual([1000, 2000]);
    cache.setPod(podObj('p1', 'a', '1', 'Succeeded'));
    expect(cache.get('a')?.pods).toHaveLength(0);
    cache.removePod(podObj('p2', 'b'));
    expect(cache.get('b')?.requested.milliCPU).toBe(0);
  });

  it('counts pods that arrived before their node once the node appears, and keeps them across node updates', () => {
    const cache = new SchedulerCache();
    cache.setPod(podObj('p1', 'late'));
    cache.setNode(nodeObj('late'));
    expect(cache.get('late')?.pods).toHaveLength(1);
    cache.setNode({ ...nodeObj('late'), metadata: { name: 'late', labels: { x: 'y' } } });
    expect(cache.get('late')?.requested.milliCPU).toBe(1000);
    expect(cache.get('late')?.labels).toEqual({ x: 'y' });
  });

  it('lists the nodes holding pods with affinity terms and with required anti-affinity, as pods come, move and go', () => {
    const cache = new SchedulerCache();
    for (const n of ['c', 'a', 'b']) cache.setNode(nodeObj(n));
    const term = { labelSelector: { matchLabels: { app: 'web' } }, topologyKey: 'kubernetes.io/hostname' };
    const withAffinity = (uid: string, nodeName: string, affinity: Record<string, unknown>): KubeObject => ({ ...podObj(uid, nodeName), spec: { nodeName, containers: [], affinity } });
    const names = () => [cache.nodesWithPodsWithAffinity().map((n) => n.name), cache.nodesWithPodsWithRequiredAntiAffinity().map((n) => n.name)];
    expect(names()).toEqual([[], []]);
    cache.setPod(withAffinity('anti', 'c', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }));
    cache.setPod(withAffinity('pref', 'a', { podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 1, podAffinityTerm: term }] } }));
    cache.setPod(podObj('plain', 'b'));
    expect(names()).toEqual([['a', 'c'], ['c']]);
    cache.setPod(withAffinity('anti', 'b', { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term] } }));
    expect(names()).toEqual([['a', 'b'], ['b']]);
    // A node update gives the node a new NodeInfo: the lists hold the new one.
    cache.setNode({ ...nodeObj('b'), metadata: { name: 'b', labels: { x: 'y' } } });
    expect(cache.nodesWithPodsWithRequiredAntiAffinity()[0]).toBe(cache.get('b'));
    cache.removePod(podObj('anti', 'b'));
    cache.removeNode(nodeObj('a'));
    expect(names()).toEqual([[], []]);
  });
});
