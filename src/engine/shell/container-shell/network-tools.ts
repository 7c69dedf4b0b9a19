/**
 * The network tools learners run inside pods: busybox `wget` and `nslookup`, and `curl`. They
 * resolve names through cluster DNS and connect through the node's kube-proxy rules, so what they
 * print depends on Services, EndpointSlices and the backends' containers, as in a real cluster.
 */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import type { Client } from '../../client';
import { CLUSTER_DNS_IP, resolveHost } from '../../network/dns';
import { route } from '../../network/connect';
import { httpGet, type HttpReply } from '../../network/servers';
import type { Command, CommandContext } from '../command';

export interface PodNetwork {
  client: Client;
  pod: KubeObject;
}

/** How long an unanswered connect takes to give up (Linux's default SYN retries, about 127 s). */
const CONNECT_TIMEOUT_MS = 127_000;

interface Url {
  host: string;
  port: number;
  path: string;
}

function parseUrl(raw: string): Url | undefined {
  const m = /^(?:http:\/\/)?([^/:]+)(?::(\d+))?(\/.*)?$/.exec(raw);
  if (!m) return undefined;
  return { host: m[1] as string, port: m[2] ? Number(m[2]) : 80, path: m[3] ?? '/' };
}

type Fetched = { kind: 'reply'; ip: string; reply: HttpReply } | { kind: 'bad-address' } | { kind: 'refused'; ip: string } | { kind: 'timeout'; ip: string };

function fetch(net: PodNetwork, ctx: CommandContext, url: Url): Fetched {
  const answer = resolveHost(net.client, text(net.pod.metadata.namespace), url.host);
  if (!answer) return { kind: 'bad-address' };
  const ip = answer.addresses[0] as string;
  const path = route(net.client, ctx.machine.random, ip, url.port);
  if (!path.ok) return path.reason === 'refused' ? { kind: 'refused', ip } : { kind: 'timeout', ip };
  const reply = httpGet(path.pod, path.port, url.path);
  return reply ? { kind: 'reply', ip, reply } : { kind: 'refused', ip };
}

/** A failure that takes time (a connect timing out) finishes later, in virtual time. */
function after(ctx: CommandContext, fetched: Fetched, report: () => void): void {
  if (fetched.kind === 'timeout') ctx.machine.loop.after(CONNECT_TIMEOUT_MS, 'connect timeout', report);
  else report();
}

/** busybox wget: `wget [-q] [-O FILE|-] [-T SEC] URL`. UNVERIFIED: the progress line's exact spacing. */
export function wget(net: PodNetwork): Command {
  return (ctx) => {
    let quiet = false;
    let output: string | undefined;
    let target: string | undefined;
    const args = [...ctx.args];
    for (let i = 0; i < args.length; i++) {
      const a = args[i] as string;
      if (a === '-q') quiet = true;
      else if (a === '-O') output = args[++i];
      else if (/^-q?O/.test(a) && a !== '-q') {
        quiet = quiet || a.startsWith('-qO');
        output = a.replace(/^-q?O/, '') || args[++i];
      } else if (a === '-T') i++;
      else target = a;
    }
    const url = target ? parseUrl(target) : undefined;
    if (!url) {
      ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: wget [-cqS] [--spider] [-O FILE] [-o LOGFILE] [--header STR]\n\t[--post-data STR | --post-file FILE] [-Y on/off]\n\t[-P DIR] [-U AGENT] [-T SEC] URL...\n');
      ctx.done(1);
      return;
    }
    const fetched = fetch(net, ctx, url);
    after(ctx, fetched, () => {
      if (fetched.kind === 'bad-address') {
        ctx.stderr(`wget: bad address '${url.host}'\n`);
        ctx.done(1);
        return;
      }
      if (!quiet) ctx.stderr(`Connecting to ${url.host}${url.port === 80 ? '' : `:${url.port}`} (${fetched.ip}:${url.port})\n`);
      if (fetched.kind === 'refused' || fetched.kind === 'timeout') {
        ctx.stderr(`wget: can't connect to remote host (${fetched.ip}): ${fetched.kind === 'refused' ? 'Connection refused' : 'Connection timed out'}\n`);
        ctx.done(1);
        return;
      }
      const { reply } = fetched;
      if (reply.status >= 400) {
        ctx.stderr(`wget: server returned error: HTTP/1.1 ${reply.status} ${reply.reason}\n`);
        ctx.done(1);
        return;
      }
      const file = output ?? (url.path.split('/').pop() || 'index.html');
      if (file === '-') {
        if (!quiet) ctx.stderr('writing to stdout\n');
        ctx.stdout(reply.body);
        if (!quiet) ctx.stderr(`-${' '.repeat(20)}100% |********************************|  ${String(reply.body.length).padStart(4)}  0:00:00 ETA\nwritten to stdout\n`);
      } else {
        ctx.machine.fs.write(ctx.machine.fs.resolve(ctx.cwd, file), reply.body);
        if (!quiet) ctx.stderr(`saving to '${file}'\n${file.padEnd(21)}100% |********************************|  ${String(reply.body.length).padStart(4)}  0:00:00 ETA\n'${file}' saved\n`);
      }
      ctx.done(0);
    });
  };
}

/** curl: `curl [-s] [-o FILE] URL`, with curl's error codes and words. */
export function curl(net: PodNetwork): Command {
  return (ctx) => {
    const target = ctx.args.filter((a) => !a.startsWith('-')).pop();
    const url = target ? parseUrl(target) : undefined;
    if (!url) {
      ctx.stderr("curl: try 'curl --help' or 'curl --manual' for more information\n");
      ctx.done(2);
      return;
    }
    const fetched = fetch(net, ctx, url);
    after(ctx, fetched, () => {
      if (fetched.kind === 'bad-address') {
        ctx.stderr(`curl: (6) Could not resolve host: ${url.host}\n`);
        ctx.done(6);
      } else if (fetched.kind === 'refused') {
        ctx.stderr(`curl: (7) Failed to connect to ${url.host} port ${url.port} after 0 ms: Couldn't connect to server\n`);
        ctx.done(7);
      } else if (fetched.kind === 'timeout') {
        ctx.stderr(`curl: (28) Failed to connect to ${url.host} port ${url.port} after ${CONNECT_TIMEOUT_MS} ms: Timeout was reached\n`);
        ctx.done(28);
      } else {
        ctx.stdout(fetched.reply.body);
        ctx.done(0);
      }
    });
  };
}

/** busybox nslookup NAME. UNVERIFIED: the NXDOMAIN lines busybox adds for the other search domains. */
export function nslookup(net: PodNetwork): Command {
  return (ctx) => {
    const name = ctx.args.filter((a) => !a.startsWith('-'))[0];
    if (!name) {
      ctx.stderr('BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: nslookup [-type=QUERY_TYPE] [-debug] HOST [DNS_SERVER]\n');
      ctx.done(1);
      return;
    }
    const answer = resolveHost(net.client, text(net.pod.metadata.namespace), name);
    ctx.stdout(`Server:\t\t${CLUSTER_DNS_IP}\nAddress:\t${CLUSTER_DNS_IP}:53\n\n`);
    if (!answer) {
      ctx.stdout(`** server can't find ${name}: NXDOMAIN\n\n`);
      ctx.done(1);
      return;
    }
    for (const address of answer.addresses) ctx.stdout(`Name:\t${answer.fqdn}\nAddress: ${address}\n\n`);
    ctx.done(0);
  };
}
