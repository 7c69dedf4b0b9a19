/** GNU sed on the lab machine: `sed [-n] [-E|-r] [-i[SUFFIX]] [-e SCRIPT]... [SCRIPT] [FILE...]`. */
import type { Command } from '../../command';
import { expandReplacement, parseExpression, SedScriptError, type Address, type Instruction, type SedCommand } from './script';

const USAGE = 'Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...\n\n';

interface Options {
  quiet: boolean;
  extended: boolean;
  inPlace: string | undefined;
  expressions: string[];
  files: string[];
}

function parseOptions(argv: readonly string[]): Options | { error: string } {
  const o: Options = { quiet: false, extended: false, inPlace: undefined, expressions: [], files: [] };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i + 1));
      break;
    }
    if (a === '-e' || a === '--expression') {
      const e = argv[++i];
      if (e === undefined) return { error: "sed: option requires an argument -- 'e'\n" + USAGE };
      o.expressions.push(e);
    } else if (a.startsWith('--expression=')) o.expressions.push(a.slice(13));
    else if (a === '-n' || a === '--quiet' || a === '--silent') o.quiet = true;
    else if (a === '-E' || a === '-r' || a === '--regexp-extended') o.extended = true;
    else if (a === '--in-place' || a.startsWith('--in-place=')) o.inPlace = a.slice(11);
    else if (/^-[nErsi]+/.test(a) && a.length > 1) {
      // Bundled short options: -ne, -i.bak, -Ei
      for (let j = 1; j < a.length; j++) {
        const f = a[j] as string;
        if (f === 'n') o.quiet = true;
        else if (f === 'E' || f === 'r') o.extended = true;
        else if (f === 's') continue;
        else if (f === 'i') {
          o.inPlace = a.slice(j + 1);
          break;
        } else if (f === 'e') {
          const e = a.slice(j + 1) || argv[++i];
          if (e === undefined) return { error: "sed: option requires an argument -- 'e'\n" + USAGE };
          o.expressions.push(e);
          break;
        } else return { error: `sed: invalid option -- '${f}'\n${USAGE}` };
      }
    } else if (a.startsWith('-') && a !== '-') return { error: a.startsWith('--') ? `sed: unrecognized option '${a}'\n${USAGE}` : `sed: invalid option -- '${a[1] ?? ''}'\n${USAGE}` };
    else rest.push(a);
  }
  if (o.expressions.length === 0) {
    const script = rest.shift();
    if (script === undefined) return { error: USAGE };
    o.expressions.push(script);
  }
  o.files = rest;
  return o;
}

/** `s` on one line: the new line, or undefined when nothing was replaced. */
function substitute(c: Extract<SedCommand, { name: 's' }>, line: string): string | undefined {
  c.re.lastIndex = 0;
  let result = '';
  let last = 0;
  let count = 0;
  let replaced = false;
  for (let m: RegExpExecArray | null = c.re.exec(line); m; m = c.re.exec(line)) {
    count++;
    if (count >= c.occurrence && (c.global || count === c.occurrence)) {
      result += line.slice(last, m.index) + expandReplacement(c.replacement, m);
      last = m.index + m[0].length;
      replaced = true;
      if (!c.global) break;
    }
    if (m[0] === '') c.re.lastIndex++;
  }
  return replaced ? result + line.slice(last) : undefined;
}

