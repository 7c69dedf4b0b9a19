/**
 * NodeAffinity: `nodeSelector` and required node affinity must match the node's labels (and
 * `metadata.name` fields); preferred terms add their weights to the node's score.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type FilterPlugin, type ScorePlugin } from '../framework/types';
import { defaultNormalizeScore } from '../framework/normalize';
import type { NodeInfo } from '../framework/node-info';

export const ERR_REASON_POD = "node(s) didn't match Pod's node affinity/selector";

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** One NodeSelectorRequirement against a value (labels) or a field. */
function requirementMatches(req: Record<string, unknown>, value: string | undefined): boolean {
  const values = Array.isArray(req.values) ? req.values.map(text) : [];
  switch (req.operator) {
    case 'In':
      return value !== undefined && values.includes(value);
    case 'NotIn':
      return value === undefined || !values.includes(value);
    case 'Exists':
      return value !== undefined;
    case 'DoesNotExist':
      return value === undefined;
    case 'Gt':
    case 'Lt': {
      if (value === undefined) return false;
      const n = Number(value);
      const bound = Number(values[0]);
      if (!Number.isInteger(n) || !Number.isInteger(bound)) return false;
      return req.operator === 'Gt' ? n > bound : n < bound;
    }
    default:
      return false;
  }
}

/** A NodeSelectorTerm: all its expressions and fields must match; an empty term matches nothing. */
export function termMatches(term: Record<string, unknown>, node: KubeObject): boolean {
  const expressions = Array.isArray(term.matchExpressions) ? term.matchExpressions.filter(isRecord) : [];
  const fields = Array.isArray(term.matchFields) ? term.matchFields.filter(isRecord) : [];
  if (expressions.length === 0 && fields.length === 0) return false;
  const labels = node.metadata.labels ?? {};
  for (const e of expressions) if (!requirementMatches(e, Object.prototype.hasOwnProperty.call(labels, text(e.key)) ? labels[text(e.key)] : undefined)) return false;
  for (const f of fields) if (!requirementMatches(f, f.key === 'metadata.name' ? text(node.metadata.name) : undefined)) return false;
  return true;
}

export function podMatchesNodeSelectorAndAffinity(pod: KubeObject, node: KubeObject): boolean {
  const spec = rec(pod.spec);
  const labels = node.metadata.labels ?? {};
  for (const [k, v] of Object.entries(rec(spec.nodeSelector))) if (labels[k] !== text(v)) return false;
  const required = rec(rec(rec(spec.affinity).nodeAffinity).requiredDuringSchedulingIgnoredDuringExecution);
  const terms = Array.isArray(required.nodeSelectorTerms) ? required.nodeSelectorTerms.filter(isRecord) : undefined;
  if (terms !== undefined && !terms.some((t) => termMatches(t, node))) return false;
  return true;
}

export const nodeAffinity = {
  name: 'NodeAffinity',
  filter(_state, pod, node: NodeInfo) {
    return podMatchesNodeSelectorAndAffinity(pod, node.node) ? SUCCESS : unschedulable(ERR_REASON_POD, false);
  },
  score(_state, pod, node) {
    const preferred = rec(rec(rec(pod.spec).affinity).nodeAffinity).preferredDuringSchedulingIgnoredDuringExecution;
    let total = 0;
    for (const p of Array.isArray(preferred) ? preferred.filter(isRecord) : []) {
      if (typeof p.weight === 'number' && termMatches(rec(p.preference), node.node)) total += p.weight;
    }
    return total;
  },
  normalizeScores(_state, _pod, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, false, scores);
  },
} satisfies FilterPlugin & ScorePlugin;
