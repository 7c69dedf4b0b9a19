/**
 * A shell (or one command) inside a pod's container, as `kubectl exec` and `kubectl run -it` reach
 * it: the image's shell and tools, the environment the kubelet gave the container (its own env and
 * the Service variables), and the files Kubernetes mounts (/etc/resolv.conf, /etc/hosts).
 */
import { LoopbackPorts } from '../loopback';
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import type { ClusterRuntime } from '../../cluster/runtime';
import { resolvConf } from '../../network/dns';
import { containerEnv } from '../../kubelet/container-env';
import type { Command, CommandContext, CommandTable, Machine } from '../command';
import { BUSYBOX_CORE_COMMANDS, CORE_COMMANDS } from '../commands/coreutils';
import { TEXT_COMMANDS } from '../commands/text-utils';
import { seq } from '../commands/filters';
import { VirtualFileSystem } from '../filesystem';
import { NestedShell } from '../nested-shell';
import { Session } from '../session';
import { curl, nslookup, wget, type PodNetwork } from './network-tools';
import { etcdctl } from './etcdctl';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

interface ImageShell {
  shells: string[];
  /** busybox-style images print `/ # `; Debian-based ones bash's `root@HOST:DIR# `. */
  busybox: boolean;
  tools: ('wget' | 'nslookup' | 'curl' | 'etcdctl')[];
}

