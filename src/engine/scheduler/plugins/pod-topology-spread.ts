/**
 * PodTopologySpread: keeps pods matching a selector evenly spread over topology domains (nodes,
 * zones, ...). Hard constraints (whenUnsatisfiable: DoNotSchedule) filter; soft ones
 * (ScheduleAnyway) score. A pod without constraints that belongs to a Service, ReplicaSet,
 * ReplicationController or StatefulSet gets the system defaults (soft: hostname maxSkew 3, zone
 * maxSkew 5), so replicas spread a little even when nobody asked.
 *
 * Caveats: `filter` counts matching pods per domain over every node that passes the pod's
 * nodeAffinityPolicy (default Honor) and nodeTaintsPolicy (default Ignore); skew = count on the
 * candidate's domain + 1 if the pod matches its own selector − the smallest domain count, where the
 * smallest count is 0 while fewer than minDomains domains exist.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { fromLabelSelector, matches, type Selector } from '../../api/labels';
import { toleratedByAny } from '../../api/taints';
import { nodeTaints, podTolerations } from '../framework/memo';
import type { NodeInfo } from '../framework/node-info';
import { MAX_NODE_SCORE, SKIP, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type Listers, type PreFilterPlugin, type ScorePlugin, type Status } from '../framework/types';
import { podMatchesNodeSelectorAndAffinity } from './node-affinity';

export const NAME = 'PodTopologySpread';
export const ERR_REASON_CONSTRAINTS_NOT_MATCH = "node(s) didn't match pod topology spread constraints";
export const ERR_REASON_NODE_LABEL_NOT_MATCH = `${ERR_REASON_CONSTRAINTS_NOT_MATCH} (missing required label)`;

const LABEL_HOSTNAME = 'kubernetes.io/hostname';
const LABEL_ZONE = 'topology.kubernetes.io/zone';
const PRE_FILTER_KEY = 'PreFilterPodTopologySpread';
const PRE_SCORE_KEY = 'PreScorePodTopologySpread';

/** The system default constraints (config.v1 systemDefaultConstraints), all ScheduleAnyway. */
export const SYSTEM_DEFAULT_CONSTRAINTS = [
  { topologyKey: LABEL_HOSTNAME, maxSkew: 3 },
  { topologyKey: LABEL_ZONE, maxSkew: 5 },
] as const;

