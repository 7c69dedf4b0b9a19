/**
 * `docker inspect [-f|--format TEMPLATE] NAME...`: a kind node container as the Docker Engine API
 * describes it (the fields learners read), and Go-template formatting with docker's `json` function.
 */
import type { Command, CommandContext } from '../../command';
import { GoTemplate, GoTemplateError, type Fn } from '../../../kubectl/printers/go-template';
import { KIND_NODE_IMAGE } from '../../../cluster/kind-config';
import { dockerTime, findNode, fullId, hexFrom, type FoundNode } from './containers';
import { KIND_NETWORK, networkId } from './network';

/** kind v0.30.0's default node image, pinned by digest (kind's pkg/apis/config/defaults/image.go). */
export const KIND_NODE_DIGEST = '7416a61b42b1662ca6ca89f02028ac133a309a2a30ba309614e8ec94d976dc5a';
export const KIND_NODE_IMAGE_PINNED = `${KIND_NODE_IMAGE}@sha256:${KIND_NODE_DIGEST}`;
const ZERO_TIME = '0001-01-01T00:00:00Z';

/** The `docker inspect` object of a node container. */
export function inspectNode({ cluster, node }: FoundNode): Record<string, unknown> {
  const id = fullId(node);
  const ports: Record<string, { HostIp: string; HostPort: string }[]> = {};
  // A Go map: docker's JSON lists its keys sorted as strings ("443/tcp" before "80/tcp").
  const published = [...cluster.publishedPorts(node.name)].sort((a, b) => (`${a.containerPort}/${a.protocol}` < `${b.containerPort}/${b.protocol}` ? -1 : 1));
  for (const p of published) (ports[`${p.containerPort}/${p.protocol}`] ??= []).push({ HostIp: p.hostIp, HostPort: String(p.hostPort) });
  return {
    Id: id,
    Created: dockerTime(node.createdAtMs),
    Path: '/usr/local/bin/entrypoint',
    Args: ['/sbin/init'],
    State: {
      Status: node.running ? 'running' : 'exited',
      Running: node.running,
      Paused: false,
      Restarting: false,
      OOMKilled: false,
      Dead: false,
      Pid: node.running ? 1000 + cluster.nodes.indexOf(node) * 137 : 0,
      // systemd, the container's init, exits 130 on docker's stop signal (as `docker ps -a` shows).
      ExitCode: node.running ? 0 : 130,
      Error: '',
      StartedAt: dockerTime(node.startedAtMs),
      FinishedAt: node.stoppedAtMs === undefined ? ZERO_TIME : dockerTime(node.stoppedAtMs),
    },
    // With the containerd image store the image's id is the digest it was pulled by (as `docker images` shows).
    Image: `sha256:${KIND_NODE_DIGEST}`,
    Name: `/${node.name}`,
    RestartCount: 0,
    Driver: 'overlay2',
    Platform: 'linux',
    HostConfig: {
      NetworkMode: KIND_NETWORK,
      PortBindings: ports,
      RestartPolicy: { Name: 'on-failure', MaximumRetryCount: 1 },
      Privileged: true,
    },
    Config: {
      Hostname: node.name,
      Domainname: '',
      User: '',
      Tty: true,
      Env: ['KIND_EXPERIMENTAL_CONTAINERD_SNAPSHOTTER', 'container=docker', 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
      Cmd: null,
      Image: KIND_NODE_IMAGE_PINNED,
      Entrypoint: ['/usr/local/bin/entrypoint', '/sbin/init'],
      Labels: { 'io.x-k8s.kind.cluster': cluster.name, 'io.x-k8s.kind.role': node.role },
      StopSignal: 'SIGRTMIN+3',
    },
    NetworkSettings: {
      Ports: node.running ? ports : {},
      Networks: {
        [KIND_NETWORK]: {
          Aliases: null,
          NetworkID: networkId(KIND_NETWORK),
          EndpointID: node.running ? hexFrom(`${id}/endpoint`, 64) : '',
          Gateway: node.running ? '172.18.0.1' : '',
          IPAddress: node.running ? node.internalIP : '',
          IPPrefixLen: node.running ? 16 : 0,
          IPv6Gateway: node.running ? 'fc00:f853:ccd:e793::1' : '',
          GlobalIPv6Address: node.running ? `fc00:f853:ccd:e793::${node.internalIP.split('.').pop() ?? ''}` : '',
          GlobalIPv6PrefixLen: node.running ? 64 : 0,
          DNSNames: [node.name, id.slice(0, 12)],
        },
      },
    },
  };
}

/** Go's json.Marshal for template output: compact, with <, > and & escaped. */
const goJson = (v: unknown): string => JSON.stringify(v ?? null).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`);

/** The template functions the docker CLI adds (cli/templates). */
export const DOCKER_TEMPLATE_FUNCTIONS: Record<string, Fn> = {
  json: (a) => goJson(a[0]),
  upper: (a) => String(a[0]).toUpperCase(),
  lower: (a) => String(a[0]).toLowerCase(),
  join: (a) => (Array.isArray(a[0]) ? a[0].map(String).join(String(a[1])) : ''),
};

/** Prints `objects` as docker does: a 4-space indented JSON array, or one template run per object. */
export function printInspect(ctx: CommandContext, objects: unknown[], format: string | undefined): boolean {
  if (format === undefined || format === '') {
    ctx.stdout(`${JSON.stringify(objects, null, 4)}\n`);
    return true;
  }
  try {
    const template = new GoTemplate(format, DOCKER_TEMPLATE_FUNCTIONS);
    for (const o of objects) ctx.stdout(`${template.execute(o)}\n`);
    return true;
  } catch (e) {
    if (!(e instanceof GoTemplateError)) throw e;
    ctx.stderr(`template parsing error: ${e.message}\n`);
    return false;
  }
}

/** Splits `-f X`, `--format X`, `--format=X` from the names. */
export function formatOption(args: readonly string[]): { format: string | undefined; names: string[] } {
  let format: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '-f' || a === '--format') format = args[++i];
    else if (a.startsWith('--format=')) format = a.slice(9);
    else if (a.startsWith('-f') && a.length > 2) format = a.slice(2);
    else if (a === '--type' || a === '-s' || a === '--size') {
      if (a === '--type') i++;
    } else names.push(a);
  }
  return { format, names };
}

export const inspect: Command = (ctx) => {
  const { format, names } = formatOption(ctx.args.slice(1));
  if (names.length === 0) {
    ctx.stderr(`"docker inspect" requires at least 1 argument.\nSee 'docker inspect --help'.\n\nUsage:  docker inspect [OPTIONS] NAME|ID [NAME|ID...]\n\nReturn low-level information on Docker objects\n`);
    ctx.done(1);
    return;
  }
  const objects: unknown[] = [];
  const missing: string[] = [];
  for (const name of names) {
    const found = findNode(ctx, name);
    if (found) objects.push(inspectNode(found));
    else missing.push(name);
  }
  // docker prints `[]` when nothing matched, and then an error per missing name.
  const ok = objects.length === 0 && format !== undefined ? true : printInspect(ctx, objects, format);
  for (const name of missing) ctx.stderr(`Error: No such object: ${name}\n`);
  ctx.done(missing.length > 0 || !ok ? 1 : 0);
};
