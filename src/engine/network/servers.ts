/**
 * What the servers in common images answer over HTTP: nginx's welcome page on :80, Apache httpd's
 * "It works!", hashicorp/http-echo's text, agnhost's serve-hostname and netexec. A port nothing
 * listens on refuses the connection.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { nginxErrorPage } from '../ingress-nginx/controller';

export interface HttpReply {
  status: number;
  reason: string;
  body: string;
}

/** nginx's default index.html (as the official image ships it). */
export const NGINX_WELCOME = `<!DOCTYPE html>
<html>
<head>
<title>Welcome to nginx!</title>
<style>
html { color-scheme: light dark; }
body { width: 35em; margin: 0 auto;
font-family: Tahoma, Verdana, Arial, sans-serif; }
</style>
</head>
<body>
<h1>Welcome to nginx!</h1>
<p>If you see this page, the nginx web server is successfully installed and
working. Further configuration is required.</p>

<p>For online documentation and support please refer to
<a href="http://nginx.org/">nginx.org</a>.<br/>
Commercial support is available at
<a href="http://nginx.com/">nginx.com</a>.</p>

<p><em>Thank you for using nginx.</em></p>
</body>
</html>
`;

function nginxNotFound(version: string): string {
  return `<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>nginx/${version}</center>\r\n</body>\r\n</html>\r\n`;
}

function repository(image: string): string {
  const noDigest = image.split('@')[0] ?? image;
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  const repo = colon > slash ? noDigest.slice(0, colon) : noDigest;
  return repo.replace(/^docker\.io\//, '').replace(/^library\//, '');
}

function words(container: Record<string, unknown>): string[] {
  const part = (v: unknown): unknown[] => (Array.isArray(v) ? (v as unknown[]) : []);
  return [...part(container.command), ...part(container.args)].map(text);
}

function running(pod: KubeObject, name: string): boolean {
  const statuses = isRecord(pod.status) && Array.isArray(pod.status.containerStatuses) ? pod.status.containerStatuses : [];
  return statuses.some((s) => isRecord(s) && s.name === name && isRecord(s.state) && isRecord(s.state.running));
}

/** The reply of whatever listens on `port` in the pod, or undefined when nothing does (connection refused). */
export function httpGet(pod: KubeObject, port: number, path: string): HttpReply | undefined {
  const containers = isRecord(pod.spec) && Array.isArray(pod.spec.containers) ? pod.spec.containers.filter(isRecord) : [];
  for (const container of containers) {
    if (!running(pod, text(container.name))) continue;
    const repo = repository(text(container.image));
    const args = words(container);
    if (repo === 'nginx' && port === 80) {
      if (path === '/' || path === '/index.html') return { status: 200, reason: 'OK', body: NGINX_WELCOME };
      return { status: 404, reason: 'Not Found', body: nginxNotFound('1.29.1') };
    }
    if (repo === 'httpd' && port === 80) {
      return path === '/' || path === '/index.html' ? { status: 200, reason: 'OK', body: '<html><body><h1>It works!</h1></body></html>\n' } : { status: 404, reason: 'Not Found', body: '' };
    }
    // index.php of the HPA walkthrough: a million square roots, then "OK!".
    if (repo === 'registry.k8s.io/hpa-example' && port === 80) return { status: 200, reason: 'OK', body: 'OK!' };
    if (repo === 'hashicorp/http-echo') {
      const listen = args.find((a) => a.startsWith('-listen='))?.slice(8) ?? ':5678';
      if (port === Number(listen.split(':').pop())) return { status: 200, reason: 'OK', body: `${args.find((a) => a.startsWith('-text='))?.slice(6) ?? ''}\n` };
    }
    // ingress-nginx's nginx with no Ingress for the request: its default backend's 404.
    if (repo === 'registry.k8s.io/ingress-nginx/controller' && (port === 80 || port === 443)) return nginxErrorPage(404, 'Not Found');
    if (repo.endsWith('e2e-test-images/agnhost')) {
      const hostname = text(pod.metadata.name);
      if (args.includes('serve-hostname') && port === Number(args.find((a) => a.startsWith('--port='))?.slice(7) ?? 9376)) return { status: 200, reason: 'OK', body: hostname };
      if (args.includes('netexec') && port === Number(args.find((a) => a.startsWith('--http-port='))?.slice(12) ?? 8080)) {
        if (path === '/hostname') return { status: 200, reason: 'OK', body: hostname };
        const echo = /^\/echo\?msg=(.*)$/.exec(path);
        if (echo) return { status: 200, reason: 'OK', body: decodeURIComponent(echo[1] ?? '') };
      }
    }
  }
  return undefined;
}
