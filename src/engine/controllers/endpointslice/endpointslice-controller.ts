/**
 * endpointslice-controller: one EndpointSlice per Service with a selector (up to 100 endpoints),
 * named `<service>-<5 random chars>`, with each endpoint's ready/serving/terminating conditions.
 */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { backends, endpointHostname, podServiceKeys, resolvePort, serviceSelector, servicePorts } from '../endpoints/service-backends';

const MANAGED_BY = 'endpointslice-controller.k8s.io';

export class EndpointSliceController implements Controller {
  readonly name = 'endpointslice-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    const services = context.informers.forResource('', 'v1', 'services');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    services.addHandler({ onAdd: (s) => enqueue(keyOf(s)), onUpdate: (_o, s) => enqueue(keyOf(s)) });
    // Only the Services that select the pod (now or before) are looked at again.
    const byPod = (pod: KubeObject, previous?: KubeObject) => {
      for (const key of podServiceKeys(services.listNamespace(text(pod.metadata.namespace)), pod, previous)) enqueue(key);
    };
    context.informers.forResource('', 'v1', 'pods').addHandler({ onAdd: (p) => byPod(p), onUpdate: (o, p) => byPod(p, o), onDelete: (p) => byPod(p) });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const service = context.informers.forResource('', 'v1', 'services').get(key);
    if (!service) return DONE; // the garbage collector removes slices owned by a deleted Service
    const selector = serviceSelector(service);
    if (!selector) return DONE;
    const ref = { group: 'discovery.k8s.io', version: 'v1', resource: 'endpointslices', namespace };
    const listed = context.client.list(ref, { labelSelector: `kubernetes.io/service-name=${name},endpointslice.kubernetes.io/managed-by=${MANAGED_BY}` });
    const existing = listed.ok ? listed.value.items[0] : undefined;
    const pods = context.informers.forResource('', 'v1', 'pods').listNamespace(namespace);
    const found = backends(service, pods, selector);
    const resolved = found.length ? servicePorts(service).map((p) => resolvePort(p, found[0]?.pod as KubeObject)).filter((p) => p !== undefined) : servicePorts(service).map((p) => ({ ...(p.name ? { name: text(p.name) } : {}), port: typeof p.targetPort === 'number' ? p.targetPort : Number(p.port), protocol: text(p.protocol) || 'TCP' }));
    // EndpointSlice ports always carry a name, "" when the Service port has none (clients dereference it).
    const ports = resolved.map((p) => ({ name: p.name ?? '', protocol: p.protocol, port: p.port }));
    const endpoints = found.slice(0, 100).map((b) => ({
      addresses: [b.ip],
      conditions: { ready: b.ready, serving: b.serving, terminating: b.terminating },
      ...endpointHostname(service, b.pod),
      nodeName: text((b.pod.spec as Record<string, unknown> | undefined)?.nodeName),
      targetRef: { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid },
    }));
    const desired = {
      addressType: 'IPv4',
      endpoints,
      ports,
    };
    if (existing) {
      if (JSON.stringify({ addressType: existing.addressType, endpoints: existing.endpoints ?? [], ports: existing.ports ?? [] }) === JSON.stringify(desired)) return DONE;
      context.client.update({ ...ref, name: text(existing.metadata.name) }, { ...existing, ...desired });
      return DONE;
    }
    context.client.create(ref, {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: {
        generateName: `${name}-`,
        namespace,
        labels: { ...(service.metadata.labels ?? {}), 'endpointslice.kubernetes.io/managed-by': MANAGED_BY, 'kubernetes.io/service-name': name },
        ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name, uid: text(service.metadata.uid), controller: true, blockOwnerDeletion: true }],
      },
      ...desired,
    });
    return DONE;
  }
}
