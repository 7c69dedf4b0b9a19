/**
 * A metav1.LabelSelector as Go's `%v` prints it (the generated String() method), which is how it
 * appears in the disruption controller's UnmanagedPods event:
 * `&LabelSelector{MatchLabels:map[string]string{app: web,},MatchExpressions:[]LabelSelectorRequirement{},}`.
 */
import { isRecord, text } from '../../api/meta';

export function formatLabelSelectorStruct(selector: unknown): string {
  if (!isRecord(selector)) return 'nil';
  const labels = isRecord(selector.matchLabels) ? selector.matchLabels : {};
  const labelText = Object.keys(labels)
    .sort()
    .map((k) => `${k}: ${String(labels[k])},`)
    .join('');
  const expressions = (Array.isArray(selector.matchExpressions) ? selector.matchExpressions : []).filter(isRecord).map((e) => {
    const values = Array.isArray(e.values) ? e.values.map(String).join(' ') : '';
    return `LabelSelectorRequirement{Key:${text(e.key)},Operator:${text(e.operator)},Values:[${values}],},`;
  });
  return `&LabelSelector{MatchLabels:map[string]string{${labelText}},MatchExpressions:[]LabelSelectorRequirement{${expressions.join('')}},}`;
}
