import { describe, expect, it } from 'vitest';
import type { ClusterTimer } from '../../engine';
import { countdowns } from './countdowns';
import type { GraphNode } from './layout';

const box = (id: string, ref: GraphNode['ref'], parent?: string): GraphNode => ({ id, kind: ref?.kind === 'Node' ? 'node' : 'pod', label: ref?.name ?? id, x: 0, y: 0, width: 1, height: 1, ref, ...(parent ? { parent } : {}) });
const timer = (kind: string, object: ClusterTimer['object'], dueMs: number): ClusterTimer => ({ id: `${kind}/${object.name}`, kind, dueMs, object, component: 'c', description: `about ${object.name}`, cluster: 'kind' });

const boxes = [box('node/w', { kind: 'Node', name: 'w' }), box('pod/1', { kind: 'Pod', namespace: 'default', name: 'a' }, 'node/w'), box('pod/2', { kind: 'Pod', namespace: 'default', name: 'b' }, 'node/w')];

describe('graph countdowns', () => {
  it("shows a live node's heartbeat grace only once heartbeats are overdue", () => {
    const grace = [timer('node-monitor-grace', { kind: 'Node', name: 'w' }, 100_000)];
    expect(countdowns(boxes, grace, 100_000 - 36_000).get('node/w')).toBeUndefined();
    expect(countdowns(boxes, grace, 100_000 - 29_500).get('node/w')).toEqual({ text: 'Unknown in 30s', title: 'No heartbeat: about w' });
  });

  it("gives each pod its soonest timer, and the node its pods' soonest eviction", () => {
    const timers = [
      timer('taint-eviction', { kind: 'Pod', namespace: 'default', name: 'a' }, 300_000),
      timer('taint-eviction', { kind: 'Pod', namespace: 'default', name: 'b' }, 200_000),
      timer('termination-grace', { kind: 'Pod', namespace: 'default', name: 'a' }, 30_000),
      timer('cronjob-schedule', { kind: 'CronJob', namespace: 'default', name: 'a' }, 1_000),
    ];
    const shown = countdowns(boxes, timers, 0);
    expect(shown.get('pod/1')?.text).toBe('killed in 30s');
    expect(shown.get('pod/2')?.text).toBe('evicted in 3:20');
    // Pod a's soonest timer is its grace period, so only pod b counts as an eviction on the node.
    expect(shown.get('node/w')?.text).toBe('evicts 1 pod in 3:20');
  });
});
