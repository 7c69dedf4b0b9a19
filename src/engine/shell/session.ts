/**
 * A terminal session: reads lines, parses them, expands words, wires pipes and redirects, and
 * runs commands. Commands may finish later (sleep, kubectl wait): execution continues from a
 * callback, so time only moves through the simulation loop.
 */
import type { ShellSession, ShellState } from '../types';
import { IncompleteInput, parseLine, pipelineText, ParseError, type CommandList, type Pipeline, type Redirect, type ShellCommand, type SimpleCommand, type Word } from './parser';
import { JobTable } from './jobs';
import { runCompound, type CompoundHost, type Io } from './compound-commands';
import { runTest } from './test-expression';
import { expandGlob, type GlobChar } from './glob';
import { historyJoin, readLine } from './read-line';
import { arithmetic } from '../kubelet/runtime/sh-interpreter';
import type { CommandContext, CommandTable, InteractiveProgram, Machine } from './command';
import { HOME } from './filesystem';

export const PROMPT = '$ ';

/** Reserved words after which the next word is a command name again (for alias expansion). */
const COMMAND_KEYWORDS = new Set(['do', 'then', 'else', 'elif', 'if', 'while', 'until', '{', '!']);

/** How a shell presents itself: the lab machine's bash, or a shell inside a node or container. */
export interface SessionOptions {
  /** The prompt shown before each line (default `$ `). */
  prompt?: (session: Session) => string;
  /** Initial environment, replacing the lab machine's. */
  env?: Record<string, string>;
  cwd?: string;
  /** Aliases preset in this shell (default: `k` for kubectl). */
  aliases?: Record<string, string>;
  /** busybox's ash words errors as `sh: foo: not found`; bash (the default) as `bash: foo: command not found`. */
  dialect?: 'bash' | 'busybox';
  /** Where error output goes when it should not mix with the output (a `$(...)` substitution's stderr). */
  stderr?: (text: string) => void;
  /** A script (`sh -c '...'`): input that stops inside a quote or a loop is an error, not a `> ` prompt. */
  script?: boolean;
}

interface Running {
  interrupt: () => void;
}

export class Session implements ShellSession, CompoundHost {
  readonly env: Map<string, string>;
  readonly aliases: Map<string, string>;
  readonly history: string[] = [];
  cwd: string;
  /** An interactive program (a shell in a node or container) that has the terminal for now. */
  private attached: InteractiveProgram | undefined;
  private lastStatus = 0;
  private readonly listeners = new Set<(chunk: string) => void>();
  private running: Running | undefined;
  /**
   * Lines of a command that is not complete yet (an open quote, `for` without `done`, a
   * here-document without its delimiter): the prompt is `> ` until it is. `literal`: the next line
   * continues a quote or a here-document, so no alias is expanded in it.
   */
  private pending: { lines: string[]; literal: boolean; entry: string } | undefined;
  /** Ctrl-C during the current line: the rest of it (a loop's next pass, `; next`) does not run. */
  private interrupted = false;
  loopControl: CompoundHost['loopControl'];
  loopDepth = 0;
  private readonly queued: string[] = [];
  /** Set by `exit` in a script (`sh -c 'a; exit 3; b'`): the rest of the script does not run. */
  private exitStatus: number | undefined;
  private jobTable: JobTable | undefined;

  constructor(
    private readonly machine: Machine,
    private readonly commands: CommandTable,
    private readonly options: SessionOptions = {},
  ) {
    this.env = new Map(
      Object.entries(
        options.env ?? {
          HOME,
          PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          SHELL: '/bin/bash',
          USER: 'learner',
          TERM: 'xterm-256color',
        },
      ),
    );
    this.aliases = new Map(Object.entries(options.aliases ?? { k: 'kubectl' }));
    this.cwd = options.cwd ?? HOME;
  }

  /** A lab-machine session continuing from a saved state (a fresh one without it). */
  static restore(machine: Machine, commands: CommandTable, state: ShellState | undefined): Session {
    if (!state) return new Session(machine, commands);
    const session = new Session(machine, commands, { env: state.env, aliases: state.aliases });
    // A saved working directory that no longer exists falls back to HOME, as a login shell would start there.
    session.cwd = machine.fs.isDir(state.cwd) ? state.cwd : HOME;
    session.history.push(...state.history);
    return session;
  }

