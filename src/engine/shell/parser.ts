/**
 * A bash-subset parser: words with single/double quotes and backslash escapes, `$VAR`, `${VAR}`,
 * `$?`, `$(...)`, `~`; lists joined by `;`, newlines, `&&`, `||`, background `&`; pipelines `|`
 * (with `!`); redirects `>`, `>>`, `<`, `2>`, `2>&1`; here-documents (`<<EOF`, `<<'EOF'`, `<<-EOF`);
 * and the compound commands `for`, `while`, `until`, `if`/`elif`/`else` and `{ ...; }`.
 *
 * The source may span several lines. Input that stops inside a quote, a here-document or an open
 * compound command throws IncompleteInput, so an interactive shell can ask for the next line (`> `).
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
  kind?: undefined;
  /** The line of the script it starts on (1-based). */
  line?: number;
  /** Words before expansion, each a list of parts so quoting is remembered. */
  words: Word[];
  redirects: Redirect[];
  hereDoc?: HereDoc;
  /** `NAME=value` prefixes. */
  assignments: { name: string; value: Word }[];
}

/** `for NAME in WORDS; do BODY; done`. */
export interface ForCommand {
  kind: 'for';
  variable: string;
  words: Word[];
  body: CommandList;
  redirects: Redirect[];
}

/** `while COND; do BODY; done`, or `until` (runs while COND fails). */
export interface LoopCommand {
  kind: 'while';
  until: boolean;
  condition: CommandList;
  body: CommandList;
  redirects: Redirect[];
}

export interface IfCommand {
  kind: 'if';
  /** `if` and each `elif`, in order. */
  branches: { condition: CommandList; body: CommandList }[];
  otherwise?: CommandList;
  redirects: Redirect[];
}

/** `{ LIST; }`: runs in the current shell, one output for the whole group. */
export interface GroupCommand {
  kind: 'group';
  body: CommandList;
  redirects: Redirect[];
}

export type CompoundCommand = ForCommand | LoopCommand | IfCommand | GroupCommand;
export type ShellCommand = SimpleCommand | CompoundCommand;

export type WordPart = { text: string; quoted: 'none' | 'single' | 'double' };
export type Word = WordPart[];

export interface Pipeline {
  commands: ShellCommand[];
  /** Ended by `&`: runs as a background job. */
  background?: boolean;
  /** `! pipeline`: the status is inverted. */
  negate?: boolean;
}

export interface CommandList {
  /** Pipelines joined by operators: `a && b || c ; d`. `ops[i]` joins item i and i+1. */
  items: Pipeline[];
  ops: ('&&' | '||' | ';')[];
}

/** A syntax error. `token` is what bash names in "near unexpected token"; absent for an unexpected end of input. */
export class ParseError extends Error {
  constructor(
    message: string,
    readonly token?: string,
  ) {
    super(message);
  }
}

/** The input ended inside something unfinished; an interactive shell reads another line, a script fails. */
export class IncompleteInput extends ParseError {
  /** What the script is waiting for, in bash's words (`unexpected EOF while looking for matching `''`), if more than an end of file. */
  constructor(
    readonly lookingFor?: string,
    /** The next line is a here-document's body. */
    readonly inHereDoc = false,
    /** The keyword an open compound command still needs (`done`, `fi`), for busybox's `(expecting "done")`. */
    readonly expecting?: string,
  ) {
    super(lookingFor ?? 'syntax error: unexpected end of file');
  }
}

/** Words carry the line they start on (1-based), for bash's `line N:` in a script's errors. */
type Token = { kind: 'word'; word: Word; line: number } | { kind: 'op'; op: string; hereDoc?: HereDoc };

/**
 * Splits source into words and operators (`newline` is an operator of its own). Here-document
 * bodies are read from the lines after the one that opens them. `atEnd`: no more input will come
 * (a script), so a here-document without its delimiter line takes the rest of the input.
 */
