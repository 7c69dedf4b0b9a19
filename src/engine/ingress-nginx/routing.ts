/**
 * Which backend ingress-nginx sends a request to, from the Ingresses it serves: one nginx server per
 * host (rules without a host share the catch-all server), and in it the location that matches the
 * path. Exact paths match only themselves; a Prefix path `/foo` matches `/foo` and `/foo/...` (never
 * `/foobar`); ImplementationSpecific is nginx's plain string prefix. The longest prefix wins. When an
 * Ingress of a host uses regular expressions (`use-regex` or `rewrite-target`), every path of that
 * host becomes a case-insensitive regex anchored at the start, tried longest first, and
 * `rewrite-target` rewrites the URI with the regex's groups. No match: the default backend (404).
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';

export interface Backend {
  namespace: string;
  service: string;
  /** The Service port by number or by name, as the Ingress names it. */
  port: { number?: number; name?: string };
  /** The URI the upstream receives (after rewrite-target). */
  uri: string;
  ingress: string;
}

const REWRITE = 'nginx.ingress.kubernetes.io/rewrite-target';
const USE_REGEX = 'nginx.ingress.kubernetes.io/use-regex';

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function list(v: unknown): Record<string, unknown>[] {
  return Array.isArray(v) ? v.filter(isRecord) : [];
}

interface Location {
  path: string;
  pathType: string;
  backend: Record<string, unknown>;
  ingress: KubeObject;
}

/** Whether a rule's host (exact, or `*.example.com` for exactly one more label) serves this Host. */
function hostMatches(ruleHost: string, host: string): boolean {
  if (ruleHost === host) return true;
  if (!ruleHost.startsWith('*.')) return false;
  const suffix = ruleHost.slice(1);
  return host.endsWith(suffix) && !host.slice(0, -suffix.length).includes('.') && host.length > suffix.length;
}

function regexMode(ingress: KubeObject): boolean {
  const annotations = ingress.metadata.annotations ?? {};
  return annotations[USE_REGEX] === 'true' || annotations[REWRITE] !== undefined;
}

function toBackend(location: Location, uri: string): Backend | undefined {
  const service = rec(location.backend.service);
  if (!service.name) return undefined;
  const port = rec(service.port);
  return {
    namespace: text(location.ingress.metadata.namespace),
    service: text(service.name),
    port: typeof port.number === 'number' ? { number: port.number } : { name: text(port.name) },
    uri,
    ingress: text(location.ingress.metadata.name),
  };
}

function prefixMatches(location: Location, path: string): boolean {
  const p = location.path;
  if (location.pathType === 'Exact') return path === p;
  if (location.pathType === 'Prefix') return p === '/' || path === p || path.startsWith(p.endsWith('/') ? p : `${p}/`);
  return path.startsWith(p);
}

/** The backend for a request, or undefined for the default backend. `ingresses` are the ones this controller serves, oldest first. */
export function routeRequest(ingresses: readonly KubeObject[], host: string, path: string): Backend | undefined {
  const byHost = ingresses.flatMap((ing) => list(rec(ing.spec).rules).map((rule) => ({ ing, rule })));
  const hosted = byHost.filter(({ rule }) => rule.host !== undefined && hostMatches(text(rule.host), host));
  // A named host's server when one matches, else the catch-all server of the host-less rules.
  const exactHost = hosted.filter(({ rule }) => text(rule.host) === host);
  const rules = exactHost.length > 0 ? exactHost : hosted.length > 0 ? hosted : byHost.filter(({ rule }) => rule.host === undefined || rule.host === '');
  const locations: Location[] = rules.flatMap(({ ing, rule }) =>
    list(rec(rule.http).paths).map((p) => ({ path: text(p.path) || '/', pathType: text(p.pathType) || 'ImplementationSpecific', backend: rec(p.backend), ingress: ing })),
  );
  if (locations.some((l) => regexMode(l.ingress))) {
    // Longest path first; among equals the oldest Ingress (the list's order).
    const ordered = locations.map((l, i) => ({ l, i })).sort((a, b) => b.l.path.length - a.l.path.length || a.i - b.i);
    for (const { l } of ordered) {
      let re: RegExp;
      try {
        re = new RegExp(`^${l.pathType === 'Exact' ? `${l.path}$` : l.path}`, 'i');
      } catch {
        continue;
      }
      const m = re.exec(path);
      if (!m) continue;
      const target = l.ingress.metadata.annotations?.[REWRITE];
      const uri = target === undefined ? path : target.replace(/\$(\d)/g, (_, n: string) => m[Number(n)] ?? '');
      return toBackend(l, uri.startsWith('/') ? uri : `/${uri}`);
    }
    return undefined;
  }
  const exact = locations.find((l) => l.pathType === 'Exact' && l.path === path);
  if (exact) return toBackend(exact, path);
  let best: Location | undefined;
  for (const l of locations) {
    if (l.pathType === 'Exact' || !prefixMatches(l, path)) continue;
    if (!best || l.path.length > best.path.length) best = l;
  }
  if (best) return toBackend(best, path);
  // The catch-all server's `/` goes to an Ingress's spec.defaultBackend when one sets it.
  const fallback = ingresses.find((ing) => isRecord(rec(ing.spec).defaultBackend));
  return fallback ? toBackend({ path: '/', pathType: 'Prefix', backend: rec(rec(fallback.spec).defaultBackend), ingress: fallback }, path) : undefined;
}
