/**
 * Secondary indexes of the API server's cache: objects by label pair and pods by spec.nodeName,
 * so `-l app=web` and `spec.nodeName=kind-worker` do not scan every object of a resource.
 */
import type { KubeObject } from '../api/meta';
import { isRecord } from '../api/meta';

type KeySet = Set<string>;

export class ObjectIndexes {
  /** storage prefix → "key=value" → etcd keys */
  private readonly labels = new Map<string, Map<string, KeySet>>();
  /** node name → pod etcd keys */
  private readonly podsByNode = new Map<string, KeySet>();

  update(storagePrefix: string, key: string, previous: KubeObject | undefined, next: KubeObject | undefined): void {
    const byLabel = this.labelMap(storagePrefix);
    for (const [k, v] of Object.entries(previous?.metadata.labels ?? {})) byLabel.get(`${k}=${v}`)?.delete(key);
    for (const [k, v] of Object.entries(next?.metadata.labels ?? {})) {
      const entry = `${k}=${v}`;
      let set = byLabel.get(entry);
      if (!set) byLabel.set(entry, (set = new Set()));
      set.add(key);
    }
    if (storagePrefix === 'pods') {
      const before = nodeNameOf(previous);
      const after = nodeNameOf(next);
      if (before) this.podsByNode.get(before)?.delete(key);
      if (after) {
        let set = this.podsByNode.get(after);
        if (!set) this.podsByNode.set(after, (set = new Set()));
        set.add(key);
      }
    }
  }

  /** Keys whose labels include `key=value`. */
  withLabel(storagePrefix: string, key: string, value: string): ReadonlySet<string> {
    return this.labels.get(storagePrefix)?.get(`${key}=${value}`) ?? new Set();
  }

  podsOnNode(nodeName: string): ReadonlySet<string> {
    return this.podsByNode.get(nodeName) ?? new Set();
  }

  private labelMap(prefix: string): Map<string, KeySet> {
    let m = this.labels.get(prefix);
    if (!m) this.labels.set(prefix, (m = new Map<string, KeySet>()));
    return m;
  }
}

function nodeNameOf(object: KubeObject | undefined): string | undefined {
  const spec = object?.spec;
  return isRecord(spec) && typeof spec.nodeName === 'string' && spec.nodeName !== '' ? spec.nodeName : undefined;
}
