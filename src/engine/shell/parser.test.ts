/** The parser tells a finished command from one that needs more lines, and names the token a syntax error is at. */
import { describe, expect, it } from 'vitest';
import { IncompleteInput, ParseError, parseLine } from './parser';

function failure(source: string, atEnd = false): ParseError | undefined {
  try {
    parseLine(source, atEnd);
    return undefined;
  } catch (e) {
    if (e instanceof ParseError) return e;
    throw e;
  }
}

describe('shell parser', () => {
  it('asks for more input inside a quote, a here-document or an open compound command', () => {
    for (const source of [
      "echo 'abc",
      'echo "x',
      'cat <<EOF\nbody',
      'for x in a b',
      'for x in a; do echo $x',
      'if true; then echo',
      'while true; do',
      'echo a &&',
      'echo a |',
      '{ echo a',
      'echo \\',
    ]) {
      expect(failure(source), source).toBeInstanceOf(IncompleteInput);
    }
  });

  it('parses complete compound commands across lines', () => {
    const list = parseLine('for i in 1 2\ndo\n  echo $i\ndone; if a; then b; elif c; then d; else e; fi');
    expect(list.items.map((p) => p.commands[0]?.kind)).toEqual(['for', 'if']);
    const [, ifPipeline] = list.items;
    const command = ifPipeline?.commands[0];
    expect(command?.kind === 'if' ? [command.branches.length, command.otherwise?.items.length] : []).toEqual([2, 1]);
  });

  it('names the unexpected token the way bash does', () => {
    expect(failure('done')?.message).toBe("syntax error near unexpected token `done'");
    expect(failure('for x in a; do done')?.token).toBe('done');
    expect(failure('if true; then echo; fi fi')?.token).toBe('fi');
    expect(failure('; echo')?.token).toBe(';');
    expect(failure('echo >')?.token).toBe('newline');
  });

  it('keeps keywords as plain words outside a command position', () => {
    const list = parseLine('echo done fi then');
    const command = list.items[0]?.commands[0];
    expect(command && command.kind === undefined ? command.words.length : 0).toBe(4);
  });

  it('reads a here-document body inside a loop, and lets a script end one without its delimiter', () => {
    const list = parseLine('for i in 1; do\ncat <<EOF\n$i\nEOF\ndone');
    const loop = list.items[0]?.commands[0];
    const inner = loop?.kind === 'for' ? loop.body.items[0]?.commands[0] : undefined;
    expect(inner && inner.kind === undefined ? inner.hereDoc?.body : undefined).toBe('$i\n');
    expect(failure('cat <<EOF\nno end', true)).toBeUndefined();
    expect((failure('for x in a; do echo', true) as IncompleteInput).expecting).toBe('done');
  });
});
