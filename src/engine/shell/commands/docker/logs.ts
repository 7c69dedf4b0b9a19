/**
 * `docker logs [--tail N] [-f] NODE`: what a kind node container printed while it booted — kind's
 * entrypoint (images/base/files/usr/local/bin/entrypoint, on stderr) and then systemd on the
 * console (stdout). The systemd part is cut down to the lines about the units kind installs; the
 * real log also has systemd's version banner and many more units.
 */
import type { Command, CommandContext } from '../../command';
import type { NodeContainer } from '../../../cluster/runtime';
import { findNode } from './containers';

type Line = { stream: 'stdout' | 'stderr'; text: string };

/** One boot: `rebooted` containers find the addresses they wrote last time (/kind/old-ipv4). */
function bootLines(node: NodeContainer, rebooted: boolean): Line[] {
  const host = node.internalIP.split('.').pop() ?? '';
  const ipv6 = `fc00:f853:ccd:e793::${host}`;
  const info = (text: string): Line => ({ stream: 'stderr', text: `INFO: ${text}` });
  const out = (text: string): Line => ({ stream: 'stdout', text });
  return [
    info('ensuring we can execute mount/umount even with userns-remap'),
    info('remounting /sys read-only'),
    info('making mounts shared'),
    info('detected cgroup v2'),
    info('clearing and regenerating /etc/machine-id'),
    { stream: 'stderr', text: 'Initializing machine ID from random generator.' },
    info('faking /sys/class/dmi/id/product_name to be "kind"'),
    info('faking /sys/class/dmi/id/product_uuid to be random'),
    info('faking /sys/devices/virtual/dmi/id/product_uuid as well'),
    info('setting iptables to detected mode: nft'),
    info(`detected IPv4 address: ${node.internalIP}`),
    ...(rebooted ? [info(`detected old IPv4 address: ${node.internalIP}`)] : []),
    info(`detected IPv6 address: ${ipv6}`),
    ...(rebooted ? [info(`detected old IPv6 address: ${ipv6}`)] : []),
    info('starting init'),
    out('Detected virtualization docker.'),
    out('Detected architecture x86-64.'),
    out(''),
    out('Welcome to Debian GNU/Linux 12 (bookworm)!'),
    out(''),
    out('[  OK  ] Created slice kubelet.slice - slice used to run Kubernetes / Kubelet.'),
    out('[  OK  ] Started systemd-journald.service - Journal Service.'),
    out('[  OK  ] Finished undo-mount-hacks.service - Undo KIND mount hacks.'),
    out('[  OK  ] Started containerd.service - containerd container runtime.'),
    out('[  OK  ] Started kubelet.service - kubelet: The Kubernetes Node Agent.'),
    out('[  OK  ] Reached target multi-user.target - Multi-User System.'),
  ];
}

/** Everything the container printed: one boot, and another after a `docker stop`/`start` (restarts beyond one are not told apart). */
function containerLog(node: NodeContainer): Line[] {
  const rebooted = node.startedAtMs !== node.createdAtMs;
  return rebooted ? [...bootLines(node, false), ...bootLines(node, true)] : bootLines(node, false);
}

function usage(ctx: CommandContext): void {
  ctx.stderr(`"docker logs" requires exactly 1 argument.\nSee 'docker logs --help'.\n\nUsage:  docker logs [OPTIONS] CONTAINER\n\nFetch the logs of a container\n`);
  ctx.done(1);
}

export const logs: Command = (ctx) => {
  const args = ctx.args.slice(1);
  let follow = false;
  let tail: number | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-f' || a === '--follow') follow = true;
    else if (a === '-n' || a === '--tail') tail = Number(args[++i]);
    else if (a.startsWith('--tail=')) tail = Number(a.slice(7));
    else if (!a.startsWith('-')) names.push(a);
  }
  if (names.length !== 1) return usage(ctx);
  const name = names[0] as string;
  const found = findNode(ctx, name);
  if (!found) {
    ctx.stderr(`Error response from daemon: No such container: ${name}\n`);
    return ctx.done(1);
  }
  let lines = containerLog(found.node);
  // docker treats a negative or unparsable --tail as "all".
  if (tail !== undefined && Number.isInteger(tail) && tail >= 0) lines = tail === 0 ? [] : lines.slice(-tail);
  for (const line of lines) {
    if (line.stream === 'stdout') ctx.stdout(`${line.text}\n`);
    else ctx.stderr(`${line.text}\n`);
  }
  // -f keeps following a running container until Ctrl-C; nothing more is printed once it has booted.
  if (!follow || !found.node.running) return ctx.done(0);
  ctx.onInterrupt(() => ctx.done(130));
};