export function tokenize(source: string, atEnd = false): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let word: Word | undefined;
  /** A `<<` waiting for its delimiter word, then here-documents waiting for the end of their line. */
  let awaitingDelimiter: HereDoc | undefined;
  const openDocs: HereDoc[] = [];
  let wordStart = 0;
  const push = (text: string, quoted: WordPart['quoted']) => {
    if (word === undefined) wordStart = i;
    word ??= [];
    const last = word[word.length - 1];
    if (last && last.quoted === quoted && quoted === 'none') last.text += text;
    else word.push({ text, quoted });
  };
  const endWord = () => {
    if (!word) return;
    tokens.push({ kind: 'word', word, line: source.slice(0, wordStart).split('\n').length });
    if (awaitingDelimiter) {
      awaitingDelimiter.delimiter = wordText(word);
      awaitingDelimiter.expand = !word.some((p) => p.quoted !== 'none');
      openDocs.push(awaitingDelimiter);
      awaitingDelimiter = undefined;
    }
    word = undefined;
  };
  /** Reads the bodies of the here-documents opened on the line that ends at `from`; returns where the next line starts. */
  const readBodies = (from: number): number => {
    let at = from;
    for (const doc of openDocs.splice(0)) {
      const lines: string[] = [];
      for (;;) {
        if (at >= source.length) {
          if (!atEnd) throw new IncompleteInput(undefined, true);
          break;
        }
        const end = source.indexOf('\n', at);
        const raw = source.slice(at, end < 0 ? source.length : end);
        at = end < 0 ? source.length : end + 1;
        const line = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
        if (line === doc.delimiter) break;
        lines.push(line);
        if (end < 0 && !atEnd) throw new IncompleteInput(undefined, true);
      }
      doc.body = lines.map((l) => `${l}\n`).join('');
    }
    return at;
  };
  while (i < source.length) {
    const c = source[i] as string;
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '\n') {
      endWord();
      tokens.push({ kind: 'op', op: 'newline' });
      i = openDocs.length ? readBodies(i + 1) : i + 1;
    } else if (c === '#' && word === undefined) {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === "'") {
      if (word === undefined) wordStart = i;
      const end = source.indexOf("'", i + 1);
      if (end < 0) throw new IncompleteInput("unexpected EOF while looking for matching `''");
      push(source.slice(i + 1, end), 'single');
      i = end + 1;
    } else if (c === '"') {
      if (word === undefined) wordStart = i;
      let j = i + 1;
      let text = '';
      while (j < source.length && source[j] !== '"') {
        if (source[j] === '\\' && source[j + 1] === '\n') {
          j += 2;
        } else if (source[j] === '\\' && j + 1 < source.length && '"\\$`'.includes(source[j + 1] as string)) {
          text += source[j + 1] === '$' ? '\\$' : (source[j + 1] as string);
          j += 2;
        } else {
          text += source[j];
          j++;
        }
      }
      if (j >= source.length) throw new IncompleteInput('unexpected EOF while looking for matching `"\'');
      push(text, 'double');
      i = j + 1;
    } else if (c === '\\') {
      if (i + 1 >= source.length) {
        // A trailing backslash continues the line.
        if (!atEnd) throw new IncompleteInput();
        i++;
      } else if (source[i + 1] === '\n') {
        i += 2;
      } else {
        push(source[i + 1] === '$' ? '\\$' : (source[i + 1] as string), 'single');
        i += 2;
      }
    } else if (c === '$' && source[i + 1] === '(') {
      // $( ... ) command substitution: kept as text, expanded by the session.
      let depth = 0;
      let j = i + 1;
      for (; j < source.length; j++) {
        if (source[j] === '(') depth++;
        else if (source[j] === ')' && --depth === 0) break;
      }
      if (j >= source.length) throw new IncompleteInput("unexpected EOF while looking for matching `)'");
      push(source.slice(i, j + 1), 'none');
      i = j + 1;
    } else if ('|&;<>'.includes(c) || (/[0-9]/.test(c) && word === undefined && (source[i + 1] === '>' || source[i + 1] === '<'))) {
      endWord();
      const three = source.slice(i, i + 3);
      const two = source.slice(i, i + 2);
      let op: string;
      if (three === '<<-' || three === '2>&' || three === '2>>') op = three;
      else if (['&&', '||', '>>', '<<', '>&', '2>', '1>', '0<'].includes(two)) op = two;
      else op = c;
      if (op === '<<' || op === '<<-') {
        awaitingDelimiter = { delimiter: '', expand: true, stripTabs: op === '<<-' };
        tokens.push({ kind: 'op', op, hereDoc: awaitingDelimiter });
      } else tokens.push({ kind: 'op', op });
      i += op.length;
    } else {
      push(c, 'none');
      i++;
    }
  }
  endWord();
  if (openDocs.length) {
    if (!atEnd) throw new IncompleteInput(undefined, true);
    readBodies(source.length);
  }
  return tokens;
}

