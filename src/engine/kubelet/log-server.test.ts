/** pods/<name>/log through the API server to the kubelet: selection, errors and options. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../simulation';
import { logTimestamp } from './log-server';

function setup() {
  const sim = createSimulation({ seed: 9 });
  const pod = (name: string, containers: { name: string; image: string; command: string[] }[], initContainers: typeof containers = []) =>
    sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { containers, initContainers } } });
  const log = (name: string, query: Record<string, string> = {}) => sim.api.request({ method: 'GET', path: `/api/v1/namespaces/default/pods/${name}/log`, query });
  return { sim, pod, log };
}

const message = (r: { body: unknown }) => (r.body as { message?: string }).message;

describe('pods/log', () => {
  it('asks for a container name when a pod has several, as the API server does', () => {
    const { pod, log } = setup();
    pod('two', [{ name: 'a', image: 'busybox:1.36', command: ['sleep', '60'] }, { name: 'b', image: 'busybox:1.36', command: ['sleep', '60'] }], [{ name: 'init', image: 'busybox:1.36', command: ['true'] }]);
    const r = log('two');
    expect(r.status).toBe(400);
    expect(message(r)).toBe('a container name must be specified for pod two, choose one of: [a b] or one of the init containers: [init]');
    expect(message(log('two', { container: 'c' }))).toBe('container c is not valid for pod two');
  });

  it('serves current and previous instances with tailLines, sinceSeconds and timestamps', () => {
    const { sim, pod, log } = setup();
    pod('loop', [{ name: 'loop', image: 'busybox:1.36', command: ['sh', '-c', 'i=0; while [ $i -lt 5 ]; do echo line $i; i=$((i+1)); sleep 1; done; exit 1'] }]);
    expect(log('loop')).toMatchObject({ status: 200, body: '' }); // not scheduled yet
    sim.advance(50);
    expect(message(log('loop'))).toBe('container "loop" in pod "loop" is waiting to start: ContainerCreating');
    for (let i = 0; i < 100 && log('loop').body !== 'line 0\n'; i++) sim.advance(100);
    sim.advance(2_050);
    expect(log('loop').body).toBe('line 0\nline 1\nline 2\n');
    expect(log('loop', { tailLines: '1' }).body).toBe('line 2\n');
    expect(log('loop', { sinceSeconds: '2' }).body).toBe('line 1\nline 2\n');
    expect(message(log('loop', { previous: 'true' }))).toBe('previous terminated container "loop" in pod "loop" not found');
    const stamped = String(log('loop', { timestamps: 'true' }).body).split('\n').filter(Boolean);
    expect(stamped[0]).toMatch(/^2025-09-01T09:00:0\d\.\d+Z line 0$/);
    sim.advance(4_000); // exits after 5 lines and restarts at once
    expect(log('loop', { previous: 'true' }).body).toBe('line 0\nline 1\nline 2\nline 3\nline 4\n');
  });

  it('timestamps of lines written in the same millisecond still increase', () => {
    const a = logTimestamp({ atMs: 1_000, stream: 'stdout', text: 'a' }, 0);
    const b = logTimestamp({ atMs: 1_000, stream: 'stdout', text: 'b' }, 1);
    expect(a < b || a.length !== b.length).toBe(true);
    expect(Number(`0.${a.slice(20, -1)}`)).toBeLessThan(Number(`0.${b.slice(20, -1)}`));
  });
});
