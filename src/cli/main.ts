/**
 * `kubelab` command line:
 *   `kubelab run [--seed N] [--empty] [--single-node] SCRIPT|-` prints a terminal transcript;
 *   `kubelab serve [--port 6443] [--speed 1] [--seed N] [--kubeconfig PATH]` serves the cluster's API.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runScript } from '../engine/scenario/runner';
import { serveCli } from './serve';

const USAGE =
  'usage: kubelab run [--seed N] [--empty] [--single-node] SCRIPT|-\n' +
  '       kubelab serve [--port 6443] [--speed 1] [--seed N] [--kubeconfig PATH] [--empty] [--single-node]\n';

function serveMain(args: string[]): number | Promise<number> {
  const options = { port: 6443, speed: 1, seed: 1, kubeconfig: resolve('kubelab.kubeconfig'), cluster: 'default' as 'default' | 'empty' | 'single-node' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--port') options.port = Number(value());
    else if (flag === '--speed') options.speed = Number(value());
    else if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--kubeconfig') options.kubeconfig = resolve(value());
    else if (flag === '--empty') options.cluster = 'empty';
    else if (flag === '--single-node') options.cluster = 'single-node';
    else {
      process.stderr.write(`kubelab serve: unknown flag ${a}\n${USAGE}`);
      return 2;
    }
  }
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535 || !(options.speed >= 0) || !Number.isInteger(options.seed)) {
    process.stderr.write(USAGE);
    return 2;
  }
  return serveCli(options, process.stdout).then(() => 0);
}

export function main(argv: string[]): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'serve') return serveMain(rest);
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

void Promise.resolve(main(process.argv.slice(2))).then((code) => {
  process.exitCode = code;
});
