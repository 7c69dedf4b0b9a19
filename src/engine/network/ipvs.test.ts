import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../api/meta';
import { ipvsadmList, RoundRobin, virtualServers } from './ipvs';

const service = (name: string, clusterIP: string, ports: unknown[], type = 'ClusterIP'): KubeObject => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'default' },
  spec: { clusterIP, type, ports },
});
const slice = (svc: string, ips: string[], port: number, ready = true): KubeObject => ({
  apiVersion: 'discovery.k8s.io/v1',
  kind: 'EndpointSlice',
  metadata: { name: `${svc}-abc`, namespace: 'default', labels: { 'kubernetes.io/service-name': svc } },
  ports: [{ name: '', port, protocol: 'TCP' }],
  endpoints: ips.map((ip) => ({ addresses: [ip], conditions: { ready } })),
});

describe('IPVS virtual servers', () => {
  it('lists ClusterIPs and NodePorts on the node IP, sorted by protocol, address and port, with ready endpoints', () => {
    const services = [
      service('b', '10.96.200.1', [{ port: 80, nodePort: 30080, protocol: 'TCP' }], 'NodePort'),
      service('a', '10.96.10.5', [
        { port: 53, protocol: 'UDP' },
        { port: 53, protocol: 'TCP' },
      ]),
    ];
    const servers = virtualServers(services, [slice('b', ['10.244.1.9', '10.244.1.10'], 8080), slice('a', ['10.244.0.3'], 53, false)], '172.18.0.3');
    expect(servers.map((s) => `${s.protocol} ${s.address}:${s.port} ${s.realServers.length}`)).toEqual([
      'TCP 10.96.10.5:53 0',
      'TCP 10.96.200.1:80 2',
      'TCP 172.18.0.3:30080 2',
      'UDP 10.96.10.5:53 0',
    ]);
    expect(servers[1]?.realServers.map((r) => r.address)).toEqual(['10.244.1.9', '10.244.1.10']);
  });

  it('prints ipvsadm -Ln columns, padded as ipvsadm pads them', () => {
    const out = ipvsadmList([{ protocol: 'TCP', address: '10.96.0.1', port: 443, nodePort: false, realServers: [{ address: '172.18.0.2', port: 6443 }] }]);
    expect(out.split('\n')).toEqual([
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn',
      'TCP  10.96.0.1:443 rr',
      '  -> 172.18.0.2:6443              Masq    1      0          0         ',
      '',
    ]);
  });

  it('round-robins each virtual server on its own', () => {
    const rr = new RoundRobin();
    expect([rr.pick('a', 3), rr.pick('a', 3), rr.pick('b', 2), rr.pick('a', 3), rr.pick('a', 3)]).toEqual([0, 1, 0, 2, 0]);
  });
});
