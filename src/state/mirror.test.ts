import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../engine';
import { applyObjectOps, objectsOfKind } from './mirror';

const pod = (uid: string, name: string): KubeObject => ({ apiVersion: 'v1', kind: 'Pod', metadata: { uid, name } });

describe('mirror', () => {
  it('puts and removes by uid, keeping untouched entries identical', () => {
    const a = pod('1', 'a');
    const start = new Map([['1', a]]);
    const next = applyObjectOps(start, [{ op: 'put', object: pod('2', 'b') }]);
    expect(next.get('1')).toBe(a);
    expect([...next.keys()]).toEqual(['1', '2']);
    const removed = applyObjectOps(next, [{ op: 'remove', uid: '1' }]);
    expect([...removed.keys()]).toEqual(['2']);
    expect(applyObjectOps(removed, [])).toBe(removed);
  });

  it('lists one kind in name order', () => {
    const objects = new Map([
      ['1', pod('1', 'b')],
      ['2', pod('2', 'a')],
      ['3', { apiVersion: 'v1', kind: 'Node', metadata: { uid: '3', name: 'n' } }],
    ]);
    expect(objectsOfKind(objects, 'Pod').map((o) => o.metadata.name)).toEqual(['a', 'b']);
  });
});
