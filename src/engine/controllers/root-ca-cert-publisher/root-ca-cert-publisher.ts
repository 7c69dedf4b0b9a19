/** root-ca-cert-publisher: every active Namespace has the ConfigMap `kube-root-ca.crt` with the cluster CA. */
import { isRecord } from '../../api/meta';
import { clusterCaPem } from '../../cluster/ca';
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
const DESCRIPTION = 'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

export class RootCACertPublisher implements Controller {
  readonly name = 'root-ca-cert-publisher';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    context.informers.forResource('', 'v1', 'namespaces').addHandler({
      onAdd: (ns) => enqueue(String(ns.metadata.name)),
      onUpdate: (_o, ns) => enqueue(String(ns.metadata.name)),
    });
    context.informers.forResource('', 'v1', 'configmaps').addHandler({
      onUpdate: (_o, cm) => {
        if (cm.metadata.name === ROOT_CA_CONFIGMAP) enqueue(String(cm.metadata.namespace));
      },
      onDelete: (cm) => {
        if (cm.metadata.name === ROOT_CA_CONFIGMAP) enqueue(String(cm.metadata.namespace));
      },
    });
  }

  reconcile(namespace: string, context: ControllerContext): ReconcileResult {
    const ns = context.informers.forResource('', 'v1', 'namespaces').get(namespace);
    if (!ns || ns.metadata.deletionTimestamp) return DONE;
    const ca = clusterCaPem();
    const existing = context.informers.forResource('', 'v1', 'configmaps').get(`${namespace}/${ROOT_CA_CONFIGMAP}`);
    const ref = { group: '', version: 'v1', resource: 'configmaps', namespace };
    if (existing) {
      const data = isRecord(existing.data) ? existing.data : {};
      if (data['ca.crt'] === ca && existing.metadata.annotations?.['kubernetes.io/description'] === DESCRIPTION) return DONE;
      const r = context.client.update({ ...ref, name: ROOT_CA_CONFIGMAP }, { ...existing, metadata: { ...existing.metadata, annotations: { ...(existing.metadata.annotations ?? {}), 'kubernetes.io/description': DESCRIPTION } }, data: { 'ca.crt': ca } });
      return r.ok || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'update failed' };
    }
    const r = context.client.create(ref, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { 'kubernetes.io/description': DESCRIPTION } }, data: { 'ca.crt': ca } });
    return r.ok || r.code === 409 || r.code === 403 || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'create failed' };
  }
}
