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
