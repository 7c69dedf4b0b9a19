/** PrioritySort: higher priority first, then the pod that has waited longer. */
import type { QueueSortPlugin, QueuedPod } from '../framework/types';
import { isRecord } from '../../api/meta';

function priorityOf(q: QueuedPod): number {
  const spec = isRecord(q.pod.spec) ? q.pod.spec : {};
  return typeof spec.priority === 'number' ? spec.priority : 0;
}

export const prioritySort = {
  name: 'PrioritySort',
  less: (a: QueuedPod, b: QueuedPod) => priorityOf(a) > priorityOf(b) || (priorityOf(a) === priorityOf(b) && a.timestampMs < b.timestampMs),
} satisfies QueueSortPlugin;