/** Runs a parsed script over one stream of lines (a file with -i, or all inputs in a row). */
export function runScript(script: Instruction[], input: string, quiet: boolean): { output: string; quit: boolean } {
  const endsWithNewline = input.endsWith('\n');
  const lines = input === '' ? [] : (endsWithNewline ? input.slice(0, -1) : input).split('\n');
  const inRange = new Map<Instruction, boolean>();
  const matches = (a: Address, line: string, n: number): boolean => (a.kind === 'line' ? a.n === n : a.kind === 'last' ? n === lines.length : a.re.test(line));
  const selected = (ins: Instruction, line: string, n: number): boolean => {
    if (!ins.a1) return true;
    if (!ins.a2) return matches(ins.a1, line, n);
    if (inRange.get(ins)) {
      // A line-number end below the current line closes the range at once, as in GNU sed.
      const end = ins.a2.kind === 'line' ? n >= ins.a2.n : matches(ins.a2, line, n);
      if (end) inRange.set(ins, false);
      return true;
    }
    const start = ins.a1.kind === 'line' && ins.a1.n === 0 ? false : matches(ins.a1, line, n);
    if (start || (ins.a1.kind === 'line' && ins.a1.n === 0 && n === 1)) {
      const endNow = ins.a2.kind === 'line' ? ins.a2.n <= n : ins.a1.kind === 'line' && ins.a1.n === 0 && matches(ins.a2, line, n);
      inRange.set(ins, !endNow);
      return true;
    }
    return false;
  };
  const out: string[] = [];
  let quit = false;
  for (let index = 0; index < lines.length && !quit; index++) {
    let line = lines[index] as string;
    let deleted = false;
    for (const ins of script) {
      for (const a of [ins.a1, ins.a2]) if (a?.kind === 're') a.re.lastIndex = 0;
      const n = index + 1;
      if (selected(ins, line, n) === ins.negate) continue;
      const c = ins.command;
      if (c.name === 'p') out.push(line);
      else if (c.name === '=') out.push(String(n));
      else if (c.name === 'd') {
        deleted = true;
        break;
      } else if (c.name === 'q') {
        quit = true;
        break;
      } else if (c.name === 'n') {
        // Prints the line (unless -n) and moves on to the next; at the end of input sed stops.
        if (index + 1 >= lines.length) {
          quit = true;
          break;
        }
        if (!quiet) out.push(line);
        line = lines[++index] as string;
      } else if (c.name === 'y') line = [...line].map((ch) => (c.from.includes(ch) ? (c.to[c.from.indexOf(ch)] as string) : ch)).join('');
      else if (c.name === 's') {
        const replaced = substitute(c, line);
        if (replaced !== undefined) {
          line = replaced;
          if (c.print) out.push(line);
        }
      }
    }
    if (!deleted && !quiet) out.push(line);
  }
  const text = out.join('\n');
  return { output: out.length === 0 ? '' : text + (endsWithNewline || quit ? '\n' : ''), quit };
}

export const sed: Command = (ctx) => {
  const options = parseOptions(ctx.args);
  if ('error' in options) {
    ctx.stderr(options.error);
    ctx.done(1);
    return;
  }
  let script: Instruction[];
  try {
    script = options.expressions.flatMap((e, k) => parseExpression(e, k + 1, options.extended));
  } catch (e) {
    if (!(e instanceof SedScriptError)) throw e;
    ctx.stderr(`${e.message}\n`);
    ctx.done(1);
    return;
  }
  const fs = ctx.machine.fs;
  const read = (file: string, inPlace = false): string | undefined => {
    const path = fs.resolve(ctx.cwd, file);
    const content = file === '-' ? ctx.stdin : fs.read(path);
    if (content === undefined) ctx.stderr(`sed: ${fs.isDir(path) ? (inPlace ? `couldn't edit ${file}: not a regular file` : `read error on ${file}: Is a directory`) : `can't read ${file}: No such file or directory`}\n`);
    return content;
  };
  let status = 0;
  if (options.inPlace !== undefined) {
    if (options.files.length === 0) {
      ctx.stderr('sed: no input files\n');
      ctx.done(1);
      return;
    }
    for (const file of options.files) {
      const content = read(file, true);
      if (content === undefined) {
        status = fs.isDir(fs.resolve(ctx.cwd, file)) ? 4 : 2;
        continue;
      }
      const path = fs.resolve(ctx.cwd, file);
      if (options.inPlace) fs.write(path + options.inPlace, content);
      fs.write(path, runScript(script, content, options.quiet).output);
    }
    ctx.done(status);
    return;
  }
  let input = '';
  for (const file of options.files.length ? options.files : ['-']) {
    const content = read(file);
    if (content === undefined) status = fs.isDir(fs.resolve(ctx.cwd, file)) ? 4 : 2;
    else input += input !== '' && !input.endsWith('\n') ? '\n' + content : content;
  }
  ctx.stdout(runScript(script, input, options.quiet).output);
  ctx.done(status);
};
