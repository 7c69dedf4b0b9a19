/**
 * Volumes of a pod (describeVolumes) and the source of a PersistentVolume, each source type with
 * its own one-line explanation, as kubectl prints them. Continuation lines carry four spaces of
 * their own, so they align with the `Type:` line in the same tabwriter column.
 *
 * Caveats: the long-deprecated in-tree sources (GCE PD, AWS EBS, Azure, Cinder, RBD, ...) other
 * than the ones below print `<unknown>` here, where kubectl prints their fields.
 */
import { goSortStrings } from '../printers/go-format';
import { goList, int, nested, present, quantity, rec, recs, str, strs, stringMap, writeAnnotations, writeLabels, type DescribeWriter } from './format';

const MAX_ATTRIBUTE_LENGTH = 140;

/** printCSIPersistentVolumeAttributesMultilineIndent: `VolumeAttributes:  k=v` lines at level 2. */
function writeVolumeAttributes(w: DescribeWriter, attributes: unknown): void {
  w.write(2, 'VolumeAttributes:\t');
  const map = stringMap(attributes);
  const keys = goSortStrings(Object.keys(map));
  if (keys.length === 0) {
    w.writeLine('<none>');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(2, '\t');
    const line = `${key}=${map[key] ?? ''}`;
    w.write(2, line.length > MAX_ATTRIBUTE_LENGTH ? `${line.slice(0, MAX_ATTRIBUTE_LENGTH)}...\n` : `${line}\n`);
  });
}

function hostPath(w: DescribeWriter, s: Record<string, unknown>): void {
  w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${str(s.path)}\n    HostPathType:\t${typeof s.type === 'string' ? s.type : '<none>'}\n`);
}

function nfs(w: DescribeWriter, s: Record<string, unknown>): void {
  w.write(2, `Type:\tNFS (an NFS mount that lasts the lifetime of a pod)\n    Server:\t${str(s.server)}\n    Path:\t${str(s.path)}\n    ReadOnly:\t${s.readOnly === true}\n`);
}

/** printPersistentVolumeClaim (shared by `describe pvc` and ephemeral volume templates). */
/** `statusText` replaces the phase (`Terminating (lasts 5s)`) for a full claim. */
export function writeClaim(w: DescribeWriter, pvc: Record<string, unknown>, full: boolean, statusText?: string): void {
  const meta = rec(pvc.metadata);
  const spec = rec(pvc.spec);
  const status = rec(pvc.status);
  if (full) {
    w.write(0, `Name:\t${str(meta.name)}\n`);
    w.write(0, `Namespace:\t${str(meta.namespace)}\n`);
  }
  const annotations = stringMap(meta.annotations);
  const className = annotations['volume.beta.kubernetes.io/storage-class'] ?? str(spec.storageClassName);
  w.write(0, `StorageClass:\t${className}\n`);
  if (full) w.write(0, `Status:\t${statusText ?? str(status.phase)}\n`);
  w.write(0, `Volume:\t${str(spec.volumeName)}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  if (full) w.write(0, `Finalizers:\t${goList(strs(meta.finalizers))}\n`);
  const bound = str(spec.volumeName) !== '';
  w.write(0, `Capacity:\t${bound ? quantity(rec(status.capacity).storage) : ''}\n`);
  w.write(0, `Access Modes:\t${bound ? accessModesText(status.accessModes) : ''}\n`);
  if (typeof spec.volumeMode === 'string') w.write(0, `VolumeMode:\t${spec.volumeMode}\n`);
  if (present(spec.dataSource)) {
    const ds = rec(spec.dataSource);
    w.write(0, 'DataSource:\n');
    if (typeof ds.apiGroup === 'string') w.write(1, `APIGroup:\t${ds.apiGroup}\n`);
    w.write(1, `Kind:\t${str(ds.kind)}\n`);
    w.write(1, `Name:\t${str(ds.name)}\n`);
  }
}

/** GetAccessModesAsString. */
export function accessModesText(modes: unknown): string {
  const list = strs(modes);
  const order: [string, string][] = [
    ['ReadWriteOnce', 'RWO'],
    ['ReadOnlyMany', 'ROX'],
    ['ReadWriteMany', 'RWX'],
    ['ReadWriteOncePod', 'RWOP'],
  ];
  return order
    .filter(([m]) => list.includes(m))
    .map(([, s]) => s)
    .join(',');
}

