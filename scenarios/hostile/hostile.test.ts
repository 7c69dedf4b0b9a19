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

  it('applies a 10,000-document stream in bounded time', () => {
    const { sim, run } = lab();
    const docs = Array.from({ length: 10_000 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}`).join('\n');
    sim.files.write('/home/learner/many.yaml', docs);
    const started = performance.now();
    const out = run('kubectl apply -f many.yaml');
    expect(performance.now() - started).toBeLessThan(60_000);
    expect(out.split('\n').filter((l) => l.endsWith(' created'))).toHaveLength(10_000);
    expect(run('kubectl get configmap cm-9999 -o name')).toBe('configmap/cm-9999\n');
  }, 120_000);

  it('refuses a 10 MB manifest as the API server does (3 MiB request body), and an object over etcd\'s 1.5 MiB', () => {
    const { sim, run, configMaps } = lab();
    const before = configMaps();
    const manifest = (name: string, bytes: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  blob: ${'x'.repeat(bytes)}\n`;
    sim.files.write('/home/learner/ten.yaml', manifest('ten', 10 * 1024 * 1024));
    sim.files.write('/home/learner/two.yaml', manifest('two', 2 * 1024 * 1024));
    sim.files.write('/home/learner/one.yaml', manifest('one', 1024 * 1024));
    const started = performance.now();
    expect(run('kubectl apply -f ten.yaml')).toBe('Error from server (RequestEntityTooLarge): error when creating "ten.yaml": Request entity too large: limit is 3145728\n');
    expect(run('kubectl create -f ten.yaml')).toBe('Error from server (RequestEntityTooLarge): error when creating "ten.yaml": Request entity too large: limit is 3145728\n');
    // Under the body limit but over what etcd stores: etcd's own error, passed through without a reason.
    expect(run('kubectl create -f two.yaml')).toBe('Error from server: error when creating "two.yaml": etcdserver: request is too large\n');
    expect(configMaps()).toBe(before);
    // 1 MiB fits: create stores it; apply would also copy it into its 256 KiB annotation, which validation refuses.
    expect(run('kubectl create -f one.yaml')).toBe('configmap/one created\n');
    expect(run('kubectl delete configmap one')).toBe('configmap "one" deleted from default namespace\n');
    expect(run('kubectl apply -f one.yaml')).toBe('The ConfigMap "one" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes\n');
    expect(performance.now() - started).toBeLessThan(20_000);
  }, 60_000);

  it('takes a 100,000-character line', () => {
    const { run } = lab();
    const long = 'a'.repeat(100_000);
    const started = performance.now();
    expect(run(`echo ${long}`)).toBe(`${long}\n`);
    expect(run(`kubectl get configmap ${long}`)).toBe(`Error from server (NotFound): configmaps "${long}" not found\n`);
    expect(run(`${long}`)).toBe(`bash: ${long}: command not found\n`);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('never lets a container log drive the terminal: colours pass, other escapes show as ^[', () => {
    const { run } = lab();
    run(`kubectl run esc --image=busybox --restart=Never -- sh -c 'printf "\\033[31mred\\033[0m\\n\\033]0;pwned\\007\\033[2J\\033[Hcleared\\n\\033]52;c;ZXZpbA==\\007\\n"'`);
    run('sleep 30');
    expect(run('kubectl logs esc')).toBe('\x1b[31mred\x1b[0m\n^[]0;pwned^G^[[2J^[[Hcleared\n^[]52;c;ZXZpbA==^G\n');
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

  it('reads a manifest nested 5,000 levels deep as go-yaml does, and the API server rejects the type', () => {
    const { run, configMaps } = lab();
    const before = configMaps();
    run(heredoc('deep.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(5000)}${']'.repeat(5000)}`));
    expect(run('kubectl apply -f deep.yaml')).toBe('Error from server (BadRequest): error when creating "deep.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: json: cannot unmarshal array into Go struct field ConfigMap.data of type string\n');
    // Past go-yaml's max_flow_level the parser itself refuses.
    run(heredoc('deeper.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata:\n  x: ${'['.repeat(10_001)}${']'.repeat(10_001)}`));
    expect(run('kubectl apply -f deeper.yaml')).toBe('error: error parsing deeper.yaml: error converting YAML to JSON: yaml: line 6: exceeded max depth of 10000\n');
    expect(configMaps()).toBe(before);
    expect(run('echo still here')).toBe('still here\n');
  });
});
