/** NodeUnschedulable: a cordoned node (spec.unschedulable) takes only pods that tolerate its unschedulable taint. */
import { isRecord } from '../../api/meta';
import { toleratedByAny } from '../../api/taints';
import { podTolerations } from '../framework/memo';
import { SUCCESS, unschedulable, type FilterPlugin } from '../framework/types';

export const ERR_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';

export const nodeUnschedulable = {
  name: 'NodeUnschedulable',
  filter(_state, pod, node) {
    const spec = isRecord(node.node.spec) ? node.node.spec : {};
    if (spec.unschedulable !== true) return SUCCESS;
    const tolerations = podTolerations(pod);
    if (toleratedByAny(tolerations, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) return SUCCESS;
    return unschedulable(ERR_REASON_UNSCHEDULABLE, false);
  },
} satisfies FilterPlugin;
