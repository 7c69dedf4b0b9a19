/**
 * Differential testing: the same shell script runs twice from the same seed, once typed into the
 * in-lab terminal (our kubectl) and once in a real `sh` with the real kubectl v1.34 talking HTTP to
 * `kubelab serve`. Virtual time only moves when a command waits or the script says `sleep N`, on both
 * sides alike, so ages, names and resourceVersions line up and the outputs must be equal.
 */
import { settleCommand } from '../../src/engine/scenario/runner';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createSimulation, type Simulation } from '../../src/engine';
import { kubeconfigFor, startServer } from '../../src/cli/serve';
import { ensureKubectl } from '../../scripts/extract-kubectl.mjs';

export interface Block {
  /** The script text of one command (several lines for a here-document). */
  text: string;
  line: number;
}

export interface Comparison {
  block: Block;
  ours: string;
  real: string;
}

/** Splits a script into commands; a here-document travels with the line that opens it. */
export function splitBlocks(script: string): Block[] {
  const lines = script.replace(/\r\n/g, '\n').split('\n');
  const blocks: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const start = i;
    const heredoc = /<<-?\s*['"]?(\w+)['"]?/.exec(line);
    if (heredoc) {
      const end = heredoc[1] as string;
      while (i + 1 < lines.length && (lines[i + 1] as string).trim() !== end) i++;
      i++;
    }
    blocks.push({ text: lines.slice(start, i + 1).join('\n'), line: start + 1 });
  }
  return blocks;
}

/**
 * What differs between two honest runs no matter what: where the server listens, the client's patch
 * version, and ages that kubectl computes on the client (describe's event ages use the host's clock,
 * which virtual time does not follow).
 */
export function normalise(output: string): string {
  return output
    .replace(/https?:\/\/127\.0\.0\.1:\d+/g, '<server>')
    .replace(/Client Version: v1\.34\.\d+/g, 'Client Version: v1.34.x')
    .replace(/(?<![\w.:-])(?:\d+[dhms]){1,3}(?![\w.:-])/g, '<age>')
    .split('\n')
    // A masked age no longer says how wide its column was; compare such rows by their cells.
    .map((line) => (line.includes('<age>') ? line.replace(/ {2,}/g, '  ') : line))
    .join('\n');
}

const sleepCommand = /^sleep (\d+)$/;

/** Types a block into the in-lab terminal and lets virtual time run while the command waits. */
function runOurs(sim: Simulation, session: ReturnType<Simulation['shell']['open']>, text: string, out: { text: string }): string {
  out.text = '';
  for (const line of text.split('\n')) {
    session.write(line);
    settleCommand(sim, session);
  }
  return out.text;
}

function runReal(text: string, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  return new Promise((resolve) => {
    // The script goes in on stdin (a long here-document would not fit in argv); one pipe for both
    // output streams, so warnings land where a terminal would show them.
    const child = spawn('/bin/sh', ['-s'], { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', () => {
      clearTimeout(timer);
      resolve(out);
    });
    child.stdin.end(`exec 2>&1\n${text}\n`);
  });
}

export async function compareScript(script: string, seed = 1): Promise<Comparison[]> {
  const kubectl = ensureKubectl();
  const ours = createSimulation({ seed });
  const session = ours.shell.open();
  const captured = { text: '' };
  session.onOutput((chunk) => (captured.text += chunk));

  const real = createSimulation({ seed });
  const server = await startServer({ port: 0, speed: 0, sim: real });
  const home = mkdtempSync(join(tmpdir(), 'kubelab-diff-'));
  writeFileSync(join(home, 'kubeconfig'), kubeconfigFor(server.url));
  const env: NodeJS.ProcessEnv = {
    PATH: `${dirname(kubectl)}:/usr/bin:/bin`,
    HOME: home,
    KUBECONFIG: join(home, 'kubeconfig'),
    // kubectl prints colour and wraps only on a terminal; neither side is one here.
    TERM: 'dumb',
  };
  const results: Comparison[] = [];
  try {
    for (const block of splitBlocks(script)) {
      const sleep = sleepCommand.exec(block.text.trim());
      if (sleep) {
        const ms = Number(sleep[1]) * 1000;
        ours.advance(ms);
        real.advance(ms);
        continue;
      }
      const mine = runOurs(ours, session, block.text, captured);
      const theirs = await runReal(block.text, env, home);
      real.advance(0);
      results.push({ block, ours: normalise(mine), real: normalise(theirs) });
    }
  } finally {
    await server.close();
    rmSync(home, { recursive: true, force: true });
  }
  return results;
}
