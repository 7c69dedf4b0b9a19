/**
 * `kubelab`: the lab's own commands, for what no kubectl shows. `kubelab explain pod/NAME` prints the
 * scheduler's last decision for a pod: every node with each filter's verdict, each score plugin's
 * weighted score and the total, and the result; then what DefaultPreemption decided (candidate
 * nodes, their victims, the chosen node and the criterion that chose it).
 */
import type { Command } from '../command';
import { text } from '../../api/meta';
import { connect } from '../../kubectl/connection';
import { alignColumns } from '../../kubectl/printers/table-printer';
import { DESCRIBE_TABWRITER } from '../../kubectl/printers/tabwriter';
import type { PreemptionTrace, SchedulingTrace } from '../../scheduler/scheduler';

const USAGE = 'usage: kubelab explain pod/NAME [-n NAMESPACE]\n';

function render(trace: SchedulingTrace): string {
  const nodes = [...trace.failures.keys(), ...trace.feasible].sort();
  const feasibleIndex = new Map(trace.feasible.map((name, i) => [name, i]));
  const plugins = trace.scores.map((s) => s.plugin);
  const rows: string[][] = [['NODE', 'FILTER', ...plugins.map((p) => p.toUpperCase()), 'TOTAL']];
  for (const node of nodes) {
    const f = trace.failures.get(node);
    const verdict = f === undefined ? 'passed' : `${f.plugin ?? ''}: ${f.reasons.join(', ')}`;
    const i = feasibleIndex.get(node);
    const total = i === undefined ? undefined : trace.totals[i];
    rows.push([node, verdict, ...trace.scores.map((s) => (i === undefined ? '-' : String(s.weighted[i]))), total === undefined ? '-' : String(total)]);
  }
  const totals = [...trace.totals];
  const best = Math.max(...totals);
  const tied = trace.feasible.filter((_, i) => totals[i] === best).sort();
  const tie = tied.length > 1 ? ` (${tied.join(', ')} tied at ${best}; the scheduler picks one of the best at random)` : '';
  const result = 'nodeName' in trace.result ? `Bound to ${trace.result.nodeName}.${tie}` : `Not scheduled: ${trace.result.message}`;
  const examined = trace.nominatedNode
    ? `The pod's nominated node ${trace.nominatedNode} (from its preemption) was tried first and fits; no other node was examined.\n`
    : trace.examined.length && trace.examined.length < trace.numAllNodes ? `Filtered ${trace.examined.length} of ${trace.numAllNodes} nodes (percentageOfNodesToScore), from ${trace.examined[0] ?? ''} to ${trace.examined[trace.examined.length - 1] ?? ''}; the others were not examined.\n` : '';
  const nominated = Object.entries(trace.nominatedPods ?? {})
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([node, pods]) => `${node} was filtered as if these pods, nominated to it by their preemption and at least as important, were already there: ${pods.map((p) => `${p.namespace}/${p.name} (priority ${p.priority})`).join(', ')}\n`)
    .join('');
  const preemption = trace.preemption ? renderPreemption(trace.preemption, nodes, 'nodeName' in trace.result) : '';
  return `Scheduling of ${trace.pod.namespace}/${trace.pod.name}:\n` + examined + alignColumns(rows, DESCRIBE_TABWRITER) + (plugins.length ? `(scores are weighted: ${weightsNote(trace.scores)})\n` : '') + nominated + result + '\n' + preemption;
}

/** DefaultPreemption's decision: the candidate nodes with their victims, and which one it chose and why. */
function renderPreemption(p: PreemptionTrace, nodes: readonly string[], bound: boolean): string {
  // Once bound, only a preemption that made room is worth telling.
  if (bound && p.outcome !== 'preempt') return '';
  const head = bound ? 'Preemption (an earlier cycle)' : 'Preemption';
  if (p.outcome === 'ineligible') return `${head}: not attempted, ${p.message ?? ''}\n`;
  const lines: string[] = [];
  if (p.outcome === 'no-candidates') lines.push(`${head}: no node would fit the pod after evicting lower-priority pods (${p.message ?? ''})`);
  else {
    lines.push(`${head}: nominated ${p.chosen?.nodeName ?? ''}, chosen by ${p.chosen?.criterion ?? ''}; its victims were deleted after the cycle, with their grace period.`);
    const rows = [['CANDIDATE', 'PDB VIOLATIONS', 'VICTIMS (most important first)']];
    for (const c of p.candidates) rows.push([c.nodeName + (c.nodeName === p.chosen?.nodeName ? ' *' : ''), String(c.numPDBViolations), c.victims.map((v) => `${v.namespace}/${v.name} (priority ${v.priority})`).join(', ')]);
    lines.push(alignColumns(rows, DESCRIBE_TABWRITER).replace(/\n$/, ''));
  }
  const rejected = Object.keys(p.rejected).sort();
  for (const node of rejected) lines.push(`  ${node}: dry run failed: ${(p.rejected[node] ?? []).join(', ')}`);
  const tried = new Set([...rejected, ...p.candidates.map((c) => c.nodeName)]);
  const unhelpful = nodes.filter((n) => !tried.has(n));
  if (unhelpful.length && p.outcome === 'no-candidates') lines.push(`  ${unhelpful.join(', ')}: preemption would not help (rejected for a reason evicting pods cannot change)`);
  return lines.join('\n') + '\n';
}

/** "TaintToleration x3, NodeAffinity x2, the others x1" for the plugins that scored. */
function weightsNote(scores: SchedulingTrace['scores']): string {
  const heavy = scores.filter((s) => s.weight !== 1);
  const parts = heavy.map((s) => `${s.plugin} x${s.weight}`);
  if (heavy.length < scores.length) parts.push(heavy.length ? 'the others x1' : 'all x1');
  return parts.join(', ');
}

export const kubelab: Command = (ctx) => {
  const [sub, target, ...rest] = ctx.args;
  if (sub !== 'explain' || !target || !/^(pods?|po)\/.+/.test(target)) {
    ctx.stderr(USAGE);
    ctx.done(2);
    return;
  }
  const nsIndex = rest.findIndex((a) => a === '-n' || a === '--namespace');
  const conn = connect(ctx.machine, ctx.env, ctx.cwd, { namespace: nsIndex >= 0 ? rest[nsIndex + 1] : undefined });
  if (!conn.ok) {
    ctx.stderr(conn.message + '\n');
    ctx.done(1);
    return;
  }
  const name = target.slice(target.indexOf('/') + 1);
  const pod = conn.client.get({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace, name });
  if (!pod.ok) {
    ctx.stderr(`Error from server (NotFound): pods "${name}" not found\n`);
    ctx.done(1);
    return;
  }
  const cluster = ctx.machine.clusters.byServer(conn.server);
  const trace = cluster?.schedulingTraces.get(String(pod.value.metadata.uid));
  if (!trace) {
    const nodeName = (pod.value.spec as Record<string, unknown> | undefined)?.nodeName;
    ctx.stdout(nodeName ? `${conn.namespace}/${name} was not placed by the scheduler in this session (it names its node, ${text(nodeName)}, or was created before).\n` : `${conn.namespace}/${name} has not been through a scheduling cycle yet.\n`);
    ctx.done(0);
    return;
  }
  ctx.stdout(render(trace));
  ctx.done(0);
};
