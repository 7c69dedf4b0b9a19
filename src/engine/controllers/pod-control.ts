/**
 * Creating and deleting the pods a controller owns (controller_utils.go's PodControl), with the
 * SuccessfulCreate / FailedCreate / SuccessfulDelete events on the owner.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import type { Client, LegacyEventRecorder } from '../client';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

/** What a create came to: the API error text when it was refused (what the owner's ReplicaFailure condition carries). */
export type PodCreateResult = { created: true } | { created: false; error: string };

export class PodControl {
  constructor(
    private readonly client: Client,
    private readonly events: LegacyEventRecorder,
  ) {}

  /**
   * Creates `<owner>-<suffix>` (or `<generateName><suffix>`) from a pod template, owned by (and
   * reported on) `owner`; `finalizers` go on the new pod (the Job controller's tracking finalizer).
   * A refusal (a ResourceQuota, a LimitRange, any admission check) comes back with its error text.
   */
  create(owner: KubeObject, template: Record<string, unknown>, extraLabels: Record<string, string> = {}, options: { generateName?: string; finalizers?: string[] } = {}): PodCreateResult {
    const meta = rec(template.metadata);
    const r = this.client.create(
      { group: '', version: 'v1', resource: 'pods', namespace: owner.metadata.namespace },
      {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          generateName: options.generateName ?? `${text(owner.metadata.name)}-`,
          namespace: owner.metadata.namespace,
          labels: { ...rec(meta.labels), ...extraLabels },
          annotations: meta.annotations,
          ...(options.finalizers?.length ? { finalizers: options.finalizers } : {}),
          ownerReferences: [{ apiVersion: owner.apiVersion, kind: owner.kind, name: text(owner.metadata.name), uid: text(owner.metadata.uid), controller: true, blockOwnerDeletion: true }],
        },
        spec: template.spec,
      },
    );
    if (r.ok) {
      this.events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${text(r.value.metadata.name)}`);
      return { created: true };
    }
    const error = r.status.message ?? '';
    this.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${error}`);
    return { created: false, error };
  }

  delete(owner: KubeObject, pod: KubeObject): boolean {
    const r = this.client.delete({ group: '', version: 'v1', resource: 'pods', namespace: pod.metadata.namespace, name: text(pod.metadata.name) }, { preconditions: { uid: pod.metadata.uid } });
    if (r.ok) this.events.record(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${text(pod.metadata.name)}`);
    return r.ok || r.code === 404;
  }
}
