import { describe, expect, it } from 'vitest';
import { createRandom } from '../../clock/random';
import { listers, node, pod } from '../testing/fixtures';
import { SchedulingAlgorithm, numFeasibleNodesToFind } from './cycle';
import { defaultProfile } from './profile';
import type { NodeInfo } from './node-info';

describe('percentageOfNodesToScore', () => {
  it('is adaptive: all below 100 nodes, 50% - nodes/125 (min 5%), never fewer than 100', () => {
    expect(numFeasibleNodesToFind(3)).toBe(3);
    expect(numFeasibleNodesToFind(99)).toBe(99);
    expect(numFeasibleNodesToFind(100)).toBe(100);
    expect(numFeasibleNodesToFind(1000)).toBe(420);
    expect(numFeasibleNodesToFind(5000)).toBe(500);
    expect(numFeasibleNodesToFind(6000)).toBe(300);
    expect(numFeasibleNodesToFind(1000, 20)).toBe(200);
  });

  it('stops filtering once enough nodes fit and starts the next cycle where it stopped', () => {
    const nodes: NodeInfo[] = [];
    for (let i = 0; i < 250; i++) nodes.push(node(`n${String(i).padStart(3, '0')}`));
    const algorithm = new SchedulingAlgorithm(defaultProfile(listers(nodes)), createRandom(1));
    const first = algorithm.run(pod('p1'), nodes);
    const toFind = numFeasibleNodesToFind(250); // 250 * 48% = 120
    expect(first.examined).toHaveLength(toFind);
    expect(first.examined[0]).toBe('n000');
    const second = algorithm.run(pod('p2'), nodes);
    expect(second.examined[0]).toBe(`n${String(toFind).padStart(3, '0')}`);
    expect(second.examined).toHaveLength(toFind);
    expect(second.feasible.map((n) => n.name)).toContain(second.chosen?.name);
  });
});

describe('RunFilterPluginsWithNominatedPods', () => {
  const cpu = (name: string, priority: number, amount: string, labels: Record<string, string> = {}, spec: Record<string, unknown> = {}) =>
    pod(name, labels, { priority, containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: amount } } }], ...spec });

  it('counts pods nominated to a node with at least the pod’s priority, and ignores lower ones', () => {
    const nodes = [node('a')];
    const algorithm = new SchedulingAlgorithm(defaultProfile(listers(nodes)), createRandom(1));
    const preemptor = { ...cpu('preemptor', 1000, '3'), status: { nominatedNodeName: 'a' } };
    const blocked = algorithm.run(cpu('low', 0, '3'), nodes, () => [preemptor]);
    expect(blocked.chosen).toBeUndefined();
    expect(blocked.failures.get('a')).toMatchObject({ plugin: 'NodeResourcesFit', reasons: ['Insufficient cpu'] });
    // The preemptor itself, and a more important pod, do not yield to lower-priority nominations.
    expect(algorithm.run(cpu('higher', 2000, '3'), nodes, () => [preemptor]).chosen?.name).toBe('a');
    expect(algorithm.run(preemptor, nodes, () => [preemptor]).chosen?.name).toBe('a');
  });

  it('also requires the pod to fit without them (pod affinity to a nominated pod is not enough)', () => {
    const nodes = [node('a')];
    const algorithm = new SchedulingAlgorithm(defaultProfile(listers(nodes)), createRandom(1));
    const nominated = { ...cpu('db', 1000, '1', { app: 'db' }), status: { nominatedNodeName: 'a' } };
    const affinity = { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [{ labelSelector: { matchLabels: { app: 'db' } }, topologyKey: 'kubernetes.io/hostname' }] } };
    const follower = cpu('web', 0, '1', { app: 'web' }, { affinity });
    const result = algorithm.run(follower, nodes, () => [nominated]);
    expect(result.chosen).toBeUndefined();
    expect(result.failures.get('a')?.plugin).toBe('InterPodAffinity');
  });
});
