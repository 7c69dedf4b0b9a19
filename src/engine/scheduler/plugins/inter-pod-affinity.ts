/**
 * InterPodAffinity: places pods relative to other pods. Required pod affinity needs a matching pod
 * in the node's topology domain; required anti-affinity needs none there; and an existing pod's
 * required anti-affinity keeps matching pods out of its domain too (symmetry). Preferred terms (and
 * existing pods' terms about the incoming pod) add or subtract their weights per domain for scoring.
 *
 * Caveats: a term's namespaces are its `namespaces` list plus those its `namespaceSelector` selects;
 * with neither, the pod's own namespace. A nil labelSelector matches no pod. When no pod anywhere
 * matches the required affinity terms, the pod may still go where the topology keys exist if it
 * matches its own terms (so the first replica of a self-affine group can start).
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { matches, type Selector } from '../../api/labels';
import type { NodeInfo } from '../framework/node-info';
import { SKIP, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type Listers, type PreFilterPlugin, type ScorePlugin, type Status } from '../framework/types';
import { selectorOf } from './pod-topology-spread';

export const NAME = 'InterPodAffinity';
export const ERR_REASON_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod affinity rules";
export const ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't match pod anti-affinity rules";
export const ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH = "node(s) didn't satisfy existing pods anti-affinity rules";
/** hardPodAffinityWeight (InterPodAffinityArgs default): existing pods' required affinity, as a preference. */
export const HARD_POD_AFFINITY_WEIGHT = 1;

const PRE_FILTER_KEY = 'PreFilterInterPodAffinity';
const PRE_SCORE_KEY = 'PreScoreInterPodAffinity';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** A PodAffinityTerm resolved against the pod that carries it. */
export interface AffinityTerm {
  topologyKey: string;
  selector: Selector | undefined;
  namespaces: ReadonlySet<string>;
  /** undefined: no namespaceSelector; [] (empty selector): every namespace. */
  namespaceSelector: Selector | undefined;
}

interface WeightedTerm {
  term: AffinityTerm;
  weight: number;
}

function toTerm(raw: Record<string, unknown>, owner: KubeObject): AffinityTerm {
  const namespaces = new Set(Array.isArray(raw.namespaces) ? raw.namespaces.map(text) : []);
  const namespaceSelector = selectorOf(raw.namespaceSelector);
  if (namespaces.size === 0 && namespaceSelector === undefined) namespaces.add(text(owner.metadata.namespace));
  return { topologyKey: text(raw.topologyKey), selector: selectorOf(raw.labelSelector), namespaces, namespaceSelector };
}

interface PodTerms {
  requiredAffinity: readonly AffinityTerm[];
  requiredAnti: readonly AffinityTerm[];
  preferredAffinity: readonly WeightedTerm[];
  preferredAnti: readonly WeightedTerm[];
}

// Pods are frozen values shared by every reader, so a pod object's terms never change: parse them
// once, not in every scheduling cycle that looks at the pod.
const termsMemo = new WeakMap<KubeObject, PodTerms>();

function termsOf(pod: KubeObject): PodTerms {
  let terms = termsMemo.get(pod);
  if (!terms) {
    const affinity = rec(rec(pod.spec).affinity);
    const required = (kind: string) => list(rec(affinity[kind]).requiredDuringSchedulingIgnoredDuringExecution).map((t) => toTerm(t, pod));
    const preferred = (kind: string) => list(rec(affinity[kind]).preferredDuringSchedulingIgnoredDuringExecution).map((t) => ({ term: toTerm(rec(t.podAffinityTerm), pod), weight: typeof t.weight === 'number' ? t.weight : 0 }));
    terms = { requiredAffinity: required('podAffinity'), requiredAnti: required('podAntiAffinity'), preferredAffinity: preferred('podAffinity'), preferredAnti: preferred('podAntiAffinity') };
    termsMemo.set(pod, terms);
  }
  return terms;
}

/**
 * The namespaces whose pods any of these terms could match, or undefined when a namespaceSelector
 * among them may match any namespace.
 */
function termNamespaces(terms: readonly AffinityTerm[]): string[] | undefined {
  if (terms.some((t) => t.namespaceSelector !== undefined)) return undefined;
  const namespaces = new Set<string>();
  for (const t of terms) for (const ns of t.namespaces) namespaces.add(ns);
  return [...namespaces];
}

