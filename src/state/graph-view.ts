/** How the learner has narrowed the cluster graph: its filters and which API clients' traffic lights up. */
import { create } from 'zustand';
import type { GraphFilter } from '../components/graph/filter';

/** The kinds of API client whose traffic the legend can show or hide. */
export const TRAFFIC_CLASSES = ['kubectl', 'kube-scheduler', 'kube-controller-manager', 'kubelet', 'etcd'] as const;
export type TrafficClass = (typeof TRAFFIC_CLASSES)[number];

/** The class of an edge's client: every `kubelet/<node>` is one class. */
export function trafficClassOf(client: string): TrafficClass | undefined {
  const base = client.startsWith('kubelet/') ? 'kubelet' : client;
  return (TRAFFIC_CLASSES as readonly string[]).includes(base) ? (base as TrafficClass) : undefined;
}

export interface GraphViewState {
  filter: GraphFilter;
  hiddenTraffic: ReadonlySet<TrafficClass>;
  setFilter: (change: Partial<GraphFilter>) => void;
  toggleTraffic: (traffic: TrafficClass) => void;
}

export const useGraphView = create<GraphViewState>()((set) => ({
  filter: { selector: '' },
  hiddenTraffic: new Set(),
  setFilter: (change) => set((state) => ({ filter: { ...state.filter, ...change } })),
  toggleTraffic: (traffic) =>
    set((state) => {
      const hidden = new Set(state.hiddenTraffic);
      if (!hidden.delete(traffic)) hidden.add(traffic);
      return { hiddenTraffic: hidden };
    }),
}));
