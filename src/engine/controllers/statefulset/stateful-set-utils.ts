/**
 * A StatefulSet pod's stable identity (stateful_set_utils.go): the name `<set>-<ordinal>`, the
 * `statefulset.kubernetes.io/pod-name` and `apps.kubernetes.io/pod-index` labels, hostname and
 * subdomain (the governing Service), and one PersistentVolumeClaim per volumeClaimTemplate named
 * `<template>-<set>-<ordinal>`, mounted as the template's volume.
 */
import type { KubeObject } from '../../api/meta';
import { deepCopy, isRecord, text } from '../../api/meta';
import { isPodReady } from '../pod-helpers';

export const POD_NAME_LABEL = 'statefulset.kubernetes.io/pod-name';
export const POD_INDEX_LABEL = 'apps.kubernetes.io/pod-index';
export const REVISION_LABEL = 'controller-revision-hash';

type Obj = Record<string, unknown>;

function rec(v: unknown): Obj {
  return isRecord(v) ? v : {};
}

function recs(v: unknown): Obj[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

/** getParentNameAndOrdinal: `web-2` is ordinal 2 of `web`; -1 for names without a trailing number. */
export function parentAndOrdinal(podName: string): { parent: string; ordinal: number } {
  const m = /^(.*)-([0-9]+)$/.exec(podName);
  if (!m) return { parent: '', ordinal: -1 };
  const ordinal = Number(m[2]);
  return { parent: m[1] ?? '', ordinal: ordinal <= 2147483647 ? ordinal : -1 };
}

export function ordinalOf(pod: KubeObject): number {
  return parentAndOrdinal(text(pod.metadata.name)).ordinal;
}

export function isMemberOf(set: KubeObject, pod: KubeObject): boolean {
  return parentAndOrdinal(text(pod.metadata.name)).parent === text(set.metadata.name);
}

export function replicasOf(set: KubeObject): number {
  const r = rec(set.spec).replicas;
  return typeof r === 'number' ? r : 1;
}

/** spec.ordinals.start, 0 when unset. */
export function startOrdinal(set: KubeObject): number {
  const start = rec(rec(set.spec).ordinals).start;
  return typeof start === 'number' ? start : 0;
}

export function inOrdinalRange(set: KubeObject, pod: KubeObject): boolean {
  const ordinal = ordinalOf(pod);
  return ordinal >= startOrdinal(set) && ordinal < startOrdinal(set) + replicasOf(set);
}

export function podName(set: KubeObject, ordinal: number): string {
  return `${text(set.metadata.name)}-${ordinal}`;
}

export function claimName(set: KubeObject, template: Obj, ordinal: number): string {
  return `${text(rec(template.metadata).name)}-${text(set.metadata.name)}-${ordinal}`;
}

export function claimTemplates(set: KubeObject): Obj[] {
  return recs(rec(set.spec).volumeClaimTemplates);
}

/** getPersistentVolumeClaims: the claims a member needs, labelled with the set's matchLabels. */
export function claimsFor(set: KubeObject, ordinal: number): KubeObject[] {
  const matchLabels = rec(rec(rec(set.spec).selector).matchLabels) as Record<string, string>;
  return claimTemplates(set).map((template) => {
    const meta = rec(template.metadata);
    return {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: {
        name: claimName(set, template, ordinal),
        namespace: set.metadata.namespace,
        labels: { ...(rec(meta.labels) as Record<string, string>), ...matchLabels },
        ...(isRecord(meta.annotations) ? { annotations: { ...(meta.annotations as Record<string, string>) } } : {}),
      },
      spec: deepCopy(rec(template.spec)),
    };
  });
}

/** identityMatches: the right name, namespace and pod-name label for its ordinal. */
export function identityMatches(set: KubeObject, pod: KubeObject): boolean {
  const { parent, ordinal } = parentAndOrdinal(text(pod.metadata.name));
  return ordinal >= 0 && parent === text(set.metadata.name) && pod.metadata.namespace === set.metadata.namespace && pod.metadata.labels?.[POD_NAME_LABEL] === pod.metadata.name;
}

/** storageMatches: every claim template is mounted from this member's claim. */
export function storageMatches(set: KubeObject, pod: KubeObject): boolean {
  const ordinal = ordinalOf(pod);
  if (ordinal < 0) return false;
  const volumes = recs(rec(pod.spec).volumes);
  return claimTemplates(set).every((t) => text(rec(volumes.find((v) => v.name === rec(t.metadata).name)?.persistentVolumeClaim).claimName) === claimName(set, t, ordinal));
}

/** updateIdentity: name label and pod index label (PodIndexLabel is on by default since 1.28). */
export function identityLabels(set: KubeObject, ordinal: number): Record<string, string> {
  return { [POD_NAME_LABEL]: podName(set, ordinal), [POD_INDEX_LABEL]: String(ordinal) };
}

/** updateStorage: the claims' volumes first, then the template's other volumes. */
export function volumesWithClaims(set: KubeObject, ordinal: number, volumes: unknown): Obj[] {
  const templates = claimTemplates(set);
  const names = new Set(templates.map((t) => text(rec(t.metadata).name)));
  const claimVolumes = templates.map((t) => ({ name: text(rec(t.metadata).name), persistentVolumeClaim: { claimName: claimName(set, t, ordinal) } }));
  return [...claimVolumes, ...recs(volumes).filter((v) => !names.has(text(v.name)))];
}

/**
 * newStatefulSetPod: a pod from `template` (the template of the revision it is made at) with the
 * member's identity, storage, revision label and the set as controller.
 */
export function newStatefulSetPod(set: KubeObject, template: Obj, ordinal: number, revisionName: string): KubeObject {
  const meta = rec(template.metadata);
  const spec = deepCopy(rec(template.spec));
  const name = podName(set, ordinal);
  spec.hostname = name;
  const serviceName = text(rec(set.spec).serviceName);
  if (serviceName) spec.subdomain = serviceName;
  if (claimTemplates(set).length > 0) spec.volumes = volumesWithClaims(set, ordinal, spec.volumes);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: set.metadata.namespace,
      labels: { ...(rec(meta.labels) as Record<string, string>), ...identityLabels(set, ordinal), [REVISION_LABEL]: revisionName },
      ...(isRecord(meta.annotations) ? { annotations: { ...(meta.annotations as Record<string, string>) } } : {}),
      ...(Array.isArray(meta.finalizers) ? { finalizers: [...(meta.finalizers as string[])] } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'StatefulSet', name: text(set.metadata.name), uid: text(set.metadata.uid), controller: true, blockOwnerDeletion: true }],
    },
    spec,
  };
}

export function podRevision(pod: KubeObject): string {
  return pod.metadata.labels?.[REVISION_LABEL] ?? '';
}

/** isCreated: the API server has the pod (it has a phase). */
export function isCreated(pod: KubeObject): boolean {
  return text(rec(pod.status).phase) !== '';
}

export function phaseOf(pod: KubeObject): string {
  return text(rec(pod.status).phase);
}

export function isTerminating(pod: KubeObject): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

export function isRunningAndReady(pod: KubeObject): boolean {
  return phaseOf(pod) === 'Running' && isPodReady(pod);
}

/** isHealthy: running, ready and not being deleted. */
export function isHealthy(pod: KubeObject): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