function projected(w: DescribeWriter, s: Record<string, unknown>): void {
  w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
  for (const source of recs(s.sources)) {
    if (present(source.secret)) {
      const secret = rec(source.secret);
      w.write(2, `SecretName:\t${str(secret.name)}\n    Optional:\t${secret.optional === true}\n`);
    } else if (present(source.downwardAPI)) {
      w.write(2, 'DownwardAPI:\ttrue\n');
    } else if (present(source.configMap)) {
      const cm = rec(source.configMap);
      w.write(2, `ConfigMapName:\t${str(cm.name)}\n    Optional:\t${cm.optional === true}\n`);
    } else if (present(source.serviceAccountToken)) {
      w.write(2, `TokenExpirationSeconds:\t${int(rec(source.serviceAccountToken).expirationSeconds)}\n`);
    }
  }
}

/** One pod volume's source lines. */
function writeVolumeSource(w: DescribeWriter, v: Record<string, unknown>): void {
  if (present(v.hostPath)) return hostPath(w, rec(v.hostPath));
  if (present(v.emptyDir)) {
    const e = rec(v.emptyDir);
    const limit = present(e.sizeLimit) && quantity(e.sizeLimit) !== '0' && !quantity(e.sizeLimit).startsWith('-') ? quantity(e.sizeLimit) : '<unset>';
    return w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${str(e.medium)}\n    SizeLimit:\t${limit}\n`);
  }
  if (present(v.gitRepo)) {
    const g = rec(v.gitRepo);
    return w.write(2, `Type:\tGitRepo (a volume that is pulled from git when the pod is created)\n    Repository:\t${str(g.repository)}\n    Revision:\t${str(g.revision)}\n`);
  }
  if (present(v.secret)) {
    const s = rec(v.secret);
    return w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${str(s.secretName)}\n    Optional:\t${s.optional === true}\n`);
  }
  if (present(v.configMap)) {
    const c = rec(v.configMap);
    return w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${str(c.name)}\n    Optional:\t${c.optional === true}\n`);
  }
  if (present(v.nfs)) return nfs(w, rec(v.nfs));
  if (present(v.persistentVolumeClaim)) {
    const c = rec(v.persistentVolumeClaim);
    return w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${str(c.claimName)}\n    ReadOnly:\t${c.readOnly === true}\n`);
  }
  if (present(v.ephemeral)) {
    w.write(2, 'Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)\n');
    const template = rec(v.ephemeral).volumeClaimTemplate;
    if (present(template)) writeClaim(nested(w, 2), { metadata: rec(rec(template).metadata), spec: rec(rec(template).spec) }, false);
    return;
  }
  if (present(v.downwardAPI)) {
    w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
    for (const item of recs(rec(v.downwardAPI).items)) {
      if (present(item.fieldRef)) w.write(3, `${str(rec(item.fieldRef).fieldPath)} -> ${str(item.path)}\n`);
      if (present(item.resourceFieldRef)) w.write(3, `${str(rec(item.resourceFieldRef).resource)} -> ${str(item.path)}\n`);
    }
    return;
  }
  if (present(v.projected)) return projected(w, rec(v.projected));
  if (present(v.csi)) {
    const c = rec(v.csi);
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(c.driver)}\n    FSType:\t${str(c.fsType)}\n    ReadOnly:\t${c.readOnly === true}\n`);
    return writeVolumeAttributes(w, c.volumeAttributes);
  }
  if (present(v.image)) {
    const i = rec(v.image);
    return w.write(2, `Type:\tImage (a container image or OCI artifact)\n    Reference:\t${str(i.reference)}\n    PullPolicy:\t${str(i.pullPolicy)}\n`);
  }
  w.write(1, '<unknown>\n');
}

/** describeVolumes: `Volumes:  <none>` or each volume by name with its source. */
export function writeVolumes(w: DescribeWriter, volumes: unknown, space = ''): void {
  const list = recs(volumes);
  if (list.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space ? ' ' : ''}${str(v.name)}:\n`);
    writeVolumeSource(w, v);
  }
}

/** The `Source:` lines of a PersistentVolume. */
export function writePersistentVolumeSource(w: DescribeWriter, spec: Record<string, unknown>): void {
  if (present(spec.hostPath)) return hostPath(w, rec(spec.hostPath));
  if (present(spec.nfs)) return nfs(w, rec(spec.nfs));
  if (present(spec.local)) return w.write(2, `Type:\tLocalVolume (a persistent volume backed by local storage on a node)\n    Path:\t${str(rec(spec.local).path)}\n`);
  if (present(spec.csi)) {
    const c = rec(spec.csi);
    w.write(2, `Type:\tCSI (a Container Storage Interface (CSI) volume source)\n    Driver:\t${str(c.driver)}\n    FSType:\t${str(c.fsType)}\n    VolumeHandle:\t${str(c.volumeHandle)}\n    ReadOnly:\t${c.readOnly === true}\n`);
    return writeVolumeAttributes(w, c.volumeAttributes);
  }
  w.write(1, '<unknown>\n');
}
