/** test / [ as bash and busybox evaluate and word them. */
import { describe, expect, it } from 'vitest';
import { runTest, type TestEnvironment } from './test-expression';

const files: TestEnvironment = { isFile: (p) => p === '/etc/hosts', isDir: (p) => p === '/tmp', read: (p) => (p === '/etc/hosts' ? '127.0.0.1 localhost\n' : undefined), dialect: 'bash' };
const busybox: TestEnvironment = { ...files, dialect: 'busybox' };

describe('test builtin', () => {
  it('evaluates strings, integers, files, ! -a -o by argument count', () => {
    expect(runTest('test', [], files).status).toBe(1);
    expect(runTest('test', ['x'], files).status).toBe(0);
    expect(runTest('test', ['-z', ''], files).status).toBe(0);
    expect(runTest('[', ['-n', '', ']'], files).status).toBe(1);
    expect(runTest('[', ['10', '-gt', '9', ']'], files).status).toBe(0);
    expect(runTest('[', ['a', '!=', 'a', ']'], files).status).toBe(1);
    expect(runTest('[', ['-f', '/etc/hosts', '-a', '-d', '/tmp', ']'], files).status).toBe(0);
    expect(runTest('[', ['-d', '/etc/hosts', '-o', '!', '-s', '/etc/hosts', ']'], files).status).toBe(1);
    expect(runTest('[', ['!', '-e', '/nope', ']'], files).status).toBe(0);
  });

  it("words malformed expressions as bash's or busybox's builtin, status 2", () => {
    expect(runTest('[', ['a', '=', 'a'], files)).toEqual({ status: 2, error: "bash: [: missing `]'\n" });
    expect(runTest('[', ['x', '-lt', '3', ']'], files)).toEqual({ status: 2, error: 'bash: [: x: integer expression expected\n' });
    expect(runTest('test', ['a', 'b'], files)).toEqual({ status: 2, error: 'bash: test: a: unary operator expected\n' });
    expect(runTest('[', ['x', '-lt', '3', ']'], busybox)).toEqual({ status: 2, error: 'sh: x: bad number\n' });
    expect(runTest('[', ['a'], busybox)).toEqual({ status: 2, error: 'sh: missing ]\n' });
  });
});
