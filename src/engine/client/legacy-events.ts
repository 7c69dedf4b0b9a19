/**
 * The legacy event recorder (client-go's record package) the kubelet and most controllers use:
 * core/v1 Events with `source.component` (and `source.host` for the kubelet); an identical event
 * (same object, field path, reason and message) raises `count` and `lastTimestamp` of the existing one.
 */
import type { KubeObject } from '../api/meta';
import { formatRfc3339 } from '../api/time';
import type { SimLoop } from '../clock';
import type { Client } from './client';
import { createEvent } from './event-name';

export class LegacyEventRecorder {
  private readonly seen = new Map<string, { name: string; namespace: string; count: number; firstTimestamp: string }>();

  constructor(
    private readonly client: Client,
    private readonly loop: SimLoop,
    private readonly component: string,
    private readonly host: string,
  ) {}

  record(object: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void {
    const meta = object.metadata;
    const namespace = meta.namespace ?? 'default';
    const key = JSON.stringify([object.kind, namespace, meta.name, meta.uid, fieldPath ?? '', type, reason, message]);
    const now = formatRfc3339(this.loop.nowMs());
    const existing = this.seen.get(key);
    const ref = { group: '', version: 'v1', resource: 'events', namespace };
    if (existing) {
      existing.count++;
      this.client.patch({ ...ref, name: existing.name }, 'merge', { count: existing.count, lastTimestamp: now });
      return;
    }
    const involvedObject: Record<string, unknown> = { kind: object.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: object.apiVersion, resourceVersion: meta.resourceVersion };
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    if (!meta.namespace) delete involvedObject.namespace;
    const nanos = BigInt(this.loop.nowMs()) * 1_000_000n + BigInt(this.seen.size);
    const { result: r, name } = createEvent(this.client, ref, String(meta.name), nanos, (name) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      source: this.host ? { component: this.component, host: this.host } : { component: this.component },
      firstTimestamp: now,
      lastTimestamp: now,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: this.component,
      reportingInstance: this.host,
    }));
    if (r.ok) this.seen.set(key, { name, namespace, count: 1, firstTimestamp: now });
  }
}
