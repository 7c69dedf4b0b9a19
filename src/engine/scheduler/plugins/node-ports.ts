/** NodePorts: a pod asking for a hostPort fits only where no other pod holds the same port, protocol and IP. */
import type { KubeObject } from '../../api/meta';
import { podHostPorts, type HostPort } from '../framework/node-info';
import { SUCCESS, unschedulable, type FilterPlugin } from '../framework/types';

export const ERR_REASON_PORTS = "node(s) didn't have free ports for the requested pod ports";

/** Whether one of the pod's hostPorts is taken: same port and protocol, and the same IP or either one 0.0.0.0. */
export function hostPortTaken(pod: KubeObject, usedPorts: readonly HostPort[]): boolean {
  return podHostPorts(pod).some((wanted) => usedPorts.some((used) => used.port === wanted.port && used.protocol === wanted.protocol && (used.ip === wanted.ip || used.ip === '0.0.0.0' || wanted.ip === '0.0.0.0')));
}

export const nodePorts = {
  name: 'NodePorts',
  filter(_state, pod, node) {
    return hostPortTaken(pod, node.usedPorts) ? unschedulable(ERR_REASON_PORTS) : SUCCESS;
  },
} satisfies FilterPlugin;
