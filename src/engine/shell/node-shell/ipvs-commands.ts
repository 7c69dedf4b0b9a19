/**
 * IPVS tools inside a kind node. kind's node image ships neither `ipvsadm` nor `ipset`
 * (images/base/Dockerfile), so, as on a real node, they are `command not found` until installed
 * with `apt-get update && apt-get install -y ipvsadm`. `ipvsadm -Ln` then lists the node's virtual
 * servers (an empty table when kube-proxy runs in iptables mode).
 * UNVERIFIED: apt-get's progress lines are abridged and the package version is Debian bookworm's as
 * we recall it; only ipvsadm can be installed.
 */
import type { KubeObject } from '../../api/meta';
import { ipvsadmList, virtualServers } from '../../network/ipvs';
import type { Command } from '../command';
import type { NodeShellContext } from './node-commands';

const INSTALLABLE: Record<string, string> = { ipvsadm: '1:1.31-1+b1' };

function listAll(ctx: NodeShellContext, group: string, resource: string): KubeObject[] {
  const r = ctx.client.list({ group, version: 'v1', resource });
  return r.ok ? r.value.items : [];
}

export function nodeServers(ctx: NodeShellContext) {
  return virtualServers(listAll(ctx, '', 'services'), listAll(ctx, 'discovery.k8s.io', 'endpointslices'), ctx.node.internalIP);
}

export function ipvsadmCommand(ctx: NodeShellContext): Command {
  return (c) => {
    if (!ctx.node.installedPackages?.includes('ipvsadm')) {
      c.stderr('bash: ipvsadm: command not found\n');
      c.done(127);
      return;
    }
    const flags = c.args.join('').replace(/-/g, '');
    if (c.args.length > 0 && !/^[Lln]+$/.test(flags)) {
      c.stderr('kubelab: only `ipvsadm -L [-n]` is modelled\n');
      c.done(2);
      return;
    }
    // kube-proxy programs IPVS only in ipvs mode; in iptables mode the table is empty.
    c.stdout(ipvsadmList(ctx.kubeProxyMode === 'ipvs' ? nodeServers(ctx) : []));
    c.done(0);
  };
}

export function aptGetCommand(ctx: NodeShellContext): Command {
  return (c) => {
    const [sub, ...rest] = c.args.filter((a) => !a.startsWith('-'));
    const node = ctx.node;
    if (sub === 'update') {
      c.stdout(
        'Get:1 http://deb.debian.org/debian bookworm InRelease [151 kB]\nGet:2 http://deb.debian.org/debian bookworm-updates InRelease [55.4 kB]\nGet:3 http://deb.debian.org/debian-security bookworm-security InRelease [48.0 kB]\nGet:4 http://deb.debian.org/debian bookworm/main amd64 Packages [8793 kB]\nReading package lists... Done\n',
      );
      node.aptListsFetched = true;
      c.done(0);
      return;
    }
    if (sub === 'install' && rest.length > 0) {
      c.stdout('Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n');
      const unknown = rest.find((p) => !node.aptListsFetched || INSTALLABLE[p] === undefined);
      if (unknown !== undefined) {
        if (!node.aptListsFetched) c.stderr(`E: Unable to locate package ${unknown}\n`);
        else c.stderr(`E: kubelab: only ${Object.keys(INSTALLABLE).join(', ')} can be installed on a node in this lab\n`);
        c.done(100);
        return;
      }
      const fresh = rest.filter((p) => !node.installedPackages?.includes(p));
      for (const p of rest) if (!fresh.includes(p)) c.stdout(`${p} is already the newest version (${INSTALLABLE[p] ?? ''}).\n`);
      if (fresh.length > 0) {
        c.stdout(`The following NEW packages will be installed:\n  ${fresh.join(' ')}\n0 upgraded, ${fresh.length} newly installed, 0 to remove and 0 not upgraded.\n`);
        for (const p of fresh) c.stdout(`Setting up ${p} (${INSTALLABLE[p] ?? ''}) ...\n`);
      } else c.stdout('0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n');
      node.installedPackages = [...(node.installedPackages ?? []), ...fresh];
      c.done(0);
      return;
    }
    c.stderr('E: kubelab: only `apt-get update` and `apt-get install PACKAGE` are modelled\n');
    c.done(100);
  };
}
