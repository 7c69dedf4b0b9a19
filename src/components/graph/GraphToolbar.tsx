/**
 * Around the graph: a bar of filters by namespace, node and label selector above it, and a legend
 * (folded by default, bottom right) of what the edges mean, whose traffic entries switch each
 * client's glow on and off.
 */
import { Panel } from '@xyflow/react';
import { useState } from 'react';
import { useGraphView, TRAFFIC_CLASSES } from '../../state/graph-view';
import type { GraphScale } from './compact-layout';

const SCALE_WORDS: Record<GraphScale, string | undefined> = {
  full: undefined,
  tiles: 'Many nodes: each is a tile, its pods are dots. Pick a node to see its pods by name.',
  heatmap: 'Thousands of nodes: a heatmap of pods per node. Pick a node to see it whole.',
};

const ALL = '';

/** A select of one filter: everything, or one of `choices`. */
function ChoiceFilter({ label, all, choices, value, onChange }: { label: string; all: string; choices: string[]; value: string | undefined; onChange: (value: string | undefined) => void }) {
  return (
    <label>
      {label}
      <select value={value ?? ALL} onChange={(e) => onChange(e.target.value === ALL ? undefined : e.target.value)}>
        <option value={ALL}>{all}</option>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {choice}
          </option>
        ))}
      </select>
    </label>
  );
}

export function GraphFilters({ namespaces, nodes, selectorError, scale }: { namespaces: string[]; nodes: string[]; selectorError?: string; scale: GraphScale }) {
  const filter = useGraphView((s) => s.filter);
  const setFilter = useGraphView((s) => s.setFilter);
  // The selector applies on Enter or when the field loses focus, not on every key.
  const [draft, setDraft] = useState(filter.selector);
  const apply = () => setFilter({ selector: draft });
  return (
    <div role="group" className="graph-filters" aria-label="Graph filters">
      <ChoiceFilter label="Namespace" all="All namespaces" choices={namespaces} value={filter.namespace} onChange={(namespace) => setFilter({ namespace })} />
      <ChoiceFilter label="Node" all="All nodes" choices={nodes} value={filter.node} onChange={(node) => setFilter({ node })} />
      <label>
        Labels
        <input
          type="text"
          placeholder="app=web"
          spellCheck={false}
          value={draft}
          aria-invalid={selectorError !== undefined}
          aria-describedby={selectorError ? 'graph-selector-error' : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onBlur={apply}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
        />
      </label>
      {SCALE_WORDS[scale] ? <p className="graph-scale">{SCALE_WORDS[scale]}</p> : null}
      {selectorError ? (
        <p id="graph-selector-error" role="alert" className="graph-filter-error">
          {selectorError}
        </p>
      ) : null}
    </div>
  );
}

const TRAFFIC_WORDS: Record<(typeof TRAFFIC_CLASSES)[number], string> = {
  kubectl: 'kubectl requests',
  'kube-scheduler': 'kube-scheduler watches and binds',
  'kube-controller-manager': 'controller requests',
  kubelet: 'kubelet status and watches',
  etcd: 'API server writes to etcd',
};

export function GraphLegend() {
  const hidden = useGraphView((s) => s.hiddenTraffic);
  const toggle = useGraphView((s) => s.toggleTraffic);
  const [open, setOpen] = useState(false);
  if (!open)
    return (
      <Panel position="bottom-right">
        <button type="button" className="graph-legend-toggle" aria-expanded={false} onClick={() => setOpen(true)}>
          Legend
        </button>
      </Panel>
    );
  return (
    <Panel position="bottom-right" className="graph-legend" aria-label="Graph legend">
      <button type="button" className="graph-legend-toggle" aria-expanded={true} onClick={() => setOpen(false)}>
        Legend
      </button>
      <p className="legend-title">A lit edge: an API request or watch event just now</p>
      <ul>
        {TRAFFIC_CLASSES.map((traffic) => (
          <li key={traffic}>
            <label>
              <input type="checkbox" checked={!hidden.has(traffic)} onChange={() => toggle(traffic)} />
              {TRAFFIC_WORDS[traffic]}
            </label>
          </li>
        ))}
      </ul>
      <p className="legend-line">
        <span className="legend-swatch endpoint-ready" aria-hidden="true" /> Service → ready endpoint
      </p>
      <p className="legend-line">
        <span className="legend-swatch endpoint-not-ready" aria-hidden="true" /> endpoint not ready (no traffic)
      </p>
    </Panel>
  );
}
