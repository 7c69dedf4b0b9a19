import { describe, expect, it } from 'vitest';
import { CycleState } from '../framework/types';
import { listers, node, place, pod } from '../testing/fixtures';
import { ERR_REASON_AFFINITY_RULES_NOT_MATCH, ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH, ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH, interPodAffinity } from './inter-pod-affinity';

const term = (app: string, extra: Record<string, unknown> = {}) => ({ labelSelector: { matchLabels: { app } }, topologyKey: 'kubernetes.io/hostname', ...extra });

describe('InterPodAffinity', () => {
  it('required anti-affinity keeps the pod off nodes with a matching pod', () => {
    const a = node('a');
    const b = node('b');
    place(a, pod('db', { app: 'db' }));
    const nodes = [a, b];
    const plugin = interPodAffinity(listers(nodes));
    const incoming = pod('db2', { app: 'db' }, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } } });
    const state = new CycleState();
    plugin.preFilter(state, incoming, nodes);
    expect(plugin.filter(state, incoming, a)).toMatchObject({ code: 'Unschedulable', reasons: [ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH] });
    expect(plugin.filter(state, incoming, b).code).toBe('Success');
  });

  it("honours existing pods' anti-affinity (symmetry)", () => {
    const a = node('a');
    const b = node('b');
    place(a, pod('loner', { app: 'loner' }, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('web')] } } }));
    const nodes = [a, b];
    const plugin = interPodAffinity(listers(nodes));
    const incoming = pod('web', { app: 'web' });
    const state = new CycleState();
    expect(plugin.preFilter(state, incoming, nodes).code).toBe('Success');
    expect(plugin.filter(state, incoming, a)).toMatchObject({ code: 'Unschedulable', reasons: [ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH] });
    expect(plugin.filter(state, incoming, b).code).toBe('Success');
  });

  it('required affinity needs a matching pod in the domain, except for the first of a self-affine group', () => {
    const a = node('a');
    const b = node('b');
    const nodes = [a, b];
    const plugin = interPodAffinity(listers(nodes));
    const first = pod('c1', { app: 'cache' }, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache')] } } });
    let state = new CycleState();
    plugin.preFilter(state, first, nodes);
    expect(plugin.filter(state, first, a).code).toBe('Success');
    const stranger = pod('s', { app: 'web' }, { affinity: { podAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('cache')] } } });
    state = new CycleState();
    plugin.preFilter(state, stranger, nodes);
    expect(plugin.filter(state, stranger, a)).toMatchObject({ code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_AFFINITY_RULES_NOT_MATCH] });
    place(b, pod('c0', { app: 'cache' }));
    state = new CycleState();
    plugin.preFilter(state, stranger, nodes);
    expect(plugin.filter(state, stranger, a).code).toBe('UnschedulableAndUnresolvable');
    expect(plugin.filter(state, stranger, b).code).toBe('Success');
  });

  it('matches other namespaces only through namespaces or namespaceSelector', () => {
    const a = node('a');
    place(a, pod('db', { app: 'db' }, {}, 'prod'));
    const nodes = [a];
    const prod = { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'prod', labels: { env: 'prod' } } };
    const plugin = interPodAffinity(listers(nodes, { namespaces: [prod] }));
    const own = pod('x', {}, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db')] } } });
    let state = new CycleState();
    plugin.preFilter(state, own, nodes);
    expect(plugin.filter(state, own, a).code).toBe('Success');
    const selected = pod('y', {}, { affinity: { podAntiAffinity: { requiredDuringSchedulingIgnoredDuringExecution: [term('db', { namespaceSelector: { matchLabels: { env: 'prod' } } })] } } });
    state = new CycleState();
    plugin.preFilter(state, selected, nodes);
    expect(plugin.filter(state, selected, a).code).toBe('Unschedulable');
  });

  it('scores preferred affinity and anti-affinity weights per domain, normalised to 0..100', () => {
    const a = node('a');
    const b = node('b');
    const c = node('c');
    place(a, pod('web1', { app: 'web' }));
    place(b, pod('db1', { app: 'db' }));
    const nodes = [a, b, c];
    const plugin = interPodAffinity(listers(nodes));
    const incoming = pod('x', {}, {
      affinity: {
        podAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 80, podAffinityTerm: term('web') }] },
        podAntiAffinity: { preferredDuringSchedulingIgnoredDuringExecution: [{ weight: 20, podAffinityTerm: term('db') }] },
      },
    });
    const state = new CycleState();
    expect(plugin.preScore(state, incoming).code).toBe('Success');
    const scores = nodes.map((n) => ({ name: n.name, score: plugin.score(state, incoming, n) }));
    expect(scores.map((s) => s.score)).toEqual([80, -20, 0]);
    plugin.normalizeScores(state, incoming, scores);
    expect(scores.map((s) => s.score)).toEqual([100, 0, 20]);
  });
});
