import { describe, expect, it } from 'vitest';
import { computeZoneState, TokenBucket, zoneKey, zoneTaintingRate } from './zones';

describe('node lifecycle zones', () => {
  it('classifies zones as the controller does', () => {
    expect(computeZoneState(['True', 'True', 'Unknown'])).toBe('Normal');
    // Two not-ready nodes never make a partial disruption, however small the zone.
    expect(computeZoneState(['True', 'Unknown', 'Unknown'])).toBe('Normal');
    expect(computeZoneState(['True', 'Unknown', 'Unknown', 'False'])).toBe('PartialDisruption');
    expect(computeZoneState(['True', 'True', 'Unknown', 'Unknown', 'Unknown'])).toBe('PartialDisruption');
    expect(computeZoneState(['True', 'True', 'True', 'Unknown', 'Unknown', 'Unknown'])).toBe('Normal');
    expect(computeZoneState(['Unknown', undefined])).toBe('FullDisruption');
  });

  it('stops tainting a small, mostly failed zone and slows a large one', () => {
    expect(zoneTaintingRate('Normal', 4)).toBe(0.1);
    expect(zoneTaintingRate('PartialDisruption', 50)).toBe(0);
    expect(zoneTaintingRate('PartialDisruption', 51)).toBe(0.01);
    expect(zoneTaintingRate('FullDisruption', 4)).toBe(0.1);
  });

  it('lets one node through every 10 s at the default rate', () => {
    const bucket = new TokenBucket(0.1, 0);
    expect(bucket.tryAccept(0)).toBe(true);
    expect(bucket.tryAccept(9_999)).toBe(false);
    expect(bucket.tryAccept(10_000)).toBe(true);
    expect(new TokenBucket(0, 0).tryAccept(1e9)).toBe(false);
    // A swapped-in limiter starts full unless the old one was empty.
    const drained = new TokenBucket(0.1, 0);
    drained.tryAccept(0);
    expect(drained.swap(0.1, 1_000).tryAccept(1_000)).toBe(false);
    expect(new TokenBucket(0.1, 0).swap(0.1, 0).tryAccept(0)).toBe(true);
  });

  it('keys zones by region and zone labels', () => {
    expect(zoneKey({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'a' } })).toBe('');
    expect(zoneKey({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'a', labels: { 'topology.kubernetes.io/zone': 'z1' } } })).toBe(':\x00:z1');
  });
});
