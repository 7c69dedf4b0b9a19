/**
 * `-o custom-columns=NAME:.metadata.name,IMAGE:.spec.containers[*].image` and
 * `-o custom-columns-file=FILE` (cmd/get/customcolumn.go): one column per `HEADER:jsonpath`, each
 * cell the results joined by commas (`<none>` when there are none), laid out by get's tabwriter.
 */
import { isRecord } from '../../api/meta';
import { goSprint } from './go-format';
import { JsonPath, JsonPathError, relaxedJsonPath } from './jsonpath';
import { alignColumns } from './table-printer';
import { escapeTerminal } from './tabwriter';

export interface CustomColumn {
  header: string;
  path: JsonPath;
}

/** Parses the inline spec; throws JsonPathError with kubectl's message. */
export function parseCustomColumns(spec: string): CustomColumn[] {
  if (spec === '') throw new JsonPathError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.split(':');
    if (colon.length !== 2) throw new JsonPathError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return column(colon[0] as string, colon[1] as string);
  });
}

/** The file form: a line of headers and a line of paths, split on whitespace. */
export function parseCustomColumnsFile(text: string): CustomColumn[] {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const headers = (lines[0] ?? '').trim().split(/\s+/);
  const specs = (lines[1] ?? '').trim().split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) throw new JsonPathError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  return headers.map((h, i) => column(h, specs[i] as string));
}

function column(header: string, expression: string): CustomColumn {
  const path = new JsonPath(relaxedJsonPath(expression));
  path.allowMissingKeys = true;
  return { header, path };
}

/** The rows for a list of objects (a List's items, or one object). */
export function printCustomColumns(objects: readonly unknown[], columns: readonly CustomColumn[], noHeaders: boolean): string {
  const rows: string[][] = [];
  if (!noHeaders) rows.push(columns.map((c) => c.header));
  for (const object of objects) {
    rows.push(
      columns.map((c) => {
        const results = c.path.findResults(object);
        if (results.length === 0 || (results[0] ?? []).length === 0) return '<none>';
        return results.flatMap((r) => r.map((v) => escapeTerminal(goSprint(v)))).join(',');
      }),
    );
  }
  return alignColumns(rows);
}

/** A printed object's items when it is a List, else the object alone. */
export function itemsOf(value: unknown): unknown[] {
  if (isRecord(value) && Array.isArray(value.items) && typeof value.kind === 'string' && value.kind.endsWith('List')) return value.items;
  return [value];
}
