/** The kind node containers as docker knows them: lookup by name or id prefix, and their full ids. */
import type { CommandContext } from '../../command';
import type { ClusterRuntime, NodeContainer } from '../../../cluster/runtime';

export interface FoundNode {
  cluster: ClusterRuntime;
  node: NodeContainer;
}

/** The node container named `name` (or whose id starts with it), in any kind cluster. */
export function findNode(ctx: CommandContext, name: string): FoundNode | undefined {
  for (const cluster of ctx.machine.clusters.all()) {
    const node = cluster.nodes.find((n) => n.name === name || (name.length > 0 && fullId(n).startsWith(name)));
    if (node) return { cluster, node };
  }
  return undefined;
}

/** The 64-hex container id whose first 12 are `docker ps`'s CONTAINER ID (the rest derived from it). */
export function fullId(node: NodeContainer): string {
  return node.containerId + hexFrom(`${node.containerId}/${node.name}`, 52);
}

/** A stable hex string of `length` digits from a seed text (FNV-1a, chained). */
export function hexFrom(seed: string, length: number): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; out.length < length; round++) {
    for (const ch of `${seed}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.slice(0, length);
}

/** Go's RFC3339Nano, as `docker inspect` prints times: trailing zeros of the fraction dropped. */
export function dockerTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, (_, frac: string) => (/^0+$/.test(frac) ? 'Z' : `.${frac.replace(/0+$/, '')}Z`));
}
