/**
 * The default-scheduler profile of Kubernetes v1.34: which plugins run at each extension point, in
 * order, and the score weights. Filters run in this order per node and stop at the first rejection.
 */
import type { NodeInfo } from './node-info';
import type { BindPlugin, FilterPlugin, PreFilterPlugin, QueueSortPlugin, ScorePlugin } from './types';
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

export function defaultProfile(allNodes: () => readonly NodeInfo[]): Profile {
  return {
    schedulerName: 'default-scheduler',
    queueSort: prioritySort,
    preFilter: [nodeResourcesFit],
    filter: [nodeUnschedulable, nodeName, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit],
    score: [
      { plugin: taintToleration, weight: 3 },
      { plugin: nodeAffinity, weight: 2 },
      { plugin: nodeResourcesFit, weight: 1 },
      { plugin: balancedAllocation, weight: 1 },
      { plugin: imageLocality(allNodes), weight: 1 },
    ],
    bind: defaultBinder,
  };
}
