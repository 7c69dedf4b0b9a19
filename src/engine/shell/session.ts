/**
 * A terminal session: reads lines, parses them, expands words, wires pipes and redirects, and
 * runs commands. Commands may finish later (sleep, kubectl wait): execution continues from a
 * callback, so time only moves through the simulation loop.
 */
import type { ShellSession, ShellState } from '../types';
import { parseLine, pendingHereDocs, pipelineText, ParseError, type CommandList, type Pipeline, type SimpleCommand, type Word } from './parser';
import { JobTable, type Job } from './jobs';
import type { CommandContext, CommandTable, InteractiveProgram, Machine } from './command';
import { HOME } from './filesystem';

export const PROMPT = '$ ';

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
}

interface Running {
  interrupt: () => void;
}

export class Session implements ShellSession {
  readonly env: Map<string, string>;
  readonly aliases: Map<string, string>;
  readonly history: string[] = [];
  cwd: string;
  /** An interactive program (a shell in a node or container) that has the terminal for now. */
  private attached: InteractiveProgram | undefined;
  private lastStatus = 0;
  private readonly listeners = new Set<(chunk: string) => void>();
  private running: Running | undefined;
  /** A parsed line waiting for its here-document bodies. */
  private pending: { list: CommandList; lines: string[]; source: string } | undefined;
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

  private shellName(): string {
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
    if (this.pending) {
      this.feedHereDoc(line);
      return;
    }
    this.start(line);
  }

  private start(line: string): void {
    if (line.trim() === '') {
      this.reportJobs();
      return;
    }
    this.history.push(line);
    let list: CommandList;
    try {
      list = parseLine(this.expandAliases(line));
    } catch (e) {
      if (e instanceof ParseError) {
        this.print(`${this.shellName()}: ${e.message}\n`);
        this.lastStatus = 2;
        return;
      }
      throw e;
    }
    if (pendingHereDocs(list).length > 0) {
      this.pending = { list, lines: [], source: line };
      return;
    }
    this.runList(list);
  }

  private feedHereDoc(line: string): void {
    const pending = this.pending;
    if (!pending) return;
    this.history.push(line);
    const doc = pendingHereDocs(pending.list)[0];
    if (!doc) return;
    const candidate = doc.stripTabs ? line.replace(/^\t+/, '') : line;
    if (candidate === doc.delimiter) {
      doc.body = pending.lines.map((l) => (doc.stripTabs ? l.replace(/^\t+/, '') : l)).join('\n') + (pending.lines.length ? '\n' : '');
      pending.lines = [];
      if (pendingHereDocs(pending.list).length === 0) {
        this.pending = undefined;
        this.runList(pending.list);
      }
      return;
    }
    pending.lines.push(line);
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
        atCommandStart = false;
        const alias = word !== undefined ? this.aliases.get(word) : undefined;
        if (word !== undefined && alias !== undefined) {
          out += alias;
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

  private runList(list: CommandList): void {
    const step = (index: number) => {
      if (index >= list.items.length) {
        this.finishLine();
        return;
      }
      const pipeline = list.items[index];
      if (!pipeline) return;
      if (pipeline.background) {
        this.startJob(pipeline);
        this.lastStatus = 0;
        step(index + 1);
        return;
      }
      this.runPipeline(pipeline.commands, (status) => {
        this.lastStatus = status;
        if (this.exitStatus !== undefined) {
          this.lastStatus = this.exitStatus;
          this.finishLine();
          return;
        }
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

  /** `cmd &`: bash prints the job number and PID, and the prompt comes back at once. */
  private startJob(pipeline: Pipeline): void {
    const job = this.jobs.start(pipelineText(pipeline));
    (this.options.stderr ?? ((t: string) => this.print(t)))(`[${job.id}] ${job.pid}\n`);
    this.runPipeline(pipeline.commands, (status) => this.jobs.finished(job, status, job.killedBy), job);
  }

  private reportJobs(): void {
    if (this.jobTable) this.print(this.jobTable.notices());
  }

  private finishLine(): void {
    this.running = undefined;
    this.reportJobs();
    const next = this.queued.shift();
    if (next !== undefined) this.write(next);
  }

  private runPipeline(commands: SimpleCommand[], done: (status: number) => void, job?: Job): void {
    const outputs: string[] = [];
    const run = (index: number, stdin: string | undefined) => {
      const command = commands[index];
      if (!command) return;
      const last = index === commands.length - 1;
      let captured = '';
      this.runSimple(command, stdin, last ? (t) => this.print(t) : (t) => (captured += t), job, (status) => {
        outputs.push(captured);
        if (last) done(status);
        else run(index + 1, captured);
      });
    };
    run(0, undefined);
  }

  /**
   * Expands one word: variables (unless single-quoted), `~` at the start, and `$(...)` command
   * substitution (its output, trailing newlines removed; not split into several words).
   */
  expandWord(word: Word): string {
    let out = '';
    word.forEach((part, i) => {
      if (part.quoted === 'single') {
        out += part.text.replace(/\\\$/g, '$');
        return;
      }
      let text = part.text;
      if (part.quoted === 'none' && i === 0 && (text === '~' || text.startsWith('~/'))) text = HOME + text.slice(1);
      out += this.substituteCommands(text, (t) => this.expandVariables(t));
    });
    return out;
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
      out += rest(text.slice(from, i)) + this.captureOutput(text.slice(i + 2, j));
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

  private runSimple(command: SimpleCommand, pipedStdin: string | undefined, sink: (text: string) => void, job: Job | undefined, done: (status: number) => void): void {
    const words = command.words.map((w) => this.expandWord(w));
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
    let stdout = sink;
    let stderr = (t: string) => (this.options.stderr ? this.options.stderr(t) : this.print(t));
    const fs = this.machine.fs;
    for (const r of command.redirects) {
      if (r.op === '<') {
        const path = fs.resolve(this.cwd, this.expandVariables(r.target));
        const content = fs.read(path);
        if (content === undefined) {
          this.print(`${this.shellName()}: ${r.target}: ${fs.isDir(path) ? 'Is a directory' : 'No such file or directory'}\n`);
          done(1);
          return;
        }
        stdin = content;
        stdinRedirected = true;
      } else if (r.op === '>&') {
        if (r.fd === 2 && r.target === '1') stderr = (t) => stdout(t);
      } else {
        const path = fs.resolve(this.cwd, this.expandVariables(r.target));
        if (r.target === '/dev/null') {
          if (r.fd === 1) stdout = () => undefined;
          else stderr = () => undefined;
          continue;
        }
        const failure = fs.write(path, '', r.op === '>>');
        if (failure) {
          this.print(`${this.shellName()}: ${r.target}: ${failure.error}\n`);
          done(1);
          return;
        }
        const writer = (t: string) => void fs.write(path, t, true);
        if (r.fd === 1) stdout = writer;
        else stderr = writer;
      }
    }
    const impl = this.commands.get(name);
    if (!impl) {
      stderr(this.options.dialect === 'busybox' ? `sh: ${name}: not found\n` : `bash: ${name}: command not found\n`);
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
