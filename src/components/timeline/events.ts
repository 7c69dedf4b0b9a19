/**
 * The cluster's Events on a time axis, for the events timeline: when each was last seen in virtual
 * time (series.lastObservedTime, else lastTimestamp, eventTime, firstTimestamp, creation), what it
 * says, and which ones sit near a point the learner scrubs to.
 */
import type { KubeObject } from '../../engine';

export interface TimelineEvent {
  uid: string;
  atMs: number;
  type: 'Normal' | 'Warning';
  reason: string;
  message: string;
  count: number;
  /** The object it is about, as `kind/name` in kubectl's lower-case resource words (`pod/web-1`). */
  object: string;
  involved: { kind: string; namespace?: string; name: string };
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

function timeOf(event: Record<string, unknown>, metadata: Record<string, unknown>): number {
  const series = record(event.series);
  for (const field of [text(series.lastObservedTime), text(event.lastTimestamp), text(event.eventTime), text(event.firstTimestamp), text(metadata.creationTimestamp)]) {
    const ms = field ? Date.parse(field) : NaN;
    if (!Number.isNaN(ms)) return ms;
  }
  return NaN;
}

/** Events of the mirror (core v1 or events.k8s.io shape), oldest first; ties keep name order. */
export function timelineEvents(objects: Iterable<KubeObject>): TimelineEvent[] {
  const events: TimelineEvent[] = [];
  for (const object of objects) {
    const event = object as unknown as Record<string, unknown>;
    const metadata = record(object.metadata);
    const involved = record(event.involvedObject ?? event.regarding);
    const atMs = timeOf(event, metadata);
    if (Number.isNaN(atMs)) continue;
    const kind = text(involved.kind);
    const name = text(involved.name);
    events.push({
      uid: text(metadata.uid),
      atMs,
      type: event.type === 'Warning' ? 'Warning' : 'Normal',
      reason: text(event.reason),
      message: text(event.message ?? event.note),
      count: typeof event.count === 'number' ? event.count : 1,
      object: `${kind.toLowerCase()}/${name}`,
      involved: { kind, name, ...(text(involved.namespace) ? { namespace: text(involved.namespace) } : {}) },
    });
  }
  return events.sort((a, b) => a.atMs - b.atMs || (a.uid < b.uid ? -1 : a.uid > b.uid ? 1 : 0));
}

/** The events within `windowMs` of `atMs`, nearest first, at most `limit`. */
export function eventsNear(events: readonly TimelineEvent[], atMs: number, windowMs: number, limit: number): TimelineEvent[] {
  return events
    .filter((e) => Math.abs(e.atMs - atMs) <= windowMs)
    .sort((a, b) => Math.abs(a.atMs - atMs) - Math.abs(b.atMs - atMs) || a.atMs - b.atMs)
    .slice(0, limit)
    .sort((a, b) => a.atMs - b.atMs);
}

/** Where an instant falls on a bar `width` px wide from `startMs` to `endMs`. */
export function xOf(atMs: number, startMs: number, endMs: number, width: number): number {
  if (endMs <= startMs) return width;
  return Math.round(((atMs - startMs) / (endMs - startMs)) * width);
}
