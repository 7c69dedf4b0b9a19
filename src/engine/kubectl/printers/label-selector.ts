/**
 * metav1.LabelSelector in its string forms: LabelSelectorAsSelector(...).String() and
 * FormatLabelSelector, shared by server-side printing and describe.
 */
import { isRecord } from '../../api/meta';
import { compareGoStrings } from './go-format';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function arr(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function validLabelKey(key: string): boolean {
  const slash = key.indexOf('/');
  const prefix = slash < 0 ? undefined : key.slice(0, slash);
  const rest = slash < 0 ? key : key.slice(slash + 1);
  if (prefix !== undefined && (prefix === '' || prefix.length > 253 || !DNS_SUBDOMAIN.test(prefix))) return false;
  return rest !== '' && rest.length <= 63 && LABEL_NAME.test(rest);
}

function validLabelValue(value: string): boolean {
  return value === '' || (value.length <= 63 && LABEL_NAME.test(value));
}

/**
 * metav1.LabelSelectorAsSelector(...).String(): requirements sorted by key (`a=b,c in (x,y),!d`);
 * '' for a nil or empty selector; undefined when the selector is invalid.
 */
export function labelSelectorString(selector: unknown): string | undefined {
  if (!isRecord(selector)) return '';
  const reqs: [string, string][] = [];
  for (const [key, value] of Object.entries(rec(selector.matchLabels))) {
    if (typeof value !== 'string' || !validLabelKey(key) || !validLabelValue(value)) return undefined;
    reqs.push([key, `${key}=${value}`]);
  }
  for (const e of arr(selector.matchExpressions)) {
    const key = str(e.key);
    const values = strings(e.values);
    if (!validLabelKey(key) || !values.every(validLabelValue)) return undefined;
    switch (e.operator) {
      case 'In':
      case 'NotIn':
        if (values.length === 0) return undefined;
        reqs.push([key, `${key} ${e.operator === 'In' ? 'in' : 'notin'} (${[...values].sort(compareGoStrings).join(',')})`]);
        break;
      case 'Exists':
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        reqs.push([key, e.operator === 'Exists' ? key : `!${key}`]);
        break;
      default:
        return undefined;
    }
  }
  // sort.Sort(ByKey) is an insertion sort at these sizes, hence stable.
  return reqs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => compareGoStrings(a.r[0], b.r[0]) || a.i - b.i)
    .map(({ r }) => r[1])
    .join(',');
}

/** metav1.FormatLabelSelector: the selector string, `<none>` when it selects everything or nothing, `<error>` when invalid. */
export function formatLabelSelector(selector: unknown): string {
  const s = labelSelectorString(selector);
  if (s === undefined) return '<error>';
  return s === '' ? '<none>' : s;
}