/** Which shells and network tools an image has. UNVERIFIED beyond the common images listed. */
export function imageShell(image: string): ImageShell {
  const repo = (image.split('@')[0] ?? image).replace(/:[^/:]*$/, '').replace(/^docker\.io\//, '').replace(/^library\//, '');
  // The etcd image is distroless: etcdctl and etcdutl, no shell.
  if (repo === 'registry.k8s.io/etcd') return { shells: [], busybox: true, tools: ['etcdctl'] };
  if (repo === 'busybox') return { shells: ['sh', '/bin/sh', 'ash'], busybox: true, tools: ['wget', 'nslookup'] };
  if (repo === 'alpine') return { shells: ['sh', '/bin/sh', 'ash'], busybox: true, tools: ['wget', 'nslookup'] };
  if (repo === 'curlimages/curl') return { shells: ['sh', '/bin/sh'], busybox: true, tools: ['curl', 'wget', 'nslookup'] };
  if (repo === 'nginx' && /alpine/.test(image)) return { shells: ['sh', '/bin/sh'], busybox: true, tools: ['curl', 'wget'] };
  if (repo === 'nginx') return { shells: ['bash', '/bin/bash', 'sh', '/bin/sh'], busybox: false, tools: ['curl'] };
  return { shells: ['bash', '/bin/bash', 'sh', '/bin/sh'], busybox: false, tools: [] };
}

/** The container's environment as the kubelet built it (service variables, its own env), plus HOME for a shell. */
function containerEnvironment(cluster: ClusterRuntime, pod: KubeObject, container: Record<string, unknown>): Record<string, string> {
  const vars = containerEnv(pod, container, text(rec(pod.status).podIP), cluster.client('kubelet'));
  return { ...Object.fromEntries(vars), HOME: '/root' };
}

const filesystems = new WeakMap<ClusterRuntime, Map<string, VirtualFileSystem>>();

function containerFileSystem(cluster: ClusterRuntime, pod: KubeObject, containerName: string): VirtualFileSystem {
  let byContainer = filesystems.get(cluster);
  if (!byContainer) filesystems.set(cluster, (byContainer = new Map<string, VirtualFileSystem>()));
  const key = `${text(pod.metadata.uid)}/${containerName}`;
  let fs = byContainer.get(key);
  if (!fs) {
    fs = new VirtualFileSystem();
    fs.mkdirp('/root');
    fs.mkdirp('/tmp');
    fs.write('/etc/resolv.conf', resolvConf(text(pod.metadata.namespace)));
    fs.write('/etc/hostname', `${text(pod.metadata.name)}\n`);
    const ip = text(rec(pod.status).podIP);
    fs.write('/etc/hosts', `# Kubernetes-managed hosts file.\n127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\nfe00::0\tip6-localnet\nfe00::0\tip6-mcastprefix\nfe00::1\tip6-allnodes\nfe00::2\tip6-allrouters\n${ip}\t${text(pod.metadata.name)}\n`);
    byContainer.set(key, fs);
  }
  return fs;
}

export type ExecOutcome = { ok: true } | { ok: false; message: string; exitCode: number };

/** Runs COMMAND in a container: a shell with `interactive` takes over the terminal; anything else prints its output. */
/** An attached session's shell was the container's main process: the pod's kubelet ends that process with the shell's code. */
export function endAttachedProcess(cluster: ClusterRuntime, pod: KubeObject, containerName: string, code: number): void {
  cluster.kubelets.get(text(rec(pod.spec).nodeName))?.endAttachedProcess(pod, containerName, code);
}

/** `tty`: whether the session has a terminal; a shell without one prints no prompt (its input is still the learner's typed lines). */
export function execInContainer(ctx: CommandContext, cluster: ClusterRuntime, pod: KubeObject, containerName: string, command: string[], interactive: boolean, onExit: (code: number) => void, tty = true): ExecOutcome {
  const container = (Array.isArray(rec(pod.spec).containers) ? (rec(pod.spec).containers as unknown[]) : []).filter(isRecord).find((c) => c.name === containerName) ?? {};
  const image = imageShell(text(container.image));
  const net: PodNetwork = { client: cluster.client(`${containerName}/${text(pod.metadata.name)}`), pod, http: cluster.http };
  const tools: Record<string, Command> = {};
  if (image.tools.includes('wget')) tools.wget = wget(net);
  if (image.tools.includes('nslookup')) tools.nslookup = nslookup(net);
  if (image.tools.includes('curl')) tools.curl = curl(net);
  if (image.tools.includes('etcdctl')) tools.etcdctl = etcdctl(cluster, text(rec(pod.status).hostIP));
  const hostname: Command = (c) => {
    c.stdout(`${text(pod.metadata.name)}\n`);
    c.done(0);
  };
  // A distroless image has only its own binaries; others have a shell's worth of utilities.
  const commands = new Map<string, Command>(Object.entries(image.shells.length === 0 ? tools : { ...(image.busybox ? BUSYBOX_CORE_COMMANDS : CORE_COMMANDS), ...TEXT_COMMANDS, seq, ...tools, hostname }));
  const machine: Machine = { loop: ctx.machine.loop, fs: containerFileSystem(cluster, pod, containerName), clusters: ctx.machine.clusters, hostname: text(pod.metadata.name), ports: new LoopbackPorts(), random: ctx.machine.random };
  const options = {
    env: containerEnvironment(cluster, pod, container),
    cwd: '/',
    aliases: {},
    dialect: image.busybox ? ('busybox' as const) : ('bash' as const),
    prompt: (s: Session) => (image.busybox ? `${s.cwd === '/root' ? '~' : s.cwd} # ` : `root@${text(pod.metadata.name)}:${s.cwd === '/root' ? '~' : s.cwd}# `),
  };
  const program = command[0] ?? '';
  const isShell = image.shells.includes(program) || image.shells.includes(program.replace(/^\/bin\//, '').replace(/^\/usr\/bin\//, ''));
  if (!isShell && !commands.has(program)) {
    return { ok: false, exitCode: 127, message: `error: Internal error occurred: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec: OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n` };
  }
  if (isShell && command.length === 1 && interactive && ctx.stdinRedirected) {
    // `... | kubectl exec -i POD -- sh`: the shell reads its script from the pipe, then exits.
    const session: Session = new Session(machine, withExit(commands, () => session, !image.busybox), options);
    session.onOutput((t) => ctx.stdout(t));
    const lines = ctx.stdin.split('\n').filter((l) => l.trim() !== '');
    const next = () => {
      if (session.busy()) return void ctx.machine.loop.after(100, 'kubectl exec', next);
      const line = session.exitedWith === undefined ? lines.shift() : undefined;
      if (line === undefined) return onExit(Number(session.expandVariables('$?')) || 0);
      session.write(line);
      next();
    };
    next();
    return { ok: true };
  }
  if (isShell && command.length === 1) {
    if (!interactive || !ctx.attach) {
      onExit(0);
      return { ok: true };
    }
    const shell = new NestedShell(machine, commands, { ...options, announceExit: !image.busybox }, (t) => ctx.stdout(t));
    ctx.attach({
      prompt: () => (tty ? shell.prompt() : ''),
      input: (line) => shell.input(line),
      interrupt: () => shell.interrupt(),
      busy: () => shell.busy(),
      onExit: (listener) =>
        shell.onExit((code) => {
          onExit(code);
          listener(code);
        }),
    });
    return { ok: true };
  }
  const session: Session = new Session(machine, withExit(commands, () => session, !image.busybox), { ...options, script: true });
  session.onOutput((t) => ctx.stdout(t));
  const line = isShell && command[1] === '-c' ? (command[2] ?? '') : command.map((w) => (/[\s'"$|;&<>]/.test(w) ? `'${w.replace(/'/g, `'\\''`)}'` : w)).join(' ');
  session.write(line);
  const finish = () => {
    if (session.busy()) ctx.machine.loop.after(100, 'kubectl exec', finish);
    else onExit(Number(session.expandVariables('$?')) || 0);
  };
  finish();
  return { ok: true };
}

/** The shell's `exit` builtin for a script (`sh -c`, piped stdin): it ends the script with its status. */
function withExit(commands: CommandTable, session: () => Session, bash: boolean): CommandTable {
  const exit: Command = (ctx) => {
    const arg = ctx.args[0];
    let code = arg === undefined ? Number(session().expandVariables('$?')) || 0 : Number(arg);
    if (arg !== undefined && !/^-?\d+$/.test(arg)) {
      ctx.stderr(bash ? `bash: exit: ${arg}: numeric argument required\n` : `sh: exit: Illegal number: ${arg}\n`);
      code = 2;
    }
    session().exit(code & 0xff);
    ctx.done(code & 0xff);
  };
  return new Map([...commands, ['exit', exit]]);
}
