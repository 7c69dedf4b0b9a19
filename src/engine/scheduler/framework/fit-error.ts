/**
 * FitError's message, as `kubectl describe pod` shows it in FailedScheduling events:
 * `0/3 nodes are available: 1 node(s) had untolerated taint {...}, 2 Insufficient cpu. preemption: ...`
 * Reasons are counted across nodes and sorted as plain strings.
 */

export function histogram(reasonsByNode: ReadonlyMap<string, readonly string[]>): string {
  const counts = new Map<string, number>();
  for (const reasons of reasonsByNode.values()) for (const r of reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
  return [...counts.entries()]
    .map(([reason, n]) => `${n} ${reason}`)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    .join(', ');
}

export function fitErrorMessage(totalNodes: number, reasonsByNode: ReadonlyMap<string, readonly string[]>, postFilterMessage: string, preFilterMessage?: string): string {
  const body = preFilterMessage ?? histogram(reasonsByNode);
  const head = `0/${totalNodes} nodes are available: ${body}.`;
  return postFilterMessage ? `${head} ${postFilterMessage}` : head;
}
