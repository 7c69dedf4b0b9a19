/**
 * persistentvolume-binder (kube-controller-manager's PV controller), minimal: binds claims to
 * volumes and keeps their phases. A claim binds to a volume pre-bound to it (claimRef, as a
 * provisioner creates it) or, when its class binds Immediately, to an Available volume of the same
 * class with enough capacity and the access modes asked for. Claims of a WaitForFirstConsumer class
 * wait until the scheduler has written `volume.kubernetes.io/selected-node`. A volume whose claim is
 * gone becomes Released.
 *
 * Caveats: no events (WaitForFirstConsumer, ExternalProvisioning, ...), no in-tree provisioning,
 * no volume modes or selectors. UNVERIFIED: the exact order of the spec/status writes.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { parseQuantityValue } from '../../api/quantity';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

export const ANNOTATION_BIND_COMPLETED = 'pv.kubernetes.io/bind-completed';
export const ANNOTATION_BOUND_BY_CONTROLLER = 'pv.kubernetes.io/bound-by-controller';

const PVCS = { group: '', version: 'v1', resource: 'persistentvolumeclaims' };
const PVS = { group: '', version: 'v1', resource: 'persistentvolumes' };
const CLASSES = { group: 'storage.k8s.io', version: 'v1', resource: 'storageclasses' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.map(text) : [];
}

function bytes(q: unknown): number {
  try {
    return parseQuantityValue(text(q) || '0');
  } catch {
    return 0;
  }
}

/** Whether the PV can serve the claim (class, access modes, capacity). */
export function volumeMatchesClaim(pv: KubeObject, pvc: KubeObject): boolean {
  const pvSpec = rec(pv.spec);
  const pvcSpec = rec(pvc.spec);
  if (text(pvSpec.storageClassName) !== text(pvcSpec.storageClassName)) return false;
  const modes = strings(pvSpec.accessModes);
  if (!strings(pvcSpec.accessModes).every((m) => modes.includes(m))) return false;
  return bytes(rec(pvSpec.capacity).storage) >= bytes(rec(rec(pvcSpec.resources).requests).storage);
}

