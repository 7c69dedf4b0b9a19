import { describe, expect, it } from 'vitest';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns } from './custom-columns';
import { naturalLess, sortByField } from './sort';
import { toYaml } from './object-printer';
import { outputPrinter } from './output';

const pods = [
  { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'pod-10' }, spec: { containers: [{ image: 'a' }, { image: 'b' }] }, status: { cpu: '500m' } },
  { kind: 'Pod', apiVersion: 'v1', metadata: { name: 'pod-9' }, spec: { containers: [{ image: 'c' }] }, status: { cpu: '2' } },
];

describe('custom columns', () => {
  it('joins several results with commas and prints <none> for missing ones', () => {
    const cols = parseCustomColumns('NAME:.metadata.name,IMAGES:.spec.containers[*].image,X:.spec.x');
    expect(printCustomColumns(pods, cols, false)).toBe('NAME     IMAGES   X\npod-10   a,b      <none>\npod-9    c        <none>\n');
  });

  it('reads the file form and rejects bad specs', () => {
    expect(parseCustomColumnsFile('NAME  CPU\n.metadata.name .status.cpu\n').map((c) => c.header)).toEqual(['NAME', 'CPU']);
    expect(() => parseCustomColumns('NAME')).toThrow('unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>');
  });
});

describe('sort-by', () => {
  it('orders strings naturally and quantities by value', () => {
    expect(naturalLess('pod-9', 'pod-10')).toBe(true);
    expect(sortByField(pods, '.metadata.name', (p) => p).map((p) => p.metadata.name)).toEqual(['pod-9', 'pod-10']);
    expect(sortByField(pods, '{.status.cpu}', (p) => p).map((p) => p.metadata.name)).toEqual(['pod-10', 'pod-9']);
    expect(() => sortByField(pods, '.nope', (p) => p)).toThrow('couldn\'t find any field with path "{.nope}" in the list of objects');
  });
});

describe('yaml and output formats', () => {
  it('quotes like go-yaml: double for other-typed strings, single for the rest', () => {
    expect(toYaml({ a: '1', b: '*/5 * * * *', c: 'yes', d: '', e: '2025-09-01T09:00:00Z', f: 'plain' })).toBe(`a: "1"\nb: '*/5 * * * *'\nc: "yes"\nd: ""\ne: "2025-09-01T09:00:00Z"\nf: plain\n`);
  });

  it('prints names with the group and rejects unknown formats', () => {
    const p = outputPrinter('name');
    if ('error' in p) throw new Error(p.error);
    expect(p({ kind: 'List', apiVersion: 'v1', items: [{ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } }] })).toBe('deployment.apps/web\n');
    expect(outputPrinter('bogus')).toHaveProperty('error');
    expect(outputPrinter('jsonpath={.a[')).toEqual({ error: 'error: error parsing jsonpath {.a[, unterminated array\n' });
  });
});
