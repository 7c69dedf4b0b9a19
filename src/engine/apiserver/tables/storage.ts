/** Storage: PersistentVolumes, PersistentVolumeClaims, StorageClasses, CSIDrivers, CSINodes, VolumeAttachments. */
import type { KubeObject } from '../../api/meta';
import { accessModes, AGE_COLUMN, age, arr, col, doc, name, NAME_COLUMN, quantity, rec, str, strings } from './cells';
import type { Printer } from './types';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';
const DEFAULT_CLASS_ANNOTATION = 'storageclass.kubernetes.io/is-default-class';
const BETA_DEFAULT_CLASS_ANNOTATION = 'storageclass.beta.kubernetes.io/is-default-class';

function annotations(o: KubeObject): Record<string, unknown> {
  return rec(o.metadata.annotations);
}

/** GetPersistentVolumeClass / GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function storageClassOf(o: KubeObject): string {
  const a = annotations(o);
  if (typeof a[BETA_STORAGE_CLASS_ANNOTATION] === 'string') return a[BETA_STORAGE_CLASS_ANNOTATION];
  return str(rec(o.spec).storageClassName);
}

/** IsDefaultAnnotation: either default-class annotation set to "true". */
export function isDefaultStorageClass(o: KubeObject): boolean {
  const a = annotations(o);
  return a[DEFAULT_CLASS_ANNOTATION] === 'true' || a[BETA_DEFAULT_CLASS_ANNOTATION] === 'true';
}

function deleting(o: KubeObject): boolean {
  return o.metadata.deletionTimestamp !== undefined && o.metadata.deletionTimestamp !== null;
}

function optionalString(value: unknown, unset: string): string {
  return typeof value === 'string' ? value : unset;
}

export const persistentVolumePrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Capacity', 'string', doc('core.PersistentVolumeSpec.capacity')),
    col('Access Modes', 'string', doc('core.PersistentVolumeSpec.accessModes')),
    col('Reclaim Policy', 'string', doc('core.PersistentVolumeSpec.persistentVolumeReclaimPolicy')),
    col('Status', 'string', doc('core.PersistentVolumeStatus.phase')),
    col('Claim', 'string', doc('core.PersistentVolumeSpec.claimRef')),
    col('StorageClass', 'string', 'StorageClass of the pv'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pv'),
    col('Reason', 'string', doc('core.PersistentVolumeStatus.reason')),
    AGE_COLUMN,
    col('VolumeMode', 'string', doc('core.PersistentVolumeSpec.volumeMode'), { priority: 1 }),
  ],
  row(pv, nowMs) {
    const spec = rec(pv.spec);
    const status = rec(pv.status);
    const claim = spec.claimRef === undefined || spec.claimRef === null ? '' : `${str(rec(spec.claimRef).namespace)}/${str(rec(spec.claimRef).name)}`;
    const phase = deleting(pv) ? 'Terminating' : str(status.phase);
    return {
      cells: [
        name(pv),
        quantity(rec(spec.capacity).storage),
        accessModes(spec.accessModes),
        str(spec.persistentVolumeReclaimPolicy),
        phase,
        claim,
        storageClassOf(pv),
        optionalString(spec.volumeAttributesClassName, '<unset>'),
        str(status.reason),
        age(pv, nowMs),
        optionalString(spec.volumeMode, '<unset>'),
      ],
    };
  },
};

