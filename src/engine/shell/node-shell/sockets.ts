/**
 * `ss -tln[p]` inside a kind node: the TCP sockets the node's processes listen on (kubelet,
 * kube-proxy, containerd, docker's embedded DNS, and on the control plane the static pods), laid
 * out as iproute2's ss lays them out when stdout is not a wide terminal (checked against ss 6.1).
 * UNVERIFIED: ss widens the address columns on a wide terminal; process ids and fds are ours.
 */
import type { Command } from '../command';
import type { NodeShellContext } from './node-commands';
import { hexFrom } from '../commands/docker/containers';

interface Listener {
  address: string;
  port: number;
  process?: { name: string; pid: number; fd: number };
}

/** What listens in the node, in the order ss prints it (IPv4 first, then the dual-stack `*` sockets). */
export function nodeListeners(ctx: NodeShellContext): Listener[] {
  const ip = ctx.node.internalIP;
  // containerd's CRI stream server and docker's DNS pick a free port at start; ours stay stable per node.
  const random = (salt: string) => 32768 + (parseInt(hexFrom(`${ctx.node.containerId}/${salt}`, 4), 16) % 28000);
  const kubelet = { name: 'kubelet', pid: 215, fd: 0 };
  const proxy = { name: 'kube-proxy', pid: 501, fd: 0 };
  const v4: Listener[] = [
    { address: '127.0.0.11', port: random('dns') },
    { address: '127.0.0.1', port: random('containerd'), process: { name: 'containerd', pid: 101, fd: 11 } },
    { address: '127.0.0.1', port: 10248, process: { ...kubelet, fd: 21 } },
    { address: '127.0.0.1', port: 10249, process: { ...proxy, fd: 12 } },
  ];
  const any: Listener[] = [
    { address: '*', port: 10250, process: { ...kubelet, fd: 16 } },
    { address: '*', port: 10256, process: { ...proxy, fd: 11 } },
  ];
  if (ctx.node.role === 'control-plane') {
    const etcd = { name: 'etcd', pid: 311, fd: 0 };
    v4.push(
      { address: '127.0.0.1', port: 2379, process: { ...etcd, fd: 8 } },
      { address: ip, port: 2379, process: { ...etcd, fd: 9 } },
      { address: ip, port: 2380, process: { ...etcd, fd: 7 } },
      { address: '127.0.0.1', port: 2381, process: { ...etcd, fd: 14 } },
      { address: '127.0.0.1', port: 10257, process: { name: 'kube-controller', pid: 287, fd: 3 } },
      { address: '127.0.0.1', port: 10259, process: { name: 'kube-scheduler', pid: 296, fd: 3 } },
    );
    any.unshift({ address: '*', port: 6443, process: { name: 'kube-apiserver', pid: 275, fd: 3 } });
  }
  return [...v4, ...any];
}

function right(s: string, w: number): string {
  return s.padStart(w);
}
function left(s: string, w: number): string {
  return s.padEnd(w);
}

/** ss's table: State, Recv-Q, Send-Q, then Address:Port columns split at the colon. */
export function ssTable(listeners: Listener[], withProcess: boolean): string {
  const addrWidth = Math.max(13, ...listeners.map((l) => l.address.length));
  const portWidth = Math.max(4, ...listeners.map((l) => String(l.port).length));
  const peerWidth = 12;
  const lines = [`State  Recv-Q Send-Q ${right('Local Address', addrWidth)}:${left('Port', portWidth)} ${right('Peer Address', peerWidth)}:PortProcess`];
  for (const l of listeners) {
    const peer = l.address === '*' ? '*' : '0.0.0.0';
    const process = withProcess && l.process ? ` users:(("${l.process.name}",pid=${l.process.pid},fd=${l.process.fd}))` : '';
    lines.push(`LISTEN 0      4096   ${right(l.address, addrWidth)}:${left(String(l.port), portWidth)} ${right(peer, peerWidth)}:${left('*', 4)}${process}`.trimEnd());
  }
  return lines.join('\n') + '\n';
}

/** `ss -tln[p]` (also `-lnt`, `-tulpn`): listening TCP sockets; other views are not modelled. */
export function ssCommand(ctx: NodeShellContext): Command {
  return (c) => {
    const flags = c.args.filter((a) => a.startsWith('-')).join('').replace(/-/g, '');
    if (!flags.includes('l') || !flags.includes('t')) {
      c.stderr('ss: only listening TCP sockets (ss -tln) are shown in this lab\n');
      c.done(1);
      return;
    }
    c.stdout(ssTable(nodeListeners(ctx), flags.includes('p')));
    c.done(0);
  };
}