  /** Background jobs (`&`), made on first use. */
  get jobs(): JobTable {
    this.jobTable ??= new JobTable(this.machine.random.fork('pids'));
    return this.jobTable;
  }

  state(): ShellState {
    return { cwd: this.cwd, env: Object.fromEntries(this.env), aliases: Object.fromEntries(this.aliases), history: [...this.history] };
  }

  shellName(): string {
    return this.options.dialect === 'busybox' ? 'sh' : 'bash';
  }

  prompt(): string {
    if (this.attached) return this.attached.prompt();
    if (this.pending) return '> ';
    return this.options.prompt ? this.options.prompt(this) : PROMPT;
  }

  busy(): boolean {
    if (this.attached) return this.attached.busy();
    return this.running !== undefined;
  }

  onOutput(listener: (chunk: string) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private print(text: string): void {
    if (text === '') return;
    for (const l of this.listeners) l(text);
  }

  /** Ends the script: the current line stops after this command and queued lines are dropped. */
  exit(status: number): void {
    this.exitStatus = status;
    this.queued.length = 0;
  }

  /** The status `exit` gave, if a script called it. */
  get exitedWith(): number | undefined {
    return this.exitStatus;
  }

  signal(signal: 'SIGINT'): void {
    if (signal !== 'SIGINT') return;
    if (this.attached) {
      this.attached.interrupt();
      return;
    }
    if (this.pending) {
      this.pending = undefined;
      this.print('^C\n');
      return;
    }
    if (this.running) {
      this.print('^C\n');
      this.interrupted = true;
      this.running.interrupt();
    }
  }

  write(line: string): void {
    if (this.attached) {
      this.attached.input(line);
      return;
    }
    if (this.running) {
      // Typed while a command runs: kept until it finishes, as a terminal buffers input.
      this.queued.push(line);
      return;
    }
    this.start(line);
  }

  private start(line: string): void {
    const pending = this.pending;
    this.pending = undefined;
    if (!pending && line.trim() === '') {
      this.reportJobs();
      return;
    }
    const lines = [...(pending?.lines ?? []), pending?.literal ? line : this.expandAliases(line)];
    const entry = pending ? historyJoin(pending.entry, line, pending.literal) : line;
    let list: CommandList;
    try {
      list = parseLine(lines.join('\n'), this.options.script);
    } catch (e) {
      if (e instanceof IncompleteInput && !this.options.script) {
        this.pending = { lines, literal: e.lookingFor !== undefined || e.inHereDoc, entry };
        return;
      }
      this.history.push(entry);
      if (e instanceof ParseError) {
        this.print(this.syntaxErrorText(e, lines));
        this.lastStatus = 2;
        this.finishLine();
        return;
      }
      throw e;
    }
    this.history.push(entry);
    this.interrupted = false;
    this.runList(list, { out: (t) => this.print(t), err: (t) => this.printError(t) }, (status) => {
      this.lastStatus = status;
      this.finishLine();
    });
  }

  /** A syntax error as this shell words it: bash's `bash: syntax error near unexpected token `done'`, busybox's `sh: syntax error: unexpected "done"`. */
  private syntaxErrorText(e: ParseError, lines: string[]): string {
    const incomplete = e instanceof IncompleteInput;
    if (this.options.dialect === 'busybox') {
      if (incomplete) return `sh: syntax error: ${e.lookingFor ? 'unterminated quoted string' : `unexpected end of file${e.expecting ? ` (expecting "${e.expecting}")` : ''}`}\n`;
      if (e.token === undefined) return `sh: ${e.message}\n`;
      return `sh: syntax error: unexpected ${e.token === 'newline' ? 'newline' : `"${e.token}"`}\n`;
    }
    if (!this.options.script) return `bash: ${e.message}\n`;
    // bash -c names the line; a script cut short gets both the quote and the end of file.
    const at = `bash: -c: line ${lines.join('\n').split('\n').length}: `;
    if (incomplete) return (e.lookingFor ? `${at}${e.lookingFor}\n` : '') + `${at}syntax error: unexpected end of file\n`;
    return `${at}${e.message}\n${at}\`${lines.join('\n')}'\n`;
  }

  private printError(text: string): void {
    if (this.options.stderr) this.options.stderr(text);
    else this.print(text);
  }

  /**
   * Expands an alias in the first word of each command of the line (after `;`, `&&`, `||`, `|`,
   * `&`, `(`), as bash does; quoted text is left alone.
   */
  private expandAliases(line: string): string {
    let out = '';
    let atCommandStart = true;
    let quote: string | undefined;
    for (let i = 0; i < line.length; ) {
      const c = line[i] as string;
      if (quote) {
        out += c;
        if (c === '\\' && quote === '"' && i + 1 < line.length) out += line[++i] as string;
        else if (c === quote) quote = undefined;
        i++;
        continue;
      }
      if (atCommandStart && !/\s/.test(c)) {
        const word = /^[^\s;&|()<>'"]+/.exec(line.slice(i))?.[0];
        // After a keyword that opens a body (`do`, `then`, `if`, ...) a command starts again.
        atCommandStart = word !== undefined && COMMAND_KEYWORDS.has(word);
        const alias = word !== undefined ? this.aliases.get(word) : undefined;
        if (word !== undefined && (alias !== undefined || atCommandStart)) {
          out += alias ?? word;
          i += word.length;
          continue;
        }
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '\\' && i + 1 < line.length) {
        out += c + (line[i + 1] as string);
        i += 2;
        continue;
      } else if (c === ';' || c === '&' || c === '|' || c === '(') atCommandStart = true;
      out += c;
      i++;
    }
    return out;
  }

  /** Runs a list (`a && b; c`), then calls `done` with the last status; stops early on `exit`, Ctrl-C, `break`. */
  runList(list: CommandList, io: Io, done: (status: number) => void): void {
    const step = (index: number) => {
      if (index >= list.items.length) return done(this.lastStatus);
      const pipeline = list.items[index];
      if (!pipeline) return;
      if (pipeline.background) {
        this.startJob(pipeline, io);
        this.lastStatus = 0;
        step(index + 1);
        return;
      }
      this.runPipeline(pipeline, io, (status) => {
        this.lastStatus = status;
        if (this.exitStatus !== undefined) {
          this.lastStatus = this.exitStatus;
          return done(this.exitStatus);
        }
        if (this.stopped(io) || this.loopControl) return done(status);
        const op = list.ops[index];
        let next = index + 1;
        // Skip items whose operator does not fire: `a && b` skips b when a failed, and so on.
        let currentOp = op;
        while (next < list.items.length && ((currentOp === '&&' && this.lastStatus !== 0) || (currentOp === '||' && this.lastStatus === 0))) {
          currentOp = list.ops[next];
          next++;
        }
        step(next);
      });
    };
    step(0);
  }

  stopped(io: Io): boolean {
    return this.exitStatus !== undefined || (io.job ? io.job.killedBy !== undefined : this.interrupted);
  }

  nowMs(): number {
    return this.machine.loop.nowMs();
  }

  setVariable(name: string, value: string): void {
    this.env.set(name, value);
  }

  /** `cmd &`: bash prints the job number and PID, and the prompt comes back at once. */
  private startJob(pipeline: Pipeline, io: Io): void {
    const job = this.jobs.start(pipelineText(pipeline));
    (this.options.stderr ?? ((t: string) => this.print(t)))(`[${job.id}] ${job.pid}\n`);
    this.runPipeline(pipeline, { ...io, job }, (status) => this.jobs.finished(job, status, job.killedBy));
  }

  private reportJobs(): void {
    if (this.jobTable) this.print(this.jobTable.notices());
  }

  private finishLine(): void {
    this.running = undefined;
    this.loopControl = undefined;
    this.reportJobs();
    const next = this.queued.shift();
    if (next !== undefined) this.write(next);
  }

  private runPipeline(pipeline: Pipeline, io: Io, done: (status: number) => void): void {
    const commands = pipeline.commands;
    const run = (index: number, stdin: string | undefined) => {
      const command = commands[index];
      if (!command) return;
      const last = index === commands.length - 1;
      let captured = '';
      const sink = last ? io.out : (t: string) => (captured += t);
      this.runCommand(command, stdin, { ...io, out: sink }, (status) => {
        if (!last) return run(index + 1, captured);
        done(pipeline.negate ? Number(status === 0) : status);
      });
    };
    run(0, undefined);
  }

  private runCommand(command: ShellCommand, stdin: string | undefined, io: Io, done: (status: number) => void): void {
    if (command.kind === undefined) return this.runSimple(command, stdin, io, done);
    // A compound command's redirects apply to everything inside it (`done > log`, `} 2>/dev/null`).
    const streams = this.openRedirects(command.redirects, io);
    if (!streams) return done(1);
    const text = streams.stdin ?? stdin;
    runCompound(this, command, { ...io, out: streams.stdout, err: streams.stderr, input: text !== undefined ? { text, pos: 0 } : io.input }, done);
  }

  /**
   * Expands one word: variables (unless single-quoted), `~` at the start, and `$(...)` command
   * substitution (its output, trailing newlines removed; not split into several words).
   */
  expandWord(word: Word, atStart = true): string {
    let out = '';
    word.forEach((part, i) => {
      if (part.quoted === 'single') {
        out += part.text.replace(/\\\$/g, '$');
        return;
      }
      let text = part.text;
      if (part.quoted === 'none' && i === 0 && atStart && (text === '~' || text.startsWith('~/'))) text = HOME + text.slice(1);
      out += this.substituteCommands(text, (t) => this.expandVariables(t));
    });
    return out;
  }

  /**
   * Expands one word into fields, as bash does for command arguments and `for` lists: what an
   * unquoted `$VAR` or `$(...)` yields is split at spaces, tabs and newlines (an empty one vanishes);
   * quoted text is kept whole; then unquoted `*`, `?` and `[...]` match file names.
   */
  expandFields(word: Word): string[] {
    const fields: GlobChar[][] = [];
    let current: GlobChar[] | undefined;
    const add = (text: string, active: boolean) => {
      current ??= [];
      for (const ch of text) current.push({ ch, active });
    };
    word.forEach((part, i) => {
      const text = this.expandWord([part], i === 0);
      if (part.quoted !== 'none') return add(text, false);
      if (!part.text.includes('$')) return add(text, true);
      text.split(/[ \t\n]+/).forEach((piece, index) => {
        if (index > 0 && current !== undefined) {
          fields.push(current);
          current = undefined;
        }
        if (piece !== '') add(piece, true);
      });
    });
    if (current !== undefined) fields.push(current);
    return fields.flatMap((chars) => expandGlob(chars, this.machine.fs, this.cwd) ?? [chars.map((c) => c.ch).join('')]);
  }

  /** Replaces each `$(command)` in `text` by what the command prints; `rest` expands the text around them. */
  private substituteCommands(text: string, rest: (text: string) => string): string {
    let out = '';
    let from = 0;
    for (let i = text.indexOf('$('); i >= 0; i = text.indexOf('$(', from)) {
      if (i > 0 && text[i - 1] === '\\') {
        out += rest(text.slice(from, i + 2));
        from = i + 2;
        continue;
      }
      let depth = 0;
      let j = i + 1;
      for (; j < text.length; j++) {
        if (text[j] === '(') depth++;
        else if (text[j] === ')' && --depth === 0) break;
      }
      if (j >= text.length) break;
      const inner = text.slice(i + 2, j);
      // `$((expr))` is arithmetic, not a command in a subshell.
      const value = inner.startsWith('(') && inner.endsWith(')') ? String(arithmetic(this.expandVariables(inner.slice(1, -1)), this.env)) : this.captureOutput(inner);
      out += rest(text.slice(from, i)) + value;
      from = j + 1;
    }
    return out + rest(text.slice(from));
  }

  /** Runs a command line in a subshell and returns its standard output; errors still reach the terminal. */
  private captureOutput(line: string): string {
    let captured = '';
    const subshell = new Session(this.machine, this.commands, { ...this.options, env: Object.fromEntries(this.env), cwd: this.cwd, aliases: Object.fromEntries(this.aliases), stderr: (t) => this.print(t) });
    subshell.onOutput((t) => (captured += t));
    subshell.write(line);
    // Substitutions run to completion at once; one that would wait (sleep, watch) is cut short.
    if (subshell.busy()) subshell.signal('SIGINT');
    this.lastStatus = Number(subshell.expandVariables('$?')) || 0;
    return captured.replace(/\n+$/, '');
  }

  expandVariables(text: string): string {
    return text
      .replace(/(\\?)\$(\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*)|\?)/g, (all, escaped: string, _w: string, braced?: string, plain?: string) => {
        if (escaped) return all.slice(1);
        if (all.endsWith('?')) return String(this.lastStatus);
        return this.env.get(braced ?? plain ?? '') ?? '';
      })
      .replace(/\\\$/g, '$');
  }

  /** Opens a command's redirects over `io`; undefined (after bash's message) when a file cannot be opened. */
  private openRedirects(redirects: Redirect[], io: Io): { stdout: (t: string) => void; stderr: (t: string) => void; stdin?: string } | undefined {
    let stdout = io.out;
    let stderr = io.err;
    let stdin: string | undefined;
    const fs = this.machine.fs;
    for (const r of redirects) {
      if (r.op === '<') {
        const path = fs.resolve(this.cwd, this.expandVariables(r.target));
        const content = fs.read(path);
        if (content === undefined) {
          stderr(`${this.shellName()}: ${r.target}: ${fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`);
          return undefined;
        }
        stdin = content;
      } else if (r.op === '>&') {
        const out = stdout;
        const err = stderr;
        if (r.fd === 2 && r.target === '1') stderr = (t) => out(t);
        else if (r.fd === 1 && r.target === '2') stdout = (t) => err(t);
      } else {
        const path = fs.resolve(this.cwd, this.expandVariables(r.target));
        if (r.target === '/dev/null') {
          if (r.fd === 1) stdout = () => undefined;
          else stderr = () => undefined;
          continue;
        }
        const failure = fs.write(path, '', r.op === '>>');
        if (failure) {
          stderr(`${this.shellName()}: ${r.target}: ${failure.error}\n`);
          return undefined;
        }
        const writer = (t: string) => void fs.write(path, t, true);
        if (r.fd === 1) stdout = writer;
        else stderr = writer;
      }
    }
    return { stdout, stderr, stdin };
  }

  /** `break [N]`, `continue [N]`: leave (or go round again) the Nth enclosing loop. */
  private loopBuiltin(kind: 'break' | 'continue', args: string[], stderr: (t: string) => void): number {
    const levels = args[0] === undefined ? 1 : Number(args[0]);
    if (!Number.isInteger(levels) || levels < 1) {
      stderr(this.options.dialect === 'busybox' ? `sh: ${kind}: Illegal number: ${args[0] ?? ''}\n` : `bash: ${kind}: ${args[0] ?? ''}: ${Number.isInteger(levels) ? 'loop count out of range' : 'numeric argument required'}\n`);
      return 1;
    }
    // Outside a loop bash only complains; busybox says nothing. Neither stops the line.
    if (this.loopDepth === 0) {
      if (this.options.dialect !== 'busybox') stderr(`bash: ${kind}: only meaningful in a \`for', \`while', or \`until' loop\n`);
      return 0;
    }
    this.loopControl = { kind, levels: Math.min(levels, this.loopDepth) };
    return 0;
  }

  /** `read`: one line of `input` into variables (see read-line.ts). */
  private readBuiltin(args: string[], input: Io['input'], stderr: (t: string) => void): number {
    const result = readLine(args, input, this.options.dialect ?? 'bash');
    if (result.error) stderr(result.error);
    for (const [name, value] of result.values) this.env.set(name, value);
    return result.status;
  }

  /** `read` at the prompt: the terminal's next line goes to it (no prompt shows); Ctrl-C ends it with 130. */
  private readFromTerminal(args: string[], stderr: (t: string) => void, done: (status: number) => void): void {
    let exited: ((code: number) => void) | undefined;
    const finish = (code: number) => {
      this.attached = undefined;
      this.running = undefined;
      exited?.(code);
      done(code);
    };
    const program: InteractiveProgram = {
      prompt: () => '',
      input: (line) => finish(this.readBuiltin(args, { text: `${line}\n`, pos: 0 }, stderr)),
      interrupt: () => {
        this.print('^C\n');
        this.interrupted = true;
        finish(130);
      },
      busy: () => false,
      onExit: (listener) => {
        exited = listener;
      },
    };
    this.attached = program;
    this.running = { interrupt: () => program.interrupt() };
  }

  private runSimple(command: SimpleCommand, pipedStdin: string | undefined, io: Io, done: (status: number) => void): void {
    const job = io.job;
    // bash's `[[ ... ]]` takes each word whole: no field splitting, no file names.
    const conditional = this.options.dialect !== 'busybox' && command.words[0]?.length === 1 && command.words[0][0]?.quoted === 'none' && command.words[0][0].text === '[[';
    const words = conditional ? command.words.map((w) => this.expandWord(w)) : command.words.flatMap((w) => this.expandFields(w));
    if (words.length === 0) {
      for (const a of command.assignments) this.env.set(a.name, this.expandWord(a.value));
      done(0);
      return;
    }
    const name = words[0] as string;
    let stdin = pipedStdin ?? '';
    let stdinRedirected = pipedStdin !== undefined;
    if (command.hereDoc?.body !== undefined) {
      stdin = command.hereDoc.expand ? this.expandVariables(command.hereDoc.body) : command.hereDoc.body;
      stdinRedirected = true;
    }
    const streams = this.openRedirects(command.redirects, io);
    if (!streams) return done(1);
    const { stdout, stderr } = streams;
    if (streams.stdin !== undefined) {
      stdin = streams.stdin;
      stdinRedirected = true;
    }
    if (name === 'break' || name === 'continue') return done(this.loopBuiltin(name, words.slice(1), stderr));
    if (name === 'read') {
      const input = stdinRedirected ? { text: stdin, pos: 0 } : io.input;
      if (input || this.options.script || io.job) return done(this.readBuiltin(words.slice(1), input, stderr));
      // At the terminal, read waits for the next line typed.
      return this.readFromTerminal(words.slice(1), stderr, done);
    }
    if (!stdinRedirected && io.input) {
      stdin = io.input.text.slice(io.input.pos);
      stdinRedirected = true;
    }
    if (name === 'test' || name === '[' || conditional) {
      const fs = this.machine.fs;
      const at = (p: string) => fs.resolve(this.cwd, p);
      if (conditional && words[words.length - 1] !== ']]') {
        stderr("bash: syntax error in conditional expression: unexpected token `newline'\n");
        return done(2);
      }
      const args = conditional ? [...words.slice(1, -1), ']'] : words.slice(1);
      const result = runTest(conditional ? '[' : (name as 'test' | '['), args, { isFile: (p) => fs.isFile(at(p)), isDir: (p) => fs.isDir(at(p)), read: (p) => fs.read(at(p)), dialect: this.options.dialect ?? 'bash' });
      if (result.error) stderr(result.error);
      return done(result.status);
    }
    const impl = this.commands.get(name);
    if (!impl) {
      // bash running a script names the line (`bash -c 'nope'`: `bash: line 1: nope: command not found`).
      const where = this.options.script ? `line ${command.line ?? 1}: ` : '';
      stderr(this.options.dialect === 'busybox' ? `sh: ${name}: not found\n` : `bash: ${where}${name}: command not found\n`);
      done(127);
      return;
    }
    let finished = false;
    let interruptHandler: (() => void) | undefined;
    const context: CommandContext = {
      args: words.slice(1),
      stdin,
      stdinRedirected,
      stdout,
      stderr,
      env: this.env,
      cwd: this.cwd,
      setCwd: (path) => {
        this.cwd = path;
      },
      machine: this.machine,
      done: (code) => {
        if (finished) return;
        finished = true;
        if (this.running === running) this.running = undefined;
        done(code);
      },
      onInterrupt: (handler) => {
        interruptHandler = handler;
      },
      session: { history: this.history, aliases: this.aliases, jobs: this.jobs },
      runLine: (line, finished) => {
        let captured = '';
        const subshell = new Session(this.machine, this.commands, { ...this.options, env: Object.fromEntries(this.env), cwd: this.cwd, aliases: Object.fromEntries(this.aliases) });
        subshell.onOutput((t) => (captured += t));
        subshell.write(line);
        const check = () => {
          if (subshell.busy()) this.machine.loop.after(100, 'subshell', check);
          else finished(captured, Number(subshell.expandVariables('$?')) || 0);
        };
        check();
      },
      attach: (program) => {
        this.attached = program;
        program.onExit((code) => {
          if (this.attached === program) this.attached = undefined;
          context.done(code);
        });
      },
    };
    const running: Running = {
      interrupt: () => {
        if (interruptHandler) interruptHandler();
        else context.done(130);
      },
    };
    // A background job's command is stopped through its job (kill, fg then Ctrl-C), not the terminal.
    if (job) job.interrupt = running.interrupt;
    else this.running = running;
    try {
      impl(context);
    } catch (e) {
      stderr(`${name}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      context.done(1);
    }
  }
}
