/**
 * VolumeBinding: a pod's PersistentVolumeClaims must exist; claims whose StorageClass binds
 * Immediately must already be bound; a bound claim's PersistentVolume may pin the pod to the nodes
 * its nodeAffinity allows; a claim whose class says WaitForFirstConsumer is bound only once the
 * scheduler has chosen a node: PreBind writes `volume.kubernetes.io/selected-node` on the claim, the
 * provisioner makes a volume on that node, and the pod is bound when every claim is Bound.
 *
 * Caveats: only static PVs of a class whose provisioner is `kubernetes.io/no-provisioner` are
 * searched for delayed claims; dynamic provisioners are assumed able to provision on any node
 * (local-path has no allowedTopologies). Capacity tracking is not modelled.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseQuantityValue } from '../../api/quantity';
import type { NodeInfo } from '../framework/node-info';
import { SKIP, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type Listers, type PreFilterPlugin, type Status } from '../framework/types';
import { termMatches } from './node-affinity';

export const NAME = 'VolumeBinding';
export const ERR_REASON_BIND_CONFLICT = "node(s) didn't find available persistent volumes to bind";
/** v1.34 wording (newer releases say "node(s) didn't match PersistentVolume's node affinity"). */
export const ERR_REASON_NODE_CONFLICT = 'node(s) had volume node affinity conflict';
export const ERR_REASON_PV_NOT_EXIST = 'node(s) unavailable due to one or more pvc(s) bound to non-existent pv(s)';
export const ERR_UNBOUND_IMMEDIATE = 'pod has unbound immediate PersistentVolumeClaims';
export const ANNOTATION_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
const NO_PROVISIONER = 'kubernetes.io/no-provisioner';
const STATE_KEY = 'PreFilterVolumeBinding';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** The claim names a pod's volumes use (ephemeral volumes create `<pod>-<volume>` claims). */
export function podClaimNames(pod: KubeObject): string[] {
  const out: string[] = [];
  for (const v of list(rec(pod.spec).volumes)) {
    const claim = rec(v.persistentVolumeClaim);
    if (claim.claimName !== undefined) out.push(text(claim.claimName));
    else if (isRecord(v.ephemeral)) out.push(`${text(pod.metadata.name)}-${text(v.name)}`);
  }
  return out;
}

export function claimStorageClassName(pvc: KubeObject): string {
  return text(rec(pvc.spec).storageClassName);
}

/** Whether a PV's required nodeAffinity admits the node (no affinity: every node). */
export function volumeNodeAffinityMatches(pv: KubeObject, node: KubeObject): boolean {
  const required = rec(rec(rec(pv.spec).nodeAffinity).required);
  const terms = list(required.nodeSelectorTerms);
  if (!isRecord(rec(pv.spec).nodeAffinity) || terms.length === 0) return true;
  return terms.some((t) => termMatches(t, node));
}

function quantityBytes(q: unknown): number {
  try {
    return parseQuantityValue(text(q) || '0');
  } catch {
    return 0;
  }
}

function requestBytes(pvc: KubeObject): number {
  return quantityBytes(rec(rec(rec(pvc.spec).resources).requests).storage);
}

/** A static, unclaimed PV that fits the claim on this node (pv_controller's findMatchingVolume, simplified). */
function findStaticVolume(pvc: KubeObject, node: KubeObject, listers: Listers): KubeObject | undefined {
  const className = claimStorageClassName(pvc);
  const modes = Array.isArray(rec(pvc.spec).accessModes) ? (rec(pvc.spec).accessModes as unknown[]).map(text) : [];
  const wanted = requestBytes(pvc);
  for (const pv of listers.persistentVolumes()) {
    const spec = rec(pv.spec);
    if (text(spec.storageClassName) !== className || spec.claimRef !== undefined || pv.metadata.deletionTimestamp) continue;
    const pvModes = Array.isArray(spec.accessModes) ? spec.accessModes.map(text) : [];
    if (!modes.every((m) => pvModes.includes(m))) continue;
    if (quantityBytes(rec(spec.capacity).storage) < wanted || !volumeNodeAffinityMatches(pv, node)) continue;
    return pv;
  }
  return undefined;
}

interface PreFilterState {
  bound: KubeObject[];
  /** Claims that wait for this pod's node (WaitForFirstConsumer), unbound. */
  delayed: KubeObject[];
}

/** The delayed claims PreBind must annotate once a node is chosen (empty when none). */
export function delayedClaims(state: CycleState): readonly KubeObject[] {
  return state.read<PreFilterState>(STATE_KEY)?.delayed ?? [];
}

export function volumeBinding(listers: Listers) {
  const plugin = {
    name: NAME,

    preFilter(state: CycleState, pod: KubeObject): Status {
      const names = podClaimNames(pod);
      if (names.length === 0) return SKIP;
      const ns = text(pod.metadata.namespace);
      const bound: KubeObject[] = [];
      const delayed: KubeObject[] = [];
      let immediateUnbound = false;
      for (const name of names) {
        const pvc = listers.persistentVolumeClaim(ns, name);
        if (!pvc) return unschedulable(`persistentvolumeclaim "${name}" not found`, false);
        if (pvc.metadata.deletionTimestamp) return unschedulable(`persistentvolumeclaim "${name}" is being deleted`, false);
        if (text(rec(pvc.spec).volumeName)) {
          bound.push(pvc);
          continue;
        }
        const storageClass = listers.storageClass(claimStorageClassName(pvc));
        if (storageClass?.volumeBindingMode === 'WaitForFirstConsumer') delayed.push(pvc);
        else immediateUnbound = true;
      }
      if (immediateUnbound) return unschedulable(ERR_UNBOUND_IMMEDIATE, false);
      state.write(STATE_KEY, { bound, delayed } satisfies PreFilterState);
      return SUCCESS;
    },

    filter(state: CycleState, _pod: KubeObject, node: NodeInfo): Status {
      const s = state.read<PreFilterState>(STATE_KEY);
      if (!s) return SUCCESS;
      for (const pvc of s.bound) {
        const pv = listers.persistentVolume(text(rec(pvc.spec).volumeName));
        if (!pv) return unschedulable(ERR_REASON_PV_NOT_EXIST, false);
        if (!volumeNodeAffinityMatches(pv, node.node)) return unschedulable(ERR_REASON_NODE_CONFLICT, false);
      }
      for (const pvc of s.delayed) {
        // A selected node from an earlier attempt does not pin the claim until it is provisioned.
        const storageClass = listers.storageClass(claimStorageClassName(pvc));
        if (text(storageClass?.provisioner) === NO_PROVISIONER && !findStaticVolume(pvc, node.node, listers)) return unschedulable(ERR_REASON_BIND_CONFLICT, false);
      }
      return SUCCESS;
    },
  };
  return plugin satisfies PreFilterPlugin & FilterPlugin;
}
