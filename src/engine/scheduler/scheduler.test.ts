import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { fitErrorMessage } from './framework/fit-error';
import { NodeInfo } from './framework/node-info';
import { defaultNormalizeScore } from './framework/normalize';
import { CycleState } from './framework/types';
import { taintToleration } from './plugins/taint-toleration';
import { nodeResourcesFit } from './plugins/node-resources-fit';
import { nodeAffinity } from './plugins/node-affinity';
import { balancedAllocation } from './plugins/balanced-allocation';
import { runScript } from '../scenario/runner';

const node = (name: string, extra: Record<string, unknown> = {}, labels: Record<string, string> = {}): NodeInfo =>
  new NodeInfo({ apiVersion: 'v1', kind: 'Node', metadata: { name, labels }, spec: extra, status: { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } } });
const pod = (spec: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec } });

describe('scheduler plugins', () => {
  it('TaintToleration names the first untolerated taint, with an empty value as {key: }', () => {
    const n = node('cp', { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    expect(taintToleration.filter(new CycleState(), pod({}), n)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] });
    const tolerating = pod({ tolerations: [{ key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' }] });
    expect(taintToleration.filter(new CycleState(), tolerating, n).code).toBe('Success');
  });

  it('NodeResourcesFit lists every insufficient resource and marks requests above allocatable unresolvable', () => {
    const n = node('w');
    const state = new CycleState();
    const big = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '8', memory: '1Gi' } } }] });
    nodeResourcesFit.preFilter(state, big);
    expect(nodeResourcesFit.filter(state, big, n)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient cpu'] });
    n.addPod(pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '3', memory: '7Gi' } } }] }));
    const medium = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2', memory: '2Gi' } } }] });
    const s2 = new CycleState();
    nodeResourcesFit.preFilter(s2, medium);
    expect(nodeResourcesFit.filter(s2, medium, n)).toMatchObject({ code: 'Unschedulable', reasons: ['Insufficient cpu', 'Insufficient memory'] });
  });

  it('NodeAffinity matches nodeSelector, required terms (ORed) and scores preferred weights', () => {
    const ssd = node('a', {}, { disktype: 'ssd', zone: 'z1' });
    const hdd = node('b', {}, { disktype: 'hdd' });
    const required = pod({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'zone', operator: 'Exists' }] }, { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } });
    expect(nodeAffinity.filter(new CycleState(), required, ssd).code).toBe('Success');
    expect(nodeAffinity.filter(new CycleState(), required, hdd).code).toBe('Success');
    expect(nodeAffinity.filter(new CycleState(), pod({ nodeSelector: { disktype: 'ssd' } }), hdd).reasons).toEqual(["node(s) didn't match Pod's node affinity/selector"]);
    const preferred = pod({ affinity: { nodeAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 30, preference: { matchExpressions: [{ key: 'disktype', operator: 'In', values: ['ssd'] }] } }] } } });
    expect([nodeAffinity.score(new CycleState(), preferred, ssd), nodeAffinity.score(new CycleState(), preferred, hdd)]).toEqual([30, 0]);
  });

  it('BalancedAllocation scores 100 minus half the gap between cpu and memory fractions', () => {
    const p = pod({ containers: [{ name: 'c', image: 'x', resources: { requests: { cpu: '2', memory: '2Gi' } } }] });
    // cpu 2/4 = 0.5, memory 2/8 = 0.25 → std 0.125 → 87
    expect(balancedAllocation.score(new CycleState(), p, node('n'))).toBe(87);
  });

  it('normalizes scores by the largest, optionally reversed', () => {
    const scores = [
      { name: 'a', score: 0 },
      { name: 'b', score: 2 },
    ];
    defaultNormalizeScore(100, true, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 0]);
  });
});

describe('FailedScheduling message', () => {
  it('counts reasons across nodes and sorts them as strings', () => {
    const reasons = new Map([
      ['kind-control-plane', ['node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }']],
      ['kind-worker', ['Insufficient cpu', 'Insufficient memory']],
      ['kind-worker2', ['Insufficient cpu']],
    ]);
    expect(fitErrorMessage(3, reasons, 'preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.')).toBe(
      '0/3 nodes are available: 1 Insufficient memory, 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 Insufficient cpu. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('kube-scheduler in the cluster', () => {
  it('spreads identical pods over the workers and never onto the tainted control plane', () => {
    const lines = ['cat <<EOF > p.yaml'];
    for (let i = 0; i < 6; i++) lines.push('---', 'apiVersion: v1', 'kind: Pod', 'metadata:', `  name: p${i}`, 'spec:', '  containers:', '  - name: c', '    image: nginx:1.27', '    resources:', '      requests:', '        cpu: 500m');
    lines.push('EOF', 'kubectl apply -f p.yaml', 'kubectl get pods -o wide --no-headers');
    const out = runScript(lines.join('\n'), { seed: 4 });
    const nodes = [...out.matchAll(/^p\d\s+.*?\s(kind-\S+)\s+<none>\s+<none>$/gm)].map((m) => m[1]);
    expect(nodes).toHaveLength(6);
    expect(nodes).not.toContain('kind-control-plane');
    expect(nodes.filter((n) => n === 'kind-worker')).toHaveLength(3);
  });
});

describe('SchedulingQueue PreEnqueue gate', () => {
  it('keeps a gated pod among the unschedulable ones until a move finds the gate open', async () => {
    const { SchedulingQueue } = await import('./queue');
    const { prioritySort } = await import('./plugins/queue-sort');
    const { SimLoop } = await import('../clock');
    const loop = new SimLoop(0);
    let gated = true;
    const queue = new SchedulingQueue(loop, prioritySort, () => undefined, () => !gated);
    const p: KubeObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default', uid: 'u' }, spec: {} };
    queue.add(p);
    expect(queue.pop()).toBeUndefined();
    expect(queue.isUnschedulable(p)).toBe(true);
    queue.moveAllToActiveOrBackoff();
    expect(queue.pop()).toBeUndefined();
    gated = false;
    queue.moveAllToActiveOrBackoff();
    expect(queue.pop()?.pod.metadata.name).toBe('p');
  });
});
