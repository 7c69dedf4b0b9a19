/**
 * Prints a server-side `meta.k8s.io/v1` Table as `kubectl get` does (cli-runtime
 * pkg/printers/tableprinter.go): headers are the column names upper-cased, priority>0 columns only
 * with `-o wide`, NAMESPACE first with `-A`, `-L` label columns and then LABELS last, names as
 * `kind[.group]/name` when several kinds are printed, and everything laid out by the get
 * tabwriter (widest cell + 3 spaces, at least 6, the last column unpadded).
 *
 * The table arrives as JSON, so every field is checked before use; odd cells print as Go's
 * `fmt.Sprint` would. Sorting (`--sort-by`) is the caller's job.
 */
import { isRecord } from '../../api/meta';
import { compareGoStrings, goSprint } from './go-format';
import { escapeTerminal, formatTabbed, GET_TABWRITER, type TabWriterOptions } from './tabwriter';

/** metav1.TableColumnDefinition. */
export interface TableColumn {
  name: string;
  type: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** metav1.TableRowCondition (only `Completed` is used, for finished pods). */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** metav1.TableRow: the cells, and the object (PartialObjectMetadata, the full object, or null). */
export interface TableRow {
  cells: unknown[];
  conditions?: TableRowCondition[];
  object?: unknown;
}

/** metav1.Table as the API server returns it for `Accept: application/json;as=Table;v=v1;g=meta.k8s.io`. */
export interface TableResponse {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata?: { resourceVersion?: string; continue?: string; remainingItemCount?: number; [key: string]: unknown };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

export interface TablePrintOptions {
  /** `-o wide`: also the columns with priority > 0. */
  wide?: boolean;
  /** `--no-headers`. */
  noHeaders?: boolean;
  /** `--show-labels`: a LABELS column, `k=v,k2=v2` or `<none>`. */
  showLabels?: boolean;
  /** `-A` on a namespaced resource: a NAMESPACE column first. */
  withNamespace?: boolean;
  /** `pod`, `deployment.apps`: print the name column as `deployment.apps/web` (several kinds, `--show-kind`). */
  withKind?: string;
  /** Older spelling of `withKind`. */
  kindPrefix?: string;
  /** `-L key`: one column per label key, headed by the key's last path segment upper-cased. */
  columnLabels?: readonly string[];
}

interface Column {
  name: string;
  type: string;
  format: string;
  priority: number;
}

function readColumns(value: unknown): Column[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isRecord).map((c) => ({
    name: typeof c.name === 'string' ? c.name : '',
    type: typeof c.type === 'string' ? c.type : '',
    format: typeof c.format === 'string' ? c.format : '',
    priority: typeof c.priority === 'number' ? c.priority : 0,
  }));
}

/** The metadata of a row's object (PartialObjectMetadata or the full object), when it has one. */
function rowMetadata(row: Record<string, unknown>): Record<string, unknown> | undefined {
  const object = row.object;
  if (!isRecord(object) || !isRecord(object.metadata)) return undefined;
  return object.metadata;
}

function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!isRecord(value)) return out;
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

/** labels.FormatLabels: `k=v` pairs sorted as strings, comma-joined; `<none>` when empty. */
export function formatLabels(labels: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return pairs.length === 0 ? '<none>' : pairs.sort(compareGoStrings).join(',');
}

/** One cell as printTable writes it: strings cut at the first line break (`...` appended), nil as nothing. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') {
    const breakAt = value.search(/[\f\n\r]/);
    return breakAt < 0 ? escapeTerminal(value) : escapeTerminal(value.slice(0, breakAt)) + '...';
  }
  return escapeTerminal(goSprint(value));
}

/** Applies decorateTable's additions (namespace, label columns, kind-qualified names) to one row. */
function decorateRow(row: Record<string, unknown>, columns: readonly Column[], options: TablePrintOptions, nameColumn: number): unknown[] {
  const cells = Array.isArray(row.cells) ? [...(row.cells as unknown[])] : [];
  const kind = options.withKind ?? options.kindPrefix;
  if (kind && nameColumn >= 0 && nameColumn < cells.length) cells[nameColumn] = `${kind.toLowerCase()}/${goSprint(cells[nameColumn])}`;
  const labelColumns = options.columnLabels ?? [];
  const wantsLabels = labelColumns.length > 0 || options.showLabels === true;
  if (!wantsLabels && !options.withNamespace) return cells;
  const meta = rowMetadata(row);
  if (!meta) {
    // Without object metadata the added columns stay empty. Go's fill loop compares against a
    // length that grows as it appends, so it adds only about half the missing cells; kept as is.
    const padded: unknown[] = options.withNamespace ? [null, ...cells] : cells;
    const width = columns.length + (options.withNamespace ? 1 : 0) + labelColumns.length + (options.showLabels ? 1 : 0);
    for (let j = 0; j < width - padded.length; j++) padded.push(null);
    return padded;
  }
  const out: unknown[] = options.withNamespace ? [typeof meta.namespace === 'string' ? meta.namespace : '', ...cells] : cells;
  if (wantsLabels) {
    const labels = stringMap(meta.labels);
    for (const key of labelColumns) out.push(labels[key] ?? '');
    if (options.showLabels) out.push(formatLabels(labels));
  }
  return out;
}

/** Lays out rows of cells with the tabwriter (kubectl get's settings unless told otherwise). */
export function alignColumns(rows: readonly (readonly string[])[], options: TabWriterOptions = GET_TABWRITER): string {
  return formatTabbed(rows.map((r) => r.join('\t') + '\n').join(''), options);
}

/** The text `kubectl get` prints for one table (one resource type); empty when there are no rows. */
export function printTable(table: TableResponse, options: TablePrintOptions = {}): string {
  const source: unknown = table;
  if (!isRecord(source)) return '';
  const rows = Array.isArray(source.rows) ? source.rows.filter(isRecord) : [];
  if (rows.length === 0) return '';
  const base = readColumns(source.columnDefinitions);
  const kind = options.withKind ?? options.kindPrefix;
  const nameColumn = kind ? base.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
  const columns: Column[] = [];
  if (options.withNamespace) columns.push({ name: 'Namespace', type: 'string', format: '', priority: 0 });
  columns.push(...base);
  for (const label of options.columnLabels ?? []) columns.push({ name: label.split('/').pop() ?? label, type: 'string', format: '', priority: 0 });
  if (options.showLabels) columns.push({ name: 'Labels', type: 'string', format: '', priority: 0 });
  const visible = (c: Column) => options.wide === true || c.priority === 0;
  const lines: string[] = [];
  if (!options.noHeaders) lines.push(columns.filter(visible).map((c) => c.name.toUpperCase()).join('\t') + '\n');
  for (const row of rows) {
    const cells = decorateRow(row, base, options, nameColumn);
    const printed: string[] = [];
    cells.forEach((cell, i) => {
      const column = columns[i];
      if (column === undefined || !visible(column)) return; // more cells than columns: ignored (issue 66379)
      printed.push(formatCell(cell));
    });
    lines.push(printed.join('\t') + '\n');
  }
  return formatTabbed(lines.join(''), GET_TABWRITER);
}
