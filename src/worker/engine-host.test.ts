/** Drives the browser host with the real engine and a fake wall clock, as the worker would. */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EngineToUi } from '../engine/protocol';
import { EngineHost } from './engine-host';

function startHost() {
  const sent: EngineToUi[] = [];
  let wallMs = 0;
  const host = new EngineHost({ post: (m) => sent.push(m), wallNowMs: () => wallMs });
  host.receive({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed: 1, cluster: 'default' });
  return {
    host,
    sent,
    /** Lets `ms` of wall time pass in 16 ms slices. */
    wait: (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        wallMs += 16;
        host.tick();
      }
    },
    of: <T extends EngineToUi['type']>(type: T): Extract<EngineToUi, { type: T }>[] => sent.filter((m): m is Extract<EngineToUi, { type: T }> => m.type === type),
    terminalText: () => sent.flatMap((m) => (m.type === 'shell.output' ? [m.chunk] : [])).join(''),
    lastClock: () => sent.filter((m) => m.type === 'clock').at(-1),
  };
}

const LAB_NAMESPACE = 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: lab\n';

describe('engine host', () => {
  it('answers hello with every object of the default kind cluster and the prompt', () => {
    const { of } = startHost();
    const [ready] = of('ready');
    expect(ready?.prompt).toBe('$ ');
    const nodeNames = ready?.objects.filter((o) => o.kind === 'Node').map((o) => o.metadata.name);
    expect(nodeNames).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
    expect(ready?.objects.some((o) => o.kind === 'Deployment' && o.metadata.name === 'coredns')).toBe(true);
    expect(new Set(ready?.objects.map((o) => o.metadata.uid)).size).toBe(ready?.objects.length);
  });

  it('runs a terminal line and sends its echo and output in one chunk', () => {
    const { host, of } = startHost();
    host.receive({ type: 'shell.input', line: 'kubectl get nodes' });
    const output = of('shell.output').at(-1);
    expect(output?.chunk).toMatch(/^\$ kubectl get nodes\nNAME +STATUS +ROLES +AGE +VERSION\nkind-control-plane +Ready +control-plane/);
    expect(output).toMatchObject({ prompt: '$ ', busy: false });
  });

  it('moves virtual time with wall time times the speed, and not while paused', () => {
    const { host, wait, lastClock } = startHost();
    const start = lastClock()?.nowMs ?? 0;
    wait(1_000);
    expect((lastClock()?.nowMs ?? 0) - start).toBeGreaterThanOrEqual(990);
    host.receive({ type: 'clock.setSpeed', factor: 30 });
    const fast = lastClock()?.nowMs ?? 0;
    wait(1_000);
    expect((lastClock()?.nowMs ?? 0) - fast).toBeGreaterThanOrEqual(29_000);
    host.receive({ type: 'clock.pause' });
    const paused = lastClock();
    wait(1_000);
    expect(lastClock()).toEqual({ ...paused, paused: true });
  });

  it('steps a paused simulation to its next event', () => {
    const { host, wait, terminalText, lastClock } = startHost();
    host.receive({ type: 'clock.pause' });
    host.receive({ type: 'shell.input', line: 'sleep 30 && echo woke up' });
    const wokeUp = () => /^woke up$/m.test(terminalText());
    wait(500);
    expect(wokeUp()).toBe(false);
    const before = lastClock()?.nowMs ?? 0;
    // Heartbeats and controller ticks fall due first (every few seconds); Step runs them one at a time.
    for (let i = 0; i < 500 && !wokeUp(); i++) host.receive({ type: 'clock.step' });
    expect(wokeUp()).toBe(true);
    expect((lastClock()?.nowMs ?? 0) - before).toBeGreaterThanOrEqual(30_000);
  });

  it('sends lines typed while a command runs to it, without a prompt, and reports busy', () => {
    const { host, of } = startHost();
    host.receive({ type: 'shell.input', line: 'sleep 5' });
    expect(of('shell.output').at(-1)).toMatchObject({ busy: true });
    host.receive({ type: 'shell.signal', signal: 'SIGINT' });
    expect(of('shell.output').at(-1)).toMatchObject({ busy: false, prompt: '$ ' });
  });

  it('batches object changes into numbered patches of puts and removes', () => {
    const { host, wait, of, terminalText } = startHost();
    host.receive({ type: 'apply', requestId: 'ns', yaml: LAB_NAMESPACE });
    host.receive({ type: 'shell.input', line: 'kubectl delete namespace lab' });
    wait(60_000);
    expect(terminalText()).toContain('namespace "lab" deleted');
    const patches = of('patch');
    expect(patches.map((p) => p.seq)).toEqual(patches.map((_, i) => i + 1));
    const ops = patches.flatMap((p) => p.ops);
    const put = ops.find((op) => op.op === 'put' && op.object.kind === 'Namespace' && op.object.metadata.name === 'lab');
    expect(put).toBeDefined();
    expect(ops.some((op) => op.op === 'remove' && put?.op === 'put' && op.uid === put.object.metadata.uid)).toBe(true);
  });

  it('applies editor text with kubectl apply and replies with its output', () => {
    const { host, of } = startHost();
    host.receive({ type: 'apply', requestId: 'r1', yaml: 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  mode: lab\n' });
    host.receive({ type: 'apply', requestId: 'r2', yaml: 'kind: Foo\n' });
    expect(of('reply')).toEqual([
      { type: 'reply', requestId: 'r1', stdout: 'configmap/settings created\n', stderr: '', exitCode: 0 },
      expect.objectContaining({ requestId: 'r2', stdout: '', exitCode: 1, stderr: expect.stringContaining('apiVersion not set') as unknown }),
    ]);
    expect(of('patch').flatMap((p) => p.ops).some((op) => op.op === 'put' && op.object.metadata.name === 'settings')).toBe(true);
  });

  it('resends the whole state on resync', () => {
    const { host, of } = startHost();
    host.receive({ type: 'apply', requestId: 'ns', yaml: LAB_NAMESPACE });
    host.receive({ type: 'resync' });
    const ready = of('ready').at(-1);
    expect(of('ready')).toHaveLength(2);
    expect(ready?.objects.some((o) => o.kind === 'Namespace' && o.metadata.name === 'lab')).toBe(true);
    expect(ready?.seq).toBe(of('patch').at(-1)?.seq);
  });

  it("lists, reads and saves the lab machine's files for the editor, and forwards vi FILE", () => {
    const { host, of } = startHost();
    host.receive({ type: 'shell.input', line: "echo 'kind: Pod' > pod.yaml" });
    host.receive({ type: 'file.list', requestId: 'l' });
    expect(of('reply').find((r) => r.requestId === 'l')?.stdout.split('\n')).toContain('/home/learner/pod.yaml');
    host.receive({ type: 'file.read', requestId: 'r', path: '/home/learner/pod.yaml' });
    expect(of('reply').find((r) => r.requestId === 'r')).toMatchObject({ stdout: 'kind: Pod\n', exitCode: 0 });
    host.receive({ type: 'file.read', requestId: 'missing', path: '/home/learner/nope.yaml' });
    expect(of('reply').find((r) => r.requestId === 'missing')).toMatchObject({ stderr: '/home/learner/nope.yaml: No such file or directory', exitCode: 1 });
    host.receive({ type: 'file.write', requestId: 'w', path: '/home/learner/pod.yaml', content: 'kind: Service\n' });
    host.receive({ type: 'file.write', requestId: 'bad', path: '/nowhere/x.yaml', content: '' });
    expect(of('reply').find((r) => r.requestId === 'bad')).toMatchObject({ stderr: 'No such file or directory', exitCode: 1 });
    host.receive({ type: 'shell.input', line: 'vi pod.yaml' });
    expect(of('file.open')).toEqual([{ type: 'file.open', path: '/home/learner/pod.yaml', content: 'kind: Service\n' }]);
    expect(of('patch').every((p) => p.ops.length + p.traffic.length > 0)).toBe(true);
  });
});

describe('engine host and kind clusters', () => {
  it('removes a deleted cluster\'s objects from the UI mirror, and sends the new cluster\'s when one is created', () => {
    const sent: EngineToUi[] = [];
    let wallMs = 0;
    const host = new EngineHost({ post: (m) => sent.push(m), wallNowMs: () => wallMs });
    host.receive({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed: 1, cluster: 'default' });
    const ready = sent.find((m) => m.type === 'ready');
    const uids = new Set(ready?.type === 'ready' ? ready.objects.map((o) => String(o.metadata.uid)) : []);
    host.receive({ type: 'shell.input', line: 'kind delete cluster' });
    wallMs += 16;
    host.tick();
    for (const m of sent) if (m.type === 'patch') for (const op of m.ops) if (op.op === 'remove') uids.delete(op.uid);
    expect(uids.size).toBe(0);
    host.receive({ type: 'shell.input', line: 'kind create cluster' });
    for (let i = 0; i < 200; i++) {
      wallMs += 16;
      host.tick();
    }
    const added = sent.flatMap((m) => (m.type === 'patch' ? m.ops : [])).flatMap((op) => (op.op === 'put' && op.object.kind === 'Node' ? [op.object.metadata.name] : []));
    expect(new Set(added)).toEqual(new Set(['kind-control-plane']));
  });
});
