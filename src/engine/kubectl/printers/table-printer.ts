/**
 * Prints a meta.k8s.io/v1 Table as `kubectl get` does: upper-case headers, columns padded like
 * Go's tabwriter (width of the widest cell + 3 spaces, the last column unpadded), priority-1
 * columns only with `-o wide`.
 */
import type { KubeObject } from '../../api/meta';
import { formatTabbed, GET_TABWRITER, type TabWriterOptions } from './tabwriter';

export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

export interface TableRow {
  cells: unknown[];
  object?: Partial<KubeObject>;
}

export interface TableResponse {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata?: Record<string, unknown>;
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

export interface TablePrintOptions {
  wide?: boolean;
  noHeaders?: boolean;
  showLabels?: boolean;
  withNamespace?: boolean;
  /** `pod`, `deployment.apps`: print names as `pod/nginx`. */
  kindPrefix?: string;
}

function cell(value: unknown): string {
  if (value === null || value === undefined) return '<none>';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

function labelsText(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

/** Lays out rows of cells with Go's tabwriter (kubectl get's settings unless told otherwise). */
export function alignColumns(rows: readonly (readonly string[])[], options: TabWriterOptions = GET_TABWRITER): string {
  return formatTabbed(rows.map((r) => r.join('\t') + '\n').join(''), options);
}

export function printTable(table: TableResponse, options: TablePrintOptions = {}): string {
  const visible = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => options.wide || (c.priority ?? 0) === 0);
  const lines: string[][] = [];
  if (!options.noHeaders) {
    const header = visible.map(({ c }) => c.name.toUpperCase());
    if (options.withNamespace) header.unshift('NAMESPACE');
    if (options.showLabels) header.push('LABELS');
    lines.push(header);
  }
  for (const row of table.rows) {
    const cells = visible.map(({ i }) => cell(row.cells[i]));
    if (options.kindPrefix && cells.length > 0) cells[0] = `${options.kindPrefix}/${cells[0] ?? ''}`;
    const meta = row.object?.metadata;
    if (options.withNamespace) cells.unshift(typeof meta?.namespace === 'string' ? meta.namespace : '');
    if (options.showLabels) cells.push(labelsText(meta?.labels));
    lines.push(cells);
  }
  return alignColumns(lines);
}
