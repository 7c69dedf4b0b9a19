import { describe, expect, it } from 'vitest';
import { SimLoop } from './loop';
import { TimerBoard, TimerKind } from './timer-board';

describe('TimerBoard', () => {
  it('publishes scheduled timers until they fire or are cancelled', () => {
    const loop = new SimLoop(1000);
    const board = new TimerBoard();
    const fired: string[] = [];
    const object = { kind: 'Pod', namespace: 'default', name: 'p' };
    board.schedule(loop, { id: 'a', kind: TimerKind.CrashLoopBackOff, object, component: 'kubelet/x', description: 'restart' }, 10_000, () => fired.push('a'));
    const b = board.schedule(loop, { id: 'b', kind: TimerKind.TerminationGrace, object, component: 'kubelet/x', description: 'kill' }, 5_000, () => fired.push('b'));
    expect(board.list().map((t) => [t.id, t.dueMs])).toEqual([['b', 6000], ['a', 11_000]]);
    b.cancel();
    expect(board.list().map((t) => t.id)).toEqual(['a']);
    loop.advanceBy(10_000);
    expect(fired).toEqual(['a']);
    expect(board.list()).toEqual([]);
  });

  it('keeps one entry per id and clears by prefix', () => {
    const board = new TimerBoard();
    const object = { kind: 'Node', name: 'n' };
    board.set({ id: 'x/1', kind: 'k', dueMs: 5, object, component: 'c', description: '' });
    board.set({ id: 'x/1', kind: 'k', dueMs: 7, object, component: 'c', description: '' });
    board.set({ id: 'y/1', kind: 'k', dueMs: 6, object, component: 'c', description: '' });
    expect(board.list().map((t) => t.dueMs)).toEqual([6, 7]);
    board.clearPrefix('x/');
    expect(board.list().map((t) => t.id)).toEqual(['y/1']);
  });
});
