import { describe, expect, it } from 'vitest';
import { load } from 'js-yaml';
import { parseKindConfig } from './kind-config';

const parse = (text: string) => parseKindConfig(text, (t) => load(t));

describe('parseKindConfig', () => {
  it("keeps each node's port mappings and labels with its node when control planes are moved first", () => {
    const config = parse(`kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: worker
  labels:
    tier: web
- role: control-plane
  kubeadmConfigPatches:
  - |
    kind: InitConfiguration
    nodeRegistration:
      kubeletExtraArgs:
        node-labels: "ingress-ready=true,zone=a"
  extraPortMappings:
  - containerPort: 80
    hostPort: 8080
  - containerPort: 443
    hostPort: 443
    listenAddress: 127.0.0.1
    protocol: TCP
`);
    expect(config).toEqual({
      nodes: ['control-plane', 'worker'],
      nodeOptions: [
        {
          labels: { 'ingress-ready': 'true', zone: 'a' },
          extraPortMappings: [
            { containerPort: 80, hostPort: 8080, listenAddress: '0.0.0.0', protocol: 'TCP' },
            { containerPort: 443, hostPort: 443, listenAddress: '127.0.0.1', protocol: 'TCP' },
          ],
        },
        { labels: { tier: 'web' } },
      ],
    });
  });

  it('reads kubeadm v1beta4 name/value kubelet arguments', () => {
    const config = parse(`kind: Cluster
apiVersion: kind.x-k8s.io/v1alpha4
nodes:
- role: control-plane
  kubeadmConfigPatches:
  - |
    kind: InitConfiguration
    nodeRegistration:
      kubeletExtraArgs:
      - name: node-labels
        value: ingress-ready=true
`);
    expect('nodeOptions' in config ? config.nodeOptions?.[0]?.labels : undefined).toEqual({ 'ingress-ready': 'true' });
  });

  it('takes kubeProxyMode ipvs and rejects an unknown mode as kind does', () => {
    expect(parse('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: ipvs\n')).toEqual({ nodes: ['control-plane'], kubeProxyMode: 'ipvs' });
    expect(parse('kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnetworking:\n  kubeProxyMode: userspace\n')).toEqual({
      error: 'ERROR: failed to create cluster: invalid configuration: invalid kubeProxyMode: userspace',
    });
  });
});
