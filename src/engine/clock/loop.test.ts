import { describe, expect, it } from 'vitest';
import { SimLoop } from './loop';
import { createRandom } from './random';
import { generateName, SUFFIX_ALPHABET } from './names';

describe('SimLoop', () => {
  it('fires timers in (due time, insertion) order and moves virtual time to each', () => {
    const loop = new SimLoop(1000);
    const fired: string[] = [];
    loop.after(50, 'b', () => fired.push(`b@${loop.nowMs()}`));
    loop.after(10, 'a', () => fired.push(`a@${loop.nowMs()}`));
    loop.after(50, 'c', () => fired.push(`c@${loop.nowMs()}`));
    loop.advanceBy(100);
    expect(fired).toEqual(['a@1010', 'b@1050', 'c@1050']);
    expect(loop.nowMs()).toBe(1100);
  });

  it('runs queued tasks before timers and honours cancel', () => {
    const loop = new SimLoop(0);
    const fired: string[] = [];
    const t = loop.after(0, 'timer', () => fired.push('timer'));
    loop.enqueue('task', () => fired.push('task'));
    loop.cancel(t);
    loop.after(0, 'timer2', () => fired.push('timer2'));
    while (loop.step()) {
      /* run everything */
    }
    expect(fired).toEqual(['task', 'timer2']);
  });

  it('stops a bounded run when the step budget is spent', () => {
    const loop = new SimLoop(0);
    const tick = () => loop.after(1, 'tick', tick);
    tick();
    const report = loop.advanceBy(1_000_000, 10);
    expect(report.exhausted).toBe(true);
  });

  it('runUntil reports whether the predicate became true within the bound', () => {
    const loop = new SimLoop(0);
    let done = false;
    loop.after(5_000, 'done', () => (done = true));
    expect(loop.runUntil(() => done, 1_000).met).toBe(false);
    expect(loop.runUntil(() => done, 10_000).met).toBe(true);
    expect(loop.nowMs()).toBe(5_000);
  });
});

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs across seeds', () => {
    const a = createRandom(7);
    const b = createRandom(7);
    const c = createRandom(8);
    const seq = (r: ReturnType<typeof createRandom>) => Array.from({ length: 5 }, () => r.uint32());
    expect(seq(a)).toEqual(seq(b));
    expect(seq(createRandom(7))).not.toEqual(seq(c));
  });

  it('forks independent streams', () => {
    const base = createRandom(1);
    const x1 = base.fork('x').uint32();
    base.fork('y').uint32();
    expect(createRandom(1).fork('x').uint32()).toBe(x1);
  });

  it('generates names with Kubernetes suffix alphabet', () => {
    const name = generateName(createRandom(3), 'nginx-');
    expect(name).toMatch(new RegExp(`^nginx-[${SUFFIX_ALPHABET}]{5}$`));
  });
});
