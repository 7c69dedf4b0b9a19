/** serviceaccount-controller: every active Namespace has a ServiceAccount named `default`. */
import { DONE, type Controller, type ControllerContext, type ReconcileResult } from '../controller';

export const DEFAULT_SERVICE_ACCOUNT = 'default';

export class ServiceAccountController implements Controller {
  readonly name = 'serviceaccount-controller';

  watch(context: ControllerContext, enqueue: (key: string) => void): void {
    context.informers.forResource('', 'v1', 'namespaces').addHandler({
      onAdd: (ns) => enqueue(String(ns.metadata.name)),
      onUpdate: (_o, ns) => enqueue(String(ns.metadata.name)),
    });
    context.informers.forResource('', 'v1', 'serviceaccounts').addHandler({
      onDelete: (sa) => {
        if (sa.metadata.name === DEFAULT_SERVICE_ACCOUNT) enqueue(String(sa.metadata.namespace));
      },
    });
  }

  reconcile(namespace: string, context: ControllerContext): ReconcileResult {
    const ns = context.informers.forResource('', 'v1', 'namespaces').get(namespace);
    if (!ns || ns.metadata.deletionTimestamp) return DONE;
    if (context.informers.forResource('', 'v1', 'serviceaccounts').get(`${namespace}/${DEFAULT_SERVICE_ACCOUNT}`)) return DONE;
    const r = context.client.create({ group: '', version: 'v1', resource: 'serviceaccounts', namespace }, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: DEFAULT_SERVICE_ACCOUNT, namespace } });
    return r.ok || r.code === 409 || r.code === 403 || r.code === 404 ? DONE : { kind: 'retry', reason: r.status.message ?? 'create failed' };
  }
}
