/**
 * Hostile input typed into the lab: alias bombs, deep nesting, huge and many-document manifests,
 * `__proto__` keys, escape sequences. Each gets a clear error in kubectl's words (or works), within
 * bounded time, never throws out of the engine, never writes raw control characters to the
 * terminal, and leaves the cluster as it was.
 */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../src/engine';

function lab() {
  const sim = createSimulation({ seed: 5 });
  const session = sim.shell.open();
  let output = '';
  session.onOutput((chunk) => (output += chunk));
  const run = (lines: string): string => {
    output = '';
    for (const line of lines.split('\n')) {
      session.write(line);
      sim.advance(0);
      for (let i = 0; i < 10_000 && session.busy(); i++) {
        const next = sim.clock.nextEventAt();
        if (next === undefined) break;
        sim.advance(Math.max(0, next - sim.clock.now()));
      }
    }
    return output;
  };
  const configMaps = () => run('kubectl get configmaps -o name');
  return { sim, session, run, configMaps };
}

const heredoc = (file: string, body: string) => `cat <<'EOF' > ${file}\n${body}\nEOF`;

describe('hostile input', () => {
  it('refuses a YAML alias bomb as go-yaml does, without expanding it', () => {
    const { run, configMaps } = lab();
    const before = configMaps();
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      levels.push(`${cur}: &${cur} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    run(heredoc('bomb.yaml', ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: bomb', ...levels].join('\n')));
    expect(run('kubectl apply -f bomb.yaml')).toBe('error: error parsing bomb.yaml: error converting YAML to JSON: yaml: document contains excessive aliasing\n');
    expect(configMaps()).toBe(before);
  });

  it('applies a 2,000-document stream', () => {
    const { run } = lab();
    const docs = Array.from({ length: 2000 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}`).join('\n');
    run(heredoc('many.yaml', docs));
    const out = run('kubectl apply -f many.yaml');
    expect(out.split('\n').filter((l) => l.endsWith(' created'))).toHaveLength(2000);
    expect(run('kubectl get configmap cm-1999 -o name')).toBe('configmap/cm-1999\n');
  });

  it('treats __proto__ and constructor as plain keys: no prototype pollution, label rules apply', () => {
    const { run, configMaps } = lab();
    const before = configMaps();
    run(heredoc('proto.yaml', ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: proto', '  labels:', '    __proto__: x', 'data:', '  __proto__: polluted', '  constructor: "y"'].join('\n')));
    const out = run('kubectl apply -f proto.yaml');
    expect(out).toContain('The ConfigMap "proto" is invalid: metadata.labels: Invalid value: "__proto__": name part must consist of alphanumeric characters');
    expect(configMaps()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('x');
    // Without the bad label the same keys are stored as data, as any other key would be.
    run(heredoc('proto2.yaml', ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', '  name: proto', 'data:', '  __proto__: polluted', '  constructor: "y"'].join('\n')));
    expect(run('kubectl apply -f proto2.yaml')).toBe('configmap/proto created\n');
    expect(run("kubectl get configmap proto -o jsonpath='{.data}'")).toContain('polluted');
  });

  it('never echoes raw escape sequences: invalid values come back Go-quoted', () => {
    const { run } = lab();
    run('kubectl create deployment web --image=nginx');
    // A pasted line with a raw ESC in it.
    const out = run('kubectl label deployment web "evil=a\x1b[31mred"');
    expect(out).toContain('Invalid value: "a\\x1b[31mred"');
    expect(out).not.toContain('\x1b');
  });

  it('answers a manifest nested thousands of levels deep with an error, and stays usable', () => {
    const { run, configMaps } = lab();
    const before = configMaps();
    run(heredoc('deep.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}`));
    const out = run('kubectl apply -f deep.yaml');
    expect(out.startsWith('error: ') || out.startsWith('Error from server')).toBe(true);
    expect(configMaps()).toBe(before);
    expect(run('echo still here')).toBe('still here\n');
  });
});
