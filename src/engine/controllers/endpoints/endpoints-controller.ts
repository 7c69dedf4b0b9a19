/**
 * endpoints-controller: keeps a v1 Endpoints object per Service with a selector — ready pod IPs in
 * `addresses`, the rest in `notReadyAddresses` — grouped into subsets by port set. (v1 Endpoints
 * are deprecated since v1.33 in favour of EndpointSlices, but still maintained and shown.)
 */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { formatRfc3339 } from '../../api/time';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';
import { backends, endpointHostname, podServiceKeys, resolvePort, serviceSelector, servicePorts, type ResolvedPort } from './service-backends';

export class EndpointsController implements Controller {
  readonly name = 'endpoints-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    const services = context.informers.forResource('', 'v1', 'services');
    const keyOf = (o: KubeObject) => `${text(o.metadata.namespace)}/${text(o.metadata.name)}`;
    services.addHandler({ onAdd: (s) => enqueue(keyOf(s)), onUpdate: (_o, s) => enqueue(keyOf(s)), onDelete: (s) => enqueue(keyOf(s)) });
    // Only the Services that select the pod (now or before) are looked at again.
    const byPod = (pod: KubeObject, previous?: KubeObject) => {
      for (const key of podServiceKeys(services.listNamespace(text(pod.metadata.namespace)), pod, previous)) enqueue(key);
    };
    context.informers.forResource('', 'v1', 'pods').addHandler({ onAdd: (p) => byPod(p), onUpdate: (o, p) => byPod(p, o), onDelete: (p) => byPod(p) });
  }

  reconcile(key: string, context: ControllerContext): ReconcileResult {
    const [namespace = '', name = ''] = key.split('/');
    const ref = { group: '', version: 'v1', resource: 'endpoints', namespace, name };
    const service = context.informers.forResource('', 'v1', 'services').get(key);
    const existing = context.client.get(ref);
    if (!service) {
      if (existing.ok && existing.value.metadata.labels?.['endpointslice.kubernetes.io/skip-mirror'] !== 'true') context.client.delete(ref);
      return DONE;
    }
    const selector = serviceSelector(service);
    if (!selector) return DONE; // Endpoints of selector-less Services are the user's to write.
    const pods = context.informers.forResource('', 'v1', 'pods').listNamespace(namespace);
    const bySubset = new Map<string, { addresses: Record<string, unknown>[]; notReadyAddresses: Record<string, unknown>[]; ports: readonly ResolvedPort[] }>();
    for (const b of backends(service, pods, selector)) {
      if (b.terminating && !b.ready) continue;
      const ports = servicePorts(service)
        .map((p) => resolvePort(p, b.pod))
        .filter((p): p is NonNullable<typeof p> => p !== undefined);
      const k = JSON.stringify(ports);
      const subset = bySubset.get(k) ?? { addresses: [], notReadyAddresses: [], ports };
      bySubset.set(k, subset);
      const address = { ip: b.ip, ...endpointHostname(service, b.pod), nodeName: text((b.pod.spec as Record<string, unknown> | undefined)?.nodeName), targetRef: { kind: 'Pod', name: b.pod.metadata.name, namespace: b.pod.metadata.namespace, uid: b.pod.metadata.uid } };
      (b.ready ? subset.addresses : subset.notReadyAddresses).push(address);
    }
    // RepackSubsets orders addresses by IP.
    const byIP = (a: Record<string, unknown>, b: Record<string, unknown>) => (text(a.ip) < text(b.ip) ? -1 : text(a.ip) > text(b.ip) ? 1 : 0);
    const subsets = [...bySubset.values()].map((s) => {
      s.addresses.sort(byIP);
      s.notReadyAddresses.sort(byIP);
      const out: Record<string, unknown> = {};
      if (s.addresses.length) out.addresses = s.addresses;
      if (s.notReadyAddresses.length) out.notReadyAddresses = s.notReadyAddresses;
      out.ports = s.ports;
      return out;
    });
    const body: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace, labels: { ...(service.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' }, annotations: { 'endpoints.kubernetes.io/last-change-trigger-time': formatRfc3339(context.loop.nowMs()) } },
    };
    if (subsets.length) body.subsets = subsets;
    if (!existing.ok) {
      context.client.create({ ...ref, name: undefined }, body);
      return DONE;
    }
    if (JSON.stringify(existing.value.subsets ?? null) === JSON.stringify(body.subsets ?? null)) return DONE;
    context.client.update(ref, { ...body, metadata: { ...body.metadata, resourceVersion: existing.value.metadata.resourceVersion } });
    return DONE;
  }
}
