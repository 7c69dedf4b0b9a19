/**
 * The headless runner behind `npx kubelab run`: types a script into a terminal line by line and
 * returns the transcript (`$ ` + line, then its output). Virtual time moves only when a command
 * waits (sleep, kubectl wait, ...), and then instantly.
 */
import { createSimulation } from '../simulation';
import type { ClusterStart } from '../simulation-api';

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
  const limit = options.commandTimeoutMs ?? 3_600_000;
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    transcript += `${session.prompt()}${line}\n`;
    session.write(line);
    // Work the line set off at this instant (watch deliveries, controllers reacting) happens now.
    sim.advance(0);
    // Let the command's own work (watch deliveries, timers it started) run to completion.
    let waited = 0;
    while (session.busy() && waited < limit) {
      const next = sim.clock.nextEventAt();
      if (next === undefined) break;
      const step = Math.max(0, next - sim.clock.now());
      sim.advance(step);
      waited += step;
    }
    if (session.busy()) session.signal('SIGINT');
  }
  return transcript;
}
