/**
 * A POSIX-shell subset parser: words with single/double quotes and backslash escapes, `$VAR`,
 * `${VAR}`, `$?`, `~`, lists joined by `;`, `&&`, `||`, background `&`, pipelines `|`, redirects `>`, `>>`, `<`,
 * `2>`, `2>&1`, and here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`).
 */

export interface Redirect {
  fd: 0 | 1 | 2;
  op: '>' | '>>' | '<' | '>&';
  /** File name, or for `>&` the target fd as a string. */
  target: string;
}

export interface HereDoc {
  delimiter: string;
  /** Expand variables in the body (unquoted delimiter). */
  expand: boolean;
  stripTabs: boolean;
  body?: string;
}

export interface SimpleCommand {
  /** Words before expansion, each a list of parts so quoting is remembered. */
  words: Word[];
  redirects: Redirect[];
  hereDoc?: HereDoc;
  /** `NAME=value` prefixes. */
  assignments: { name: string; value: Word }[];
}

export type WordPart = { text: string; quoted: 'none' | 'single' | 'double' };
export type Word = WordPart[];

export interface Pipeline {
  commands: SimpleCommand[];
  /** Ended by `&`: runs as a background job. */
  background?: boolean;
}

export interface CommandList {
  /** Pipelines joined by operators: `a && b || c ; d`. `ops[i]` joins item i and i+1. */
  items: Pipeline[];
  ops: ('&&' | '||' | ';')[];
}

export class ParseError extends Error {}

type Token = { kind: 'word'; word: Word } | { kind: 'op'; op: string };

/** Splits a line into words and operators. Throws ParseError on unterminated quotes. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let word: Word | undefined;
  const push = (text: string, quoted: WordPart['quoted']) => {
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.quoted === quoted && quoted === 'none') last.text += text;
    else word.push({ text, quoted });
  };
  const endWord = () => {
    if (word) tokens.push({ kind: 'word', word });
    word = undefined;
  };
  while (i < line.length) {
    const c = line[i] as string;
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '#' && word === undefined) {
      break;
    } else if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ParseError("unexpected EOF while looking for matching `''");
      push(line.slice(i + 1, end), 'single');
      word ??= [];
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      let text = '';
      while (j < line.length && line[j] !== '"') {
        if (line[j] === '\\' && j + 1 < line.length && '"\\$`'.includes(line[j + 1] as string)) {
          text += line[j + 1] === '$' ? '\\$' : (line[j + 1] as string);
          j += 2;
        } else {
          text += line[j];
          j++;
        }
      }
      if (j >= line.length) throw new ParseError('unexpected EOF while looking for matching `"\'');
      push(text, 'double');
      word ??= [];
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 < line.length) push(line[i + 1] === '$' ? '\\$' : (line[i + 1] as string), 'single');
      i += 2;
    } else if (c === '$' && line[i + 1] === '(') {
      // $( ... ) command substitution: kept as text, expanded by the session.
      let depth = 0;
      let j = i + 1;
      for (; j < line.length; j++) {
        if (line[j] === '(') depth++;
        else if (line[j] === ')' && --depth === 0) break;
      }
      if (j >= line.length) throw new ParseError("unexpected EOF while looking for matching `)'");
      push(line.slice(i, j + 1), 'none');
      i = j + 1;
    } else if ('|&;<>'.includes(c) || (/[0-9]/.test(c) && word === undefined && (line[i + 1] === '>' || line[i + 1] === '<'))) {
      endWord();
      const three = line.slice(i, i + 3);
      const two = line.slice(i, i + 2);
      let op: string;
      if (three === '<<-' || three === '2>&' || three === '2>>') op = three === '2>&' ? '2>&' : three;
      else if (['&&', '||', '>>', '<<', '>&', '2>', '1>', '0<'].includes(two)) op = two;
      else op = c;
      tokens.push({ kind: 'op', op });
      i += op.length;
    } else {
      push(c, 'none');
      i++;
    }
  }
  endWord();
  return tokens;
}

function wordText(word: Word): string {
  return word.map((p) => p.text).join('');
}

/** A pipeline written back as text, the way bash shows a job (`jobs`, `[1]+  Done  ...`). */
export function pipelineText(pipeline: Pipeline): string {
  const quote = (p: WordPart): string => (p.quoted === 'single' ? `'${p.text}'` : p.quoted === 'double' ? `"${p.text}"` : p.text);
  const redirect = (r: Redirect): string => `${r.fd === 2 ? '2' : ''}${r.op}${r.op === '>&' ? '' : ' '}${r.target}`;
  return pipeline.commands.map((c) => [...c.assignments.map((a) => `${a.name}=${a.value.map(quote).join('')}`), ...c.words.map((w) => w.map(quote).join('')), ...c.redirects.map(redirect)].join(' ')).join(' | ');
}

