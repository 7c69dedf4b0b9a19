/**
 * RunFilterPlugins and RunFilterPluginsWithNominatedPods (framework runtime): the filters of one
 * cycle against one node, first rejection wins. Pods nominated to the node with at least the pod's
 * priority count as already there — they will come back for the room their preemption made — so
 * the pod must fit both with them and, because filters like pod affinity may pass only with them,
 * without them.
 */
import type { KubeObject } from '../../api/meta';
import type { NodeInfo } from './node-info';
import { podPriority } from './pod-priority';
import { Code, isSuccess, SUCCESS, type CycleState, type FilterPlugin, type PreFilterPlugin, type Status } from './types';

/** What filtering needs besides the node: the pod, the cycle's state, and the nominator's view. */
export interface FilterContext {
  pod: KubeObject;
  state: CycleState;
  /** The filter plugins that run in this cycle (PreFilter may have skipped some). */
  filters: readonly FilterPlugin[];
  /** Every node of the snapshot, in the cache's order. */
  nodes: readonly NodeInfo[];
  /** Pods waiting for the node their preemption nominated (status.nominatedNodeName). */
  nominatedPods?: (nodeName: string) => readonly KubeObject[];
}

/**
 * PreFilter plugins whose state counts the pods on other nodes. Kubernetes updates their state
 * through PreFilterExtensions (AddPod/RemovePod) when a node copy gains or loses pods; here they run
 * their PreFilter again over the nodes with the changed copy in place.
 */
const POD_DEPENDENT_PRE_FILTERS: ReadonlySet<string> = new Set(['PodTopologySpread', 'InterPodAffinity']);

function isPreFilter(plugin: FilterPlugin): plugin is FilterPlugin & PreFilterPlugin {
  return typeof (plugin as Partial<PreFilterPlugin>).preFilter === 'function';
}

/**
 * RunFilterPlugins against `info`. `changed` says that `info` is a copy whose pods differ from the
 * snapshot the cycle's PreFilter saw, so the pod-dependent PreFilter state is recomputed first.
 */
export function runFilterPlugins(ctx: FilterContext, info: NodeInfo, changed: boolean): Status {
  let state = ctx.state;
  let skipped: Set<string> | undefined;
  if (changed) {
    for (const plugin of ctx.filters) {
      if (!POD_DEPENDENT_PRE_FILTERS.has(plugin.name) || !isPreFilter(plugin)) continue;
      if (state === ctx.state) state = ctx.state.clone();
      const nodes = ctx.nodes.map((n) => (n.name === info.name ? info : n));
      if (plugin.preFilter(state, ctx.pod, nodes).code === Code.Skip) (skipped ??= new Set()).add(plugin.name);
    }
  }
  for (const plugin of ctx.filters) {
    if (skipped?.has(plugin.name)) continue;
    const s = plugin.filter(state, ctx.pod, info);
    if (!isSuccess(s)) return { ...s, plugin: plugin.name };
  }
  return SUCCESS;
}

/** addGENominatedPods: a copy of the node with the nominated pods of at least the pod's priority, if any. */
function withNominatedPods(ctx: FilterContext, info: NodeInfo): NodeInfo | undefined {
  const nominated = ctx.nominatedPods?.(info.name) ?? [];
  if (nominated.length === 0) return undefined;
  const priority = podPriority(ctx.pod);
  const uid = ctx.pod.metadata.uid;
  const added = nominated.filter((p) => p.metadata.uid !== uid && podPriority(p) >= priority);
  if (added.length === 0) return undefined;
  const copy = info.withNode(info.node);
  for (const p of added) copy.addPod(p);
  return copy;
}

/**
 * RunFilterPluginsWithNominatedPods: first with the nominated pods added (when there are any);
 * only if that passes, again without them. `changed` as for runFilterPlugins.
 */
export function runFilterPluginsWithNominatedPods(ctx: FilterContext, info: NodeInfo, changed = false): Status {
  const withNominated = withNominatedPods(ctx, info);
  if (withNominated) {
    const s = runFilterPlugins(ctx, withNominated, true);
    if (!isSuccess(s)) return s;
  }
  return runFilterPlugins(ctx, info, changed);
}
