/**
 * Manifest fuzzing from the Kubernetes documentation examples (copies in ./examples): fast-check
 * mutates their documents (drops a field, puts a value of another type or shape in its place,
 * renames a key, repeats a list item, or cuts or garbles the YAML text) and applies the result with
 * `kubectl apply -f`. Whatever comes back must be kubectl's or the API server's own answer (never the
 * engine's internal-error wording or a leaked JavaScript value), and the cluster invariants must hold
 * at once and after the controllers have had time to act on what was accepted.
 *
 * FUZZ_RUNS sets how many mutated manifests to try, FUZZ_SEED the seed.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSimulation, type SimSnapshot } from '../../src/engine';
import { InvariantMonitor } from '../../src/engine/invariants/invariants';
import { toYaml } from '../../src/engine/kubectl/printers/object-printer';
import { parseYamlStream } from '../../src/engine/kubectl/yaml/parse';
import { settleCommand } from '../../src/engine/scenario/runner';
import { yamlFiles } from './corpus-files';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const EXAMPLES = new URL('./examples/', import.meta.url).pathname;

interface JsonObject {
  [key: string]: Json;
}
type Json = null | boolean | number | string | Json[] | JsonObject;
type Path = (string | number)[];

const examples = yamlFiles(EXAMPLES).map((file) => ({
  file: relative(EXAMPLES, file),
  docs: documents(readFileSync(file, 'utf8')),
}));

function documents(text: string): Json[] {
  const parsed = parseYamlStream(text);
  return parsed.ok ? (parsed.documents as Json[]).filter((d) => d !== null) : [];
}

/** Every path to a value inside `v` (the root too). */
function paths(v: Json, at: Path = []): Path[] {
  const here = [at];
  if (Array.isArray(v)) return here.concat(...v.map((x, i) => paths(x, [...at, i])));
  if (v && typeof v === 'object') return here.concat(...Object.entries(v).map(([k, x]) => paths(x, [...at, k])));
  return here;
}

type Mutation = { op: 'drop' | 'replace' | 'rename' | 'repeat'; pick: number; value: Json; key: string };

type Container = Json[] | JsonObject;

function mutate(doc: Json, m: Mutation): Json {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  const all = paths(copy).filter((p) => p.length > 0);
  const path = all[m.pick % Math.max(1, all.length)];
  if (!path) return m.value;
  let parent = copy as Container;
  for (const k of path.slice(0, -1)) parent = (Array.isArray(parent) ? parent[k as number] : parent[k as string]) as Container;
  const last = path[path.length - 1] as string | number;
  if (Array.isArray(parent)) {
    const i = last as number;
    if (m.op === 'drop') parent.splice(i, 1);
    else if (m.op === 'repeat') parent.splice(i, 0, JSON.parse(JSON.stringify(parent[i])) as Json);
    else parent[i] = m.value;
    return copy;
  }
  const key = String(last);
  const was = parent[key] ?? null;
  if (m.op === 'drop') delete parent[key];
  else if (m.op === 'rename') {
    delete parent[key];
    // An own property even for `__proto__`, as a YAML key would be.
    Object.defineProperty(parent, m.key, { value: was, enumerable: true, writable: true, configurable: true });
  } else if (m.op === 'repeat') parent[key] = [was, was];
  else parent[key] = m.value;
  return copy;
}

const value: fc.Arbitrary<Json> = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
  fc.constantFrom<Json>('', '-1', 'x'.repeat(300), 'UPPER_case', '1e9', '100Gi', '500m', 'None', 'true', -1, 0, 2 ** 31, 1.5, [], {}, null),
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('drop' as const, 'replace' as const, 'rename' as const, 'repeat' as const),
  pick: fc.nat(),
  value,
  key: fc.constantFrom('kind', 'apiVersion', 'name', 'spec', 'x', '__proto__', 'status'),
});
/** A cut or garbled YAML text, for the parser's errors. */
const garble = fc.record({ at: fc.nat(), cut: fc.boolean(), insert: fc.constantFrom(':', '- ', '{', '"', "'", '\t', '&a', '*a', '!!binary', '\n  ', '---\n') });

const manifest = fc
  .record({ example: fc.nat({ max: examples.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }), garble: fc.option(garble, { freq: 5 }) })
  .map(({ example, mutations, garble: g }) => {
    const { file, docs } = examples[example] as (typeof examples)[number];
    const mutated = docs.map((d, i) => (i === 0 ? mutations.reduce(mutate, d) : d));
    let text = mutated.map((d) => toYaml(d)).join('---\n');
    if (g) {
      const at = g.at % (text.length + 1);
      text = g.cut ? text.slice(0, at) : text.slice(0, at) + g.insert + text.slice(at);
    }
    return { file, text };
  });

/** Words only an engine fault (not kubectl, not the API server) would print. */
const FAULT = /internal error|Internal error occurred|\[object Object\]|\bundefined\b|\bNaN\b|TypeError|RangeError|is not a function|Cannot read propert|Maximum call stack/;

let booted: SimSnapshot | undefined;

describe('manifest fuzzing from the documentation examples', () => {
  it(`answers ${RUNS} mutated manifests as kubectl and the API server would, and keeps the cluster consistent`, () => {
    booted ??= createSimulation({ seed: 1 }).snapshot();
    fc.assert(
      fc.property(manifest, ({ file, text }) => {
        const sim = createSimulation({ snapshot: booted });
        const session = sim.shell.open();
        const monitor = new InvariantMonitor(sim);
        let output = '';
        session.onOutput((chunk) => (output += chunk));
        const type = (line: string) => {
          session.write(line);
          settleCommand(sim, session);
        };
        try {
          type("cat <<'KUBELAB_EOF' > manifest.yaml");
          for (const line of text.replace(/\n$/, '').split('\n')) type(line);
          type('KUBELAB_EOF');
          output = '';
          type('kubectl apply -f manifest.yaml');
          const applied = output;
          expect(applied, `${file}\n${text}`).not.toMatch(FAULT);
          expect(applied.trim(), `${file}\n${text}`).not.toBe('');
          expect(session.busy()).toBe(false);
          expect(monitor.check()).toEqual([]);
          type('sleep 120');
          expect(monitor.checkSettled(), `${file}\n${text}`).toEqual([]);
          // And the shell still answers.
          output = '';
          type('kubectl get ns default -o name');
          expect(output).toBe('namespace/default\n');
        } finally {
          monitor.dispose();
        }
      }),
      { numRuns: RUNS, seed: Number(process.env.FUZZ_SEED ?? 4242), endOnFailure: true },
    );
  }, 300_000);
});
