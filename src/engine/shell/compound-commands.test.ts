/** Loops in the lab shell take virtual time through their commands, stop at Ctrl-C, and cannot spin forever in one instant. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';
import { MAX_INSTANT_ITERATIONS } from './compound-commands';

describe('shell loops', () => {
  it('Ctrl-C ends a sleeping while loop and the rest of its line', () => {
    const sim = createSimulation({ seed: 1, cluster: 'empty' });
    const terminal = sim.shell.open();
    let out = '';
    terminal.onOutput((chunk) => (out += chunk));
    terminal.write('while true; do echo tick; sleep 1; done; echo after');
    sim.advance(3_500);
    expect(terminal.busy()).toBe(true);
    terminal.signal('SIGINT');
    sim.advance(5_000);
    expect(terminal.busy()).toBe(false);
    expect(out).toBe('tick\ntick\ntick\ntick\n^C\n');
    terminal.write('echo $?');
    expect(out.endsWith('130\n')).toBe(true);
  });

  it('stops a loop whose passes take no time', () => {
    const sim = createSimulation({ seed: 1, cluster: 'empty' });
    const terminal = sim.shell.open();
    let out = '';
    terminal.onOutput((chunk) => (out += chunk));
    terminal.write('while true; do true; done; echo $?');
    expect(terminal.busy()).toBe(false);
    expect(out).toBe(`bash: kubelab stopped this loop: ${MAX_INSTANT_ITERATIONS} passes took no time (add a sleep to the loop body)\n1\n`);
  });

  it('runs a long for list without growing the stack', () => {
    const sim = createSimulation({ seed: 1, cluster: 'empty' });
    const terminal = sim.shell.open();
    let out = '';
    terminal.onOutput((chunk) => (out += chunk));
    terminal.write('n=0; for i in $(seq 1 20000); do n=$i; done; echo $n');
    expect(out).toBe('20000\n');
  });
});
