/**
 * kubectl's generic describer, used for every kind without a dedicated one (custom resources,
 * Leases, ControllerRevisions, ...): name, namespace, labels and annotations, then every field of
 * the object in sorted order as `Smart Label:  value`, nested two spaces per level, then events.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { goSortStrings, goSprint } from '../printers/go-format';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { searchEvents, str, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './format';

const SKIPPED = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);
const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

type CharClass = 'lower' | 'upper' | 'digit' | 'other';

function charClass(ch: string): CharClass {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/** fatih/camelcase.Split: runs of one character class; an upper run gives its last letter to a following lower run. */
export function camelSplit(text: string): string[] {
  const runs: string[][] = [];
  let last: CharClass | undefined;
  for (const ch of text) {
    const cls = charClass(ch);
    if (cls === last && runs.length > 0) (runs[runs.length - 1] as string[]).push(ch);
    else runs.push([ch]);
    last = cls;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    const run = runs[i] as string[];
    const next = runs[i + 1] as string[];
    if (charClass(run[0] ?? '') === 'upper' && charClass(next[0] ?? '') === 'lower') {
      next.unshift(run.pop() ?? '');
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `apiVersion` → `API Version`, `creationTimestamp` → `Creation Timestamp`; fields with other characters as they are. */
export function smartLabel(field: string): string {
  if ([...field].some((ch) => !/\p{L}/u.test(ch) && ch !== '-')) return field;
  return camelSplit(field)
    .filter((part) => part !== '_')
    .map((part) => (ACRONYMS.has(part.toUpperCase()) ? part.toUpperCase() : part.charAt(0).toUpperCase() + part.slice(1)))
    .join(' ');
}

/** printUnstructuredContent: maps and lists open a nested block; scalars print with `%v`. */
function writeContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of goSortStrings(Object.keys(content))) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIPPED.has(path)) continue;
    if (isRecord(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      writeContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isRecord(child)) writeContent(w, level + 1, child, path);
        else w.write(level + 1, `${goSprint(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goSprint(value)}\n`);
    }
  }
}

export function describeGeneric(object: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(object.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(object.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', object.metadata.labels);
  writeAnnotations(w, 'Annotations', object.metadata.annotations);
  writeContent(w, 0, object, '');
  writeEvents(w, searchEvents(context, object), context.nowMs);
  return w.toString();
}
