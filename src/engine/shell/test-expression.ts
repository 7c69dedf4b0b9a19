/**
 * `test EXPR` and `[ EXPR ]`, the shell builtins: string, integer and file tests, `!`, `-a`, `-o`.
 * Status 0 true, 1 false, 2 for a malformed expression (with bash's or busybox's words).
 */

export interface TestEnvironment {
  isFile(path: string): boolean;
  isDir(path: string): boolean;
  /** The file's content, for `-s` (non-empty). */
  read(path: string): string | undefined;
  /** `bash` words errors as `bash: [: x: unary operator expected`; `busybox` as `sh: x: unary operator expected`. */
  dialect: 'bash' | 'busybox';
}

class TestError extends Error {}

const UNARY = new Set(['-z', '-n', '-e', '-f', '-d', '-s', '-r', '-w', '-x', '-L', '-h']);
const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** Runs `name` (`test` or `[`) with its arguments; returns the exit status and any error text. */
export function runTest(name: 'test' | '[', args: string[], env: TestEnvironment): { status: number; error?: string } {
  const prefix = env.dialect === 'bash' ? `bash: ${name}: ` : 'sh: ';
  let operands = args;
  if (name === '[') {
    if (args[args.length - 1] !== ']') return { status: 2, error: env.dialect === 'bash' ? `${prefix}missing \`]'\n` : `${prefix}missing ]\n` };
    operands = args.slice(0, -1);
  }
  try {
    return { status: evaluate(operands, env) ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, error: `${prefix}${e.message}\n` };
    throw e;
  }
}

function integer(text: string, env: TestEnvironment): number {
  if (!/^\s*[-+]?\d+\s*$/.test(text)) throw new TestError(env.dialect === 'bash' ? `${text}: integer expression expected` : `${text}: bad number`);
  return Number(text);
}

function unary(op: string, operand: string, env: TestEnvironment): boolean {
  switch (op) {
    case '-z':
      return operand === '';
    case '-n':
      return operand !== '';
    case '-d':
      return env.isDir(operand);
    case '-f':
      return env.isFile(operand);
    case '-s':
      return (env.read(operand) ?? '') !== '' || env.isDir(operand);
    default:
      // -e, -r, -w, -x: the lab's files exist and belong to the user; there are no symlinks (-L, -h).
      return op === '-L' || op === '-h' ? false : env.isFile(operand) || env.isDir(operand);
  }
}

function binary(left: string, op: string, right: string, env: TestEnvironment): boolean {
  switch (op) {
    case '=':
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
  const a = integer(left, env);
  const b = integer(right, env);
  if (op === '-eq') return a === b;
  if (op === '-ne') return a !== b;
  if (op === '-lt') return a < b;
  if (op === '-le') return a <= b;
  if (op === '-gt') return a > b;
  return a >= b;
}

/** POSIX's rules by argument count, then `-o` (lowest), `-a` and `!` for longer expressions. */
function evaluate(args: string[], env: TestEnvironment): boolean {
  const [a = '', b = '', c = ''] = args;
  switch (args.length) {
    case 0:
      return false;
    case 1:
      return a !== '';
    case 2:
      if (a === '!') return b === '';
      if (UNARY.has(a)) return unary(a, b, env);
      throw new TestError(`${a}: unary operator expected`);
    case 3:
      if (BINARY.has(b)) return binary(a, b, c, env);
      if (b === '-a') return a !== '' && c !== '';
      if (b === '-o') return a !== '' || c !== '';
      if (a === '!') return !evaluate(args.slice(1), env);
      throw new TestError(`${b}: binary operator expected`);
  }
  const or = args.indexOf('-o', 1);
  if (or > 0) return evaluate(args.slice(0, or), env) || evaluate(args.slice(or + 1), env);
  const and = args.indexOf('-a', 1);
  if (and > 0) return evaluate(args.slice(0, and), env) && evaluate(args.slice(and + 1), env);
  if (a === '!') return !evaluate(args.slice(1), env);
  throw new TestError(env.dialect === 'bash' ? 'too many arguments' : `${args[1] ?? ''}: unknown operand`);
}
