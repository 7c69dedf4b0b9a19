/**
 * Parsed views of pods and nodes, memoised per object. Objects from the API are frozen and shared,
 * so a view computed once stays right for that object; Filter runs per node per cycle, and parsing
 * the same tolerations thousands of times a cycle is what made large clusters slow.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import { readTaints, readTolerations, type Taint, type Toleration } from '../../api/taints';

const tolerationsMemo = new WeakMap<KubeObject, Toleration[]>();
const taintsMemo = new WeakMap<KubeObject, Taint[]>();

function memo<T>(map: WeakMap<KubeObject, T>, object: KubeObject, compute: () => T): T {
  let value = map.get(object);
  if (value === undefined) {
    value = compute();
    map.set(object, value);
  }
  return value;
}

/** The pod's tolerations (do not modify). */
export function podTolerations(pod: KubeObject): readonly Toleration[] {
  return memo(tolerationsMemo, pod, () => readTolerations(isRecord(pod.spec) ? pod.spec.tolerations : undefined));
}

/** The node's taints (do not modify). */
export function nodeTaints(node: KubeObject): readonly Taint[] {
  return memo(taintsMemo, node, () => readTaints(isRecord(node.spec) ? node.spec.taints : undefined));
}
