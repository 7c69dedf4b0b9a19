/**
 * The local-path-provisioner kind installs (rancher.io/local-path, in the local-path-storage
 * namespace): when the scheduler has chosen a node for a claim of a class it provisions (annotation
 * `volume.kubernetes.io/selected-node`), it makes a PersistentVolume `pvc-<claim uid>` that is a
 * directory on that node (/var/local-path-provisioner/pvc-<uid>_<namespace>_<claim>), pinned there by
 * nodeAffinity and pre-bound to the claim; the PV binder then binds the pair. A Released volume of
 * its own with reclaimPolicy Delete is deleted.
 *
 * Caveats: the real provisioner runs a helper pod to create (and remove) the directory, which takes
 * a few seconds, and records Provisioning / ProvisioningSucceeded events; here the volume appears at
 * once and no events are written. UNVERIFIED: annotation set and timing.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

export const PROVISIONER_NAME = 'rancher.io/local-path';
export const ANNOTATION_SELECTED_NODE = 'volume.kubernetes.io/selected-node';
export const LOCAL_PATH_ROOT = '/var/local-path-provisioner';

const PVS = { group: '', version: 'v1', resource: 'persistentvolumes' };

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** The PersistentVolume the provisioner makes for a claim on a node. */
export function localPathVolume(pvc: KubeObject, nodeName: string, reclaimPolicy: string): KubeObject {
  const name = `pvc-${text(pvc.metadata.uid)}`;
  const spec = rec(pvc.spec);
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name, annotations: { 'local.path.provisioner/selected-node': nodeName, 'pv.kubernetes.io/provisioned-by': PROVISIONER_NAME } },
    spec: {
      accessModes: spec.accessModes,
      capacity: { storage: text(rec(rec(spec.resources).requests).storage) },
      claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: pvc.metadata.name, namespace: pvc.metadata.namespace, resourceVersion: pvc.metadata.resourceVersion, uid: pvc.metadata.uid },
      hostPath: { path: `${LOCAL_PATH_ROOT}/${name}_${text(pvc.metadata.namespace)}_${text(pvc.metadata.name)}`, type: 'DirectoryOrCreate' },
      nodeAffinity: { required: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [nodeName] }] }] } },
      persistentVolumeReclaimPolicy: reclaimPolicy,
      storageClassName: spec.storageClassName,
      volumeMode: text(spec.volumeMode) || 'Filesystem',
    },
  };
}

export class LocalPathProvisioner implements Controller {
  readonly name = 'local-path-provisioner';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    context.informers.forResource('', 'v1', 'persistentvolumeclaims').addHandler({
      onAdd: (pvc) => enqueue(`pvc/${text(pvc.metadata.namespace)}/${text(pvc.metadata.name)}`),
      onUpdate: (_o, pvc) => enqueue(`pvc/${text(pvc.metadata.namespace)}/${text(pvc.metadata.name)}`),
    });
    context.informers.forResource('', 'v1', 'persistentvolumes').addHandler({
      onUpdate: (_o, pv) => enqueue(`pv/${text(pv.metadata.name)}`),
    });
    context.informers.forResource('storage.k8s.io', 'v1', 'storageclasses');
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [kind, a, b] = key.split('/');
    if (kind === 'pv') return this.syncVolume(a ?? '', context);
    const pvc = context.informers.forResource('', 'v1', 'persistentvolumeclaims').get(`${a ?? ''}/${b ?? ''}`);
    if (!pvc || pvc.metadata.deletionTimestamp || text(rec(pvc.spec).volumeName)) return DONE;
    const nodeName = text(pvc.metadata.annotations?.[ANNOTATION_SELECTED_NODE]);
    if (!nodeName) return DONE;
    const storageClass = context.informers.forResource('storage.k8s.io', 'v1', 'storageclasses').get(text(rec(pvc.spec).storageClassName));
    if (text(storageClass?.provisioner) !== PROVISIONER_NAME) return DONE;
    if (context.informers.forResource('', 'v1', 'persistentvolumes').get(`pvc-${text(pvc.metadata.uid)}`)) return DONE;
    const r = context.client.create(PVS, localPathVolume(pvc, nodeName, text(storageClass?.reclaimPolicy) || 'Delete'));
    return r.ok || r.code === 409 ? DONE : { kind: 'retry', reason: r.status.message ?? 'provisioning failed' };
  }

  /** Deletes its own Released volumes whose reclaim policy is Delete. */
  private syncVolume(name: string, context: ControllerContext): ReconcileResult {
    const pv = context.informers.forResource('', 'v1', 'persistentvolumes').get(name);
    if (!pv || pv.metadata.deletionTimestamp) return DONE;
    if (pv.metadata.annotations?.['pv.kubernetes.io/provisioned-by'] !== PROVISIONER_NAME) return DONE;
    if (rec(pv.status).phase !== 'Released' || rec(pv.spec).persistentVolumeReclaimPolicy !== 'Delete') return DONE;
    const r = context.client.delete({ ...PVS, name });
    return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'delete failed' };
  }
}
