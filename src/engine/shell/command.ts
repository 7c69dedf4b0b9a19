/** What a shell command gets to run with, and the registry of commands the lab machine has. */
import type { Random, SimLoop } from '../clock';
import type { ClusterManager } from '../cluster/manager';
import type { VirtualFileSystem } from './filesystem';
import type { JobTable } from './jobs';
import type { LoopbackPorts } from './loopback';

/** The lab machine every terminal session runs on (one filesystem, one set of kind clusters). */
export interface Machine {
  loop: SimLoop;
  fs: VirtualFileSystem;
  clusters: ClusterManager;
  /** Docker-style hostname of the lab machine. */
  hostname: string;
  /** Its listening sockets on 127.0.0.1 / ::1 / 0.0.0.0 (port-forwards). */
  ports: LoopbackPorts;
  /** Randomness for what the network decides (which backend kube-proxy picks). */
  random: Random;
  /** Asks the UI to open a file of this machine in its editor (`vi FILE`); absent in headless runs. */
  openInEditor?: (path: string) => void;
}

export interface CommandContext {
  /** Arguments after the command name, already expanded. */
  args: string[];
  stdin: string;
  /** True when stdin is a pipe, a file or a here-document rather than the terminal. */
  stdinRedirected: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  env: Map<string, string>;
  cwd: string;
  setCwd(path: string): void;
  machine: Machine;
  /** Completes the command with an exit status. Call exactly once, now or later (timers, watches). */
  done(exitCode: number): void;
  /** Registers what Ctrl-C does while the command is running (defaults to finishing with 130). */
  onInterrupt(handler: () => void): void;
  /**
   * Hands the terminal to an interactive program (`docker exec -it NODE bash`, `kubectl exec -it POD
   * -- sh`): typed lines go to it and its prompt shows, until it exits; then this command finishes
   * with the program's exit code.
   */
  attach?(program: InteractiveProgram): void;
  /** The shell running the command, for builtins that change it (`alias`, `history`). */
  session?: { history: readonly string[]; aliases: Map<string, string>; jobs?: JobTable };
  /** Runs a command line in a subshell (for `watch`), collecting what it prints. */
  runLine?(line: string, done: (output: string, exitCode: number) => void): void;
}

export type Command = (context: CommandContext) => void;

/** A program that owns the terminal while it runs (a shell inside a node or a container). */
export interface InteractiveProgram {
  prompt(): string;
  /** One line the user typed. */
  input(line: string): void;
  /** Ctrl-C. */
  interrupt(): void;
  /** True while a command inside it runs (time may move on); false while it waits for input. */
  busy(): boolean;
  /** Registers what happens when it exits (`exit`, Ctrl-D): called once with the exit code. */
  onExit(listener: (code: number) => void): void;
}

export type CommandTable = Map<string, Command>;
