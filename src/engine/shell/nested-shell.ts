/**
 * A shell running inside something else (a kind node container, a pod's container) as an
 * interactive program of the outer terminal: its own filesystem, commands, environment and prompt;
 * `exit` (or Ctrl-D) returns to the outer shell.
 */
import type { Command, CommandTable, InteractiveProgram, Machine } from './command';
import { Session, type SessionOptions } from './session';

export class NestedShell implements InteractiveProgram {
  private readonly inner: Session;
  private exitListener: ((code: number) => void) | undefined;
  private exited = false;

  /** `announceExit`: interactive bash prints "exit" as it leaves; busybox sh does not. */
  constructor(machine: Machine, commands: CommandTable, options: SessionOptions & { announceExit?: boolean }, print: (text: string) => void) {
    const exit: Command = (ctx) => {
      if (options.announceExit) ctx.stderr('exit\n');
      const code = ctx.args[0] === undefined ? 0 : Number(ctx.args[0]);
      ctx.done(Number.isInteger(code) ? code & 0xff : 2);
      this.finish(Number.isInteger(code) ? code & 0xff : 2);
    };
    this.inner = new Session(machine, new Map([...commands, ['exit', exit]]), options);
    this.inner.onOutput(print);
  }

  private finish(code: number): void {
    if (this.exited) return;
    this.exited = true;
    this.exitListener?.(code);
  }

  prompt(): string {
    return this.inner.prompt();
  }

  input(line: string): void {
    if (!this.exited) this.inner.write(line);
  }

  interrupt(): void {
    this.inner.signal('SIGINT');
  }

  busy(): boolean {
    return this.inner.busy();
  }

  onExit(listener: (code: number) => void): void {
    this.exitListener = listener;
  }

  /** Ctrl-D at an empty prompt: the shell exits as if `exit` was typed. */
  endOfInput(): void {
    if (!this.inner.busy()) this.finish(0);
  }
}
