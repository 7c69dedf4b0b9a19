/** The inspector through the host: its views read as kubectl prints them, and its reads are not graph traffic. */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EngineToUi } from '../engine/protocol';
import { EngineHost } from './engine-host';
import { inspectionLines, validTarget } from './inspector';

function startHost() {
  const sent: EngineToUi[] = [];
  let wallMs = 0;
  const host = new EngineHost({ post: (m) => sent.push(m), wallNowMs: () => wallMs });
  host.receive({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed: 1, cluster: 'default' });
  const wait = (ms: number) => {
    for (let t = 0; t < ms; t += 16) {
      wallMs += 16;
      host.tick();
    }
  };
  return { host, sent, wait };
}

describe('inspector', () => {
  it('shows a pod as kubectl get -o yaml and describe do, with the scheduler reasons', () => {
    const { host, sent, wait } = startHost();
    host.receive({ type: 'clock.setSpeed', factor: 60 });
    host.receive({ type: 'shell.input', line: 'kubectl run web --image=nginx' });
    wait(1_000);
    const before = sent.length;
    host.receive({ type: 'inspect', requestId: 'i1', target: { kind: 'Pod', namespace: 'default', name: 'web' } });
    const reply = sent.slice(before).find((m) => m.type === 'inspection');
    expect(reply?.type === 'inspection' && reply.requestId).toBe('i1');
    if (reply?.type !== 'inspection') return;
    expect(reply.inspection.yaml).toMatch(/^apiVersion: v1\nkind: Pod\nmetadata:\n/);
    expect(reply.inspection.describe).toMatch(/^Name: +web\nNamespace: +default\n/);
    expect(reply.inspection.describe).toContain('Successfully assigned default/web to kind-worker');
    expect(reply.inspection.whyHere).toMatch(/^Scheduling of default\/web:\n/);
    expect(reply.inspection.whyHere).toContain('kind-control-plane  TaintToleration: ');
    // Nothing the inspector read reaches the graph as API traffic.
    wait(20);
    const traffic = sent.slice(before).flatMap((m) => (m.type === 'patch' ? m.traffic : []));
    expect(traffic.filter((t) => t.from === 'kubectl' && t.path.includes('/pods/web'))).toEqual([]);
  });

  it('describes a node without a namespace and answers a missing object with kubectl’s error', () => {
    const { host, sent } = startHost();
    host.receive({ type: 'inspect', requestId: 'n', target: { kind: 'Node', name: 'kind-worker' } });
    host.receive({ type: 'inspect', requestId: 'x', target: { kind: 'Pod', namespace: 'default', name: 'nope' } });
    const replies = sent.filter((m): m is Extract<EngineToUi, { type: 'inspection' }> => m.type === 'inspection');
    expect(replies[0]?.inspection.describe).toMatch(/^Name: +kind-worker\nRoles: +<none>\n/);
    expect(replies[0]?.inspection.whyHere).toBeUndefined();
    expect(replies[1]?.inspection.yaml).toBe('Error from server (NotFound): pods "nope" not found\n');
  });

  it('refuses names that are not Kubernetes names, since they go into a command line', () => {
    expect(validTarget({ kind: 'Pod', namespace: 'default', name: 'web; rm -rf ~' })).toBe(false);
    expect(validTarget({ kind: 'pod$(x)', name: 'web' })).toBe(false);
    expect(validTarget({ kind: 'Deployment', namespace: 'kube-system', name: 'coredns' })).toBe(true);
    expect(inspectionLines({ kind: 'Deployment', namespace: 'kube-system', name: 'coredns' })).toEqual({
      yaml: 'kubectl get deployment coredns -n kube-system -o yaml',
      describe: 'kubectl describe deployment coredns -n kube-system',
    });
  });

  it('sends pending timers when they change: a stopped node’s heartbeat grace, then its pod’s eviction deadline', () => {
    const { host, sent, wait } = startHost();
    host.receive({ type: 'shell.input', line: 'kubectl run web --image=nginx' });
    wait(500);
    host.receive({ type: 'node.stop', name: 'kind-worker' });
    host.receive({ type: 'clock.setSpeed', factor: 60 });
    const lastTimers = () => sent.filter((m): m is Extract<EngineToUi, { type: 'timers' }> => m.type === 'timers').at(-1)?.timers ?? [];
    wait(300);
    expect(lastTimers().find((t) => t.id === 'node-monitor-grace/kind-worker')?.object.name).toBe('kind-worker');
    wait(2_000);
    const eviction = lastTimers().find((t) => t.kind === 'taint-eviction');
    expect(eviction?.object).toMatchObject({ kind: 'Pod', namespace: 'default', name: 'web' });
    expect(lastTimers().some((t) => t.id === 'node-monitor-grace/kind-worker')).toBe(false);
  });
});
