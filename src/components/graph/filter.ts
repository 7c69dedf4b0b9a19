/**
 * What the graph's filters let through: pods and Services by namespace and by label selector (the
 * API's own selector syntax and matching, from the engine), nodes by name. A Service also shows when
 * its EndpointSlices list a pod that shows, so `app=web` keeps the web pods' Service in view even if
 * the Service itself carries other labels.
 */
import type { KubeObject } from '../../engine';
import { matches, parseSelector, type Selector } from '../../engine/api/labels';
import { nodeNameOfPod } from './layout';

export interface GraphFilter {
  /** Only this namespace; undefined for all of them. */
  namespace?: string;
  /** A label selector in kubectl's `-l` syntax; empty for none. */
  selector: string;
  /** Only this node (and its pods); undefined for all of them. */
  node?: string;
}

export type ParsedSelector = { ok: true; selector: Selector } | { ok: false; error: string };

export function parseGraphSelector(text: string): ParsedSelector {
  try {
    return { ok: true, selector: parseSelector(text.trim()) };
  } catch (error) {
    return {
      ok: false,
      error: error instanceof Error ? error.message : String(error),
    };
  }
}

export interface FilteredObjects {
  nodes: KubeObject[];
  pods: KubeObject[];
  services: KubeObject[];
  /** The selector's parse error, when it has one (then no label filtering happens). */
  selectorError?: string;
}

const namespaceOf = (o: KubeObject) => String(o.metadata.namespace ?? 'default');

/** uids of the pods each Service's EndpointSlices list, keyed `namespace/name`. */
function endpointPods(endpointSlices: Iterable<KubeObject>): Map<string, Set<string>> {
  const byService = new Map<string, Set<string>>();
  for (const slice of endpointSlices) {
    const service = slice.metadata.labels?.['kubernetes.io/service-name'];
    const endpoints = (slice as Record<string, unknown>).endpoints;
    if (service === undefined || !Array.isArray(endpoints)) continue;
    const key = `${namespaceOf(slice)}/${service}`;
    const uids = byService.get(key) ?? new Set<string>();
    for (const endpoint of endpoints as {
      targetRef?: { kind?: string; uid?: string };
    }[])
      if (endpoint.targetRef?.kind === 'Pod' && endpoint.targetRef.uid) uids.add(endpoint.targetRef.uid);
    byService.set(key, uids);
  }
  return byService;
}

export function filterObjects(filter: GraphFilter, nodes: Iterable<KubeObject>, pods: Iterable<KubeObject>, services: Iterable<KubeObject>, endpointSlices: Iterable<KubeObject>): FilteredObjects {
  const parsed = parseGraphSelector(filter.selector);
  const selector = parsed.ok ? parsed.selector : [];
  const inNamespace = (o: KubeObject) => filter.namespace === undefined || namespaceOf(o) === filter.namespace;
  const shownNodes = [...nodes].filter((n) => filter.node === undefined || n.metadata.name === filter.node);
  const shownPods = [...pods].filter((p) => inNamespace(p) && matches(selector, p.metadata.labels) && (filter.node === undefined || nodeNameOfPod(p) === filter.node));
  const labelled = selector.length > 0 || filter.node !== undefined;
  const shownUids = new Set(shownPods.map((p) => String(p.metadata.uid)));
  const endpoints = endpointPods(endpointSlices);
  const reachesShownPod = (s: KubeObject) => [...(endpoints.get(`${namespaceOf(s)}/${String(s.metadata.name)}`) ?? [])].some((uid) => shownUids.has(uid));
  const shownServices = [...services].filter((s) => inNamespace(s) && (!labelled || (filter.node === undefined && matches(selector, s.metadata.labels)) || reachesShownPod(s)));
  return {
    nodes: shownNodes,
    pods: shownPods,
    services: shownServices,
    ...(parsed.ok ? {} : { selectorError: parsed.error }),
  };
}