export class PersistentVolumeBinderController implements Controller {
  readonly name = 'persistentvolume-binder-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    const claimKey = (pvc: KubeObject) => `pvc/${text(pvc.metadata.namespace)}/${text(pvc.metadata.name)}`;
    context.informers.forResource('', 'v1', 'persistentvolumeclaims').addHandler({
      onAdd: (pvc) => enqueue(claimKey(pvc)),
      onUpdate: (_o, pvc) => enqueue(claimKey(pvc)),
      onDelete: (pvc) => {
        const name = text(rec(pvc.spec).volumeName);
        if (name) enqueue(`pv/${name}`);
      },
    });
    context.informers.forResource('', 'v1', 'persistentvolumes').addHandler({
      onAdd: (pv) => {
        enqueue(`pv/${text(pv.metadata.name)}`);
        const ref = rec(rec(pv.spec).claimRef);
        if (ref.name) enqueue(`pvc/${text(ref.namespace)}/${text(ref.name)}`);
      },
      onUpdate: (_o, pv) => enqueue(`pv/${text(pv.metadata.name)}`),
    });
    context.informers.forResource(CLASSES.group, CLASSES.version, CLASSES.resource);
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [kind, ...rest] = key.split('/');
    return kind === 'pv' ? this.syncVolume(rest.join('/'), context) : this.syncClaim(rest[0] ?? '', rest[1] ?? '', context);
  }

  private syncClaim(namespace: string, name: string, context: ControllerContext): ReconcileResult {
    const pvc = context.informers.forResource('', 'v1', 'persistentvolumeclaims').get(`${namespace}/${name}`);
    if (!pvc || pvc.metadata.deletionTimestamp) return DONE;
    const volumes = context.informers.forResource('', 'v1', 'persistentvolumes').list();
    const volumeName = text(rec(pvc.spec).volumeName);
    let pv = volumeName ? volumes.find((v) => v.metadata.name === volumeName) : volumes.find((v) => rec(rec(v.spec).claimRef).uid === pvc.metadata.uid);
    let boundByController = false;
    if (!pv) {
      const storageClass = context.informers.forResource(CLASSES.group, CLASSES.version, CLASSES.resource).get(text(rec(pvc.spec).storageClassName));
      // WaitForFirstConsumer: the provisioner (or a static volume on the selected node) answers later.
      if (storageClass?.volumeBindingMode === 'WaitForFirstConsumer') return this.setClaimPhase(pvc, 'Pending', context);
      pv = volumes.find((v) => rec(v.spec).claimRef === undefined && !v.metadata.deletionTimestamp && volumeMatchesClaim(v, pvc));
      if (!pv) return this.setClaimPhase(pvc, 'Pending', context);
      boundByController = true;
      const claimRef = { kind: 'PersistentVolumeClaim', namespace, name, uid: pvc.metadata.uid, apiVersion: 'v1', resourceVersion: pvc.metadata.resourceVersion };
      const annotations = { ...(pv.metadata.annotations ?? {}), [ANNOTATION_BOUND_BY_CONTROLLER]: 'yes' };
      const r = context.client.update({ ...PVS, name: text(pv.metadata.name) }, { ...pv, metadata: { ...pv.metadata, annotations }, spec: { ...rec(pv.spec), claimRef } });
      if (!r.ok) return { kind: 'retry', reason: r.status.message ?? 'binding volume failed' };
      pv = r.value;
    }
    if (!volumeName) {
      const annotations = { ...(pvc.metadata.annotations ?? {}), [ANNOTATION_BIND_COMPLETED]: 'yes', ...(boundByController ? { [ANNOTATION_BOUND_BY_CONTROLLER]: 'yes' } : {}) };
      const r = context.client.update({ ...PVCS, namespace, name }, { ...pvc, metadata: { ...pvc.metadata, annotations }, spec: { ...rec(pvc.spec), volumeName: pv.metadata.name } });
      if (!r.ok) return { kind: 'retry', reason: r.status.message ?? 'binding claim failed' };
    }
    const volumeStatus = context.client.patch({ ...PVS, name: text(pv.metadata.name), subresource: 'status' }, 'merge', { status: { phase: 'Bound' } });
    if (!volumeStatus.ok) return { kind: 'retry', reason: volumeStatus.status.message ?? 'volume status failed' };
    const claimStatus = context.client.patch({ ...PVCS, namespace, name, subresource: 'status' }, 'merge', { status: { phase: 'Bound', accessModes: rec(pv.spec).accessModes, capacity: rec(pv.spec).capacity } });
    return claimStatus.ok || claimStatus.code === 404 ? DONE : { kind: 'retry', reason: claimStatus.status.message ?? 'claim status failed' };
  }

  private setClaimPhase(pvc: KubeObject, phase: string, context: ControllerContext): ReconcileResult {
    if (rec(pvc.status).phase === phase) return DONE;
    const r = context.client.patch({ ...PVCS, namespace: text(pvc.metadata.namespace), name: text(pvc.metadata.name), subresource: 'status' }, 'merge', { status: { phase } });
    return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'claim status failed' };
  }

  private syncVolume(name: string, context: ControllerContext): ReconcileResult {
    const pv = context.informers.forResource('', 'v1', 'persistentvolumes').get(name);
    if (!pv || pv.metadata.deletionTimestamp) return DONE;
    const ref = rec(rec(pv.spec).claimRef);
    let phase = 'Available';
    if (ref.name !== undefined) {
      const pvc = context.informers.forResource('', 'v1', 'persistentvolumeclaims').get(`${text(ref.namespace)}/${text(ref.name)}`);
      // The claim it was bound to is gone (or is another claim of that name): Released.
      if (!pvc || (ref.uid !== undefined && pvc.metadata.uid !== ref.uid)) phase = 'Released';
      else if (text(rec(pvc.spec).volumeName) === name) phase = 'Bound';
    }
    if (text(rec(pv.status).phase) === phase) return DONE;
    const r = context.client.patch({ ...PVS, name, subresource: 'status' }, 'merge', { status: { phase } });
    return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'volume status failed' };
  }
}
