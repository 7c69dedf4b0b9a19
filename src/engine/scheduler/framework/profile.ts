/**
 * The default-scheduler profile of Kubernetes v1.34: which plugins run at each extension point, in
 * order, and the score weights. Filters run in this order per node and stop at the first rejection.
 */
import type { BindPlugin, FilterPlugin, Listers, PreFilterPlugin, QueueSortPlugin, ScorePlugin } from './types';
import { prioritySort } from '../plugins/queue-sort';
import { nodeUnschedulable } from '../plugins/node-unschedulable';
import { nodeName } from '../plugins/node-name';
import { taintToleration } from '../plugins/taint-toleration';
import { nodeAffinity } from '../plugins/node-affinity';
import { nodePorts } from '../plugins/node-ports';
import { nodeResourcesFit } from '../plugins/node-resources-fit';
import { balancedAllocation } from '../plugins/balanced-allocation';
import { imageLocality } from '../plugins/image-locality';
import { defaultBinder } from '../plugins/default-binder';
import { volumeRestrictions } from '../plugins/volume-restrictions';
import { volumeBinding } from '../plugins/volume-binding';
import { podTopologySpread } from '../plugins/pod-topology-spread';
import { interPodAffinity } from '../plugins/inter-pod-affinity';

export interface WeightedScorePlugin {
  plugin: ScorePlugin;
  weight: number;
}

export interface Profile {
  schedulerName: string;
  queueSort: QueueSortPlugin;
  preFilter: PreFilterPlugin[];
  filter: FilterPlugin[];
  score: WeightedScorePlugin[];
  bind: BindPlugin;
}

/**
 * Weights from config/v1 default_plugins.go: TaintToleration 3, NodeAffinity 2, PodTopologySpread 2,
 * InterPodAffinity 2, the rest 1. VolumeBinding scores only with the StorageCapacityScoring gate (off).
 */
export function defaultProfile(listers: Listers): Profile {
  const spread = podTopologySpread(listers);
  const affinity = interPodAffinity(listers);
  const volumes = volumeBinding(listers);
  const restrictions = volumeRestrictions(listers);
  return {
    schedulerName: 'default-scheduler',
    queueSort: prioritySort,
    preFilter: [nodeResourcesFit, restrictions, volumes, spread, affinity],
    filter: [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit, restrictions, volumes, spread, affinity],
    score: [
      { plugin: taintToleration, weight: 3 },
      { plugin: nodeAffinity, weight: 2 },
      { plugin: nodeResourcesFit, weight: 1 },
      { plugin: spread, weight: 2 },
      { plugin: affinity, weight: 2 },
      { plugin: balancedAllocation, weight: 1 },
      { plugin: imageLocality(() => listers.nodes(), listers.nodesWithImage?.bind(listers)), weight: 1 },
    ],
    bind: defaultBinder,
  };
}
