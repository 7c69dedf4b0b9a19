/** `kubelab` command line: `kubelab run [--seed N] [--empty] SCRIPT|-` prints a terminal transcript. */
import { readFileSync } from 'node:fs';
import { runScript } from '../engine/scenario/runner';

const USAGE = 'usage: kubelab run [--seed N] [--empty] [--single-node] SCRIPT|-\n';

export function main(argv: string[]): number {
  const [command, ...rest] = argv;
  if (command !== 'run') {
    process.stderr.write(USAGE);
    return 2;
  }
  let seed = 1;
  let cluster: 'default' | 'empty' | 'single-node' = 'default';
  let file: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    if (a === '--seed') seed = Number(rest[++i]);
    else if (a.startsWith('--seed=')) seed = Number(a.slice(7));
    else if (a === '--empty') cluster = 'empty';
    else if (a === '--single-node') cluster = 'single-node';
    else file = a;
  }
  if (file === undefined || !Number.isInteger(seed)) {
    process.stderr.write(USAGE);
    return 2;
  }
  let script: string;
  try {
    script = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`kubelab: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  process.stdout.write(runScript(script, { seed, cluster }));
  return 0;
}

process.exitCode = main(process.argv.slice(2));
