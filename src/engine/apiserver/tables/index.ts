/**
 * Server-side printing (Table conversion): the columns `kubectl get` shows, computed by the API
 * server as Kubernetes' printers do, so any client prints the same table.
 */
import type { KubeObject } from '../../api/meta';
import type { ResourceType } from '../../api/resources';
import type { TableColumn, TableResponse } from '../../kubectl/printers/table-printer';
import { PRINTERS } from './printers';

export type { TableResponse } from '../../kubectl/printers/table-printer';

const NAME: TableColumn = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0 };
/** The default table (DefaultTableConvertor) for resources without a printer: name and creation time. */
const CREATED_AT: TableColumn = { name: 'Created At', type: 'date', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0 };

export function convertToTable(type: ResourceType, objects: readonly KubeObject[], nowMs: number, options: { includeObject?: 'None' | 'Metadata' | 'Object' } = {}): TableResponse {
  const printer = PRINTERS[`${type.group}/${type.resource}`];
  const columns = printer ? printer.columns : [NAME, CREATED_AT];
  const rows = objects.map((o) => {
    const cells = printer ? printer.cells(o, nowMs) : [o.metadata.name ?? '', o.metadata.creationTimestamp ?? ''];
    const include = options.includeObject ?? 'Metadata';
    const object = include === 'Object' ? o : include === 'Metadata' ? { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata } : undefined;
    return object ? { cells, object } : { cells };
  });
  return { kind: 'Table', apiVersion: 'meta.k8s.io/v1', metadata: {}, columnDefinitions: columns, rows };
}
