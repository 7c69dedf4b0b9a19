/**
 * `kubectl get -w`: prints what exists (unless --watch-only), then one line per change as the
 * watch delivers it, until Ctrl-C. Each change is flushed on its own, so later rows are aligned
 * only with themselves, as in the real terminal. `--output-watch-events` adds an EVENT column.
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import type { Connection } from '../../../kubectl/connection';
import { bool, str } from '../../../kubectl/flags';
import { printTable, type TableResponse } from '../../../kubectl/printers/table-printer';
import { PrintError, type OutputPrinter } from '../../../kubectl/printers/output';
import type { WatchEvent } from '../../../types';
import type { KubectlContext } from './context';
import { statusLine } from './context';
import { labelColumns, pathOf, TABLE_ACCEPT, type Request } from './get';
import type { VerbResult } from './index';

export function watchGet(k: KubectlContext, conn: Extract<Connection, { ok: true }>, targets: Request[], printer: OutputPrinter | undefined): VerbResult {
  if (targets.length > 1 || (targets[0]?.names.length ?? 0) > 1) {
    k.err('error: watch is only supported on individual resources and resource collections - more than 1 resource was found\n');
    return 1;
  }
  const target = targets[0] as Request;
  const name = target.names[0];
  const allNs = bool(k.flags, 'all-namespaces');
  const namespace = target.resource.namespaced ? (target.namespace ?? (allNs && name === undefined ? undefined : conn.namespace)) : undefined;
  const base = { group: target.resource.group, version: target.resource.version, resource: target.resource.resource, namespace };
  const query: Record<string, string> = {};
  const selector = str(k.flags, 'selector');
  const fieldSelector = str(k.flags, 'field-selector');
  if (selector) query.labelSelector = selector;
  if (fieldSelector) query.fieldSelector = fieldSelector;
  const watchOnly = bool(k.flags, 'watch-only');
  const events = bool(k.flags, 'output-watch-events');

  let headersPrinted = bool(k.flags, 'no-headers');
  let printed = 0;
  const printRows = (table: TableResponse, eventType: string | undefined): void => {
    if (table.rows.length === 0 && headersPrinted) return;
    let text = printTable(
      { ...table, columnDefinitions: table.columnDefinitions },
      { wide: str(k.flags, 'output') === 'wide', noHeaders: headersPrinted, showLabels: bool(k.flags, 'show-labels'), withNamespace: allNs && target.resource.namespaced, columnLabels: labelColumns(k) },
    );
    if (text === '') return;
    if (eventType !== undefined) {
      // The EVENT column goes first, padded as get's tabwriter pads a column within one flush.
      const lines = text.split('\n').filter((l) => l !== '');
      const cells = lines.map((_l, i) => (i === 0 && !headersPrinted ? 'EVENT' : eventType));
      const width = Math.max(6, Math.max(...cells.map((c) => c.length)) + 3);
      text = lines.map((l, i) => (cells[i] as string).padEnd(width) + l + '\n').join('');
    }
    headersPrinted = true;
    k.out(text);
  };
  const printObject = (object: unknown, eventType: string | undefined): void => {
    if (!printer) return;
    // -o json|yaml wrap the object in a WatchEvent; UNVERIFIED: -o name keeps printing plain names.
    const value = eventType !== undefined && (str(k.flags, 'output') ?? '') !== 'name' ? { type: eventType, object } : object;
    const isYaml = (str(k.flags, 'output') ?? '') === 'yaml';
    try {
      const text = printer(value);
      if (isYaml && printed > 0) k.out('---\n');
      printed++;
      k.out(text);
    } catch (e) {
      if (e instanceof PrintError) k.err(e.message);
      else throw e;
    }
  };

  let resourceVersion: string;
  let columns: TableResponse | undefined;
  if (!printer) {
    const r = conn.client.raw({ method: 'GET', path: pathOf(base, name), query: name === undefined ? { ...query, limit: '500' } : {}, accept: TABLE_ACCEPT });
    if (r.status >= 300) {
      k.err(statusLine(r.body as never) + '\n');
      return 1;
    }
    const table = r.body as TableResponse;
    columns = table;
    resourceVersion = String(table.metadata?.resourceVersion ?? '');
    if (name !== undefined) resourceVersion = rowResourceVersion(table) ?? resourceVersion;
    if (!watchOnly) printRows(table, events ? 'ADDED' : undefined);
    else printRows({ ...table, rows: [] }, undefined);
  } else {
    const r = name === undefined ? conn.client.list(base, { ...query, limit: '500' }) : conn.client.get({ ...base, name });
    if (!r.ok) {
      k.err(statusLine(r.status) + '\n');
      return 1;
    }
    const value = r.value as unknown;
    const items: KubeObject[] = isRecord(value) && Array.isArray(value.items) ? (value.items as KubeObject[]) : [value as KubeObject];
    const listMeta = isRecord(value) && isRecord(value.metadata) ? value.metadata : {};
    resourceVersion = typeof listMeta.resourceVersion === 'string' ? listMeta.resourceVersion : '';
    if (!watchOnly) for (const item of items) printObject({ ...item, apiVersion: item.apiVersion || apiVersion(target), kind: item.kind || target.resource.kind }, events ? 'ADDED' : undefined);
  }

  return {
    wait() {
      const watchQuery: Record<string, string> = { ...query, resourceVersion, allowWatchBookmarks: 'true' };
      if (name !== undefined) watchQuery.fieldSelector = `metadata.name=${name}`;
      const onEvent = (event: WatchEvent): void => {
        if (event.type === 'BOOKMARK' || event.type === 'ERROR') return;
        if (!printer) {
          const table = event.object as unknown as TableResponse;
          printRows({ ...table, columnDefinitions: columns?.columnDefinitions ?? table.columnDefinitions }, events ? event.type : undefined);
        } else printObject(event.object, events ? event.type : undefined);
      };
      const ref = { group: base.group, version: base.version, resource: base.resource, namespace: base.namespace };
      // Runs until Ctrl-C: the returned function stops the watch.
      return printer ? conn.client.watch(ref, watchQuery, onEvent) : conn.client.watchAs(ref, watchQuery, TABLE_ACCEPT, onEvent);
    },
  };
}

function rowResourceVersion(table: TableResponse): string | undefined {
  const object = table.rows[0]?.object;
  if (isRecord(object) && isRecord(object.metadata) && typeof object.metadata.resourceVersion === 'string') return object.metadata.resourceVersion;
  return undefined;
}

function apiVersion(t: Request): string {
  return t.resource.group === '' ? t.resource.version : `${t.resource.group}/${t.resource.version}`;
}
