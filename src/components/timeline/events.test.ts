import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../engine';
import { eventsNear, timelineEvents, xOf } from './events';

const at = (iso: string) => Date.parse(iso);
const coreEvent = (name: string, fields: Record<string, unknown>): KubeObject => ({ apiVersion: 'v1', kind: 'Event', metadata: { name, namespace: 'default', uid: `uid-${name}` }, ...fields });

describe('events timeline', () => {
  const events = timelineEvents([
    coreEvent('b', {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container',
      count: 4,
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'crash' },
      firstTimestamp: '2025-09-01T09:00:05Z',
      lastTimestamp: '2025-09-01T09:02:00Z',
    }),
    coreEvent('a', {
      type: 'Normal',
      reason: 'Scheduled',
      message: 'Successfully assigned default/web to kind-worker',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web' },
      eventTime: '2025-09-01T09:00:10.123456Z',
    }),
    // events.k8s.io shape: regarding and note; a series' last observation is when it was last seen.
    {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: { name: 'c', uid: 'uid-c' },
      type: 'Normal',
      reason: 'RegisteredNode',
      note: 'Node kind-worker event: Registered Node kind-worker in Controller',
      regarding: { kind: 'Node', name: 'kind-worker' },
      eventTime: '2025-09-01T09:00:01.000000Z',
      series: { count: 2, lastObservedTime: '2025-09-01T09:00:30.000000Z' },
    },
    coreEvent('undated', { reason: 'X', involvedObject: { kind: 'Pod', name: 'p' } }),
  ]);

  it('puts each event at the time it was last seen, oldest first, with its object in kubectl words', () => {
    expect(events.map((e) => [e.reason, e.atMs, e.object, e.type, e.count])).toEqual([
      ['Scheduled', at('2025-09-01T09:00:10.123Z'), 'pod/web', 'Normal', 1],
      ['RegisteredNode', at('2025-09-01T09:00:30Z'), 'node/kind-worker', 'Normal', 1],
      ['BackOff', at('2025-09-01T09:02:00Z'), 'pod/crash', 'Warning', 4],
    ]);
    expect(events[1]?.message).toBe('Node kind-worker event: Registered Node kind-worker in Controller');
    expect(events[0]?.involved).toEqual({ kind: 'Pod', namespace: 'default', name: 'web' });
  });

  it('lists what happened near a scrubbed moment, nearest first within the limit, in time order', () => {
    expect(eventsNear(events, at('2025-09-01T09:00:20Z'), 10_000, 5).map((e) => e.reason)).toEqual(['Scheduled', 'RegisteredNode']);
    expect(eventsNear(events, at('2025-09-01T09:00:20Z'), 10_000, 1).map((e) => e.reason)).toEqual(['Scheduled']);
    expect(eventsNear(events, at('2025-09-01T09:01:00Z'), 10_000, 5)).toEqual([]);
  });

  it('maps time to the bar', () => {
    expect(xOf(1_500, 1_000, 2_000, 1000)).toBe(500);
    expect(xOf(2_000, 1_000, 1_000, 1000)).toBe(1000);
  });
});
