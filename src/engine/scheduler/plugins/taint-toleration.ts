/**
 * TaintToleration: filters out nodes with a NoSchedule or NoExecute taint the pod does not
 * tolerate; scores nodes by how few PreferNoSchedule taints the pod does not tolerate.
 */
import { isRecord } from '../../api/meta';
import { readTaints, readTolerations, toleratedByAny } from '../../api/taints';
import { MAX_NODE_SCORE, SUCCESS, unschedulable, type FilterPlugin, type ScorePlugin } from '../framework/types';
import { defaultNormalizeScore } from '../framework/normalize';

/** Kubernetes v1.34.0 names the first untolerated taint (later patch releases say "taint(s)"). */
export function untoleratedTaintReason(key: string, value: string): string {
  return `node(s) had untolerated taint {${key}: ${value}}`;
}

export const taintToleration = {
  name: 'TaintToleration',
  filter(_state, pod, node) {
    const taints = readTaints(isRecord(node.node.spec) ? node.node.spec.taints : undefined).filter((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
    const tolerations = readTolerations(isRecord(pod.spec) ? pod.spec.tolerations : undefined);
    const untolerated = taints.find((t) => !toleratedByAny(tolerations, t));
    return untolerated ? unschedulable(untoleratedTaintReason(untolerated.key, untolerated.value ?? ''), false) : SUCCESS;
  },
  score(_state, pod, node) {
    const taints = readTaints(isRecord(node.node.spec) ? node.node.spec.taints : undefined).filter((t) => t.effect === 'PreferNoSchedule');
    const tolerations = readTolerations(isRecord(pod.spec) ? pod.spec.tolerations : undefined).filter((t) => !t.effect || t.effect === 'PreferNoSchedule');
    return taints.filter((t) => !toleratedByAny(tolerations, t)).length;
  },
  normalizeScores(_state, _pod, scores) {
    defaultNormalizeScore(MAX_NODE_SCORE, true, scores);
  },
} satisfies FilterPlugin & ScorePlugin;
