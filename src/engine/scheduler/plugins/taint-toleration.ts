/**
 * TaintToleration: filters out nodes with a NoSchedule or NoExecute taint the pod does not
 * tolerate; scores nodes by how few PreferNoSchedule taints the pod does not tolerate.
 */
import { toleratedByAny } from '../../api/taints';
import { nodeTaints, podTolerations } from '../framework/memo';
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type FilterPlugin, type ScorePlugin } from '../framework/types';
import { defaultNormalizeScore } from '../framework/normalize';

/** Kubernetes v1.34.0 names the first untolerated taint (later patch releases say "taint(s)"). */
export function untoleratedTaintReason(key: string, value: string): string {
  return `node(s) had untolerated taint {${key}: ${value}}`;
}

export const taintToleration = {
  name: 'TaintToleration',
  filter(_state, pod, node) {
    const taints = nodeTaints(node.node);
    if (taints.length === 0) return SUCCESS;
    const tolerations = podTolerations(pod);
    const untolerated = taints.find((t) => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !toleratedByAny(tolerations, t));
    return untolerated ? unschedulable(untoleratedTaintReason(untolerated.key, untolerated.value ?? ''), false) : SUCCESS;
  },
  score(_state, pod, node) {
    const taints = nodeTaints(node.node);
    if (taints.length === 0) return 0;
    const tolerations = podTolerations(pod).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    let count = 0;
    for (const t of taints) if (t.effect === 'PreferNoSchedule' && !toleratedByAny(tolerations, t)) count++;
    return count;
  },
  normalizeScores(_state, _pod, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  },
} satisfies FilterPlugin & ScorePlugin;
