/**
 * Pod requests and limits as kubectl's resource helper (pkg/util/resource PodRequestsAndLimits)
 * sums them: app containers and sidecar (restartable init) containers add up, each regular init
 * container counts with the sidecars started before it, the larger of the two wins, and the
 * pod overhead is added (to limits only where a limit is set).
 */
import type { KubeObject } from '../../api/meta';
import { formatQuantityMilli, parseQuantityMilli, quantityFormat, type QuantityFormat } from '../../api/quantity';
import { present, rec, recs, str } from './format';

/** A resource.Quantity: an exact value in milli-units and the format it prints in. */
export interface Amount {
  milli: bigint;
  format: QuantityFormat;
}

export type ResourceAmounts = Map<string, Amount>;

/** Reads a ResourceList, skipping values that are not quantities. */
export function readResourceList(list: unknown): ResourceAmounts {
  const out: ResourceAmounts = new Map();
  for (const [name, value] of Object.entries(rec(list))) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    try {
      out.set(name, { milli: parseQuantityMilli(value), format: quantityFormat(value) });
    } catch {
      // Validation rejects such values; ignore them here.
    }
  }
  return out;
}

/** addResourceList: a sum keeps the format of the quantity already in the list. */
export function addAmounts(into: ResourceAmounts, more: ResourceAmounts): void {
  for (const [name, amount] of more) {
    const current = into.get(name);
    into.set(name, current ? { milli: current.milli + amount.milli, format: current.format } : { ...amount });
  }
}

/** maxResourceList: the larger quantity wins, with its own format. */
function maxAmounts(into: ResourceAmounts, other: ResourceAmounts): void {
  for (const [name, amount] of other) {
    const current = into.get(name);
    if (!current || amount.milli > current.milli) into.set(name, { ...amount });
  }
}

function copyOf(list: ResourceAmounts): ResourceAmounts {
  return new Map([...list].map(([k, v]) => [k, { ...v }]));
}

/** determineContainerReqs: during an in-place resize the larger of desired, actual and allocated. */
function containerRequests(pod: KubeObject, container: Record<string, unknown>, statuses: Map<string, Record<string, unknown>>): ResourceAmounts {
  const desired = readResourceList(rec(container.resources).requests);
  const status = statuses.get(str(container.name));
  if (!status || !present(status.resources)) return desired;
  const infeasible = recs(rec(pod.status).conditions).some((c) => c.type === 'PodResizePending' && c.reason === 'Infeasible');
  const result = infeasible ? readResourceList(rec(status.resources).requests) : copyOf(desired);
  if (!infeasible) maxAmounts(result, readResourceList(rec(status.resources).requests));
  maxAmounts(result, readResourceList(status.allocatedResources));
  return result;
}

function isSidecar(container: Record<string, unknown>): boolean {
  return container.restartPolicy === 'Always';
}

function podRequests(pod: KubeObject): ResourceAmounts {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const statuses = new Map([...recs(status.containerStatuses), ...recs(status.initContainerStatuses)].map((s) => [str(s.name), s] as const));
  const reqs: ResourceAmounts = new Map();
  for (const c of recs(spec.containers)) addAmounts(reqs, containerRequests(pod, c, statuses));
  const sidecars: ResourceAmounts = new Map();
  const initMax: ResourceAmounts = new Map();
  for (const c of recs(spec.initContainers)) {
    let requests: ResourceAmounts;
    if (isSidecar(c)) {
      const own = containerRequests(pod, c, statuses);
      addAmounts(reqs, own);
      addAmounts(sidecars, own);
      requests = sidecars;
    } else {
      requests = new Map();
      addAmounts(requests, readResourceList(rec(c.resources).requests));
      addAmounts(requests, sidecars);
    }
    maxAmounts(initMax, requests);
  }
  maxAmounts(reqs, initMax);
  addAmounts(reqs, readResourceList(spec.overhead));
  return reqs;
}

function podLimits(pod: KubeObject): ResourceAmounts {
  const spec = rec(pod.spec);
  const limits: ResourceAmounts = new Map();
  for (const c of recs(spec.containers)) addAmounts(limits, readResourceList(rec(c.resources).limits));
  const sidecars: ResourceAmounts = new Map();
  const initMax: ResourceAmounts = new Map();
  for (const c of recs(spec.initContainers)) {
    let own: ResourceAmounts;
    if (isSidecar(c)) {
      addAmounts(limits, readResourceList(rec(c.resources).limits));
      addAmounts(sidecars, readResourceList(rec(c.resources).limits));
      own = sidecars;
    } else {
      own = new Map();
      addAmounts(own, readResourceList(rec(c.resources).limits));
      addAmounts(own, sidecars);
    }
    maxAmounts(initMax, own);
  }
  maxAmounts(limits, initMax);
  for (const [name, amount] of readResourceList(spec.overhead)) {
    const current = limits.get(name);
    if (current && current.milli !== 0n) limits.set(name, { milli: current.milli + amount.milli, format: current.format });
  }
  return limits;
}

export function podRequestsAndLimits(pod: KubeObject): { requests: ResourceAmounts; limits: ResourceAmounts } {
  return { requests: podRequests(pod), limits: podLimits(pod) };
}

/** Quantity.String() of an amount; the zero Quantity (`0`) when absent. */
export function amountText(amount: Amount | undefined): string {
  return amount ? formatQuantityMilli(amount.milli, amount.format) : '0';
}

/** Quantity.Value(): whole units, rounded up. */
export function amountValue(amount: Amount | undefined): bigint {
  if (!amount) return 0n;
  const m = amount.milli;
  return m / 1000n + (m % 1000n > 0n ? 1n : 0n);
}
