/**
 * API traffic as the graph shows it: when each client of kube-apiserver (kubectl, kube-scheduler,
 * kube-controller-manager, kubelet/<node>, ...) last sent a request or got a watch event, in host
 * wall time, so its edge can light up for a moment.
 */
import { create } from 'zustand';
import type { TrafficEvent } from '../engine/protocol';

export const API_SERVER = 'kube-apiserver';

/** The party of a traffic event that is not the API server (for etcd writes, etcd). */
export function clientOf(event: TrafficEvent): string {
  return event.from === API_SERVER ? event.to : event.from;
}

export interface TrafficState {
  lastSeenWallMs: ReadonlyMap<string, number>;
  record(events: readonly TrafficEvent[], wallMs: number): void;
}

export const useTraffic = create<TrafficState>()((set) => ({
  lastSeenWallMs: new Map(),
  record: (events, wallMs) => {
    if (events.length === 0) return;
    set((state) => {
      const next = new Map(state.lastSeenWallMs);
      for (const event of events) next.set(clientOf(event), wallMs);
      return { lastSeenWallMs: next };
    });
  },
}));
