/** NodeName: a pod that names its node (spec.nodeName) fits only there. */
import { isRecord, text } from '../../api/meta';
import { SUCCESS, unschedulable, type FilterPlugin } from '../framework/types';

export const ERR_REASON_NODE_NAME = "node(s) didn't match the requested node name";

export const nodeName = {
  name: 'NodeName',
  filter(_state, pod, node) {
    const wanted = text(isRecord(pod.spec) ? pod.spec.nodeName : undefined);
    return !wanted || wanted === node.name ? SUCCESS : unschedulable(ERR_REASON_NODE_NAME, false);
  },
} satisfies FilterPlugin;
