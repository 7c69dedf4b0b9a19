import { describe, expect, it } from 'vitest';
import { pod } from './testing/fixtures';
import { Nominator } from './nominator';

const names = (n: Nominator, node: string) => n.nominatedPodsForNode(node).map((p) => p.metadata.name);

describe('Nominator', () => {
  it('follows status.nominatedNodeName, a PostFilter override, and forgets deleted pods', () => {
    const n = new Nominator();
    const p = { ...pod('p'), status: { nominatedNodeName: 'w1' } };
    n.add(p);
    expect(names(n, 'w1')).toEqual(['p']);
    n.add(p, 'w2');
    expect([names(n, 'w1'), names(n, 'w2')]).toEqual([[], ['p']]);
    n.add(p, '');
    expect(n.nominatedNode(String(p.metadata.uid))).toBeUndefined();
    n.add(p);
    n.delete(p);
    expect(names(n, 'w1')).toEqual([]);
  });

  it('keeps an in-memory nomination while the status patch is on its way, but not once the status drops it', () => {
    const n = new Nominator();
    const bare = pod('p');
    n.add(bare, 'w1');
    n.update(bare, { ...bare, metadata: { ...bare.metadata, labels: { x: 'y' } } });
    expect(names(n, 'w1')).toEqual(['p']);
    const nominated = { ...bare, status: { nominatedNodeName: 'w1' } };
    n.update(bare, nominated);
    n.update(nominated, bare);
    expect(names(n, 'w1')).toEqual([]);
  });
});
