/** Pod requests and limits as kubectl's resource helper sums them: containers add up, init containers take the max, overhead adds on. */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { formatQuantityMilli, parseQuantityMilli, quantityFormat, type QuantityFormat } from '../../api/quantity';
import { rec, recs } from './format';

export interface Amount {
  milli: bigint;
  format: QuantityFormat;
}

export type ResourceAmounts = Map<string, Amount>;

function read(list: unknown): ResourceAmounts {
  const out: ResourceAmounts = new Map();
  for (const [name, value] of Object.entries(rec(list))) {
    try {
      out.set(name, { milli: parseQuantityMilli(text(value)), format: quantityFormat(text(value)) });
    } catch {
      // An unparseable quantity was rejected by validation; ignore it here.
    }
  }
  return out;
}

function add(into: ResourceAmounts, more: ResourceAmounts): void {
  for (const [name, amount] of more) {
    const current = into.get(name);
    into.set(name, current ? { milli: current.milli + amount.milli, format: current.format } : { ...amount });
  }
}

function max(into: ResourceAmounts, other: ResourceAmounts): void {
  for (const [name, amount] of other) {
    const current = into.get(name);
    if (!current || amount.milli > current.milli) into.set(name, { ...amount });
  }
}

export function podRequestsAndLimits(pod: KubeObject): { requests: ResourceAmounts; limits: ResourceAmounts } {
  const spec = rec(pod.spec);
  const requests: ResourceAmounts = new Map();
  const limits: ResourceAmounts = new Map();
  for (const c of recs(spec.containers)) {
    add(requests, read(rec(c.resources).requests));
    add(limits, read(rec(c.resources).limits));
  }
  // Restartable (sidecar) init containers run alongside; others run one at a time before.
  const sidecarRequests: ResourceAmounts = new Map();
  const sidecarLimits: ResourceAmounts = new Map();
  for (const c of recs(spec.initContainers)) {
    const r = read(rec(c.resources).requests);
    const l = read(rec(c.resources).limits);
    if (c.restartPolicy === 'Always') {
      add(requests, r);
      add(limits, l);
      add(sidecarRequests, r);
      add(sidecarLimits, l);
    } else {
      const withSidecarsR = new Map(sidecarRequests);
      add(withSidecarsR, r);
      const withSidecarsL = new Map(sidecarLimits);
      add(withSidecarsL, l);
      max(requests, withSidecarsR);
      max(limits, withSidecarsL);
    }
  }
  add(requests, read(spec.overhead));
  if (limits.size > 0) add(limits, read(spec.overhead));
  return { requests, limits };
}

export function amountText(amount: Amount | undefined): string {
  return amount ? formatQuantityMilli(amount.milli, amount.format) : '0';
}