/** The node's pods in those namespaces (all of them for undefined); a term never matches a pod outside its namespaces. */
function podsIn(node: NodeInfo, namespaces: readonly string[] | undefined): readonly KubeObject[] {
  if (namespaces === undefined) return node.pods;
  if (namespaces.length === 1) return node.podsIn(namespaces[0] as string);
  return namespaces.flatMap((ns) => node.podsIn(ns));
}

/** AffinityTerm.Matches: the pod is in one of the term's namespaces and its labels match. */
export function termMatches(term: AffinityTerm, pod: KubeObject, listers: Listers): boolean {
  const ns = text(pod.metadata.namespace);
  let inNamespace = term.namespaces.has(ns);
  if (!inNamespace && term.namespaceSelector !== undefined) {
    const nsObject = listers.namespace(ns);
    inNamespace = term.namespaceSelector.length === 0 || (nsObject !== undefined && matches(term.namespaceSelector, nsObject.metadata.labels));
  }
  return inNamespace && term.selector !== undefined && matches(term.selector, pod.metadata.labels);
}

/** Counts per topology pair: topology key → label value → count. */
type TopologyCounts = Map<string, Map<string, number>>;

function bump(counts: TopologyCounts, node: NodeInfo, key: string, by: number): void {
  const labels = node.labels;
  if (!Object.prototype.hasOwnProperty.call(labels, key)) return;
  const value = labels[key] ?? '';
  let byValue = counts.get(key);
  if (!byValue) counts.set(key, (byValue = new Map<string, number>()));
  byValue.set(value, (byValue.get(value) ?? 0) + by);
}

function countOn(counts: TopologyCounts, node: NodeInfo, key: string): number | undefined {
  const labels = node.labels;
  if (!Object.prototype.hasOwnProperty.call(labels, key)) return undefined;
  return counts.get(key)?.get(labels[key] ?? '') ?? 0;
}

/** The sum of the counts of every topology pair the node's labels carry. */
function sumOn(counts: TopologyCounts, node: NodeInfo): number {
  let sum = 0;
  for (const key of counts.keys()) sum += countOn(counts, node, key) ?? 0;
  return sum;
}

interface PreFilterState {
  affinity: readonly AffinityTerm[];
  antiAffinity: readonly AffinityTerm[];
  existingAntiAffinityCounts: TopologyCounts;
  affinityCounts: TopologyCounts;
  antiAffinityCounts: TopologyCounts;
}

interface PreScoreState {
  topologyScore: TopologyCounts;
}

