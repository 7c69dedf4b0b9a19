/** The shapes of server-side printing: metav1.Table and the per-resource printer that fills it. */
import type { KubeObject } from '../../api/meta';

/** metav1.TableColumnDefinition; every field is always serialised (Go has no omitempty on them). */
export interface TableColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

/** metav1.TableRowCondition. */
export interface TableRowCondition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}

/** A cell as the server emits it: Go strings, int64s and bools (nil for a missing value). */
export type Cell = string | number | boolean | null;

/** metav1.TableRow; `object` is null for includeObject=None, as Go's empty RawExtension encodes. */
export interface TableRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
  object: unknown;
}

/** metav1.Table. */
export interface TableResponse {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion?: string; continue?: string; remainingItemCount?: number };
  columnDefinitions: TableColumnDefinition[];
  rows: TableRow[];
}

/** One row's content as a printer computes it. */
export interface PrintedRow {
  cells: Cell[];
  conditions?: TableRowCondition[];
}

/**
 * A printer (pkg/printers/internalversion AddHandlers entry): the column definitions and a
 * function from one object to its cells, always in wide form (the server prints every column).
 */
export interface Printer {
  readonly columns: readonly TableColumnDefinition[];
  row(object: KubeObject, nowMs: number): PrintedRow;
  /** Reorders a list before printing (only FlowSchemas are sorted by the server). */
  order?(objects: readonly KubeObject[]): readonly KubeObject[];
}
