/**
 * The headless runner behind `npx kubelab run`: types a script into a terminal line by line and
 * returns the transcript (`$ ` + line, then its output). Virtual time moves only when a command
 * waits (sleep, kubectl wait, ...), and then instantly.
 */
import { createSimulation } from '../simulation';
import type { ClusterStart, Simulation } from '../simulation-api';
import type { ShellSession } from '../types';

/** How long one typed command may wait in virtual time before it is interrupted, by default. */
export const COMMAND_WAIT_MAX_MS = 3_600_000;

/**
 * Lets virtual time run until the session's current command is done (a `sleep`, a `kubectl
 * wait`), as a learner would wait: first the work the line set off at this instant (watch
 * deliveries, controllers reacting), then each next timer. A command still busy after `limitMs`
 * gets Ctrl-C.
 */
export function settleCommand(sim: Simulation, session: ShellSession, limitMs = COMMAND_WAIT_MAX_MS): void {
  sim.advance(0);
  let waited = 0;
  while (session.busy() && waited < limitMs) {
    const next = sim.clock.nextEventAt();
    if (next === undefined) break;
    const step = Math.max(0, next - sim.clock.now());
    sim.advance(step);
    waited += step;
  }
  if (session.busy()) session.signal('SIGINT');
}

export interface RunOptions {
  seed?: number;
  cluster?: ClusterStart;
  /** Longest virtual time a single command may wait before the runner interrupts it. */
  commandTimeoutMs?: number;
}

export function runScript(script: string, options: RunOptions = {}): string {
  const sim = createSimulation({ seed: options.seed ?? 1, cluster: options.cluster ?? 'default' });
  const session = sim.shell.open();
  let transcript = '';
  session.onOutput((chunk) => (transcript += chunk));
  const limit = options.commandTimeoutMs ?? COMMAND_WAIT_MAX_MS;
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    transcript += `${session.prompt()}${line}\n`;
    session.write(line);
    settleCommand(sim, session, limit);
  }
  return transcript;
}
