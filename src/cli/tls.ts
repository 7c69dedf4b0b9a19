/**
 * A throwaway certificate authority and serving certificate for `kubelab serve`, made with the
 * host's openssl like kubeadm's own CA: kubectl then talks HTTPS to 127.0.0.1 and verifies the
 * server, as it does against kind. Without openssl the server falls back to plain HTTP.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServingCertificate {
  caPem: string;
  certPem: string;
  keyPem: string;
  /** kind's admin identity (CN=kubernetes-admin, O=kubeadm:cluster-admins) for the kubeconfig. */
  clientCertPem: string;
  clientKeyPem: string;
}

export function makeServingCertificate(): ServingCertificate | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'kubelab-tls-'));
  const run = (args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  try {
    run(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '3650', '-subj', '/CN=kubernetes']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=kube-apiserver']);
    writeFileSync(join(dir, 'ext.cnf'), 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,DNS:kubernetes.default.svc.cluster.local,IP:10.96.0.1\nextendedKeyUsage=serverAuth\n');
    run(['x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '365', '-extfile', 'ext.cnf']);
    run(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'client.key', '-out', 'client.csr', '-subj', '/O=kubeadm:cluster-admins/CN=kubernetes-admin']);
    writeFileSync(join(dir, 'client.cnf'), 'extendedKeyUsage=clientAuth\n');
    run(['x509', '-req', '-in', 'client.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'client.crt', '-days', '365', '-extfile', 'client.cnf']);
    const read = (name: string) => readFileSync(join(dir, name), 'utf8');
    return { caPem: read('ca.crt'), certPem: read('server.crt'), keyPem: read('server.key'), clientCertPem: read('client.crt'), clientKeyPem: read('client.key') };
  } catch {
    return undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
