/**
 * The kubelet's volume manager, for the volume types whose source is an API object: a pod whose
 * `secret` or `configMap` volume names an object that does not exist (and is not optional) waits
 * for it before its sandbox is made, with a FailedMount event per failed attempt; the attempts
 * back off from 500 ms, doubling to 2m2s (nestedpendingoperations' exponential backoff).
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Client } from '../client';

export const MOUNT_RETRY_INITIAL_MS = 500;
export const MOUNT_RETRY_MAX_MS = 122_000;

/** The FailedMount message of the first volume that cannot be set up, or undefined when all can. */
export function unmountableVolume(pod: KubeObject, client: Client): string | undefined {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  const namespace = text(pod.metadata.namespace) || 'default';
  for (const volume of Array.isArray(spec.volumes) ? spec.volumes.filter(isRecord) : []) {
    const secret = isRecord(volume.secret) ? volume.secret : undefined;
    const configMap = isRecord(volume.configMap) ? volume.configMap : undefined;
    const source = secret ?? configMap;
    if (!source || source.optional === true) continue;
    const name = text(secret ? source.secretName : source.name);
    const found = client.get({ group: '', version: 'v1', resource: secret ? 'secrets' : 'configmaps', namespace, name });
    if (!found.ok) return `MountVolume.SetUp failed for volume "${text(volume.name)}" : ${secret ? 'secret' : 'configmap'} "${name}" not found`;
  }
  return undefined;
}
