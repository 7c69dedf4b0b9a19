/** Master disruption mode: when some node is heard from again, every node's grace period starts afresh. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { TimerKind } from '../../clock/timer-board';
import { NODE_MONITOR_GRACE_PERIOD_MS } from './node-lifecycle-controller';

function typeLine(sim: ReturnType<typeof createSimulation>, line: string): void {
  sim.shell.open().write(line);
  sim.advance(0);
}

function taintKeys(sim: ReturnType<typeof createSimulation>, node: string): string[] {
  const body = sim.api.request({ method: 'GET', path: `/api/v1/nodes/${node}` }).body as { spec: { taints?: { key: string; effect: string }[] } };
  return (body.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);
}

describe('node-lifecycle-controller leaving master disruption mode', () => {
  it('resets every node\'s probe time, so a silent node gets a new grace period', () => {
    const sim = createSimulation({ seed: 7 });
    sim.advance(10_000);
    // Every node silent: the control plane's kubelet stopped, both workers down.
    typeLine(sim, 'docker exec kind-control-plane systemctl stop kubelet');
    sim.stopNode('kind-worker');
    sim.stopNode('kind-worker2');
    sim.advance(NODE_MONITOR_GRACE_PERIOD_MS + 20_000);
    // Master disruption mode: unreachable but no NoExecute taint.
    expect(taintKeys(sim, 'kind-worker')).toEqual(['node.kubernetes.io/unreachable:NoSchedule']);
    typeLine(sim, 'docker exec kind-control-plane systemctl start kubelet');
    sim.advance(6_000);
    const exitedAt = sim.clock.now();
    // The workers' Leases are minutes old, yet each has a grace period running again from the exit.
    const grace = sim.timers().find((t) => t.kind === TimerKind.NodeMonitorGrace && t.object.name === 'kind-worker');
    expect(grace).toBeDefined();
    expect(grace?.dueMs).toBeGreaterThan(exitedAt + NODE_MONITOR_GRACE_PERIOD_MS - 6_000);
    expect(grace?.dueMs).toBeLessThanOrEqual(exitedAt + NODE_MONITOR_GRACE_PERIOD_MS);
    // Once it runs out without a heartbeat, the NoExecute taint comes back through the rate limiter.
    sim.advance(NODE_MONITOR_GRACE_PERIOD_MS + 20_000);
    expect(sim.timers().find((t) => t.kind === TimerKind.NodeMonitorGrace && t.object.name === 'kind-worker')).toBeUndefined();
    expect(taintKeys(sim, 'kind-worker')).toContain('node.kubernetes.io/unreachable:NoExecute');
  });
});
