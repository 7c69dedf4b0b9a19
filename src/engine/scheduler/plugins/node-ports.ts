/** NodePorts: a pod asking for a hostPort fits only where no other pod holds the same port, protocol and IP. */
import { podHostPorts } from '../framework/node-info';
import { SUCCESS, unschedulable, type FilterPlugin } from '../framework/types';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

export const nodePorts = {
  name: 'NodePorts',
  filter(_state, pod, node) {
    for (const wanted of podHostPorts(pod)) {
      const conflict = node.usedPorts.some((used) => used.port === wanted.port && used.protocol === wanted.protocol && (used.ip === wanted.ip || used.ip === '0.0.0.0' || wanted.ip === '0.0.0.0'));
      if (conflict) return unschedulable(ERR_REASON_PORTS);
    }
    return SUCCESS;
  },
} satisfies FilterPlugin;
