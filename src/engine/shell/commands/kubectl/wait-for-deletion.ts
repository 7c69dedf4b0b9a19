/** Waiting for deleted objects to disappear (`kubectl delete --wait`): one watch per object, resolved on DELETED. */
import type { Client, ResourceRef } from '../../../client';
import type { VerbResult } from './index';

export function waitUntilGone(client: Client, objects: { ref: ResourceRef & { name: string }; uid: string }[], exitCode: number): VerbResult {
  return {
    wait(finish) {
      const pending = new Set<number>();
      const stops: (() => void)[] = [];
      const check = (i: number) => {
        pending.delete(i);
        if (pending.size === 0) {
          for (const stop of stops) stop();
          finish(exitCode);
        }
      };
      objects.forEach((o, i) => {
        const current = client.get(o.ref);
        if (!current.ok || current.value.metadata.uid !== o.uid) return;
        pending.add(i);
        const { name, ...collection } = o.ref;
        stops.push(
          client.watch(collection, { fieldSelector: `metadata.name=${name}`, resourceVersion: String(current.value.metadata.resourceVersion) }, (event) => {
            if (event.type === 'DELETED' && event.object.metadata.uid === o.uid) check(i);
          }),
        );
      });
      if (pending.size === 0) {
        finish(exitCode);
        return () => undefined;
      }
      return () => {
        for (const stop of stops) stop();
      };
    },
  };
}