export const persistentVolumeClaimPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', doc('core.PersistentVolumeClaimStatus.phase')),
    col('Volume', 'string', doc('core.PersistentVolumeClaimSpec.volumeName')),
    col('Capacity', 'string', doc('core.PersistentVolumeClaimStatus.capacity')),
    col('Access Modes', 'string', doc('core.PersistentVolumeClaimStatus.accessModes')),
    col('StorageClass', 'string', 'StorageClass of the pvc'),
    col('VolumeAttributesClass', 'string', 'VolumeAttributesClass of the pvc'),
    AGE_COLUMN,
    col('VolumeMode', 'string', doc('core.PersistentVolumeClaimSpec.volumeMode'), { priority: 1 }),
  ],
  row(pvc, nowMs) {
    const spec = rec(pvc.spec);
    const status = rec(pvc.status);
    const volumeName = str(spec.volumeName);
    // Capacity and access modes come from the status, and only once the claim names a volume.
    const capacity = volumeName ? quantity(rec(status.capacity).storage) : '';
    const modes = volumeName ? accessModes(status.accessModes) : '';
    return {
      cells: [
        name(pvc),
        deleting(pvc) ? 'Terminating' : str(status.phase),
        volumeName,
        capacity,
        modes,
        storageClassOf(pvc),
        optionalString(spec.volumeAttributesClassName, '<unset>'),
        age(pvc, nowMs),
        optionalString(spec.volumeMode, '<unset>'),
      ],
    };
  },
};

export const storageClassPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Provisioner', 'string', doc('storage.StorageClass.provisioner')),
    col('ReclaimPolicy', 'string', doc('storage.StorageClass.reclaimPolicy')),
    col('VolumeBindingMode', 'string', doc('storage.StorageClass.volumeBindingMode')),
    col('AllowVolumeExpansion', 'string', doc('storage.StorageClass.allowVolumeExpansion')),
    AGE_COLUMN,
  ],
  row(sc, nowMs) {
    return {
      cells: [
        isDefaultStorageClass(sc) ? `${name(sc)} (default)` : name(sc),
        str(sc.provisioner),
        optionalString(sc.reclaimPolicy, 'Delete'),
        optionalString(sc.volumeBindingMode, 'Immediate'),
        sc.allowVolumeExpansion === true,
        age(sc, nowMs),
      ],
    };
  },
};

export const csiDriverPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('AttachRequired', 'boolean', doc('storage.CSIDriverSpec.attachRequired')),
    col('PodInfoOnMount', 'boolean', doc('storage.CSIDriverSpec.podInfoOnMount')),
    col('StorageCapacity', 'boolean', doc('storage.CSIDriverSpec.storageCapacity')),
    col('TokenRequests', 'string', doc('storage.CSIDriverSpec.tokenRequests')),
    col('RequiresRepublish', 'boolean', doc('storage.CSIDriverSpec.requiresRepublish')),
    col('Modes', 'string', doc('storage.CSIDriverSpec.volumeLifecycleModes')),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    const tokenRequests = Array.isArray(spec.tokenRequests) ? arr(spec.tokenRequests).map((t) => str(t.audience)).join(',') : '<unset>';
    const modes = strings(spec.volumeLifecycleModes).join(',') || '<none>';
    return { cells: [name(o), spec.attachRequired !== false, spec.podInfoOnMount === true, spec.storageCapacity === true, tokenRequests, spec.requiresRepublish === true, modes, age(o, nowMs)] };
  },
};

export const csiNodePrinter: Printer = {
  columns: [NAME_COLUMN, col('Drivers', 'integer', 'Drivers indicates the number of CSI drivers registered on the node'), AGE_COLUMN],
  row: (o, nowMs) => ({ cells: [name(o), arr(rec(o.spec).drivers).length, age(o, nowMs)] }),
};

export const volumeAttachmentPrinter: Printer = {
  columns: [
    NAME_COLUMN,
    col('Attacher', 'string', doc('storage.VolumeAttachmentSpec.attacher'), { format: 'name' }),
    col('PV', 'string', doc('storage.VolumeAttachmentSource.persistentVolumeName')),
    col('Node', 'string', doc('storage.VolumeAttachmentSpec.nodeName')),
    col('Attached', 'boolean', doc('storage.VolumeAttachmentStatus.attached')),
    AGE_COLUMN,
  ],
  row(o, nowMs) {
    const spec = rec(o.spec);
    return { cells: [name(o), str(spec.attacher), str(rec(spec.source).persistentVolumeName), str(spec.nodeName), rec(o.status).attached === true, age(o, nowMs)] };
  },
};
