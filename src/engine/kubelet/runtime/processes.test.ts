import { describe, expect, it } from 'vitest';
import { containerProcess, processSpecOf, stdinShell } from './processes';
import type { ProcessEnv } from './sh-interpreter';

function env(vars: Record<string, string> = {}): ProcessEnv {
  return { vars: new Map(Object.entries(vars)), files: new Map(), nowMs: () => Date.UTC(2025, 8, 1, 9, 0, 0), hostname: 'p' };
}

function output(image: string, command: string[] = [], args: string[] = [], vars: Record<string, string> = {}) {
  const p = containerProcess({ image, command, args }, env(vars));
  let out = '';
  let r = p.program.next();
  let steps = 0;
  while (!r.done && steps++ < 100) {
    if (r.value.kind === 'write') out += r.value.text;
    if (r.value.kind === 'sleep' && !Number.isFinite(r.value.ms)) break;
    r = p.program.next();
  }
  return { out, code: r.done ? r.value : undefined, process: p };
}

describe('container processes', () => {
  it('knows which main processes are shells reading their stdin (what an attach joins)', () => {
    const shell = (container: Record<string, unknown>) => stdinShell(processSpecOf(container));
    expect(shell({ image: 'busybox', args: ['sh'], stdin: true })).toEqual(['sh']);
    expect(shell({ image: 'busybox:1.36', stdin: true })).toEqual(['sh']);
    expect(shell({ image: 'ubuntu', command: ['/bin/bash'], stdin: true })).toEqual(['/bin/bash']);
    // No open stdin, a script, or a server: nothing reads the terminal.
    expect(shell({ image: 'busybox', args: ['sh'] })).toBeUndefined();
    expect(shell({ image: 'busybox', args: ['sh', '-c', 'sleep 1'], stdin: true })).toBeUndefined();
    expect(shell({ image: 'nginx', stdin: true })).toBeUndefined();
    expect(shell({ image: 'nginx', args: ['sh'], stdin: true })).toBeUndefined();
  });

  it('nginx prints its entrypoint lines, keeps running and serves / on :80', () => {
    const { out, code, process } = output('nginx:1.27');
    expect(out).toContain('Configuration complete; ready for start up');
    expect(code).toBeUndefined();
    expect(process.listeners[0]?.port).toBe(80);
    expect(process.listeners[0]?.http?.('/', 0)).toBe(200);
    expect(process.listeners[0]?.http?.('/missing', 0)).toBe(404);
  });

  it('postgres without a password fails the way the image does', () => {
    const { out, code } = output('postgres:16');
    expect(out).toContain('Database is uninitialized and superuser password is not specified.');
    expect(code).toBe(1);
    expect(output('postgres:16', [], [], { POSTGRES_PASSWORD: 'x' }).code).toBeUndefined();
  });

  it('busybox with no command exits 0; exec-form commands run as applets', () => {
    expect(output('busybox').code).toBe(0);
    expect(output('busybox', ['echo', 'hi']).out).toBe('hi\n');
  });

  it('stress allocates what --vm-bytes says', () => {
    const p = containerProcess({ image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M', '--vm-hang', '1'] }, env());
    const effects = [];
    for (let r = p.program.next(); !r.done && effects.length < 5; r = p.program.next()) effects.push(r.value);
    expect(effects).toContainEqual({ kind: 'alloc', bytes: 250 * 1024 * 1024 });
  });

  it('agnhost liveness answers /healthz with 200 for 10 seconds, then 500', () => {
    const { process } = output('registry.k8s.io/e2e-test-images/agnhost:2.40', [], ['liveness']);
    expect(process.listeners[0]?.http?.('/healthz', 9_000)).toBe(200);
    expect(process.listeners[0]?.http?.('/healthz', 11_000)).toBe(500);
  });
});
