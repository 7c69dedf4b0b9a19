/** A fixed, PEM-shaped CA bundle (the lab has no real TLS; kubeconfig and kube-root-ca.crt carry it). */
export function clusterCaPem(): string {
  const body = 'MIIDBTCCAe2gAwIBAgIIKubeLabCaAAAwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UEAxMKa3ViZXJuZXRlczAeFw0yNTA5MDEwODU1MDBaFw0zNTA4MzAwOTAwMDBaMBUxEzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEKAoIBAQ';
  const lines = body.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}
