/**
 * An events.k8s.io/v1 event recorder, as client-go's tools/events: the first occurrence creates an
 * Event named `<object>.<nanoseconds in hex>`; the second isomorphic one (same action, reason,
 * controller and object) starts a series (count 2); later ones only count locally until the
 * 30-minute series heartbeat writes them.
 */
import type { KubeObject } from '../api/meta';
import { formatRfc3339Micro } from '../api/time';
import type { SimLoop } from '../clock';
import type { Client } from './client';
import { createEvent } from './event-name';

export const SERIES_REFRESH_MS = 30 * 60 * 1000;

interface CachedEvent {
  name: string;
  namespace: string;
  count: number;
  lastObservedMs: number;
  written: number;
}

export interface EventDetails {
  type: 'Normal' | 'Warning';
  reason: string;
  action: string;
  note: string;
}

export class EventRecorder {
  private readonly cache = new Map<string, CachedEvent>();

  constructor(
    private readonly client: Client,
    private readonly loop: SimLoop,
    private readonly controller: string,
    private readonly instance: string,
  ) {
    this.loop.after(SERIES_REFRESH_MS, `${controller} event series`, () => this.refresh());
  }

  record(regarding: KubeObject, details: EventDetails): void {
    const meta = regarding.metadata;
    const namespace = meta.namespace ?? 'default';
    const key = JSON.stringify([details.action, details.reason, regarding.kind, meta.namespace, meta.name, meta.uid]);
    const now = this.loop.nowMs();
    const cached = this.cache.get(key);
    if (cached) {
      cached.count = cached.count < 2 ? 2 : cached.count + 1;
      cached.lastObservedMs = now;
      if (cached.count === 2) this.writeSeries(cached);
      return;
    }
    const { result: r, name } = createEvent(
      this.client,
      { group: 'events.k8s.io', version: 'v1', resource: 'events', namespace },
      String(meta.name),
      BigInt(now) * 1_000_000n,
      (name) => ({
        apiVersion: 'events.k8s.io/v1',
        kind: 'Event',
        metadata: { name, namespace },
        eventTime: formatRfc3339Micro(now),
        reportingController: this.controller,
        reportingInstance: this.instance,
        action: details.action,
        reason: details.reason,
        regarding: { kind: regarding.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: regarding.apiVersion, resourceVersion: meta.resourceVersion },
        note: details.note,
        type: details.type,
      }),
    );
    if (r.ok) this.cache.set(key, { name, namespace, count: 1, lastObservedMs: now, written: 1 });
  }

  private writeSeries(event: CachedEvent): void {
    this.client.patch(
      { group: 'events.k8s.io', version: 'v1', resource: 'events', namespace: event.namespace, name: event.name },
      'merge',
      { series: { count: event.count, lastObservedTime: formatRfc3339Micro(event.lastObservedMs) } },
    );
    event.written = event.count;
  }

  private refresh(): void {
    for (const event of this.cache.values()) if (event.count > event.written) this.writeSeries(event);
    this.loop.after(SERIES_REFRESH_MS, `${this.controller} event series`, () => this.refresh());
  }
}
