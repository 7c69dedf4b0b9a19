/** DefaultBinder: binds the pod with a Binding through the API (POST pods/<name>/binding). */
import { text } from '../../api/meta';
import { SUCCESS, type BindPlugin, type Status } from '../framework/types';

export const defaultBinder = {
  name: 'DefaultBinder',
  bind(pod, nodeName, client): Status {
    const r = client.create(
      { group: '', version: 'v1', resource: 'pods', namespace: text(pod.metadata.namespace), name: text(pod.metadata.name), subresource: 'binding' },
      { apiVersion: 'v1', kind: 'Binding', metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } },
    );
    return r.ok ? SUCCESS : { code: 'Error', reasons: [r.status.message ?? 'binding failed'] };
  },
} satisfies BindPlugin;
