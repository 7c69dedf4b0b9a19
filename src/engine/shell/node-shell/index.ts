/**
 * `docker exec [-it] NODE COMMAND`: a shell (or one command) inside a kind node container, with the
 * node's files and tools. The node's filesystem lives as long as the simulation, so what a learner
 * writes there stays.
 */
import { LoopbackPorts } from '../loopback';
import type { KubeObject } from '../../api/meta';
import type { ClusterRuntime, NodeContainer } from '../../cluster/runtime';
import type { CommandContext, Machine } from '../command';
import { VirtualFileSystem } from '../filesystem';
import { NestedShell } from '../nested-shell';
import { Session } from '../session';
import { nodeCommands } from './node-commands';
import { populateNodeFiles } from './node-files';

const filesystems = new WeakMap<NodeContainer, VirtualFileSystem>();

function nodeFileSystem(cluster: ClusterRuntime, node: NodeContainer): VirtualFileSystem {
  let fs = filesystems.get(node);
  if (!fs) {
    fs = new VirtualFileSystem();
    const pods = cluster.client('kubelet-static-pods').list({ group: '', version: 'v1', resource: 'pods', namespace: 'kube-system' }, { fieldSelector: `spec.nodeName=${node.name}` });
    const mirrors = pods.ok ? pods.value.items.filter((p: KubeObject) => p.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined) : [];
    populateNodeFiles(fs, node.name, mirrors);
    filesystems.set(node, fs);
  }
  return fs;
}

/** Quotes one argument for the node's shell so `|`, `;`, `*`, spaces and quotes reach the command intact (as shlex.quote). */
export function shellQuote(word: string): string {
  if (word !== '' && /^[\w@%+=:,./-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh', '/usr/bin/bash']);

/** Runs COMMAND in the node: an interactive shell takes over the terminal; anything else prints its output. */
export function execInNode(ctx: CommandContext, cluster: ClusterRuntime, node: NodeContainer, command: string[], interactive: boolean): void {
  const machine: Machine = { loop: ctx.machine.loop, fs: nodeFileSystem(cluster, node), clusters: ctx.machine.clusters, hostname: node.name, ports: new LoopbackPorts(), random: ctx.machine.random };
  const commands = nodeCommands({ node, client: cluster.client('crictl/v1.34.0'), nowMs: () => ctx.machine.loop.nowMs(), kubelet: { stop: () => cluster.stopKubelet(node.name), start: () => cluster.startKubelet(node.name), unseenExit: (uid, name) => cluster.unseenExit(node.name, uid, name) }, containerd: { stop: () => cluster.stopContainerd(node.name), start: () => cluster.startContainerd(node.name) }, kubeProxyMode: cluster.spec.kubeProxyMode ?? 'iptables' });
  const options = {
    env: { HOME: '/root', HOSTNAME: node.name, PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin', TERM: 'xterm' },
    cwd: '/',
    aliases: {},
    prompt: (s: Session) => `root@${node.name}:${s.cwd === '/root' ? '~' : s.cwd}# `,
  };
  if (SHELLS.has(command[0] ?? '') && command.length === 1) {
    // Without -i the shell reads no input and exits at once, as `docker exec NODE bash` does.
    if (!interactive || !ctx.attach) {
      ctx.done(0);
      return;
    }
    ctx.attach(new NestedShell(machine, commands, { ...options, announceExit: true }, (text) => ctx.stdout(text)));
    return;
  }
  const program = command[0] ?? '';
  if (!SHELLS.has(program) && !commands.has(program.replace(/^(\/usr)?\/s?bin\//, ''))) {
    // The kind node image has no such binary (no ping, no netstat): runc cannot start the process.
    const reason = program.includes('/') ? `stat ${program}: no such file or directory` : 'executable file not found in $PATH';
    ctx.stderr(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": ${reason}: unknown\n`);
    ctx.done(127);
    return;
  }
  const session = new Session(machine, commands, { ...options, script: true });
  session.onOutput((text) => ctx.stdout(text));
  const line = SHELLS.has(command[0] ?? '') && command[1] === '-c' ? (command[2] ?? '') : command.map(shellQuote).join(' ');
  session.write(line);
  // A command that waits (sleep) finishes later; look again every 100 ms of virtual time.
  const finish = () => {
    if (session.busy()) ctx.machine.loop.after(100, 'docker exec', finish);
    // docker exec exits with the command's own status.
    else ctx.done(Number(session.expandVariables('$?')) || 0);
  };
  finish();
}