export interface SpreadConstraint {
  maxSkew: number;
  topologyKey: string;
  /** undefined = the selector matches nothing (a nil labelSelector). */
  selector: Selector | undefined;
  minDomains: number;
  nodeAffinityPolicy: 'Honor' | 'Ignore';
  nodeTaintsPolicy: 'Honor' | 'Ignore';
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** metav1.LabelSelectorAsSelector: nil matches nothing, {} matches everything. */
export function selectorOf(value: unknown): Selector | undefined {
  if (!isRecord(value)) return undefined;
  return fromLabelSelector(value);
}

export function selectorMatches(selector: Selector | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  return selector !== undefined && matches(selector, labels);
}

/** The pod's constraints with the given whenUnsatisfiable, with matchLabelKeys merged into the selector. */
export function podConstraints(pod: KubeObject, action: 'DoNotSchedule' | 'ScheduleAnyway'): SpreadConstraint[] {
  const labels = pod.metadata.labels ?? {};
  const out: SpreadConstraint[] = [];
  for (const c of list(rec(pod.spec).topologySpreadConstraints)) {
    if ((text(c.whenUnsatisfiable) || 'DoNotSchedule') !== action) continue;
    let selector = selectorOf(c.labelSelector);
    const keys = Array.isArray(c.matchLabelKeys) ? c.matchLabelKeys.map(text) : [];
    // matchLabelKeys: each key the pod has adds `key in (value)` (kube-scheduler merges them when the
    // apiserver has not already done so).
    if (selector !== undefined) for (const key of keys) if (Object.prototype.hasOwnProperty.call(labels, key)) selector = [...selector, { key, operator: 'in', values: [labels[key] ?? ''] }];
    out.push({
      maxSkew: typeof c.maxSkew === 'number' ? c.maxSkew : 1,
      topologyKey: text(c.topologyKey),
      selector,
      minDomains: typeof c.minDomains === 'number' ? c.minDomains : 1,
      nodeAffinityPolicy: c.nodeAffinityPolicy === 'Ignore' ? 'Ignore' : 'Honor',
      nodeTaintsPolicy: c.nodeTaintsPolicy === 'Honor' ? 'Honor' : 'Ignore',
    });
  }
  return out;
}

/**
 * helper.DefaultSelector: the union of the selectors of Services, ReplicationControllers,
 * ReplicaSets and StatefulSets in the pod's namespace that select it; undefined when none does.
 */
export function defaultSelector(pod: KubeObject, listers: Listers): Selector | undefined {
  const ns = text(pod.metadata.namespace);
  const labels = pod.metadata.labels ?? {};
  const out: Selector[number][] = [];
  const seen = new Set<string>();
  const add = (sel: Selector) => {
    for (const r of sel) {
      const key = `${r.key}\u0000${r.operator}\u0000${r.values.join(',')}`;
      if (!seen.has(key)) {
        seen.add(key);
        out.push(r);
      }
    }
  };
  for (const kind of ['services', 'replicationcontrollers'] as const) {
    for (const o of listers.inNamespace(kind, ns)) {
      const sel = rec(rec(o.spec).selector);
      const entries = Object.entries(sel).map(([key, value]) => ({ key, operator: '=' as const, values: [text(value)] }));
      if (entries.length && matches(entries, labels)) add(entries);
    }
  }
  for (const kind of ['replicasets', 'statefulsets'] as const) {
    for (const o of listers.inNamespace(kind, ns)) {
      const sel = selectorOf(rec(o.spec).selector);
      if (sel && sel.length && matches(sel, labels)) add(sel);
    }
  }
  return out.length ? out : undefined;
}

/** Whether a node counts toward a constraint's domains (nodeAffinityPolicy / nodeTaintsPolicy). */
function nodeIncluded(pod: KubeObject, node: NodeInfo, c: SpreadConstraint): boolean {
  if (c.nodeAffinityPolicy === 'Honor' && !podMatchesNodeSelectorAndAffinity(pod, node.node)) return false;
  if (c.nodeTaintsPolicy === 'Honor') {
    const tolerations = podTolerations(pod);
    const taints = nodeTaints(node.node).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    if (taints.some((t) => !toleratedByAny(tolerations, t))) return false;
  }
  return true;
}

/** countPodsMatchSelector: pods in the namespace matching the selector, terminating ones excluded. */
export function countMatching(pods: readonly KubeObject[], selector: Selector | undefined, namespace: string): number {
  if (selector === undefined) return 0;
  let n = 0;
  for (const p of pods) if (!p.metadata.deletionTimestamp && p.metadata.namespace === namespace && matches(selector, p.metadata.labels)) n++;
  return n;
}

function hasAllKeys(node: NodeInfo, constraints: readonly SpreadConstraint[]): boolean {
  const labels = node.labels;
  return constraints.every((c) => Object.prototype.hasOwnProperty.call(labels, c.topologyKey));
}

interface PreFilterState {
  constraints: SpreadConstraint[];
  /** Per constraint: topology value → matching pods. */
  counts: Map<string, number>[];
  /** Per constraint: the smallest count over its domains. */
  minCounts: number[];
}

interface PreScoreState {
  constraints: SpreadConstraint[];
  ignored: Set<string>;
  counts: Map<string, number>[];
  weights: number[];
}

/** Built with the listers it needs for the system default constraints. */
export function podTopologySpread(listers: Listers) {
  const plugin = {
    name: NAME,

    preFilter(state: CycleState, pod: KubeObject, nodes: readonly NodeInfo[]): Status {
      // System defaults are all ScheduleAnyway, so only the pod's own hard constraints filter.
      const constraints = podConstraints(pod, 'DoNotSchedule');
      if (constraints.length === 0) return SKIP;
      const ns = text(pod.metadata.namespace);
      const counts = constraints.map(() => new Map<string, number>());
      for (const node of nodes) {
        if (!hasAllKeys(node, constraints)) continue;
        constraints.forEach((c, i) => {
          if (!nodeIncluded(pod, node, c)) return;
          const value = node.labels[c.topologyKey] ?? '';
          const m = counts[i] as Map<string, number>;
          m.set(value, (m.get(value) ?? 0) + countMatching(node.podsIn(ns), c.selector, ns));
        });
      }
      const minCounts = counts.map((m) => (m.size ? Math.min(...m.values()) : Number.MAX_SAFE_INTEGER));
      state.write(PRE_FILTER_KEY, { constraints, counts, minCounts } satisfies PreFilterState);
      return SUCCESS;
    },

    filter(state: CycleState, pod: KubeObject, node: NodeInfo): Status {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (!s) return SUCCESS;
      const labels = node.labels;
      for (let i = 0; i < s.constraints.length; i++) {
        const c = s.constraints[i] as SpreadConstraint;
        if (!Object.prototype.hasOwnProperty.call(labels, c.topologyKey)) return unschedulable(ERR_REASON_NODE_LABEL_NOT_MATCH, false);
        const counts = s.counts[i] as Map<string, number>;
        const minMatch = counts.size < c.minDomains ? 0 : (s.minCounts[i] ?? 0);
        const self = selectorMatches(c.selector, pod.metadata.labels) ? 1 : 0;
        const skew = (counts.get(labels[c.topologyKey] ?? '') ?? 0) + self - minMatch;
        if (skew > c.maxSkew) return unschedulable(ERR_REASON_CONSTRAINTS_NOT_MATCH);
      }
      return SUCCESS;
    },

    preScore(state: CycleState, pod: KubeObject, feasible: readonly NodeInfo[]): Status {
      const own = rec(pod.spec).topologySpreadConstraints;
      const hasOwn = Array.isArray(own) && own.length > 0;
      let constraints: SpreadConstraint[];
      if (hasOwn) constraints = podConstraints(pod, 'ScheduleAnyway');
      else {
        const selector = defaultSelector(pod, listers);
        constraints = selector ? SYSTEM_DEFAULT_CONSTRAINTS.map((d) => ({ maxSkew: d.maxSkew, topologyKey: d.topologyKey, selector, minDomains: 1, nodeAffinityPolicy: 'Honor' as const, nodeTaintsPolicy: 'Ignore' as const })) : [];
      }
      if (constraints.length === 0) return SKIP;
      // Only the pod's own constraints require every topology key; the defaults let nodes without a
      // zone label still spread by hostname.
      const requireAll = hasOwn;
      const ignored = new Set<string>();
      const counts = constraints.map(() => new Map<string, number>());
      const sizes = constraints.map(() => 0);
      for (const node of feasible) {
        if (requireAll && !hasAllKeys(node, constraints)) {
          ignored.add(node.name);
          continue;
        }
        constraints.forEach((c, i) => {
          if (c.topologyKey === LABEL_HOSTNAME) return;
          // A node without the key (allowed for the defaults) forms the domain "", as upstream.
          const value = node.labels[c.topologyKey] ?? '';
          const m = counts[i] as Map<string, number>;
          if (!m.has(value)) {
            m.set(value, 0);
            sizes[i] = (sizes[i] ?? 0) + 1;
          }
        });
      }
      const ns = text(pod.metadata.namespace);
      for (const node of listers.nodes()) {
        if (requireAll && !hasAllKeys(node, constraints)) continue;
        constraints.forEach((c, i) => {
          if (!nodeIncluded(pod, node, c)) return;
          if (c.topologyKey === LABEL_HOSTNAME) return;
          const m = counts[i] as Map<string, number>;
          const value = node.labels[c.topologyKey] ?? '';
          if (!m.has(value)) return;
          m.set(value, (m.get(value) ?? 0) + countMatching(node.podsIn(ns), c.selector, ns));
        });
      }
      const weights = constraints.map((c, i) => Math.log((c.topologyKey === LABEL_HOSTNAME ? feasible.length - ignored.size : (sizes[i] ?? 0)) + 2));
      state.write(PRE_SCORE_KEY, { constraints, ignored, counts, weights } satisfies PreScoreState);
      return SUCCESS;
    },

    score(state: CycleState, pod: KubeObject, node: NodeInfo): number {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (!s || s.ignored.has(node.name)) return 0;
      let score = 0;
      const ns = text(pod.metadata.namespace);
      s.constraints.forEach((c, i) => {
        if (!Object.prototype.hasOwnProperty.call(node.labels, c.topologyKey)) return;
        const count = c.topologyKey === LABEL_HOSTNAME ? countMatching(node.podsIn(ns), c.selector, ns) : ((s.counts[i] as Map<string, number>).get(node.labels[c.topologyKey] ?? '') ?? 0);
        score += count * (s.weights[i] ?? 0) + (c.maxSkew - 1);
      });
      return Math.round(score);
    },

    normalizeScores(state: CycleState, _pod: KubeObject, scores: { name: string; score: number }[]): void {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (!s) return;
      let min = Number.MAX_SAFE_INTEGER;
      let max = 0;
      for (const x of scores) {
        if (s.ignored.has(x.name)) continue;
        min = Math.min(min, x.score);
        max = Math.max(max, x.score);
      }
      for (const x of scores) {
        if (s.ignored.has(x.name)) x.score = 0;
        else if (max === 0) x.score = MAX_NODE_SCORE;
        else x.score = Math.trunc((MAX_NODE_SCORE * (max + min - x.score)) / max);
      }
    },
  };
  return plugin satisfies PreFilterPlugin & FilterPlugin & ScorePlugin;
}

