/**
 * What the inspector can do to an object, each as the command a learner would type: the action
 * runs that line in the terminal, so the command is learnt along with its effect.
 */
import type { KubeObject } from '../../engine';
import type { InspectTarget } from '../../engine/protocol';

export interface Action {
  label: string;
  line: string;
}

function nsFlag(target: InspectTarget): string {
  return target.namespace && target.namespace !== 'default' ? ` -n ${target.namespace}` : '';
}

export function actionsFor(target: InspectTarget, object: KubeObject | undefined): Action[] {
  switch (target.kind) {
    case 'Node': {
      const cordoned = (object?.spec as { unschedulable?: unknown } | undefined)?.unschedulable === true;
      return [
        { label: 'Stop node', line: `docker stop ${target.name}` },
        { label: 'Start node', line: `docker start ${target.name}` },
        cordoned ? { label: 'Uncordon', line: `kubectl uncordon ${target.name}` } : { label: 'Cordon', line: `kubectl cordon ${target.name}` },
        { label: 'Drain', line: `kubectl drain ${target.name} --ignore-daemonsets --delete-emptydir-data` },
      ];
    }
    case 'Pod':
      return [{ label: 'Delete pod', line: `kubectl delete pod ${target.name}${nsFlag(target)}` }];
    default:
      return [];
  }
}

/** Kinds with a scale subresource the inspector offers to scale. */
export const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export function scaleLine(target: InspectTarget, replicas: number): string {
  return `kubectl scale ${target.kind.toLowerCase()}/${target.name} --replicas=${replicas}${nsFlag(target)}`;
}
