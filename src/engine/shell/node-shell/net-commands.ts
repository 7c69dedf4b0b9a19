/**
 * Network tools inside a kind node: `iptables-save`, `iptables -t TABLE -S|-L [CHAIN]` showing the
 * rules kube-proxy wrote, and `ip route` / `ip addr` showing kindnet's routes (one /24 per node,
 * reached through that node's IP) and this node's pod interfaces.
 * UNVERIFIED: `iptables -L` column widths and match wording; veth interface names.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import { hex, sha256 } from '../../api/sha256';
import { chainRules, iptablesSave } from '../../network/iptables';
import { ipvsIptablesSave } from '../../network/ipvs';
import { nodeServers } from './ipvs-commands';
import type { Command } from '../command';
import type { NodeShellContext } from './node-commands';
import { gnuDate } from '../commands/system-utils';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function listAll(ctx: NodeShellContext, group: string, resource: string): KubeObject[] {
  const r = ctx.client.list({ group, version: 'v1', resource });
  return r.ok ? r.value.items : [];
}

function saveOutput(ctx: NodeShellContext): string {
  if (ctx.kubeProxyMode === 'ipvs') return ipvsIptablesSave(nodeServers(ctx), gnuDate(ctx.nowMs()).replace(' UTC', ''));
  return iptablesSave({ services: listAll(ctx, '', 'services'), endpointSlices: listAll(ctx, 'discovery.k8s.io', 'endpointslices'), generatedAt: gnuDate(ctx.nowMs()).replace(' UTC', '') });
}

const PORT_NAMES: Record<string, string> = { '53': 'domain', '80': 'http', '443': 'https', '9153': '9153' };

/** One `-A` rule as `iptables -L` shows it. */
function listRow(rule: string, numeric: boolean): string {
  const words = rule.match(/"[^"]*"|\S+/g) ?? [];
  let target = '';
  let prot = 'all';
  let source = numeric ? '0.0.0.0/0' : 'anywhere';
  let destination = numeric ? '0.0.0.0/0' : 'anywhere';
  const extras: string[] = [];
  for (let i = 2; i < words.length; i++) {
    const w = words[i] as string;
    const next = () => (words[++i] ?? '').replace(/^"|"$/g, '');
    if (w === '!' && words[i + 1] === '-s') {
      i++;
      source = `!${next()}`;
    } else if (w === '-s') source = next();
    else if (w === '-d') destination = next().replace(/\/32$/, '');
    else if (w === '-p') prot = next();
    else if (w === '-j') target = next();
    else if (w === '--comment') extras.push(`/* ${next()} */`);
    else if (w === '--dport') {
      const port = next();
      extras.push(`${prot} dpt:${numeric ? port : (PORT_NAMES[port] ?? port)}`);
    } else if (w === '--probability') extras.push(`statistic mode random probability ${next()}`);
    else if (w === '--to-destination') extras.push(`to:${next()}`);
    else if (w === '--set-xmark') {
      const [value, mask] = next().split('/');
      extras.push(mask === value ? `MARK or ${value ?? ''}` : `MARK xor ${value ?? ''}`);
    } else if (w === '--dst-type') extras.push(`ADDRTYPE match dst-type ${next()}`);
    else if (w === '--reject-with') extras.push(`reject-with ${next()}`);
    else if (w === '--random-fully') extras.push('random-fully');
    else if (w === '--ctstate') extras.push(`ctstate ${next()}`);
    else if (w === '--mark') extras.push(`mark match ${next()}`);
    else if (w === '-m' || w === '--mode') i++;
  }
  return `${target.padEnd(10)} ${prot.padEnd(4)} --  ${source.replace(/^0\.0\.0\.0\/0$/, numeric ? '0.0.0.0/0' : 'anywhere').padEnd(20)} ${destination.padEnd(20)} ${extras.join(' ')}`.trimEnd();
}

export function iptablesSaveCommand(ctx: NodeShellContext): Command {
  return (c) => {
    const save = saveOutput(ctx);
    const t = c.args.indexOf('-t');
    const table = t >= 0 ? c.args[t + 1] : undefined;
    if (table === undefined) c.stdout(save);
    else {
      const lines = save.split('\n');
      const start = lines.indexOf(`*${table}`);
      c.stdout(start < 0 ? '' : `${lines.slice(start - 1, lines.indexOf('COMMIT', start) + 2).join('\n')}\n`);
    }
    c.done(0);
  };
}

