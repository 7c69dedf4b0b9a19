/**
 * The network tools learners run inside pods: busybox `wget` and `nslookup`, and `curl`. They
 * resolve names through cluster DNS and connect through the node's kube-proxy rules, so what they
 * print depends on Services, EndpointSlices and the backends' containers, as in a real cluster.
 */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import type { Client } from '../../client';
import { CLUSTER_DNS_IP, resolveHost } from '../../network/dns';
import type { PodHttp } from '../../network/pod-http';
import { CONNECT_TIMEOUT_MS, parseUrl, parseWgetArgs, wgetResult, wgetWaitMs, WGET_USAGE, type Fetched, type Url } from '../../network/wget';
import type { Command, CommandContext } from '../command';
import { curlFailure } from '../../network/curl';

export interface PodNetwork {
  client: Client;
  pod: KubeObject;
  http: PodHttp;
}

function fetch(net: PodNetwork, ctx: CommandContext, url: Url): Fetched {
  return net.http.get(net.client, ctx.machine.random, { pod: net.pod }, url);
}

/** A failure that takes time (a connect timing out) or a slow server finishes later, in virtual time. */
function after(ctx: CommandContext, fetched: Fetched, report: () => void): void {
  const delayMs = fetched.kind === 'timeout' ? CONNECT_TIMEOUT_MS : fetched.kind === 'reply' ? fetched.latencyMs : 0;
  if (delayMs > 0) ctx.machine.loop.after(delayMs, 'http request', report);
  else report();
}

/** busybox wget: `wget [-q] [-O FILE|-] [-T SEC] URL`. */
export function wget(net: PodNetwork): Command {
  return (ctx) => {
    const args = parseWgetArgs(ctx.args);
    const url = args.url;
    if (!url) {
      ctx.stderr(WGET_USAGE);
      ctx.done(1);
      return;
    }
    const fetched = fetch(net, ctx, url);
    const report = (): void => {
      const result = wgetResult(args, url, fetched);
      if (result.saved) ctx.machine.fs.write(ctx.machine.fs.resolve(ctx.cwd, result.saved.file), result.saved.body);
      for (const o of result.output) {
        if (o.stream === 'stdout') ctx.stdout(o.text);
        else ctx.stderr(o.text);
      }
      ctx.done(result.code);
    };
    const waitMs = wgetWaitMs(args, fetched);
    if (waitMs > 0) ctx.machine.loop.after(waitMs, 'http request', report);
    else report();
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
      if (fetched.kind === 'reply') {
        ctx.stdout(fetched.reply.body);
        ctx.done(0);
        return;
      }
      const failure = curlFailure(url, fetched);
      ctx.stderr(failure?.message ?? '');
      ctx.done(failure?.code ?? 7);
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
