import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createSimulation } from '../simulation';

/** Garbage typed into the terminal never throws out of the engine and never leaves the shell stuck. */
describe('terminal input fuzzing', () => {
  const sim = createSimulation({ seed: 11 });
  const session = sim.shell.open();
  let output = '';
  session.onOutput((c) => (output += c));

  it('survives arbitrary lines, including kubectl with random arguments', () => {
    const word = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('kubectl', 'get', 'apply', '-f', '-', 'pods', 'delete', '-n', '--all', '|', '&&', ';', '"', "'", '<<', 'EOF', '>', 'describe', 'node', 'kind', 'docker', 'ps', 'stop', '$HOME', '${X}', '\\'));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 8 }), (words) => {
        const line = words.join(' ');
        expect(() => {
          session.write(line);
          if (session.prompt() === '> ') session.write('EOF');
          // A here-document still open (another delimiter) or a running command: Ctrl-C, as a user would.
          if (session.prompt() === '> ' || session.busy()) session.signal('SIGINT');
          sim.advance(0);
        }).not.toThrow();
        expect(session.busy()).toBe(false);
        expect(session.prompt()).toBe('$ ');
      }),
      { numRuns: 300, seed: 11 },
    );
    // The shell still works afterwards.
    output = '';
    session.write('echo still here');
    expect(output).toContain('still here');
  });
});
