import { describe, expect, it } from 'vitest';
import { formatCell, printTable, type TableResponse } from './table-printer';

const podColumns = [
  { name: 'Name', type: 'string', format: 'name', description: '', priority: 0 },
  { name: 'Ready', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Status', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Restarts', type: 'string', format: '', description: '', priority: 0 },
  { name: 'Age', type: 'string', format: '', description: '', priority: 0 },
  { name: 'IP', type: 'string', format: '', description: '', priority: 1 },
  { name: 'Node', type: 'string', format: '', description: '', priority: 1 },
  { name: 'Nominated Node', type: 'string', format: '', description: '', priority: 1 },
  { name: 'Readiness Gates', type: 'string', format: '', description: '', priority: 1 },
];

function meta(name: string, namespace: string, labels: Record<string, string> = {}) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: { name, namespace, labels } };
}

const pods: TableResponse = {
  kind: 'Table',
  apiVersion: 'meta.k8s.io/v1',
  metadata: { resourceVersion: '812' },
  columnDefinitions: podColumns,
  rows: [
    { cells: ['nginx', '1/1', 'Running', '0', '5m', '10.244.1.2', 'kind-worker', '<none>', '<none>'], object: meta('nginx', 'default', { run: 'nginx' }) },
    { cells: ['web-1', '0/1', 'Pending', '3 (45s ago)', '10s', '<none>', '<none>', '<none>', '<none>'], object: meta('web-1', 'shop', { app: 'web', 'app.kubernetes.io/name': 'web', tier: 'front' }) },
  ],
};

describe('printTable (kubectl get)', () => {
  it('prints the default columns with upper-case headers, padded to the widest cell + 3', () => {
    expect(printTable(pods)).toBe(
      [
        'NAME    READY   STATUS    RESTARTS      AGE',
        'nginx   1/1     Running   0             5m',
        'web-1   0/1     Pending   3 (45s ago)   10s',
        '',
      ].join('\n'),
    );
  });

  it('adds the priority-1 columns with -o wide', () => {
    expect(printTable(pods, { wide: true })).toBe(
      [
        'NAME    READY   STATUS    RESTARTS      AGE   IP           NODE          NOMINATED NODE   READINESS GATES',
        'nginx   1/1     Running   0             5m    10.244.1.2   kind-worker   <none>           <none>',
        'web-1   0/1     Pending   3 (45s ago)   10s   <none>       <none>        <none>           <none>',
        '',
      ].join('\n'),
    );
  });

  it('puts NAMESPACE first with -A and LABELS last with --show-labels', () => {
    expect(printTable(pods, { withNamespace: true, showLabels: true })).toBe(
      [
        'NAMESPACE   NAME    READY   STATUS    RESTARTS      AGE   LABELS',
        'default     nginx   1/1     Running   0             5m    run=nginx',
        'shop        web-1   0/1     Pending   3 (45s ago)   10s   app.kubernetes.io/name=web,app=web,tier=front',
        '',
      ].join('\n'),
    );
  });

  it('adds one column per -L label key, headed by the last path segment, before LABELS', () => {
    expect(printTable(pods, { columnLabels: ['app.kubernetes.io/name', 'run'], showLabels: true, noHeaders: false })).toBe(
      [
        'NAME    READY   STATUS    RESTARTS      AGE   NAME   RUN     LABELS',
        'nginx   1/1     Running   0             5m           nginx   run=nginx',
        'web-1   0/1     Pending   3 (45s ago)   10s   web            app.kubernetes.io/name=web,app=web,tier=front',
        '',
      ].join('\n'),
    );
  });

  it('qualifies names with the kind when several kinds are printed', () => {
    expect(printTable(pods, { withKind: 'pod', noHeaders: true })).toBe(['pod/nginx   1/1   Running   0             5m', 'pod/web-1   0/1   Pending   3 (45s ago)   10s', ''].join('\n'));
    const deployments: TableResponse = {
      kind: 'Table',
      apiVersion: 'meta.k8s.io/v1',
      columnDefinitions: [
        { name: 'Name', type: 'string', format: 'name', priority: 0 },
        { name: 'Ready', type: 'string', priority: 0 },
        { name: 'Up-to-date', type: 'string', priority: 0 },
        { name: 'Available', type: 'string', priority: 0 },
        { name: 'Age', type: 'string', priority: 0 },
      ],
      rows: [{ cells: ['web', '3/3', 3, 3, '2m'], object: meta('web', 'default') }],
    };
    expect(printTable(deployments, { kindPrefix: 'deployment.apps' })).toBe(['NAME                  READY   UP-TO-DATE   AVAILABLE   AGE', 'deployment.apps/web   3/3     3            3           2m', ''].join('\n'));
  });

  it('prints nothing for an empty table, headers included', () => {
    expect(printTable({ ...pods, rows: [] })).toBe('');
  });

  it('leaves the added columns empty when rows carry no object (includeObject=None)', () => {
    const bare: TableResponse = { ...pods, rows: [{ cells: ['nginx', '1/1', 'Running', '0', '5m'], object: null }] };
    expect(printTable(bare, { withNamespace: true })).toBe(['NAMESPACE   NAME    READY   STATUS    RESTARTS   AGE', '            nginx   1/1     Running   0          5m', ''].join('\n'));
  });

  it('ignores cells beyond the column definitions', () => {
    const extra: TableResponse = { kind: 'Table', apiVersion: 'meta.k8s.io/v1', columnDefinitions: [{ name: 'Name', type: 'string', format: 'name' }], rows: [{ cells: ['a', 'b', 'c'] }] };
    expect(printTable(extra)).toBe('NAME\na\n');
  });
});

describe('formatCell', () => {
  it('cuts strings at the first line break and marks the cut', () => {
    expect(formatCell('first line\nsecond')).toBe('first line...');
    expect(formatCell('a\rb')).toBe('a...');
  });

  it('prints other values as Go fmt.Sprint does, nil as nothing', () => {
    expect(formatCell(3)).toBe('3');
    expect(formatCell(1.5)).toBe('1.5');
    expect(formatCell(1e6 + 0.5)).toBe('1.0000005e+06');
    expect(formatCell(true)).toBe('true');
    expect(formatCell(null)).toBe('');
    expect(formatCell(['a', 'b'])).toBe('[a b]');
    expect(formatCell({ b: 1, a: 'x' })).toBe('map[a:x b:1]');
  });

  it('makes terminal escapes visible', () => {
    expect(formatCell('\x1b[31mred')).toBe('^[[31mred');
  });
});
