/** `kubectl describe` for PersistentVolumes, PersistentVolumeClaims and StorageClasses. */
import type { KubeObject } from '../../api/meta';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { goList, present, printBoolPtr, quantity, rec, recs, searchEvents, since, str, stringMap, strs, timeField, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './format';
import { formatLabels } from './shared';
import { accessModesText, writeClaim, writePersistentVolumeSource } from './volumes';

const BETA_STORAGE_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

/** printVolumeNodeAffinity: the required node selector terms, `Term 0:  key in [a, b]`. */
function writeNodeAffinity(w: DescribeWriter, affinity: unknown): void {
  w.write(0, 'Node Affinity:\t');
  const required = rec(affinity).required;
  if (!present(affinity) || !present(required)) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  w.write(1, 'Required Terms:\t');
  const terms = recs(rec(required).nodeSelectorTerms);
  if (terms.length === 0) {
    w.writeLine('<none>');
    return;
  }
  w.writeLine('');
  terms.forEach((term, i) => {
    w.write(2, `Term ${i}:\t`);
    const reqs = recs(term.matchExpressions);
    if (reqs.length === 0) {
      w.writeLine('<none>');
      return;
    }
    reqs.forEach((r, j) => {
      if (j !== 0) w.write(2, '\t');
      const values = strs(r.values);
      const expr = `${str(r.key)} ${str(r.operator).toLowerCase()}`;
      w.write(0, `${values.length > 0 ? `${expr} [${values.join(', ')}]` : expr}\n`);
    });
  });
}

export function describePersistentVolume(pv: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(pv.spec);
  const status = rec(pv.status);
  w.write(0, `Name:\t${str(pv.metadata.name)}\n`);
  writeLabels(w, 'Labels', pv.metadata.labels);
  writeAnnotations(w, 'Annotations', pv.metadata.annotations);
  w.write(0, `Finalizers:\t${goList(strs(pv.metadata.finalizers))}\n`);
  const annotations = stringMap(pv.metadata.annotations);
  w.write(0, `StorageClass:\t${annotations[BETA_STORAGE_CLASS_ANNOTATION] ?? str(spec.storageClassName)}\n`);
  w.write(0, present(pv.metadata.deletionTimestamp) ? `Status:\tTerminating (lasts ${since(pv.metadata.deletionTimestamp, context.nowMs)})\n` : `Status:\t${str(status.phase)}\n`);
  const claim = present(spec.claimRef) ? `${str(rec(spec.claimRef).namespace)}/${str(rec(spec.claimRef).name)}` : '';
  w.write(0, `Claim:\t${claim}\n`);
  w.write(0, `Reclaim Policy:\t${str(spec.persistentVolumeReclaimPolicy)}\n`);
  w.write(0, `Access Modes:\t${accessModesText(spec.accessModes)}\n`);
  if (typeof spec.volumeMode === 'string') w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  w.write(0, `Capacity:\t${quantity(rec(spec.capacity).storage)}\n`);
  writeNodeAffinity(w, spec.nodeAffinity);
  w.write(0, `Message:\t${str(status.message)}\n`);
  w.write(0, 'Source:\n');
  writePersistentVolumeSource(w, spec);
  writeEvents(w, searchEvents(context, pv), context.nowMs);
  return w.toString();
}

/** getPodsForPVC: pods of the namespace mounting the claim, then owner pods (ephemeral volumes). */
function podsUsingClaim(context: DescribeContext, pvc: KubeObject): KubeObject[] {
  const pods = context.list('', 'pods', str(pvc.metadata.namespace) || undefined);
  const using: KubeObject[] = [];
  for (const pod of pods) {
    for (const v of recs(rec(pod.spec).volumes)) {
      if (present(v.persistentVolumeClaim) && rec(v.persistentVolumeClaim).claimName === pvc.metadata.name) using.push(pod);
    }
  }
  for (const owner of recs(pvc.metadata.ownerReferences)) {
    if (owner.kind !== 'Pod') continue;
    const pod = pods.find((p) => p.metadata.uid === owner.uid);
    if (pod && !using.some((p) => p.metadata.uid === pod.metadata.uid)) using.push(pod);
  }
  return using;
}

export function describePersistentVolumeClaim(pvc: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const status = rec(pvc.status);
  const statusText = present(pvc.metadata.deletionTimestamp) ? `Terminating (lasts ${since(pvc.metadata.deletionTimestamp, context.nowMs)})` : str(status.phase);
  writeClaim(w, { metadata: pvc.metadata, spec: rec(pvc.spec), status }, true, statusText);
  // printPodsMultiline: pod names sorted, one per line.
  const names = podsUsingClaim(context, pvc)
    .map((p) => str(p.metadata.name))
    .sort();
  w.write(0, 'Used By:\t');
  if (names.length === 0) w.writeLine('<none>');
  names.forEach((n, i) => {
    if (i !== 0) w.write(0, '\t');
    w.write(0, `${n}\n`);
  });
  const conditions = recs(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tLastProbeTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)} \t${timeField(c.lastProbeTime)} \t${timeField(c.lastTransitionTime)} \t${str(c.reason)} \t${str(c.message)}\n`);
  }
  writeEvents(w, searchEvents(context, pvc), context.nowMs);
  return w.toString();
}

export function describeStorageClass(sc: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const annotations = stringMap(sc.metadata.annotations);
  const isDefault = annotations['storageclass.kubernetes.io/is-default-class'] === 'true' || annotations['storageclass.beta.kubernetes.io/is-default-class'] === 'true';
  w.write(0, `Name:\t${str(sc.metadata.name)}\n`);
  w.write(0, `IsDefaultClass:\t${isDefault ? 'Yes' : 'No'}\n`);
  w.write(0, `Annotations:\t${formatLabels(annotations)}\n`);
  w.write(0, `Provisioner:\t${str(sc.provisioner)}\n`);
  w.write(0, `Parameters:\t${formatLabels(stringMap(sc.parameters))}\n`);
  w.write(0, `AllowVolumeExpansion:\t${printBoolPtr(sc.allowVolumeExpansion)}\n`);
  const options = strs(sc.mountOptions);
  if (options.length === 0) w.write(0, 'MountOptions:\t<none>\n');
  else {
    w.write(0, 'MountOptions:\n');
    for (const o of options) w.write(1, `${o}\n`);
  }
  if (typeof sc.reclaimPolicy === 'string') w.write(0, `ReclaimPolicy:\t${sc.reclaimPolicy}\n`);
  if (typeof sc.volumeBindingMode === 'string') w.write(0, `VolumeBindingMode:\t${sc.volumeBindingMode}\n`);
  if (Array.isArray(sc.allowedTopologies)) {
    const terms = recs(sc.allowedTopologies);
    w.write(0, 'AllowedTopologies:\t');
    if (terms.length === 0) w.writeLine('<none>');
    else {
      w.writeLine('');
      terms.forEach((term, i) => {
        w.write(1, `Term ${i}:\t`);
        const reqs = recs(term.matchLabelExpressions);
        if (reqs.length === 0) w.writeLine('<none>');
        reqs.forEach((r, j) => {
          if (j !== 0) w.write(1, '\t');
          const values = strs(r.values);
          w.write(0, `${str(r.key)} in${values.length > 0 ? ` [${values.join(', ')}]` : ''}\n`);
        });
      });
    }
  }
  writeEvents(w, searchEvents(context, sc), context.nowMs);
  return w.toString();
}
