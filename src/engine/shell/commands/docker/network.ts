/** `docker network ls` and `docker network inspect`: docker's default networks and the one kind creates. */
import type { Command, CommandContext } from '../../command';
import { alignColumns } from '../../../kubectl/printers/table-printer';
import { dockerTime, fullId, hexFrom } from './containers';
import { formatOption, printInspect } from './inspect';

export const KIND_NETWORK = 'kind';
/** kind's network: IPv4 from docker's pool and the fixed ULA prefix kind asks for (kind's docker provider). */
const KIND_SUBNET = '172.18.0.0/16';
const KIND_IPV6_SUBNET = 'fc00:f853:ccd:e793::/64';

const NETWORKS = [
  { name: 'bridge', driver: 'bridge' },
  { name: 'host', driver: 'host' },
  { name: KIND_NETWORK, driver: 'bridge' },
  { name: 'none', driver: 'null' },
] as const;

export function networkId(name: string): string {
  return hexFrom(`network/${name}`, 64);
}

function macFor(ip: string): string {
  return `02:42:${ip
    .split('.')
    .map((o) => Number(o).toString(16).padStart(2, '0'))
    .join(':')}`;
}

function inspectNetwork(ctx: CommandContext, name: string): Record<string, unknown> | undefined {
  const network = NETWORKS.find((n) => n.name === name || networkId(n.name).startsWith(name));
  if (!network) return undefined;
  const kind = network.name === KIND_NETWORK;
  const containers: Record<string, unknown> = {};
  if (kind) {
    for (const cluster of ctx.machine.clusters.all()) {
      for (const node of cluster.nodes) {
        if (!node.running) continue;
        const host = node.internalIP.split('.').pop() ?? '';
        containers[fullId(node)] = { Name: node.name, EndpointID: hexFrom(`${fullId(node)}/endpoint`, 64), MacAddress: macFor(node.internalIP), IPv4Address: `${node.internalIP}/16`, IPv6Address: `fc00:f853:ccd:e793::${host}/64` };
      }
    }
  }
  const ipam = kind ? [{ Subnet: KIND_SUBNET, Gateway: '172.18.0.1' }, { Subnet: KIND_IPV6_SUBNET, Gateway: 'fc00:f853:ccd:e793::1' }] : network.name === 'bridge' ? [{ Subnet: '172.17.0.0/16', Gateway: '172.17.0.1' }] : [];
  const options: Record<string, string> = kind ? { 'com.docker.network.bridge.enable_ip_masquerade': 'true', 'com.docker.network.driver.mtu': '1500' } : {};
  return {
    Name: network.name,
    Id: networkId(network.name),
    Created: dockerTime(ctx.machine.clusters.all()[0]?.createdAtMs ?? 0),
    Scope: 'local',
    Driver: network.driver,
    EnableIPv6: kind,
    IPAM: { Driver: 'default', Options: kind ? {} : null, Config: ipam },
    Internal: false,
    Attachable: false,
    Ingress: false,
    ConfigFrom: { Network: '' },
    ConfigOnly: false,
    Containers: containers,
    Options: options,
    Labels: {},
  };
}

export const network: Command = (ctx) => {
  const [, sub, ...rest] = ctx.args;
  if (sub === 'ls' || sub === 'list') {
    const rows = [['NETWORK ID', 'NAME', 'DRIVER', 'SCOPE'], ...NETWORKS.map((n) => [networkId(n.name).slice(0, 12), n.name, n.driver, 'local'])];
    ctx.stdout(alignColumns(rows, { minWidth: 10, tabWidth: 1, padding: 3 }));
    ctx.done(0);
    return;
  }
  if (sub === 'inspect') {
    const { format, names } = formatOption(rest);
    const found = names.map((n) => inspectNetwork(ctx, n));
    const objects = found.filter((o): o is Record<string, unknown> => o !== undefined);
    const ok = objects.length === 0 && format !== undefined ? true : printInspect(ctx, objects, format);
    names.forEach((n, i) => {
      if (!found[i]) ctx.stderr(`Error response from daemon: network ${n} not found\n`);
    });
    ctx.done(ok && objects.length === names.length && names.length > 0 ? 0 : 1);
    return;
  }
  ctx.stderr(`docker: '${['network', sub].filter(Boolean).join(' ')}' is not a docker command.\nSee 'docker --help'\n`);
  ctx.done(1);
};
