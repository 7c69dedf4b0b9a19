/** `kubectl describe` for Roles, ClusterRoles, their bindings, and PriorityClasses. */
import type { KubeObject } from '../../api/meta';
import { compareGoStrings } from '../printers/go-format';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { goList, rec, recs, searchEvents, str, stringMap, strs, writeAnnotations, writeEvents, writeLabels } from './format';
import { formatLabels } from './shared';

interface Rule {
  verbs: string[];
  apiGroups: string[];
  resources: string[];
  resourceNames: string[];
  nonResourceURLs: string[];
}

/** rbac.BreakdownRule: one rule per group, resource, verb and resource name; one per URL and verb. */
function breakdown(rule: Record<string, unknown>): Rule[] {
  const verbs = strs(rule.verbs);
  const names = strs(rule.resourceNames);
  const out: Rule[] = [];
  for (const group of strs(rule.apiGroups)) {
    for (const resource of strs(rule.resources)) {
      for (const verb of verbs) {
        if (names.length > 0) for (const n of names) out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [n], nonResourceURLs: [] });
        else out.push({ verbs: [verb], apiGroups: [group], resources: [resource], resourceNames: [], nonResourceURLs: [] });
      }
    }
  }
  for (const url of strs(rule.nonResourceURLs)) for (const verb of verbs) out.push({ verbs: [verb], apiGroups: [], resources: [], resourceNames: [], nonResourceURLs: [url] });
  return out;
}

/** rbac.CompactRules: single group/resource rules that differ only by verb are merged. */
function compact(rules: readonly Rule[]): Rule[] {
  const out: Rule[] = [];
  const simple = new Map<string, Rule>();
  for (const rule of rules) {
    const isSimple = rule.resourceNames.length <= 1 && rule.nonResourceURLs.length === 0 && rule.apiGroups.length === 1 && rule.resources.length === 1;
    if (!isSimple) {
      out.push(rule);
      continue;
    }
    const key = JSON.stringify([rule.apiGroups[0], rule.resources[0], rule.resourceNames[0] ?? null]);
    const existing = simple.get(key);
    if (existing) {
      for (const verb of rule.verbs) if (!existing.verbs.includes(verb)) existing.verbs.push(verb);
    } else {
      simple.set(key, { ...rule, verbs: [...rule.verbs] });
    }
  }
  return [...out, ...simple.values()];
}

/** The generated PolicyRule.String(), which SortableRuleSlice orders by. */
function ruleString(r: Rule): string {
  return `&PolicyRule{Verbs:${goList(r.verbs)},APIGroups:${goList(r.apiGroups)},Resources:${goList(r.resources)},ResourceNames:${goList(r.resourceNames)},NonResourceURLs:${goList(r.nonResourceURLs)},}`;
}

/** CombineResourceGroup: `deployments.apps`, `pods/log`, '' for non-resource rules. */
function resourceGroup(r: Rule): string {
  const first = r.resources[0];
  if (first === undefined) return '';
  const slash = first.indexOf('/');
  let text = slash < 0 ? first : first.slice(0, slash);
  const group = r.apiGroups[0];
  if (group !== undefined && group !== '') text += `.${group}`;
  if (slash >= 0) text += `/${first.slice(slash + 1)}`;
  return text;
}

/** Role and ClusterRole: the policy rules, broken down, compacted and sorted. */
export function describeRole(role: KubeObject): string {
  const w = new PrefixWriter();
  const rules = compact(recs(role.rules).flatMap(breakdown))
    .map((r, i) => ({ r, s: ruleString(r), i }))
    .sort((a, b) => compareGoStrings(a.s, b.s) || a.i - b.i)
    .map(({ r }) => r);
  w.write(0, `Name:\t${str(role.metadata.name)}\n`);
  writeLabels(w, 'Labels', role.metadata.labels);
  writeAnnotations(w, 'Annotations', role.metadata.annotations);
  w.write(0, 'PolicyRule:\n');
  w.write(1, 'Resources\tNon-Resource URLs\tResource Names\tVerbs\n');
  w.write(1, '---------\t-----------------\t--------------\t-----\n');
  for (const r of rules) w.write(1, `${resourceGroup(r)}\t${goList(r.nonResourceURLs)}\t${goList(r.resourceNames)}\t${goList(r.verbs)}\n`);
  return w.toString();
}

/** RoleBinding and ClusterRoleBinding: the role reference and the subjects. */
export function describeRoleBinding(binding: KubeObject): string {
  const w = new PrefixWriter();
  const ref = rec(binding.roleRef);
  w.write(0, `Name:\t${str(binding.metadata.name)}\n`);
  writeLabels(w, 'Labels', binding.metadata.labels);
  writeAnnotations(w, 'Annotations', binding.metadata.annotations);
  w.write(0, 'Role:\n');
  w.write(1, `Kind:\t${str(ref.kind)}\n`);
  w.write(1, `Name:\t${str(ref.name)}\n`);
  w.write(0, 'Subjects:\n');
  w.write(1, 'Kind\tName\tNamespace\n');
  w.write(1, '----\t----\t---------\n');
  for (const s of recs(binding.subjects)) w.write(1, `${str(s.kind)}\t${str(s.name)}\t${str(s.namespace)}\n`);
  return w.toString();
}

export function describePriorityClass(pc: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${str(pc.metadata.name)}\n`);
  w.write(0, `Value:\t${typeof pc.value === 'number' ? Math.trunc(pc.value) : 0}\n`);
  w.write(0, `GlobalDefault:\t${pc.globalDefault === true}\n`);
  w.write(0, `PreemptionPolicy:\t${str(pc.preemptionPolicy)}\n`);
  w.write(0, `Description:\t${str(pc.description)}\n`);
  w.write(0, `Annotations:\t${formatLabels(stringMap(pc.metadata.annotations))}\n`);
  writeEvents(w, searchEvents(context, pc), context.nowMs);
  return w.toString();
}
