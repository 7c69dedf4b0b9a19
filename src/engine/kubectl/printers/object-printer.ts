/** `-o yaml`, `-o json` and `-o name` as kubectl prints them. */
import { dump } from 'js-yaml';
import type { KubeObject } from '../../api/meta';
import { goJson } from './jsonpath';

/**
 * YAML like sigs.k8s.io/yaml (go-yaml v2): keys sorted, sequences not indented under their key, no
 * line folding. go-yaml double-quotes strings that would read back as another type (`"1"`,
 * `"true"`, `"yes"`, `""`) and single-quotes the other strings that cannot be plain (a cron schedule, say).
 */
export function toYaml(value: unknown): string {
  const text = dump(value, { sortKeys: true, seqNoIndent: true, lineWidth: -1, noRefs: true });
  return text.replace(/(^|[ \t]|- )'((?:[^'\n]|'')*)'(?=:( |$)|$)/gm, (all, lead: string, inner: string) => {
    const raw = inner.replace(/''/g, "'");
    return resolvesAsNonString(raw) ? `${lead}${JSON.stringify(raw)}` : all;
  });
}

/** go-yaml v2's resolve: would this plain scalar read back as something other than a string? */
function resolvesAsNonString(s: string): boolean {
  if (s === '' || s === '~' || /^(null|Null|NULL)$/.test(s)) return true;
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/.test(s)) return true;
  if (/^[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0[0-7_]+|[0-9][0-9_]*)$/.test(s)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return true;
  // Timestamps (go-yaml's parseTimestamp formats): `2025-09-01`, `2025-09-01T09:00:00Z`.
  if (/^\d{4}-\d{1,2}-\d{1,2}(([Tt]|[ \t]+)\d{1,2}:\d{1,2}:\d{1,2}(\.\d*)?([ \t]*(Z|[-+]\d{1,2}(:\d{2})?))?)?$/.test(s)) return true;
  if (/^[-+]?\.(inf|Inf|INF)$/.test(s) || /^\.(nan|NaN|NAN)$/.test(s)) return true;
  return /^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(s);
}

/** JSON like kubectl (json.MarshalIndent of an unstructured map): keys sorted, 4-space indent, trailing newline. */
export function toJson(value: unknown): string {
  return goJson(value, '    ') + '\n';
}

/** Several objects print as a v1 List, one prints as itself. */
export function asListOrSingle(objects: readonly KubeObject[], single: boolean): unknown {
  if (single && objects.length === 1) return objects[0];
  return { apiVersion: 'v1', items: objects, kind: 'List', metadata: { resourceVersion: '' } };
}
