import { describe, expect, it } from 'vitest';
import { parseYamlStream } from './parse';

/** Each input and the message real kubectl (go-yaml) printed for it. */
const CASES: [string, string][] = [
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\n   labels:\n    app: web\n', 'yaml: line 5: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: "nginx\nspec:\n  containers:\n  - name: nginx\n', 'yaml: line 8: found unexpected end of stream'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n   image: nginx\n', 'yaml: line 7: did not find expected key'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers:\n  - name: nginx\n      image: nginx\n', 'yaml: line 8: mapping values are not allowed in this context'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n\tname: nginx\n', 'yaml: line 4: found character that cannot start any token'],
  ['spec:\n  containers:\n  - name: c\n    image: nginx\n\tenv:\n', 'yaml: line 5: found a tab character that violates indentation'],
  ['apiVersion: v1\nkind: Pod\nmetadata:\n  name: nginx\nspec:\n  containers: [a, b\n', "yaml: line 6: did not find expected ',' or ']'"],
  ['apiVersion: v1\nkind: Pod\nmetadata: {name: x\nspec: {}\n', "yaml: line 3: did not find expected ',' or '}'"],
];

describe('go-yaml compatible parse errors', () => {
  it.each(CASES)('%j', (input, message) => {
    expect(parseYamlStream(input)).toEqual({ ok: false, message });
  });

  it('reads YAML 1.1 scalars as Kubernetes does', () => {
    expect(parseYamlStream('a: yes\nb: 0644\nc: "0644"\nd: on\n')).toEqual({ ok: true, documents: [{ a: true, b: 420, c: '0644', d: true }] });
  });

  it("accepts \\' escapes and flow sequences closed at a lower indent, as go-yaml does", () => {
    expect(parseYamlStream('a: "x\\\'y"\nb: [\n    "c"\n  ]\n')).toEqual({ ok: true, documents: [{ a: "x'y", b: ['c'] }] });
  });

  // From go-yaml's parser (decode.go, parser.alias) and scanner (anchor names are alphanumeric, - or _).
  it('refuses an alias to an anchor never set, in go-yaml words', () => {
    expect(parseYamlStream('a: *nope\n')).toEqual({ ok: false, message: "yaml: unknown anchor 'nope' referenced" });
    expect(parseYamlStream('a: 1\nb:\n  - *x""\n')).toEqual({ ok: false, message: 'yaml: line 3: did not find expected alphabetic or numeric character' });
  });
});

describe('deeply nested flow collections', () => {
  it('reads thousands of levels without running out of stack, as go-yaml does up to 10,000', () => {
    const parsed = parseYamlStream(`a: ${'['.repeat(3000)}1${']'.repeat(3000)}\nb: {k: ${'{x: '.repeat(300)}y${'}'.repeat(300)}}\n`);
    expect(parsed.ok).toBe(true);
    const doc = parsed.ok ? (parsed.documents[0] as { a: unknown; b: { k: unknown } }) : undefined;
    // The value is carried 100 levels down (deeper levels stay as empty collections of their kind).
    let a: unknown = doc?.a;
    let depth = 0;
    while (Array.isArray(a) && a.length > 0) {
      a = a[0];
      depth++;
    }
    expect(Array.isArray(a) && depth > 99).toBe(true);
    expect(Object.keys(doc?.b.k as object)).toEqual(['x']);
  });

  it('refuses more than 10,000 levels as go-yaml does', () => {
    expect(parseYamlStream(`a: 1\nb: ${'['.repeat(10_001)}${']'.repeat(10_001)}\n`)).toEqual({ ok: false, message: 'yaml: line 2: exceeded max depth of 10000' });
  });
});
