import { describe, expect, it } from 'vitest';
import { probability, svcChain } from './iptables';

describe('kube-proxy iptables naming', () => {
  it('prints probabilities as iptables-save shows them', () => {
    expect(probability(2)).toBe('0.50000000000');
    expect(probability(3)).toBe('0.33333333349');
    expect(probability(4)).toBe('0.25000000000');
  });

  it('names Service chains as kube-proxy does', () => {
    expect(svcChain('default/kubernetes:https', 'tcp')).toBe('KUBE-SVC-NPX46M4PTMTKRN6Y');
    expect(svcChain('kube-system/kube-dns:dns-tcp', 'tcp')).toBe('KUBE-SVC-ERIFXISQEP7F7OF4');
    expect(svcChain('kube-system/kube-dns:metrics', 'tcp')).toBe('KUBE-SVC-JD5MR3NA4I4DYORP');
  });
});
