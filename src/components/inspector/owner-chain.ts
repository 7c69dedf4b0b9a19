/** The chain of controlling owners above an object (Deployment → ReplicaSet → Pod), read from the mirror. */
import type { KubeObject } from '../../engine';
import type { InspectTarget } from '../../engine/protocol';
import type { ObjectsByUid } from '../../state/mirror';

export function targetOf(object: KubeObject): InspectTarget {
  const namespace = object.metadata.namespace;
  return { kind: object.kind, name: String(object.metadata.name), ...(typeof namespace === 'string' ? { namespace } : {}) };
}

export function findObject(byKind: ReadonlyMap<string, ObjectsByUid>, target: InspectTarget): KubeObject | undefined {
  for (const object of byKind.get(target.kind)?.values() ?? []) {
    if (object.kind === target.kind && object.metadata.name === target.name && (object.metadata.namespace ?? undefined) === target.namespace) return object;
  }
  return undefined;
}

/** Owners from the top down, ending with the object itself; an owner not in the mirror ends the climb. */
export function ownerChain(objects: ObjectsByUid, object: KubeObject): InspectTarget[] {
  const chain: InspectTarget[] = [targetOf(object)];
  let current = object;
  const seen = new Set<string>([String(current.metadata.uid)]);
  for (;;) {
    const refs = current.metadata.ownerReferences ?? [];
    const controller = refs.find((r) => r.controller === true) ?? refs[0];
    const owner = controller ? objects.get(controller.uid) : undefined;
    if (!owner || seen.has(String(owner.metadata.uid))) break;
    seen.add(String(owner.metadata.uid));
    chain.unshift(targetOf(owner));
    current = owner;
  }
  return chain;
}
