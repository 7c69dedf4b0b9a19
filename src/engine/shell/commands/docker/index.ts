/** docker on the lab machine: the kind node containers (ps, stop/start/restart/kill, exec, inspect) and networks. */
import { displayablePorts } from './ports';
import type { Command } from '../../command';
import { alignColumns } from '../../../kubectl/printers/table-printer';
import { execInNode } from '../../node-shell';
import { findNode, fullId } from './containers';
import { inspect } from './inspect';
import { dockerDuration } from './duration';
import { images } from './images';
import { logs } from './logs';
import { network } from './network';

const LIFECYCLE_HELP = {
  stop: 'Stop one or more running containers',
  start: 'Start one or more stopped containers',
  restart: 'Restart one or more containers',
  kill: 'Kill one or more running containers',
} as const;

/** `docker stop|start|restart|kill NAME...`: stops or starts kind node containers (and with them their kubelets). */
function lifecycle(ctx: Parameters<Command>[0], action: keyof typeof LIFECYCLE_HELP): void {
  const args = ctx.args.slice(1);
  const names = args.filter((a, i) => !a.startsWith('-') && !/^(-s|--signal|-t|--time|--timeout)$/.test(args[i - 1] ?? ''));
  if (names.length === 0) {
    ctx.stderr(`"docker ${action}" requires at least 1 argument.\nSee 'docker ${action} --help'.\n\nUsage:  docker ${action} [OPTIONS] CONTAINER [CONTAINER...]\n\n${LIFECYCLE_HELP[action]}\n`);
    ctx.done(1);
    return;
  }
  let status = 0;
  for (const name of names) {
    const found = findNode(ctx, name);
    if (!found) {
      ctx.stderr(`Error response from daemon: No such container: ${name}\n`);
      status = 1;
      continue;
    }
    const { cluster, node } = found;
    if (action === 'kill' && !node.running) {
      ctx.stderr(`Error response from daemon: cannot kill container: ${name}: container ${fullId(node)} is not running\n`);
      status = 1;
      continue;
    }
    if (action !== 'start') cluster.stopNode(node.name);
    if (action === 'start' || action === 'restart') cluster.startNode(node.name);
    ctx.stdout(`${name}\n`);
  }
  ctx.done(status);
}

/** `docker exec [-i] [-t] CONTAINER COMMAND [ARG...]` into a kind node container. */
function exec(ctx: Parameters<Command>[0]): void {
  const args = ctx.args.slice(1);
  let interactive = false;
  let i = 0;
  for (; i < args.length && (args[i] as string).startsWith('-'); i++) {
    const flag = args[i] as string;
    if (flag === '--interactive' || (/^-[a-z]+$/.test(flag) && flag.includes('i'))) interactive = true;
  }
  const name = args[i];
  const command = args.slice(i + 1);
  if (name === undefined || command.length === 0) {
    ctx.stderr(`"docker exec" requires at least 2 arguments.\nSee 'docker exec --help'.\n\nUsage:  docker exec [OPTIONS] CONTAINER COMMAND [ARG...]\n\nExecute a command in a running container\n`);
    ctx.done(1);
    return;
  }
  const found = findNode(ctx, name);
  if (!found) {
    ctx.stderr(`Error response from daemon: No such container: ${name}\n`);
    ctx.done(1);
    return;
  }
  const { cluster, node } = found;
  if (!node.running) {
    ctx.stderr(`Error response from daemon: container ${fullId(node)} is not running\n`);
    ctx.done(1);
    return;
  }
  execInNode(ctx, cluster, node, command, interactive);
}

export const docker: Command = (ctx) => {
  const [sub] = ctx.args;
  if (sub === 'stop' || sub === 'start' || sub === 'restart' || sub === 'kill') {
    lifecycle(ctx, sub);
    return;
  }
  if (sub === 'inspect' || sub === 'network') {
    (sub === 'inspect' ? inspect : network)(ctx);
    return;
  }
  if (sub === 'exec') {
    exec(ctx);
    return;
  }
  if (sub === 'images' || (sub === 'image' && (ctx.args[1] === 'ls' || ctx.args[1] === 'list'))) return images(ctx);
  if (sub === 'logs') return logs(ctx);
  if (sub !== 'ps') {
    ctx.stderr(`docker: '${sub ?? ''}' is not a docker command.\nSee 'docker --help'\n`);
    ctx.done(1);
    return;
  }
  const all = ctx.args.includes('-a') || ctx.args.includes('--all');
  const now = ctx.machine.loop.nowMs();
  const rows = [['CONTAINER ID', 'IMAGE', 'COMMAND', 'CREATED', 'STATUS', 'PORTS', 'NAMES']];
  for (const cluster of ctx.machine.clusters.all()) {
    for (const node of [...cluster.nodes].reverse()) {
      if (!node.running && !all) continue;
      rows.push([
        node.containerId,
        cluster.spec.image,
        '"/usr/local/bin/entr…"',
        `${dockerDuration(now - node.createdAtMs)} ago`,
        node.running ? `Up ${dockerDuration(now - node.startedAtMs)}` : 'Exited (130) 1 second ago',
        displayablePorts(cluster.publishedPorts(node.name)),
        node.name,
      ]);
    }
  }
  // The docker CLI's table writer (tabwriter with minwidth 10, padding 3) measures the "…" of a
  // truncated command as two columns wide, which shows as one space less after it.
  ctx.stdout(alignColumns(rows, { minWidth: 10, tabWidth: 1, padding: 3, cellWidth: (s) => [...s].length + (s.match(/…/g) ?? []).length }));
  ctx.done(0);
};
