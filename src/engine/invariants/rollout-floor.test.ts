import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { createSimulation } from '../index';
import { settleCommand } from '../scenario/runner';
import { RolloutFloor } from './rollout-floor';
import { InvariantMonitor } from './invariants';

const node = (name: string, extra: { unschedulable?: boolean; ready?: boolean } = {}): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, uid: `node-${name}` },
  spec: extra.unschedulable ? { unschedulable: true } : {},
  status: { conditions: [{ type: 'Ready', status: extra.ready === false ? 'False' : 'True' }] },
});

const deployment = (replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'web', namespace: 'default', uid: 'd1' },
  spec: { replicas, strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } } },
});

const replicaSet = (uid: string, replicas: number): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  metadata: { name: `web-${uid}`, namespace: 'default', uid, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: 'web', uid: 'd1', controller: true }] },
  spec: { replicas },
});

const pod = (name: string, rs: string, ready: boolean, deleting = false): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Pod',
  metadata: {
    name,
    namespace: 'default',
    uid: `p-${name}`,
    ...(deleting ? { deletionTimestamp: '2026-01-01T00:00:00Z' } : {}),
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `web-${rs}`, uid: rs, controller: true }],
  },
  spec: { nodeName: 'kind-worker' },
  status: { phase: 'Running', conditions: [{ type: 'Ready', status: ready ? 'True' : 'False' }] },
});

/** A Deployment of 4 (floor 3) fully ready on a healthy node, old ReplicaSet rs1 with pods a..d. */
function armedFloor() {
  const reports: string[] = [];
  const floor = new RolloutFloor((d) => reports.push(d));
  floor.observe('nodes', { type: 'ADDED', object: node('kind-worker') });
  floor.observe('deployments', { type: 'ADDED', object: deployment(4) });
  floor.observe('replicasets', { type: 'ADDED', object: replicaSet('rs1', 4) });
  for (const n of ['a', 'b', 'c', 'd']) floor.observe('pods', { type: 'ADDED', object: pod(n, 'rs1', true) });
  return { floor, reports };
}

describe('RolloutFloor', () => {
  it('reports a rollout that scales the old ReplicaSet below replicas - maxUnavailable', () => {
    const { floor, reports } = armedFloor();
    floor.observe('replicasets', { type: 'ADDED', object: replicaSet('rs2', 1) });
    floor.observe('pods', { type: 'ADDED', object: pod('e', 'rs2', false) });
    // The old ReplicaSet drops to 2 while the new pod is not ready: only 2 ready, the floor is 3.
    floor.observe('replicasets', { type: 'MODIFIED', object: replicaSet('rs1', 2) });
    floor.observe('pods', { type: 'MODIFIED', object: pod('a', 'rs1', true, true) });
    expect(reports).toEqual([]);
    floor.observe('pods', { type: 'MODIFIED', object: pod('b', 'rs1', true, true) });
    expect(reports).toEqual(['default/web: 2 ready pods, at least 3']);
  });

  it('passes a rollout that waits for each new pod to be ready', () => {
    const { floor, reports } = armedFloor();
    floor.observe('replicasets', { type: 'ADDED', object: replicaSet('rs2', 1) });
    floor.observe('pods', { type: 'ADDED', object: pod('e', 'rs2', false) });
    floor.observe('replicasets', { type: 'MODIFIED', object: replicaSet('rs1', 3) });
    floor.observe('pods', { type: 'MODIFIED', object: pod('a', 'rs1', true, true) });
    floor.observe('pods', { type: 'MODIFIED', object: pod('e', 'rs2', true) });
    floor.observe('replicasets', { type: 'MODIFIED', object: replicaSet('rs1', 2) });
    floor.observe('pods', { type: 'MODIFIED', object: pod('b', 'rs1', true, true) });
    expect(reports).toEqual([]);
  });

  it('does not check a Deployment whose pods someone else deleted or whose node went away', () => {
    const deleted = armedFloor();
    // kubectl delete pod: the ReplicaSet still wants 4, so this is not the rollout's doing.
    deleted.floor.observe('pods', { type: 'MODIFIED', object: pod('a', 'rs1', true, true) });
    deleted.floor.observe('pods', { type: 'DELETED', object: pod('b', 'rs1', true) });
    expect(deleted.reports).toEqual([]);

    const notReady = armedFloor();
    notReady.floor.observe('nodes', { type: 'MODIFIED', object: node('kind-worker', { ready: false }) });
    for (const n of ['a', 'b']) notReady.floor.observe('pods', { type: 'MODIFIED', object: pod(n, 'rs1', false) });
    expect(notReady.reports).toEqual([]);
  });

  it('arms again once the Deployment is fully ready on healthy nodes', () => {
    const { floor, reports } = armedFloor();
    floor.observe('nodes', { type: 'MODIFIED', object: node('kind-worker', { unschedulable: true }) });
    floor.observe('nodes', { type: 'MODIFIED', object: node('kind-worker') });
    floor.observe('replicasets', { type: 'MODIFIED', object: replicaSet('rs1', 2) });
    floor.observe('pods', { type: 'MODIFIED', object: pod('a', 'rs1', true, true) });
    floor.observe('pods', { type: 'MODIFIED', object: pod('b', 'rs1', true, true) });
    expect(reports).toEqual(['default/web: 2 ready pods, at least 3']);
  });

  it('holds over a real rolling update of the simulation', () => {
    const sim = createSimulation({ seed: 7 });
    const session = sim.shell.open();
    const monitor = new InvariantMonitor(sim);
    for (const line of [
      'kubectl create deployment web --image=nginx:1.26 --replicas=4',
      'sleep 60',
      'kubectl set image deployment/web nginx=nginx:1.27',
      'kubectl rollout status deployment/web',
      'sleep 30',
    ]) {
      session.write(line);
      settleCommand(sim, session);
      expect(monitor.check()).toEqual([]);
    }
    expect(monitor.checkSettled()).toEqual([]);
    monitor.dispose();
  });

  it('arms in the real simulation once a Deployment is fully ready, and disarms when a node stops', () => {
    const sim = createSimulation({ seed: 7 });
    const session = sim.shell.open();
    const floor = new RolloutFloor(() => undefined);
    const paths = { pods: '/api/v1/pods', nodes: '/api/v1/nodes', deployments: '/apis/apps/v1/deployments', replicasets: '/apis/apps/v1/replicasets' } as const;
    const stops = (Object.keys(paths) as (keyof typeof paths)[]).map((c) => sim.api.watch(paths[c], { resourceVersion: '0' }, (e) => floor.observe(c, e)));
    const type = (line: string) => {
      session.write(line);
      settleCommand(sim, session);
    };
    // coredns and local-path-provisioner are ready from the start.
    type('kubectl create deployment web --image=nginx:1.26 --replicas=4');
    expect(floor.armedCount).toBe(2);
    type('sleep 60');
    expect(floor.armedCount).toBe(3);
    type('docker stop kind-worker');
    type('sleep 60');
    expect(floor.armedCount).toBe(0);
    for (const stop of stops) stop();
  });
});
