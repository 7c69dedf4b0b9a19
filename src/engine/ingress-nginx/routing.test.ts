import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { routeRequest } from './routing';

function ingress(name: string, rules: unknown[], annotations?: Record<string, string>): KubeObject {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: 'default', ...(annotations ? { annotations } : {}) }, spec: { rules } };
}

const path = (p: string, pathType: string, service: string) => ({ path: p, pathType, backend: { service: { name: service, port: { number: 80 } } } });

describe('routeRequest', () => {
  const paths = ingress('paths', [
    { http: { paths: [path('/foo', 'Prefix', 'foo'), path('/foo/bar', 'Prefix', 'foobar'), path('/exact', 'Exact', 'exact'), path('/impl', 'ImplementationSpecific', 'impl')] } },
  ]);
  const svc = (host: string, p: string) => routeRequest([paths], host, p)?.service;

  it('matches Prefix by path element and prefers the longest', () => {
    expect(svc('localhost', '/foo')).toBe('foo');
    expect(svc('localhost', '/foo/')).toBe('foo');
    expect(svc('localhost', '/foo/baz')).toBe('foo');
    expect(svc('localhost', '/foo/bar/x')).toBe('foobar');
    expect(svc('localhost', '/foobar')).toBeUndefined();
  });

  it('matches Exact only itself and ImplementationSpecific as a string prefix', () => {
    expect(svc('localhost', '/exact')).toBe('exact');
    expect(svc('localhost', '/exact/')).toBeUndefined();
    expect(svc('localhost', '/implementation')).toBe('impl');
  });

  it('serves a named host from its own rules and others from the host-less ones', () => {
    const hosted = ingress('hosted', [
      { host: 'a.example.com', http: { paths: [path('/', 'Prefix', 'a')] } },
      { host: '*.example.com', http: { paths: [path('/', 'Prefix', 'wild')] } },
    ]);
    expect(routeRequest([paths, hosted], 'a.example.com', '/foo')?.service).toBe('a');
    expect(routeRequest([paths, hosted], 'b.example.com', '/foo')?.service).toBe('wild');
    expect(routeRequest([paths, hosted], 'x.b.example.com', '/foo')?.service).toBe('foo');
    expect(routeRequest([hosted], 'localhost', '/')).toBeUndefined();
  });

  it('rewrites with the regex groups of rewrite-target', () => {
    const rewrite = ingress('rw', [{ http: { paths: [path('/foo(/|$)(.*)', 'ImplementationSpecific', 'foo')] } }], { 'nginx.ingress.kubernetes.io/rewrite-target': '/$2' });
    expect(routeRequest([rewrite], 'localhost', '/foo/hostname')).toMatchObject({ service: 'foo', uri: '/hostname' });
    expect(routeRequest([rewrite], 'localhost', '/FOO')).toMatchObject({ service: 'foo', uri: '/' });
    expect(routeRequest([rewrite], 'localhost', '/bar')).toBeUndefined();
  });

  it('lets the oldest Ingress win a path two of them claim', () => {
    const a = ingress('a', [{ http: { paths: [path('/x', 'Prefix', 'first')] } }]);
    const b = ingress('b', [{ http: { paths: [path('/x', 'Prefix', 'second')] } }]);
    expect(routeRequest([a, b], 'localhost', '/x')?.service).toBe('first');
  });
});