/** Parses a whole line. Here-document bodies are filled in later by the session. */
export function parseLine(line: string): CommandList {
  const tokens = tokenize(line);
  const list: CommandList = { items: [], ops: [] };
  let pipeline: Pipeline = { commands: [] };
  let command: SimpleCommand = { words: [], redirects: [], assignments: [] };
  const finishCommand = () => {
    if (command.words.length === 0 && command.assignments.length === 0 && command.redirects.length === 0 && !command.hereDoc) {
      throw new ParseError('syntax error near unexpected token');
    }
    pipeline.commands.push(command);
    command = { words: [], redirects: [], assignments: [] };
  };
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.kind === 'word') {
      const text = wordText(token.word);
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(text);
      if (command.words.length === 0 && assign && token.word[0]?.quoted === 'none' && (token.word[0]?.text.includes('=') ?? false)) {
        const nameLength = (assign[1] as string).length + 1;
        const value: Word = [];
        let skip = nameLength;
        for (const part of token.word) {
          if (skip >= part.text.length) {
            skip -= part.text.length;
            continue;
          }
          value.push({ text: part.text.slice(skip), quoted: part.quoted });
          skip = 0;
        }
        command.assignments.push({ name: assign[1] as string, value });
      } else {
        command.words.push(token.word);
      }
      continue;
    }
    const op = token.op;
    if (op === '|') {
      finishCommand();
      continue;
    }
    if (op === '&&' || op === '||' || op === ';') {
      if (command.words.length || command.assignments.length || command.redirects.length || command.hereDoc) finishCommand();
      if (pipeline.commands.length === 0) throw new ParseError(`syntax error near unexpected token \`${op}'`);
      list.items.push(pipeline);
      list.ops.push(op);
      pipeline = { commands: [] };
      continue;
    }
    if (op === '&') {
      if (command.words.length || command.assignments.length || command.redirects.length || command.hereDoc) finishCommand();
      if (pipeline.commands.length === 0) throw new ParseError("syntax error near unexpected token `&'");
      pipeline.background = true;
      list.items.push(pipeline);
      list.ops.push(';');
      pipeline = { commands: [] };
      continue;
    }
    const next = tokens[t + 1];
    if (!next || next.kind !== 'word') throw new ParseError("syntax error near unexpected token `newline'");
    t++;
    const target = wordText(next.word);
    if (op === '<<' || op === '<<-') {
      const quoted = next.word.some((p) => p.quoted !== 'none');
      command.hereDoc = { delimiter: target, expand: !quoted, stripTabs: op === '<<-' };
    } else if (op === '>' || op === '1>') command.redirects.push({ fd: 1, op: '>', target });
    else if (op === '>>') command.redirects.push({ fd: 1, op: '>>', target });
    else if (op === '2>') command.redirects.push({ fd: 2, op: '>', target });
    else if (op === '2>>') command.redirects.push({ fd: 2, op: '>>', target });
    else if (op === '2>&') command.redirects.push({ fd: 2, op: '>&', target });
    else if (op === '>&') command.redirects.push({ fd: 1, op: '>&', target });
    else if (op === '<' || op === '0<') command.redirects.push({ fd: 0, op: '<', target });
  }
  if (command.words.length || command.assignments.length || command.redirects.length || command.hereDoc) finishCommand();
  if (pipeline.commands.length) list.items.push(pipeline);
  else if (list.ops.length && list.ops[list.ops.length - 1] !== ';') throw new ParseError("syntax error: unexpected end of file");
  else if (list.ops.length) list.ops.pop();
  return list;
}

/** Here-documents a parsed line is waiting for, in order. */
export function pendingHereDocs(list: CommandList): HereDoc[] {
  return list.items.flatMap((p) => p.commands.map((c) => c.hereDoc).filter((h): h is HereDoc => h !== undefined && h.body === undefined));
}