export function iptablesCommand(ctx: NodeShellContext): Command {
  return (c) => {
    const args = c.args;
    const t = args.indexOf('-t');
    const table = t >= 0 ? (args[t + 1] ?? 'filter') : 'filter';
    const numeric = args.some((a) => /^-[a-zA-Z]*n/.test(a) && !a.startsWith('--'));
    const mode = args.find((a) => a === '-S' || a === '-L' || /^-[nv]*L[nv]*$/.test(a));
    const modeIndex = mode ? args.indexOf(mode) : -1;
    const chain = modeIndex >= 0 && args[modeIndex + 1] && !(args[modeIndex + 1] as string).startsWith('-') ? args[modeIndex + 1] : undefined;
    if (!mode) {
      c.stderr("iptables v1.8.9 (nf_tables): no command specified\nTry `iptables -h' or 'iptables --help' for more information.\n");
      c.done(2);
      return;
    }
    const save = saveOutput(ctx);
    const lines = save.split('\n');
    const start = lines.indexOf(`*${table}`);
    if (start < 0) {
      c.stderr(`iptables v1.8.9 (nf_tables): table '${table}' does not exist\n`);
      c.done(3);
      return;
    }
    const section = lines.slice(start + 1, lines.indexOf('COMMIT', start));
    const chains = section.filter((l) => l.startsWith(':')).map((l) => (l.slice(1).split(' ')[0] ?? ''));
    const wanted = chain === undefined ? chains : chains.includes(chain) ? [chain] : [];
    if (wanted.length === 0) {
      c.stderr(`iptables v1.8.9 (nf_tables): chain \`${chain ?? ''}' in table \`${table}' is incompatible, use 'nft' tool.\n`);
      c.done(1);
      return;
    }
    let out = '';
    for (const name of wanted) {
      if (mode === '-S') {
        out += (chainRules(save, table, name) ?? []).join('\n') + '\n';
        continue;
      }
      const builtin = ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'].includes(name);
      const references = section.filter((l) => l.endsWith(`-j ${name}`)).length;
      out += `Chain ${name} ${builtin ? '(policy ACCEPT)' : `(${references} references)`}\ntarget     prot opt source               destination         \n`;
      for (const rule of section.filter((l) => l.startsWith(`-A ${name} `))) out += `${listRow(rule, numeric)}\n`;
      if (chain === undefined) out += '\n';
    }
    c.stdout(out);
    c.done(0);
  };
}

/** A pod's host-side veth name, stable per pod (kindnet names them veth + 8 hex characters). */
function vethName(pod: KubeObject): string {
  return `veth${hex(sha256(text(pod.metadata.uid))).slice(0, 8)}`;
}

export function ipCommand(ctx: NodeShellContext): Command {
  return (c) => {
    const [object] = c.args;
    const nodes = listAll(ctx, '', 'nodes');
    const self = nodes.find((n) => n.metadata.name === ctx.node.name);
    const ipOf = (n: KubeObject) => text((Array.isArray(rec(n.status).addresses) ? (rec(n.status).addresses as unknown[]) : []).map(rec).find((a) => a.type === 'InternalIP')?.address);
    const myIP = self ? ipOf(self) : ctx.node.internalIP;
    const pods = listAll(ctx, '', 'pods').filter((p) => rec(p.spec).nodeName === ctx.node.name && !rec(p.spec).hostNetwork && text(rec(p.status).podIP));
    if (object === 'route' || object === 'r' || object === 'ro') {
      const lines = ['default via 172.18.0.1 dev eth0'];
      const routes: [string, string][] = [];
      for (const n of nodes) {
        if (n.metadata.name === ctx.node.name) continue;
        const cidr = text(rec(n.spec).podCIDR);
        if (cidr) routes.push([cidr, `${cidr} via ${ipOf(n)} dev eth0`]);
      }
      for (const p of pods) routes.push([text(rec(p.status).podIP), `${text(rec(p.status).podIP)} dev ${vethName(p)} scope host`]);
      routes.push(['172.18.0.0/16', `172.18.0.0/16 dev eth0 proto kernel scope link src ${myIP}`]);
      routes.sort((a, b) => a[0].localeCompare(b[0], 'en', { numeric: true }));
      c.stdout([...lines, ...routes.map(([, l]) => l)].join('\n') + '\n');
      c.done(0);
      return;
    }
    if (object === 'addr' || object === 'a' || object === 'address') {
      const out = [
        '1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000',
        '    link/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00',
        '    inet 127.0.0.1/8 scope host lo',
        '       valid_lft forever preferred_lft forever',
      ];
      let index = 2;
      for (const p of pods) {
        out.push(`${index}: ${vethName(p)}@if2: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default`);
        out.push(`    inet ${ctx.node.podCIDR.replace(/\.0\/24$/, '.1')}/32 scope global ${vethName(p)}`);
        out.push('       valid_lft forever preferred_lft forever');
        index++;
      }
      out.push(`${index}: eth0@if${index + 10}: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UP group default`);
      out.push(`    inet ${myIP}/16 brd 172.18.255.255 scope global eth0`);
      out.push('       valid_lft forever preferred_lft forever');
      c.stdout(out.join('\n') + '\n');
      c.done(0);
      return;
    }
    c.stderr(`Object "${object ?? ''}" is unknown, try "ip help".\n`);
    c.done(1);
  };
}
