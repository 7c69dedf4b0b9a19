/** Timers as first-class state, end to end: what `sim.timers()` shows while a pod crash-loops and a node fails. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { TimerKind } from '../clock/timer-board';

function typeLine(sim: ReturnType<typeof createSimulation>, line: string): string {
  const session = sim.shell.open();
  let out = '';
  session.onOutput((chunk) => (out += chunk));
  session.write(line);
  sim.advance(0);
  return out;
}

describe('sim.timers()', () => {
  it('shows a crash-looping container\'s back-off restart with its deadline', () => {
    const sim = createSimulation({ seed: 5 });
    typeLine(sim, `kubectl run crash --image=busybox:1.36 -- sh -c 'exit 1'`);
    sim.advance(5_000);
    const timer = sim.timers().find((t) => t.kind === TimerKind.CrashLoopBackOff);
    expect(timer).toBeDefined();
    expect(timer?.object).toMatchObject({ kind: 'Pod', namespace: 'default', name: 'crash' });
    expect(timer?.description).toBe('restarts container crash (back-off 10s)');
    expect(timer?.cluster).toBe('kind');
    // It fires at its deadline: the restart count goes up and the next back-off is 20s.
    sim.advance((timer?.dueMs ?? 0) - sim.clock.now() + 2_000);
    const next = sim.timers().find((t) => t.kind === TimerKind.CrashLoopBackOff);
    expect(next?.description).toBe('restarts container crash (back-off 20s)');
  });

  it('counts down a stopped node\'s grace period, then each pod\'s eviction deadline', () => {
    const sim = createSimulation({ seed: 5 });
    typeLine(sim, 'kubectl create deployment web --image=nginx --replicas=3');
    sim.advance(10_000);
    const healthy = sim.timers().filter((t) => t.kind === TimerKind.NodeMonitorGrace).map((t) => t.object.name);
    expect(healthy).toEqual(expect.arrayContaining(['kind-control-plane', 'kind-worker', 'kind-worker2']));
    sim.stopNode('kind-worker');
    const grace = sim.timers().find((t) => t.kind === TimerKind.NodeMonitorGrace && t.object.name === 'kind-worker');
    expect(grace).toBeDefined();
    const lease = sim.api.request({ method: 'GET', path: '/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/kind-worker' }).body as { spec: { renewTime: string } };
    expect(grace?.dueMs).toBe(Date.parse(lease.spec.renewTime) + 50_000);
    sim.advance(60_000);
    expect(sim.timers().some((t) => t.kind === TimerKind.NodeMonitorGrace && t.object.name === 'kind-worker')).toBe(false);
    const evictions = sim.timers().filter((t) => t.kind === TimerKind.TaintEviction);
    expect(evictions.length).toBeGreaterThan(0);
    const node = sim.api.request({ method: 'GET', path: '/api/v1/nodes/kind-worker' }).body as { spec: { taints: { effect: string; timeAdded?: string }[] } };
    const added = Date.parse(node.spec.taints.find((t) => t.effect === 'NoExecute')?.timeAdded ?? '');
    for (const e of evictions) expect(e.dueMs).toBe(added + 300_000);
    sim.advance(300_000);
    expect(sim.timers().filter((t) => t.kind === TimerKind.TaintEviction)).toEqual([]);
  });
});
