/**
 * VolumeRestrictions: a claim with the ReadWriteOncePod access mode may be used by one pod in the
 * whole cluster; and the same GCE PD / AWS EBS / RBD / iSCSI disk cannot be mounted read-write by two
 * pods on one node.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import type { NodeInfo } from '../framework/node-info';
import { SKIP, SUCCESS, unschedulable, type CycleState, type FilterPlugin, type Listers, type PreFilterPlugin, type Status } from '../framework/types';

export const NAME = 'VolumeRestrictions';
export const ERR_REASON_DISK_CONFLICT = 'node(s) had no available disk';
export const ERR_REASON_RWOP_CONFLICT = 'node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function volumes(pod: KubeObject): Record<string, unknown>[] {
  const v = rec(pod.spec).volumes;
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** Identity of a disk that conflicts when two pods on a node mount it (undefined: no such disk). */
function diskId(volume: Record<string, unknown>): { id: string; readOnly: boolean } | undefined {
  const gce = rec(volume.gcePersistentDisk);
  if (gce.pdName !== undefined) return { id: `gce/${text(gce.pdName)}`, readOnly: gce.readOnly === true };
  const ebs = rec(volume.awsElasticBlockStore);
  if (ebs.volumeID !== undefined) return { id: `ebs/${text(ebs.volumeID)}`, readOnly: false };
  const rbd = rec(volume.rbd);
  if (rbd.image !== undefined) return { id: `rbd/${text(rbd.pool) || 'rbd'}/${text(rbd.image)}`, readOnly: rbd.readOnly === true };
  const iscsi = rec(volume.iscsi);
  if (iscsi.iqn !== undefined) return { id: `iscsi/${text(iscsi.iqn)}/${String(iscsi.lun)}`, readOnly: iscsi.readOnly === true };
  return undefined;
}

function rwopClaims(pod: KubeObject, listers: Listers): string[] {
  const ns = text(pod.metadata.namespace);
  const out: string[] = [];
  for (const v of volumes(pod)) {
    const name = text(rec(v.persistentVolumeClaim).claimName);
    if (!name) continue;
    const pvc = listers.persistentVolumeClaim(ns, name);
    const modes = Array.isArray(rec(pvc?.spec).accessModes) ? (rec(pvc?.spec).accessModes as unknown[]).map(text) : [];
    if (modes.includes('ReadWriteOncePod')) out.push(name);
  }
  return out;
}

export function volumeRestrictions(listers: Listers) {
  const plugin = {
    name: NAME,

    preFilter(_state: CycleState, pod: KubeObject, nodes: readonly NodeInfo[]): Status {
      // Only claims (ReadWriteOncePod) and conflict-prone disks need checking (needsRestrictionsCheck).
      const vols = volumes(pod);
      const claims = rwopClaims(pod, listers);
      const disks = vols.some((v) => diskId(v) !== undefined);
      if (claims.length === 0) return disks ? SUCCESS : SKIP;
      const ns = text(pod.metadata.namespace);
      for (const node of nodes) {
        for (const other of node.pods) {
          if (other.metadata.namespace !== ns || other.metadata.uid === pod.metadata.uid) continue;
          for (const v of volumes(other)) if (claims.includes(text(rec(v.persistentVolumeClaim).claimName))) return unschedulable(ERR_REASON_RWOP_CONFLICT, false);
        }
      }
      return SUCCESS;
    },

    filter(_state: CycleState, pod: KubeObject, node: NodeInfo): Status {
      const wanted = volumes(pod).map(diskId).filter((d) => d !== undefined);
      if (wanted.length === 0) return SUCCESS;
      for (const other of node.pods) {
        for (const v of volumes(other)) {
          const used = diskId(v);
          if (!used) continue;
          if (wanted.some((w) => w.id === used.id && !(w.readOnly && used.readOnly))) return unschedulable(ERR_REASON_DISK_CONFLICT);
        }
      }
      return SUCCESS;
    },
  };
  return plugin satisfies PreFilterPlugin & FilterPlugin;
}
