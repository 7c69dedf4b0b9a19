/** Aliases expand in the first word of every command of a line, as in bash, and nowhere else. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../index';

function run(line: string): string {
  const sim = createSimulation({ seed: 1 });
  const terminal = sim.shell.open();
  let out = '';
  terminal.onOutput((chunk) => (out += chunk));
  terminal.write("alias hi='echo hello'");
  terminal.write(line);
  sim.runUntilIdle(10_000);
  return out;
}

describe('alias expansion', () => {
  it('expands after ;, &&, || and | as well as at the start', () => {
    expect(run('hi one; hi two && hi three || hi never')).toBe('hello one\nhello two\nhello three\n');
    expect(run('echo x | hi piped')).toBe('hello piped\n');
  });

  it('leaves arguments and quoted text alone', () => {
    expect(run("echo hi 'a; hi b' \"c && hi\"")).toBe('hi a; hi b c && hi\n');
  });
});
