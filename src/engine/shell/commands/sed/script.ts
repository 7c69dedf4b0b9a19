/**
 * GNU sed scripts: addresses (N, $, /re/, ranges, !) and the commands learners use (s, p, d, q, n, =, y),
 * parsed with GNU sed's error wording and character positions (checked against GNU sed 4.9).
 */

export type Address = { kind: 'line'; n: number } | { kind: 'last' } | { kind: 're'; re: RegExp };

export type SedCommand =
  | { name: 's'; re: RegExp; replacement: string; global: boolean; occurrence: number; print: boolean }
  | { name: 'y'; from: string[]; to: string[] }
  | { name: 'p' | 'd' | 'q' | '=' | 'n' };

export interface Instruction {
  a1?: Address;
  a2?: Address;
  negate: boolean;
  command: SedCommand;
}

export class SedScriptError extends Error {}

/** BRE or ERE to a JavaScript RegExp source. */
export function toJsRegex(source: string, extended: boolean): string {
  const classes: Record<string, string> = { alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', space: ' \\t\\n\\r\\f\\v', upper: 'A-Z', lower: 'a-z', blank: ' \\t', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9A-Fa-f' };
  let out = '';
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (c === '[') {
      let j = i + 1;
      let body = '';
      if (source[j] === '^') body += source[j++];
      if (source[j] === ']') body += '\\' + source[j++];
      while (j < source.length && source[j] !== ']') {
        const cls = /^\[:([a-z]+):\]/.exec(source.slice(j));
        if (cls) {
          body += classes[cls[1] as string] ?? '';
          j += cls[0].length;
        } else {
          const ch = source[j++] as string;
          body += ch === '\\' ? '\\\\' : ch;
        }
      }
      out += `[${body}]`;
      i = j;
      continue;
    }
    if (c === '\\') {
      const n = source[++i] ?? '\\';
      if (!extended && '(){}+?|'.includes(n)) {
        if (n === '(') depth++;
        if (n === ')') depth--;
        out += n;
      } else if (extended && '(){}+?|'.includes(n)) out += '\\' + n;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += '\\t';
      else out += /[a-zA-Z0-9]/.test(n) ? '\\' + n : '\\' + n;
      continue;
    }
    if (!extended && '(){}+?|'.includes(c)) out += '\\' + c;
    else {
      if (extended && c === '(') depth++;
      if (extended && c === ')') depth--;
      out += c === '/' ? '\\/' : c;
    }
  }
  if (depth > 0) throw new SedScriptError('Unmatched ( or \\(');
  return out;
}

function groups(source: string): number {
  return new RegExp(`${source}|`).exec('')!.length - 1;
}

