import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/types';
import { listers, node, place, pod } from '../testing/fixtures';
import { ERR_REASON_CONSTRAINTS_NOT_MATCH, ERR_REASON_NODE_LABEL_NOT_MATCH, podTopologySpread } from './pod-topology-spread';

const hard = (key: string, extra: Record<string, unknown> = {}) => ({ topologySpreadConstraints: [{ maxSkew: 1, topologyKey: key, whenUnsatisfiable: 'DoNotSchedule', labelSelector: { matchLabels: { app: 'web' } }, ...extra }] });

describe('PodTopologySpread', () => {
  it('filters nodes whose domain would exceed maxSkew, counting the pod itself when it matches', () => {
    const a = node('a');
    const b = node('b');
    place(a, pod('w1', { app: 'web' }));
    const nodes = [a, b];
    const plugin = podTopologySpread(listers(nodes));
    const incoming = pod('w2', { app: 'web' }, hard('kubernetes.io/hostname'));
    const state = new CycleState();
    expect(plugin.preFilter(state, incoming, nodes).code).toBe('Success');
    expect(plugin.filter(state, incoming, a)).toMatchObject({ code: 'Unschedulable', reasons: [ERR_REASON_CONSTRAINTS_NOT_MATCH] });
    expect(plugin.filter(state, incoming, b).code).toBe('Success');
  });

  it('rejects nodes missing the topology key as unresolvable', () => {
    const nodes = [node('a', { zone: 'z1' }), node('b')];
    const plugin = podTopologySpread(listers(nodes));
    const incoming = pod('w', { app: 'web' }, hard('zone'));
    const state = new CycleState();
    plugin.preFilter(state, incoming, nodes);
    expect(plugin.filter(state, incoming, nodes[1] as never)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_LABEL_NOT_MATCH] });
    expect(plugin.filter(state, incoming, nodes[0] as never).code).toBe('Success');
  });

  it('counts a tainted node as a domain unless nodeTaintsPolicy is Honor', () => {
    const cp = node('cp', {}, { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] });
    const w = node('w');
    place(w, pod('w1', { app: 'web' }));
    const nodes = [cp, w];
    const plugin = podTopologySpread(listers(nodes));
    const ignore = pod('x', { app: 'web' }, hard('kubernetes.io/hostname'));
    let state = new CycleState();
    plugin.preFilter(state, ignore, nodes);
    expect(plugin.filter(state, ignore, w).code).toBe('Unschedulable');
    const honor = pod('y', { app: 'web' }, hard('kubernetes.io/hostname', { nodeTaintsPolicy: 'Honor' }));
    state = new CycleState();
    plugin.preFilter(state, honor, nodes);
    expect(plugin.filter(state, honor, w).code).toBe('Success');
  });

  it('treats the global minimum as 0 while fewer than minDomains domains exist', () => {
    const a = node('a');
    const b = node('b');
    place(a, pod('w1', { app: 'web' }));
    place(b, pod('w2', { app: 'web' }));
    const nodes = [a, b];
    const plugin = podTopologySpread(listers(nodes));
    const incoming = pod('w3', { app: 'web' }, hard('kubernetes.io/hostname', { minDomains: 3 }));
    const state = new CycleState();
    plugin.preFilter(state, incoming, nodes);
    expect(plugin.filter(state, incoming, a).code).toBe('Unschedulable');
  });

  it('merges matchLabelKeys into the selector', () => {
    const a = node('a');
    const b = node('b');
    place(a, pod('old', { app: 'web', 'pod-template-hash': 'v1' }));
    const nodes = [a, b];
    const plugin = podTopologySpread(listers(nodes));
    const incoming = pod('new', { app: 'web', 'pod-template-hash': 'v2' }, hard('kubernetes.io/hostname', { matchLabelKeys: ['pod-template-hash'] }));
    const state = new CycleState();
    plugin.preFilter(state, incoming, nodes);
    // The old revision's pod does not count, so a is as good as b.
    expect(plugin.filter(state, incoming, a).code).toBe('Success');
  });

  it('skips pods without constraints, and scores ReplicaSet pods with the system defaults (fewer matching pods is better)', () => {
    const a = node('a');
    const b = node('b');
    place(a, pod('r1', { app: 'web' }));
    place(a, pod('r2', { app: 'web' }));
    const nodes = [a, b];
    const rs = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { matchLabels: { app: 'web' } } } };
    const plugin = podTopologySpread(listers(nodes, { replicasets: [rs] }));
    const incoming = pod('r3', { app: 'web' });
    const state = new CycleState();
    expect(plugin.preFilter(state, incoming, nodes).code).toBe('Skip');
    expect(plugin.preScore(state, incoming, nodes).code).toBe('Success');
    const scores = nodes.map((n) => ({ name: n.name, score: plugin.score(state, incoming, n) }));
    plugin.normalizeScores(state, incoming, scores);
    expect(scores[1]?.score).toBe(100);
    expect(scores[0]?.score).toBeLessThan(100);
    expect(plugin.preScore(new CycleState(), pod('lonely', { app: 'other' }), nodes).code).toBe('Skip');
  });
});
