/** The generic describer, for kinds kubectl has no dedicated describer for. */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import type { ResourceType } from '../../api/resources';
import { PrefixWriter } from '../printers/tabwriter';
import { eventSelector, writeEvents } from './format';
import type { DescribeContext } from './context';

function title(key: string): string {
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/([a-z])([A-Z])/g, '$1 $2');
}

function render(value: unknown, indent: number, out: string[]): void {
  const pad = ' '.repeat(indent);
  if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      if (isRecord(v) || Array.isArray(v)) {
        out.push(`${pad}${title(k)}:`);
        render(v, indent + 2, out);
      } else out.push(`${pad}${title(k)}:  ${String(v)}`);
    }
  } else if (Array.isArray(value)) {
    for (const item of value) {
      if (isRecord(item)) render(item, indent, out);
      else out.push(`${pad}${String(item)}`);
    }
  }
}

function mapLines(label: string, map: Record<string, string> | undefined): string[] {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return [`${label}<none>`];
  return entries.map(([k, v], i) => `${i === 0 ? label : ' '.repeat(label.length)}${k}=${v}`);
}

/** kubectl's fallback for kinds without a describer: the object's fields as indented `Key:  value` lines. */
export function describeGeneric(type: ResourceType, object: KubeObject, context: DescribeContext): string {
  const meta = object.metadata;
  const lines: string[] = [`Name:         ${String(meta.name)}`];
  if (type.namespaced) lines.push(`Namespace:    ${String(meta.namespace)}`);
  lines.push(...mapLines('Labels:       ', meta.labels));
  lines.push(...mapLines('Annotations:  ', meta.annotations));
  lines.push(`API Version:  ${object.apiVersion}`);
  lines.push(`Kind:         ${object.kind}`);
  const body: string[] = [];
  for (const [k, v] of Object.entries(object)) {
    if (['apiVersion', 'kind', 'metadata'].includes(k)) continue;
    if (isRecord(v) || Array.isArray(v)) {
      body.push(`${title(k)}:`);
      render(v, 2, body);
    } else body.push(`${title(k)}:  ${String(v)}`);
  }
  const w = new PrefixWriter();
  writeEvents(w, [...context.list('', 'events', object.metadata.namespace, { fieldSelector: eventSelector(object, true) })], context.nowMs);
  return [...lines, ...body].join('\n') + '\n' + w.toString();
}