/** Parses one `-e` expression; `number` is its place among the expressions, for error messages. */
export function parseExpression(text: string, number: number, extended: boolean): Instruction[] {
  let i = 0;
  const fail = (message: string, at = i): never => {
    throw new SedScriptError(`sed: -e expression #${number}, char ${at}: ${message}`);
  };
  /** Reads up to an unescaped `delim`; undefined when the text ends first. */
  const until = (delim: string): string | undefined => {
    let s = '';
    while (i < text.length) {
      const c = text[i++] as string;
      if (c === '\\' && i < text.length) {
        const n = text[i++] as string;
        s += n === delim ? n : '\\' + n;
        continue;
      }
      if (c === delim) return s;
      s += c;
    }
    return undefined;
  };
  const regex = (source: string, flags: string): RegExp => {
    try {
      return new RegExp(toJsRegex(source, extended), flags);
    } catch (e) {
      return fail(e instanceof SedScriptError ? e.message : 'Invalid preceding regular expression');
    }
  };
  const address = (): Address | undefined => {
    if (/\d/.test(text[i] ?? '')) {
      const m = /^\d+/.exec(text.slice(i))![0];
      i += m.length;
      return { kind: 'line', n: Number(m) };
    }
    if (text[i] === '$') {
      i++;
      return { kind: 'last' };
    }
    if (text[i] === '/' || text[i] === '\\') {
      const delim = text[i] === '\\' ? text[++i] ?? '' : '/';
      i++;
      const source = until(delim);
      if (source === undefined) return fail('unterminated address regex');
      let flags = '';
      if (text[i] === 'I') {
        flags = 'i';
        i++;
      }
      return { kind: 're', re: regex(source, flags) };
    }
    return undefined;
  };
  const out: Instruction[] = [];
  while (i < text.length) {
    while (/[\s;]/.test(text[i] ?? '')) i++;
    if (i >= text.length) break;
    const a1 = address();
    let a2: Address | undefined;
    if (a1 && text[i] === ',') {
      i++;
      a2 = address();
      if (!a2) fail("unexpected `,'", i);
    }
    if (a1?.kind === 'line' && a1.n === 0 && !(a2?.kind === 're')) fail('invalid usage of line address 0');
    while (text[i] === ' ') i++;
    let negate = false;
    if (text[i] === '!') {
      negate = true;
      i++;
      while (text[i] === ' ') i++;
    }
    const name = text[i++];
    if (name === undefined || name === ';' || name === '\n') fail('missing command', name === undefined ? i - 1 : i);
    let command: SedCommand;
    if (name === 's' || name === 'y') {
      const delim = text[i++];
      const re = delim === undefined ? undefined : until(delim);
      const rep = re === undefined || delim === undefined ? undefined : until(delim);
      if (re === undefined || rep === undefined) return fail(`unterminated \`${name}' command`, text.length);
      if (name === 'y') {
        const from = [...re];
        const to = [...rep];
        if (from.length !== to.length) fail("strings for `y' command are different lengths");
        command = { name, from, to };
      } else {
        let global = false;
        let print = false;
        let occurrence = 0;
        let flags = '';
        for (;;) {
          const f = text[i];
          if (f === undefined || /[\s;}]/.test(f)) break;
          i++;
          if (f === 'g') {
            if (global) fail("multiple `g' options to `s' command");
            global = true;
          } else if (f === 'p') {
            if (print) fail("multiple `p' options to `s' command");
            print = true;
          } else if (f === 'i' || f === 'I') flags = 'i';
          else if (/\d/.test(f)) {
            const m = /^\d*/.exec(text.slice(i))![0];
            i += m.length;
            occurrence = Number(f + m);
            if (occurrence === 0) fail("number option to `s' command may not be zero");
          } else if (f === 'w') fail('missing filename in r/R/w/W commands');
          else fail("unknown option to `s'");
        }
        const compiled = regex(re, flags + 'g');
        const refs = [...rep.matchAll(/\\(\d)/g)].map((m) => Number(m[1]));
        if (refs.some((r) => r > groups(compiled.source))) fail(`invalid reference \\${Math.max(...refs)} on \`s' command's RHS`);
        command = { name, re: compiled, replacement: rep, global, occurrence: occurrence || 1, print };
      }
    } else if (name === 'p' || name === 'd' || name === 'q' || name === '=' || name === 'n') command = { name };
    else if (name === '}') return fail("unexpected `}'");
    else if (name === '{') return fail("unmatched `{'", 0);
    else return fail(`unknown command: \`${name}'`);
    while (text[i] === ' ') i++;
    if (i < text.length && !/[;\n}]/.test(text[i] as string)) fail('extra characters after command', i + 1);
    out.push({ ...(a1 ? { a1 } : {}), ...(a2 ? { a2 } : {}), negate, command });
  }
  return out;
}

/** The replacement text of `s` for one match: `&` is the match, `\N` a group, `\&` a literal `&`. */
export function expandReplacement(replacement: string, match: RegExpExecArray): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i] as string;
    if (c === '&') out += match[0];
    else if (c === '\\') {
      const n = replacement[++i] ?? '';
      if (/\d/.test(n)) out += match[Number(n)] ?? '';
      else if (n === 't') out += '\t';
      else if (n === 'n') out += '\n';
      else out += n;
    } else out += c;
  }
  return out;
}
