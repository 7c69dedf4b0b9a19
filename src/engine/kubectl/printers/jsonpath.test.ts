import { describe, expect, it } from 'vitest';
import { executeJsonPath, JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'a', labels: { app: 'web' } }, spec: { containers: [{ image: 'nginx' }, { image: 'busybox' }] }, status: { conditions: [{ type: 'Ready', status: 'True' }], replicas: 2 } },
    { metadata: { name: 'b' }, spec: { containers: [{ image: 'redis' }] }, status: { conditions: [{ type: 'Ready', status: 'False' }], replicas: 10 } },
  ],
};

function run(template: string, data: unknown = list, asJson = false): string {
  const p = new JsonPath(template);
  p.allowMissingKeys = true;
  return executeJsonPath(p, data, asJson);
}

describe('jsonpath', () => {
  it('joins the results of one action with spaces and keeps text outside actions', () => {
    expect(run('{.items[*].metadata.name}')).toBe('a b');
    expect(run('names: {.items[0].metadata.name}!')).toBe('names: a!');
  });

  it('ranges over items with quoted text', () => {
    expect(run('{range .items[*]}{.metadata.name}{"\\t"}{.status.replicas}{"\\n"}{end}')).toBe('a\t2\nb\t10\n');
  });

  it('filters, slices, unions and recursive descent', () => {
    expect(run('{.items[*].status.conditions[?(@.type=="Ready")].status}')).toBe('True False');
    expect(run('{.items[?(@.status.replicas>5)].metadata.name}')).toBe('b');
    expect(run('{.items[-1:].metadata.name}')).toBe('b');
    expect(run('{.items[0].spec.containers[0,1].image}')).toBe('nginx busybox');
    expect(run('{..image}')).toBe('nginx busybox redis');
    expect(run("{.items[0].metadata['name']}")).toBe('a');
    expect(run('{.items[?(@.metadata.labels)].metadata.name}')).toBe('a');
  });

  it('prints maps and lists as compact JSON with sorted keys', () => {
    expect(run('{.items[0].metadata}')).toBe('{"labels":{"app":"web"},"name":"a"}');
    expect(run('{.items[*].metadata.name}', list, true)).toBe('[\n    "a",\n    "b"\n]\n');
  });

  it('reports kubectl parse errors', () => {
    expect(() => new JsonPath('{.items[')).toThrow(new JsonPathError('unterminated array'));
    expect(() => new JsonPath('{.items')).toThrow(new JsonPathError('unclosed action'));
    expect(() => new JsonPath('{.a[x]}')).toThrow(new JsonPathError('invalid array index x'));
    expect(() => new JsonPath('{%}')).toThrow(new JsonPathError("unrecognized character in action: U+0025 '%'"));
  });

  it('fails on out-of-range indexes and missing keys unless allowed', () => {
    expect(() => run('{.items[5]}')).toThrow('array index out of bounds: index 5, length 2');
    const strict = new JsonPath('{.nope}');
    expect(() => executeJsonPath(strict, {})).toThrow('nope is not found');
    expect(run('{.nope}', {})).toBe('');
  });

  it('relaxes custom-column and sort-by paths', () => {
    expect(relaxedJsonPath('.metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('metadata.name')).toBe('{.metadata.name}');
    expect(relaxedJsonPath('{.metadata.name}')).toBe('{.metadata.name}');
  });
});