function wordText(word: Word): string {
  return word.map((p) => p.text).join('');
}

/** A pipeline written back as text, the way bash shows a job (`jobs`, `[1]+  Done  ...`). */
export function pipelineText(pipeline: Pipeline): string {
  const quote = (p: WordPart): string => (p.quoted === 'single' ? `'${p.text}'` : p.quoted === 'double' ? `"${p.text}"` : p.text);
  const redirect = (r: Redirect): string => `${r.fd === 2 ? '2' : ''}${r.op}${r.op === '>&' ? '' : ' '}${r.target}`;
  const words = (ws: Word[]) => ws.map((w) => w.map(quote).join(''));
  const list = (l: CommandList): string => l.items.map((p, i) => pipelineText(p) + (p.background ? ' &' : '') + (i < l.ops.length ? (l.ops[i] === ';' ? (p.background ? ' ' : '; ') : ` ${l.ops[i] ?? ''} `) : '')).join('');
  const command = (c: ShellCommand): string => {
    const tail = c.redirects.map(redirect);
    switch (c.kind) {
      case undefined:
        return [...c.assignments.map((a) => `${a.name}=${a.value.map(quote).join('')}`), ...words(c.words), ...tail].join(' ');
      case 'for':
        return [`for ${c.variable} in ${words(c.words).join(' ')}; do ${list(c.body)}; done`, ...tail].join(' ');
      case 'while':
        return [`${c.until ? 'until' : 'while'} ${list(c.condition)}; do ${list(c.body)}; done`, ...tail].join(' ');
      case 'if':
        return [`if ${c.branches.map((b) => `${list(b.condition)}; then ${list(b.body)}; `).join('elif ')}${c.otherwise ? `else ${list(c.otherwise)}; ` : ''}fi`, ...tail].join(' ');
      case 'group':
        return [`{ ${list(c.body)}; }`, ...tail].join(' ');
    }
  };
  return (pipeline.negate ? '! ' : '') + pipeline.commands.map(command).join(' | ');
}

/** Words that open or close a compound command when they start a command. */
const RESERVED = new Set(['for', 'while', 'until', 'if', 'then', 'elif', 'else', 'fi', 'do', 'done', '{', '}', '!']);

