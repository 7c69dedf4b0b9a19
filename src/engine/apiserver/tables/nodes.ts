/** Nodes (printNode): STATUS from the Ready condition plus SchedulingDisabled, ROLES from node-role labels. */
import type { KubeObject } from '../../api/meta';
import { goSortStrings } from '../../kubectl/printers/go-format';
import { AGE_COLUMN, age, arr, col, doc, name, NAME_COLUMN, rec, str } from './cells';
import type { Printer } from './types';

const LABEL_NODE_ROLE_PREFIX = 'node-role.kubernetes.io/';
const NODE_LABEL_ROLE = 'kubernetes.io/role';

/** findNodeRoles: `node-role.kubernetes.io/<role>` keys and the legacy `kubernetes.io/role` value, sorted, unique. */
export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [key, value] of Object.entries(node.metadata.labels ?? {})) {
    if (key.startsWith(LABEL_NODE_ROLE_PREFIX)) {
      const role = key.slice(LABEL_NODE_ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (key === NODE_LABEL_ROLE && typeof value === 'string' && value !== '') {
      roles.add(value);
    }
  }
  return goSortStrings(roles);
}

/** `Ready`, `NotReady` or `Unknown` (no Ready condition), then `,SchedulingDisabled` when cordoned. */
export function nodeStatus(node: KubeObject): string {
  const status = rec(node.status);
  // A map by type: the last condition of a type wins.
  let ready: Record<string, unknown> | undefined;
  for (const c of arr(status.conditions)) if (c.type === 'Ready') ready = c;
  const parts = [ready === undefined ? 'Unknown' : ready.status === 'True' ? 'Ready' : 'NotReady'];
  if (rec(node.spec).unschedulable === true) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: KubeObject, type: string): string {
  const a = arr(rec(node.status).addresses).find((x) => x.type === type);
  return a === undefined ? '<none>' : str(a.address);
}

export const nodePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'string', doc('core.NodeSystemInfo.kubeletVersion')),
    col('Internal-IP', 'string', doc('core.NodeStatus.addresses'), { priority: 1 }),
    col('External-IP', 'string', doc('core.NodeStatus.addresses'), { priority: 1 }),
    col('OS-Image', 'string', doc('core.NodeSystemInfo.osImage'), { priority: 1 }),
    col('Kernel-Version', 'string', doc('core.NodeSystemInfo.kernelVersion'), { priority: 1 }),
    col('Container-Runtime', 'string', doc('core.NodeSystemInfo.containerRuntimeVersion'), { priority: 1 }),
  ],
  row(node, nowMs) {
    const info = rec(rec(node.status).nodeInfo);
    const roles = nodeRoles(node);
    return {
      cells: [
        name(node),
        nodeStatus(node),
        roles.length ? roles.join(',') : '<none>',
        age(node, nowMs),
        str(info.kubeletVersion),
        address(node, 'InternalIP'),
        address(node, 'ExternalIP'),
        str(info.osImage) || '<unknown>',
        str(info.kernelVersion) || '<unknown>',
        str(info.containerRuntimeVersion) || '<unknown>',
      ],
    };
  },
};
