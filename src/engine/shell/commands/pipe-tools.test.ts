/** tee and xargs as coreutils and findutils run them. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../index';
import { xargsItems } from './pipe-tools';

function run(...lines: string[]): string {
  const sim = createSimulation({ seed: 1, cluster: 'empty' });
  const terminal = sim.shell.open();
  let out = '';
  terminal.onOutput((chunk) => (out += chunk));
  for (const line of lines) {
    terminal.write(line);
    sim.runUntilIdle(10_000);
  }
  return out;
}

describe('tee', () => {
  it('copies stdin to stdout and files, appending with -a', () => {
    expect(run('echo one | tee f', 'echo two | tee -a f >/dev/null', 'cat f')).toBe('one\none\ntwo\n');
  });
  it('reports a file it cannot write and still copies', () => {
    expect(run('echo hi | tee /nonexist/x; echo $?')).toBe('hi\ntee: /nonexist/x: No such file or directory\n1\n');
  });
});

describe('xargs', () => {
  it('appends the items to the command, in batches with -n', () => {
    expect(run("printf 'a b\\nc\\n' | xargs echo x")).toBe('x a b c\n');
    expect(run("printf 'a b\\nc\\n' | xargs -n 1 echo x")).toBe('x a\nx b\nx c\n');
    expect(run("printf 'a\\nb\\n' | xargs")).toBe('a b\n');
  });
  it('replaces {} per input line with -I', () => {
    expect(run("printf 'p1\\np2\\n' | xargs -I {} echo pod/{} done")).toBe('pod/p1 done\npod/p2 done\n');
  });
  it('exits 123 when a run fails', () => {
    expect(run('echo a | xargs false; echo $?')).toBe('123\n');
  });
  it('splits on blanks and keeps quoted items together', () => {
    expect(xargsItems(`a "b c"\n'd'`)).toEqual(['a', 'b c', 'd']);
  });
});
