/** `-o yaml`, `-o json` and `-o name` as kubectl prints them. */
import { dump } from 'js-yaml';
import type { KubeObject } from '../../api/meta';

/** YAML like sigs.k8s.io/yaml: keys sorted, sequences not indented under their key, no line folding. */
export function toYaml(value: unknown): string {
  return dump(value, { sortKeys: true, seqNoIndent: true, lineWidth: -1, noRefs: true, quoteStyle: 'double' });
}

/** JSON like kubectl: 4-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, null, 4) + '\n';
}

/** Several objects print as a v1 List, one prints as itself. */
export function asListOrSingle(objects: readonly KubeObject[], single: boolean): unknown {
  if (single && objects.length === 1) return objects[0];
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}
