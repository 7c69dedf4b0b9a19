/**
 * events.k8s.io/v1 Event ↔ core/v1 Event. Both APIs serve the same stored objects (kept in the
 * core shape); the newer API renames fields (regarding = involvedObject, note = message,
 * deprecatedSource = source, ...). Components write through events.k8s.io/v1, as Kubernetes'
 * own do, and `kubectl describe` reads the core view.
 */
import type { KubeObject } from '../../api/meta';

const RENAMES: readonly (readonly [events: string, core: string])[] = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(object: KubeObject, from: 0 | 1, apiVersion: string): KubeObject {
  const to = from === 0 ? 1 : 0;
  const out: KubeObject = { ...object, apiVersion };
  for (const pair of RENAMES) {
    const source = pair[from];
    if (source in out) {
      out[pair[to]] = out[source];
      delete out[source];
    }
  }
  return out;
}

/** An events.k8s.io/v1 body → the stored (core/v1) shape. */
export function eventsV1ToCore(object: KubeObject): KubeObject {
  return rename(object, 0, 'v1');
}

/** A stored (core/v1) Event → the events.k8s.io/v1 shape. */
export function coreToEventsV1(object: KubeObject): KubeObject {
  return rename(object, 1, 'events.k8s.io/v1');
}
