/**
 * Event names are `<object>.<nanoseconds in hex>`, as client-go names them. On a virtual clock two
 * recorders can write about one object at the same instant (say the kubelet rejects a pod while
 * the taint eviction controller deletes it), so a name already taken moves on by a nanosecond,
 * where real clocks would have differed anyway.
 */
import type { KubeObject } from '../api/meta';
import type { Client, ClientResult, ResourceRef } from './client';

export function createEvent(client: Client, ref: ResourceRef, objectName: string, nanos: bigint, build: (name: string) => KubeObject): { result: ClientResult<KubeObject>; name: string } {
  for (let offset = 0n; ; offset++) {
    const name = `${objectName}.${(nanos + offset).toString(16)}`;
    const result = client.create(ref, build(name));
    if (result.ok || result.code !== 409 || offset >= 16n) return { result, name };
  }
}
