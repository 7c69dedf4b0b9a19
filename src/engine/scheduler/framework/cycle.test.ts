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