const REDIRECT_OPS = new Set(['>', '1>', '>>', '2>', '2>>', '2>&', '>&', '<', '0<', '<<', '<<-']);

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  /** The reserved word at the current position, if the token is one (unquoted). */
  private keyword(): string | undefined {
    const t = this.peek();
    if (t?.kind !== 'word' || t.word.length !== 1 || t.word[0]?.quoted !== 'none') return undefined;
    const text = t.word[0].text;
    return RESERVED.has(text) ? text : undefined;
  }

  private isOp(...ops: string[]): boolean {
    const t = this.peek();
    return t?.kind === 'op' && ops.includes(t.op);
  }

  private skipNewlines(): void {
    while (this.isOp('newline')) this.pos++;
  }

  /** A syntax error at the current token, or (out of tokens) a request for more input. */
  private unexpected(expecting?: string): never {
    const t = this.peek();
    if (!t) throw new IncompleteInput(undefined, false, expecting);
    const token = t.kind === 'op' ? t.op : wordText(t.word);
    throw new ParseError(`syntax error near unexpected token \`${token}'`, token);
  }

  private expect(keyword: string): void {
    if (this.keyword() !== keyword) this.unexpected(keyword);
    this.pos++;
  }

  /** The whole input. */
  program(): CommandList {
    const list = this.list(new Set());
    if (this.peek()) this.unexpected();
    return list;
  }

  /** Commands up to one of the `stops` keywords (at a command's start), or the end of input for the top level. */
  list(stops: Set<string>): CommandList {
    const list: CommandList = { items: [], ops: [] };
    for (;;) {
      this.skipNewlines();
      const kw = this.keyword();
      if (!this.peek() || (kw !== undefined && stops.has(kw))) break;
      const pipeline = this.pipeline();
      list.items.push(pipeline);
      const sep = this.peek();
      if (!sep) break;
      if (sep.kind === 'op' && (sep.op === '&&' || sep.op === '||')) {
        this.pos++;
        list.ops.push(sep.op);
        this.skipNewlines();
        // `a &&` at the end of a line waits for the rest; `a && done` is an error.
        const after = this.keyword();
        if (!this.peek() || (after !== undefined && stops.has(after))) this.unexpected();
        continue;
      }
      if (sep.kind === 'op' && (sep.op === ';' || sep.op === '&' || sep.op === 'newline')) {
        this.pos++;
        if (sep.op === '&') pipeline.background = true;
        list.ops.push(';');
        continue;
      }
      const next = this.keyword();
      if (next !== undefined && stops.has(next)) break;
      this.unexpected();
    }
    if (list.ops.length >= list.items.length) list.ops.length = Math.max(0, list.items.length - 1);
    // An empty body (`do done`, `then fi`) is an error at the keyword that ends it.
    if (list.items.length === 0 && stops.size > 0) this.unexpected();
    return list;
  }

  private pipeline(): Pipeline {
    const pipeline: Pipeline = { commands: [] };
    if (this.keyword() === '!') {
      this.pos++;
      pipeline.negate = true;
    }
    pipeline.commands.push(this.command());
    while (this.isOp('|')) {
      this.pos++;
      this.skipNewlines();
      pipeline.commands.push(this.command());
    }
    return pipeline;
  }

  private command(): ShellCommand {
    const t = this.peek();
    if (!t || (t.kind === 'op' && !REDIRECT_OPS.has(t.op))) this.unexpected();
    const kw = this.keyword();
    let compound: CompoundCommand;
    if (kw === 'for') compound = this.forCommand();
    else if (kw === 'while' || kw === 'until') compound = this.loopCommand(kw === 'until');
    else if (kw === 'if') compound = this.ifCommand();
    else if (kw === '{') compound = this.group();
    else if (kw !== undefined) this.unexpected();
    else return this.simpleCommand();
    while (this.isOp(...REDIRECT_OPS)) this.redirect(compound);
    return compound;
  }

  private forCommand(): ForCommand {
    this.pos++;
    const name = this.peek();
    if (name?.kind !== 'word') this.unexpected();
    const variable = wordText(name.word);
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(variable)) throw new ParseError(`\`${variable}': not a valid identifier`, variable);
    this.pos++;
    const words: Word[] = [];
    this.skipNewlines();
    const t = this.peek();
    if (t?.kind === 'word' && wordText(t.word) === 'in' && t.word[0]?.quoted === 'none') {
      this.pos++;
      for (let w = this.peek(); w?.kind === 'word'; w = this.peek()) {
        words.push(w.word);
        this.pos++;
      }
      if (!this.isOp(';', 'newline')) this.unexpected();
      this.pos++;
    } else if (this.isOp(';')) this.pos++;
    this.skipNewlines();
    this.expect('do');
    const body = this.list(new Set(['done']));
    this.expect('done');
    return { kind: 'for', variable, words, body, redirects: [] };
  }

  private loopCommand(until: boolean): LoopCommand {
    this.pos++;
    const condition = this.list(new Set(['do']));
    this.expect('do');
    const body = this.list(new Set(['done']));
    this.expect('done');
    return { kind: 'while', until, condition, body, redirects: [] };
  }

  private ifCommand(): IfCommand {
    this.pos++;
    const command: IfCommand = { kind: 'if', branches: [], redirects: [] };
    for (;;) {
      const condition = this.list(new Set(['then']));
      this.expect('then');
      const body = this.list(new Set(['elif', 'else', 'fi']));
      command.branches.push({ condition, body });
      const kw = this.keyword();
      if (kw !== 'elif' && kw !== 'else' && kw !== 'fi') this.unexpected('fi');
      this.pos++;
      if (kw === 'elif') continue;
      if (kw === 'else') {
        command.otherwise = this.list(new Set(['fi']));
        this.expect('fi');
      }
      return command;
    }
  }

  private group(): GroupCommand {
    this.pos++;
    const body = this.list(new Set(['}']));
    this.expect('}');
    return { kind: 'group', body, redirects: [] };
  }

  private simpleCommand(): SimpleCommand {
    const command: SimpleCommand = { words: [], redirects: [], assignments: [] };
    for (let t = this.peek(); t; t = this.peek()) {
      if (t.kind === 'op') {
        if (!REDIRECT_OPS.has(t.op)) break;
        this.redirect(command);
        continue;
      }
      this.pos++;
      command.line ??= t.line;
      const text = wordText(t.word);
      const assign = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(text);
      if (command.words.length === 0 && assign && t.word[0]?.quoted === 'none' && (t.word[0]?.text.includes('=') ?? false)) {
        command.assignments.push({ name: assign[1] as string, value: dropPrefix(t.word, (assign[1] as string).length + 1) });
      } else {
        command.words.push(t.word);
      }
    }
    return command;
  }

  private redirect(command: ShellCommand): void {
    const t = this.peek();
    if (t?.kind !== 'op') return;
    this.pos++;
    const next = this.peek();
    if (next?.kind !== 'word') {
      if (!next) throw new ParseError("syntax error near unexpected token `newline'", 'newline');
      this.unexpected();
    }
    this.pos++;
    const target = wordText(next.word);
    const op = t.op;
    if (op === '<<' || op === '<<-') {
      if (command.kind === undefined && t.hereDoc) command.hereDoc = t.hereDoc;
    } else if (op === '>' || op === '1>') command.redirects.push({ fd: 1, op: '>', target });
    else if (op === '>>') command.redirects.push({ fd: 1, op: '>>', target });
    else if (op === '2>') command.redirects.push({ fd: 2, op: '>', target });
    else if (op === '2>>') command.redirects.push({ fd: 2, op: '>>', target });
    else if (op === '2>&') command.redirects.push({ fd: 2, op: '>&', target });
    else if (op === '>&') command.redirects.push({ fd: 1, op: '>&', target });
    else command.redirects.push({ fd: 0, op: '<', target });
  }
}

/** The word without its first `length` characters (the `NAME=` of an assignment). */
function dropPrefix(word: Word, length: number): Word {
  const value: Word = [];
  let skip = length;
  for (const part of word) {
    if (skip >= part.text.length) {
      skip -= part.text.length;
      continue;
    }
    value.push({ text: part.text.slice(skip), quoted: part.quoted });
    skip = 0;
  }
  return value;
}

/**
 * Parses a command line (or several lines, or a script). `atEnd`: the input is complete (a script),
 * so an unfinished here-document ends with it instead of asking for more.
 */
export function parseLine(source: string, atEnd = false): CommandList {
  return new Parser(tokenize(source, atEnd)).program();
}
