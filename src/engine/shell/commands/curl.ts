/**
 * curl on the lab machine (the docker host kind runs on): the kind clusters' API servers on their
 * published 127.0.0.1 ports (HTTPS, anonymous), and the node containers on the kind network (a
 * NodePort reaches its Service's backends through the same routing the pods use).
 */
import type { Command, CommandContext } from '../command';
import type { ClusterRuntime } from '../../cluster/runtime';
import { anonymousRequest } from '../../apiserver/anonymous';
import { curlFailure, CURL_HINT, hostHeader, parseCurlArgs, writeOut, type CurlArgs } from '../../network/curl';
import { CONNECT_TIMEOUT_MS, type Fetched, type Url } from '../../network/wget';

const CERT_ERROR = `curl: (60) SSL certificate problem: unable to get local issuer certificate
More details here: https://curl.se/docs/sslcerts.html

curl failed to verify the legitimacy of the server and therefore could not
establish a secure connection to it. To learn more about this situation and
how to fix it, please visit the web page mentioned above.
`;

interface HostUrl extends Url {
  https: boolean;
}

function parseHostUrl(raw: string): HostUrl | undefined {
  const m = /^(?:(https?):\/\/)?(\[[0-9a-fA-F:]+\]|[^/:]+)(?::(\d+))?(\/[^?#]*)?(?:\?[^#]*)?$/.exec(raw);
  if (!m) return undefined;
  const https = m[1] === 'https';
  return { https, host: m[2] as string, port: m[3] ? Number(m[3]) : https ? 443 : 80, path: m[4] ?? '/' };
}

type Answer = { kind: 'http'; status: number; body: string; latencyMs: number } | { kind: 'failed'; fetched: Fetched } | { kind: 'cert' } | { kind: 'empty' } | { kind: 'reset' };

/**
 * A kind extraPortMappings port (docker's 0.0.0.0:HOSTPORT or 127.0.0.1:HOSTPORT): docker-proxy hands
 * the connection to the node container's port, where a pod's hostPort or a NodePort may take it.
 */
function throughPortMapping(ctx: CommandContext, url: HostUrl, args: CurlArgs): Answer | undefined {
  for (const cluster of ctx.machine.clusters.all()) {
    for (const node of cluster.nodes) {
      const mapping = cluster.publishedPorts(node.name).find((p) => p.hostPort === url.port && p.protocol === 'tcp' && p.containerPort !== 6443 && ['0.0.0.0', '127.0.0.1'].includes(p.hostIp));
      if (!mapping) continue;
      // A stopped container has no docker-proxy listening.
      if (!node.running) return { kind: 'failed', fetched: { kind: 'refused', ip: '127.0.0.1' } };
      // UNVERIFIED: whatever answers TLS there (ingress-nginx's self-signed "Fake Certificate") is not one curl trusts.
      if (url.https && !args.insecure) return { kind: 'cert' };
      const fetched = cluster.http.get(cluster.client('curl/8.5.0'), ctx.machine.random, { namespace: 'default', ip: node.internalIP }, { host: node.internalIP, port: mapping.containerPort, path: url.path, hostHeader: hostHeader(args, url.host), tls: url.https });
      if (fetched.kind === 'reply') return { kind: 'http', status: fetched.reply.status, body: fetched.reply.body, latencyMs: fetched.latencyMs };
      // docker-proxy accepted, could not reach the container's port and closed the socket with curl's request unread: the kernel resets it.
      return { kind: 'reset' };
    }
  }
  return undefined;
}

/** Where the request goes: a published API server port, a node container, or nowhere. */
function send(ctx: CommandContext, url: HostUrl, args: CurlArgs): Answer {
  const loopback = ['127.0.0.1', 'localhost'].includes(url.host);
  const clusters = ctx.machine.clusters.all();
  if (loopback || url.host === '[::1]') {
    const forwarded = ctx.machine.ports.connect(url.host, url.port);
    if (forwarded) {
      // The local socket accepts; when the far end fails, the tunnel closes it without a byte.
      const fetched = forwarded(url.path);
      return fetched.kind === 'reply' ? { kind: 'http', status: fetched.reply.status, body: fetched.reply.body, latencyMs: fetched.latencyMs } : { kind: 'empty' };
    }
    if (url.host === '[::1]') return { kind: 'failed', fetched: { kind: 'refused', ip: '::1' } };
    const published = throughPortMapping(ctx, url, args);
    if (published) return published;
    const cluster = clusters.find((c) => c.hostPort === url.port && c.nodes.some((n) => n.role === 'control-plane' && n.running));
    if (!cluster) return { kind: 'failed', fetched: { kind: 'refused', ip: '127.0.0.1' } };
    // Go's TLS server answers plain HTTP with a 400 of its own.
    if (!url.https) return { kind: 'http', status: 400, body: 'Client sent an HTTP request to an HTTPS server.\n', latencyMs: 0 };
    if (!args.insecure) return { kind: 'cert' };
    const reply = anonymousRequest(cluster.client('curl/8.5.0'), args.method, url.path);
    return { kind: 'http', ...reply, latencyMs: 0 };
  }
  const owner: ClusterRuntime | undefined = clusters.find((c) => c.nodes.some((n) => n.internalIP === url.host));
  if (!owner) {
    // An address on no network here: the connection attempt is never answered.
    const routable = /^\d+\.\d+\.\d+\.\d+$/.test(url.host);
    return { kind: 'failed', fetched: routable ? { kind: 'timeout', ip: url.host } : { kind: 'bad-address' } };
  }
  const node = owner.nodes.find((n) => n.internalIP === url.host);
  if (!node?.running) return { kind: 'failed', fetched: { kind: 'timeout', ip: url.host } };
  // A NodePort connection from outside is masqueraded: the backend sees the node's address.
  const fetched = owner.http.get(owner.client('curl/8.5.0'), ctx.machine.random, { namespace: 'default', ip: node.internalIP }, { ...url, hostHeader: hostHeader(args, url.host) });
  return fetched.kind === 'reply' ? { kind: 'http', status: fetched.reply.status, body: fetched.reply.body, latencyMs: fetched.latencyMs } : { kind: 'failed', fetched };
}

export const curl: Command = (ctx) => {
  const args = parseCurlArgs(ctx.args);
  if (args.error) {
    ctx.stderr(args.error);
    ctx.done(2);
    return;
  }
  const url = args.url === undefined ? undefined : parseHostUrl(args.url);
  if (!url) {
    ctx.stderr(args.url === undefined ? CURL_HINT : `curl: (3) URL using bad/illegal format or missing URL\n`);
    ctx.done(args.url === undefined ? 2 : 3);
    return;
  }
  const answer = send(ctx, url, args);
  const finish = (): void => {
    const quietErrors = args.silent && !args.showError;
    if (answer.kind === 'cert') {
      if (args.writeOut) ctx.stdout(writeOut(args.writeOut, 0));
      if (!quietErrors) ctx.stderr(CERT_ERROR);
      ctx.done(60);
      return;
    }
    if (answer.kind === 'empty' || answer.kind === 'reset') {
      const [code, message] = answer.kind === 'empty' ? [52, 'Empty reply from server'] : [56, 'Recv failure: Connection reset by peer'];
      if (args.writeOut) ctx.stdout(writeOut(args.writeOut, 0));
      if (!quietErrors) ctx.stderr(`curl: (${code}) ${message}\n`);
      ctx.done(code);
      return;
    }
    if (answer.kind === 'failed') {
      const failure = curlFailure(url, answer.fetched, args.connectTimeoutMs);
      if (args.writeOut) ctx.stdout(writeOut(args.writeOut, 0));
      if (failure && !quietErrors) ctx.stderr(failure.message);
      ctx.done(failure?.code ?? 7);
      return;
    }
    // UNVERIFIED: a real server sends more headers than these with -I.
    const body = args.head ? `HTTP/${url.https ? '2' : '1.1'} ${answer.status} \r\ncontent-length: ${answer.body.length}\r\n\r\n` : answer.body;
    if (args.output === '/dev/null') {
      // discarded
    } else if (args.output !== undefined && args.output !== '-') ctx.machine.fs.write(ctx.machine.fs.resolve(ctx.cwd, args.output), body);
    else ctx.stdout(body);
    if (args.writeOut) ctx.stdout(writeOut(args.writeOut, answer.status));
    ctx.done(0);
  };
  const delayMs = answer.kind === 'failed' && answer.fetched.kind === 'timeout' ? Math.min(args.connectTimeoutMs, CONNECT_TIMEOUT_MS) : answer.kind === 'http' ? answer.latencyMs : 0;
  if (delayMs > 0) ctx.machine.loop.after(delayMs, 'curl', finish);
  else finish();
};
