/**
 * The node lifecycle controller's disruption arithmetic (pkg/controller/nodelifecycle): nodes are
 * grouped into zones by their topology labels, each zone has a health state, and the state sets
 * how fast that zone's failed nodes get their NoExecute taint (and so how fast their pods are
 * evicted).
 */
import type { KubeObject } from '../../api/meta';

export type ZoneState = 'Initial' | 'Normal' | 'PartialDisruption' | 'FullDisruption';

/** kube-controller-manager defaults. */
export const NODE_EVICTION_RATE = 0.1; // --node-eviction-rate: nodes per second per zone
export const SECONDARY_NODE_EVICTION_RATE = 0.01; // --secondary-node-eviction-rate
export const UNHEALTHY_ZONE_THRESHOLD = 0.55; // --unhealthy-zone-threshold
export const LARGE_CLUSTER_SIZE_THRESHOLD = 50; // --large-cluster-size-threshold
/** How often the tainting queue is worked (nodeEvictionPeriod). */
export const NODE_EVICTION_PERIOD_MS = 100;

/** utilnode.GetZoneKey: region and zone labels, or "" for nodes with neither (every kind node). */
export function zoneKey(node: KubeObject): string {
  const labels = node.metadata.labels ?? {};
  const region = labels['topology.kubernetes.io/region'] ?? '';
  const zone = labels['topology.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** ComputeZoneState: no ready node is full disruption; more than two and at least 55% not ready is partial. */
export function computeZoneState(readyStatuses: readonly (string | undefined)[]): ZoneState {
  const ready = readyStatuses.filter((s) => s === 'True').length;
  const notReady = readyStatuses.length - ready;
  if (ready === 0 && notReady > 0) return 'FullDisruption';
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return 'PartialDisruption';
  return 'Normal';
}

/** The tainting rate a zone in this state gets (setLimiterInZone): partial disruption stops small clusters. */
export function zoneTaintingRate(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption') return zoneSize <= LARGE_CLUSTER_SIZE_THRESHOLD ? 0 : SECONDARY_NODE_EVICTION_RATE;
  return NODE_EVICTION_RATE;
}

/** flowcontrol's token bucket with burst 1, on virtual time; rate 0 rejects everything. */
export class TokenBucket {
  private tokens = 1;
  private lastMs: number;

  constructor(
    readonly rate: number,
    nowMs: number,
  ) {
    this.lastMs = nowMs;
  }

  tryAccept(nowMs: number): boolean {
    if (this.rate <= 0) return false;
    this.tokens = Math.min(1, this.tokens + ((nowMs - this.lastMs) / 1000) * this.rate);
    this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** SwapLimiter: a fresh bucket at the new rate, drained if the old one was empty. */
  swap(rate: number, nowMs: number): TokenBucket {
    const next = new TokenBucket(rate, nowMs);
    if (!this.tryAccept(nowMs)) next.tryAccept(nowMs);
    return next;
  }
}