export function interPodAffinity(listers: Listers) {
  const plugin = {
    name: NAME,

    preFilter(state: CycleState, pod: KubeObject, nodes: readonly NodeInfo[]): Status {
      const { requiredAffinity: affinity, requiredAnti: antiAffinity } = termsOf(pod);
      const ownTerms = [...affinity, ...antiAffinity];
      const namespaces = termNamespaces(ownTerms);
      const existingAntiAffinityCounts: TopologyCounts = new Map();
      const affinityCounts: TopologyCounts = new Map();
      const antiAffinityCounts: TopologyCounts = new Map();
      let anyExistingAnti = false;
      // With no terms of its own, only nodes holding pods with required anti-affinity can matter
      // (when `nodes` is the cache's own list: preemption passes one with a node's pods changed).
      const onlyAnti = ownTerms.length === 0 && nodes === listers.nodes() ? listers.nodesWithPodsWithRequiredAntiAffinity?.() : undefined;
      const scanned = onlyAnti ?? nodes;
      for (const node of scanned) {
        // Existing pods' required anti-affinity terms that the incoming pod matches.
        for (const existing of node.podsWithRequiredAntiAffinity) {
          anyExistingAnti = true;
          for (const term of termsOf(existing).requiredAnti) if (termMatches(term, pod, listers)) bump(existingAntiAffinityCounts, node, term.topologyKey, 1);
        }
        if (ownTerms.length === 0) continue;
        for (const existing of podsIn(node, namespaces)) {
          // Affinity counts a pod only where it matches every required term (all terms, one pod).
          if (affinity.length && affinity.every((t) => termMatches(t, existing, listers))) for (const t of affinity) bump(affinityCounts, node, t.topologyKey, 1);
          for (const t of antiAffinity) if (termMatches(t, existing, listers)) bump(antiAffinityCounts, node, t.topologyKey, 1);
        }
      }
      if (affinity.length === 0 && antiAffinity.length === 0 && !anyExistingAnti) return SKIP;
      state.write(PRE_FILTER_KEY, { affinity, antiAffinity, existingAntiAffinityCounts, affinityCounts, antiAffinityCounts } satisfies PreFilterState);
      return SUCCESS;
    },

    filter(state: CycleState, pod: KubeObject, node: NodeInfo): Status {
      const s = state.read<PreFilterState>(PRE_FILTER_KEY);
      if (!s) return SUCCESS;
      if (!satisfiesAffinity(s, pod, node, listers)) return unschedulable(ERR_REASON_AFFINITY_RULES_NOT_MATCH, false);
      for (const t of s.antiAffinity) if ((countOn(s.antiAffinityCounts, node, t.topologyKey) ?? 0) > 0) return unschedulable(ERR_REASON_ANTI_AFFINITY_RULES_NOT_MATCH);
      for (const key of s.existingAntiAffinityCounts.keys()) if ((countOn(s.existingAntiAffinityCounts, node, key) ?? 0) > 0) return unschedulable(ERR_REASON_EXISTING_ANTI_AFFINITY_RULES_NOT_MATCH);
      return SUCCESS;
    },

    preScore(state: CycleState, pod: KubeObject): Status {
      const { preferredAffinity, preferredAnti } = termsOf(pod);
      const ownTerms = [...preferredAffinity, ...preferredAnti].map((w) => w.term);
      const hasOwn = ownTerms.length > 0;
      const namespaces = termNamespaces(ownTerms);
      const topologyScore: TopologyCounts = new Map();
      let anyExisting = false;
      // Every node's pods count, not only the feasible nodes': a domain spans nodes. With no
      // preferences of its own, only nodes holding pods with affinity terms can matter.
      const scanned = hasOwn ? listers.nodes() : (listers.nodesWithPodsWithAffinity?.() ?? listers.nodes());
      for (const node of scanned) {
        // The incoming pod's preferences about the pods already there...
        if (hasOwn) {
          for (const existing of podsIn(node, namespaces)) {
            for (const { term, weight } of preferredAffinity) if (termMatches(term, existing, listers)) bump(topologyScore, node, term.topologyKey, weight);
            for (const { term, weight } of preferredAnti) if (termMatches(term, existing, listers)) bump(topologyScore, node, term.topologyKey, -weight);
          }
        }
        // ...and those pods' terms about the incoming pod.
        for (const existing of node.podsWithAffinity) {
          anyExisting = true;
          const terms = termsOf(existing);
          for (const term of terms.requiredAffinity) if (termMatches(term, pod, listers)) bump(topologyScore, node, term.topologyKey, HARD_POD_AFFINITY_WEIGHT);
          for (const { term, weight } of terms.preferredAffinity) if (termMatches(term, pod, listers)) bump(topologyScore, node, term.topologyKey, weight);
          for (const { term, weight } of terms.preferredAnti) if (termMatches(term, pod, listers)) bump(topologyScore, node, term.topologyKey, -weight);
        }
      }
      if (!hasOwn && !anyExisting) return SKIP;
      state.write(PRE_SCORE_KEY, { topologyScore } satisfies PreScoreState);
      return SUCCESS;
    },

    score(state: CycleState, _pod: KubeObject, node: NodeInfo): number {
      const s = state.read<PreScoreState>(PRE_SCORE_KEY);
      if (!s) return 0;
      return sumOn(s.topologyScore, node);
    },

    /** Scales scores linearly from the lowest (0) to the highest (100); all equal → 0. */
    normalizeScores(_state: CycleState, _pod: KubeObject, scores: { name: string; score: number }[]): void {
      if (scores.length === 0) return;
      const min = Math.min(...scores.map((s) => s.score));
      const max = Math.max(...scores.map((s) => s.score));
      for (const s of scores) s.score = max - min > 0 ? Math.trunc((100 * (s.score - min)) / (max - min)) : 0;
    },
  };
  return plugin satisfies PreFilterPlugin & FilterPlugin & ScorePlugin;
}

function satisfiesAffinity(s: PreFilterState, pod: KubeObject, node: NodeInfo, listers: Listers): boolean {
  if (s.affinity.length === 0) return true;
  let allMatched = true;
  for (const t of s.affinity) {
    if ((countOn(s.affinityCounts, node, t.topologyKey) ?? 0) <= 0) {
      allMatched = false;
      break;
    }
  }
  if (allMatched) return true;
  // No pod anywhere matches: the pod may go wherever the keys exist if it matches its own terms.
  if (s.affinityCounts.size === 0 && s.affinity.every((t) => termMatches(t, pod, listers))) return s.affinity.every((t) => Object.prototype.hasOwnProperty.call(node.labels, t.topologyKey));
  return false;
}
