import { describe, expect, it } from 'vitest';
import { base32, hex, sha256 } from './sha256';

describe('sha256 and base32', () => {
  it('matches the standard test vectors', () => {
    expect(hex(sha256(''))).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hex(sha256('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256('a'.repeat(1000)))).toBe('41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3');
  });

  it('names kube-proxy chains as kube-proxy does', () => {
    // The chain of the `kubernetes` Service's https port is the same in every cluster.
    expect(base32(sha256('default/kubernetes:httpstcp')).slice(0, 16)).toBe('NPX46M4PTMTKRN6Y');
    expect(base32(sha256('kube-system/kube-dns:dnsudp')).slice(0, 16)).toBe('TCOU7JCQXEZGVUNU');
  });
});
