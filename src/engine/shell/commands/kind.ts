/** `kind`: creates and deletes kind clusters on the lab machine and keeps the kubeconfig in step. */
import type { Command, CommandContext } from '../command';
import { load } from 'js-yaml';
import { defaultClusterSpec, KIND_NODE_IMAGE, parseKindConfig, type KindClusterSpec, type KindConfig } from '../../cluster/kind-config';
import { EMPTY_KUBECONFIG, parseKubeconfig, serializeKubeconfig, withKindCluster, withoutKindCluster } from '../../cluster/kubeconfig';
import { kubeconfigPaths } from '../../kubectl/connection';
import { FlagError, parseFlags, str } from '../../kubectl/flags';

function kubeconfigPath(ctx: CommandContext, explicit?: string): string {
  return ctx.machine.fs.resolve(ctx.cwd, kubeconfigPaths(ctx.env, explicit)[0] as string);
}

function updateKubeconfig(ctx: CommandContext, path: string, change: (c: typeof EMPTY_KUBECONFIG) => typeof EMPTY_KUBECONFIG): void {
  const text = ctx.machine.fs.read(path) ?? '';
  const parsed = parseKubeconfig(text);
  const current = 'error' in parsed ? EMPTY_KUBECONFIG : parsed;
  ctx.machine.fs.mkdirp(path.slice(0, path.lastIndexOf('/')));
  ctx.machine.fs.write(path, serializeKubeconfig(change(current)));
}

const SALUTATIONS = ['Have a nice day! 👋', 'Thanks for using kind! 😊', 'Not sure what to do next? 😅  Check out https://kind.sigs.k8s.io/docs/user/quick-start/', 'Have a question, bug, or feature request? Let us know! https://kind.sigs.k8s.io/#community 🙂'];

function createCluster(ctx: CommandContext, args: string[]): number {
  const flags = parseFlags(args, [{ name: 'name', type: 'string' }, { name: 'image', type: 'string' }, { name: 'config', type: 'string' }, { name: 'kubeconfig', type: 'string' }, { name: 'wait', type: 'string' }, { name: 'retain', type: 'bool' }]);
  let config: KindConfig = { nodes: ['control-plane'] };
  const configFile = str(flags, 'config');
  if (configFile !== undefined) {
    // `--config=-` reads the config from stdin (the ingress guide's `cat <<EOF | kind create cluster --config=-`).
    const text = configFile === '-' ? ctx.stdin : ctx.machine.fs.read(ctx.machine.fs.resolve(ctx.cwd, configFile));
    if (text === undefined) {
      ctx.stderr(`ERROR: failed to create cluster: error reading file: open ${configFile}: no such file or directory\n`);
      return 1;
    }
    const parsed = parseKindConfig(text, (t) => load(t));
    if ('error' in parsed) {
      ctx.stderr(`${parsed.error}\n`);
      return 1;
    }
    config = parsed;
  }
  if (config.nodes.filter((r) => r === 'control-plane').length > 1) {
    // kind would add an external load balancer container in front of several API servers.
    ctx.stderr('ERROR: kubelab: clusters with more than one control-plane node are not modelled yet\n');
    return 1;
  }
  const name = str(flags, 'name') ?? config.name ?? 'kind';
  if (ctx.machine.clusters.get(name)) {
    ctx.stderr(`ERROR: failed to create cluster: node(s) already exist for a cluster with the name "${name}"\n`);
    return 1;
  }
  const image = str(flags, 'image') ?? KIND_NODE_IMAGE;
  const spec: KindClusterSpec = { ...defaultClusterSpec(name, config.nodes.length - 1), image };
  if (config.nodeOptions) spec.nodeOptions = config.nodeOptions;
  if (config.kubeProxyMode) spec.kubeProxyMode = config.kubeProxyMode;
  ctx.stderr(`Creating cluster "${name}" ...\n`);
  ctx.stderr(` ✓ Ensuring node image (${image}) 🖼\n`);
  ctx.stderr(` ✓ Preparing nodes ${'📦 '.repeat(spec.nodes.length)}\n`);
  ctx.stderr(' ✓ Writing configuration 📜\n');
  ctx.stderr(' ✓ Starting control-plane 🕹️\n');
  ctx.stderr(' ✓ Installing CNI 🔌\n');
  ctx.stderr(' ✓ Installing StorageClass 💾\n');
  if (spec.nodes.length > 1) ctx.stderr(' ✓ Joining worker nodes 🚜\n');
  const cluster = ctx.machine.clusters.create(spec);
  updateKubeconfig(ctx, kubeconfigPath(ctx, str(flags, 'kubeconfig')), (c) => withKindCluster(c, name, cluster.server));
  ctx.stderr(`Set kubectl context to "kind-${name}"\nYou can now use your cluster with:\n\nkubectl cluster-info --context kind-${name}\n\n${SALUTATIONS[cluster.hostPort % SALUTATIONS.length] ?? ''}\n`);
  return 0;
}

/** `kind delete cluster` announces the one cluster; `kind delete clusters` lists what it deleted. */
function deleteClusters(ctx: CommandContext, names: string[], kubeconfig: string | undefined, plural: boolean): number {
  const deleted: string[] = [];
  for (const name of names) {
    if (!plural) ctx.stderr(`Deleting cluster "${name}" ...\n`);
    // kind names the node containers it removed, as `docker ps` lists them (newest first).
    const nodes = [...(ctx.machine.clusters.get(name)?.nodes ?? [])].reverse().map((n) => `"${n.name}"`);
    if (ctx.machine.clusters.delete(name)) {
      if (!plural) ctx.stderr(`Deleted nodes: [${nodes.join(' ')}]\n`);
      updateKubeconfig(ctx, kubeconfigPath(ctx, kubeconfig), (c) => withoutKindCluster(c, name));
      deleted.push(name);
    }
  }
  if (plural) ctx.stderr(`Deleted clusters: [${deleted.map((n) => `"${n}"`).join(' ')}]\n`);
  return 0;
}

export const kind: Command = (ctx) => {
  const [sub, obj, ...rest] = ctx.args;
  try {
    if (sub === 'create' && obj === 'cluster') return ctx.done(createCluster(ctx, rest));
    if (sub === 'delete' && (obj === 'cluster' || obj === 'clusters')) {
      const flags = parseFlags(rest, [{ name: 'name', type: 'string' }, { name: 'all', short: 'A', type: 'bool' }, { name: 'kubeconfig', type: 'string' }]);
      const names = obj === 'clusters' ? (flags.values.get('all') === true ? ctx.machine.clusters.names() : flags.positional) : [str(flags, 'name') ?? 'kind'];
      return ctx.done(deleteClusters(ctx, names, str(flags, 'kubeconfig'), obj === 'clusters'));
    }
    if (sub === 'get' && obj === 'clusters') {
      const names = ctx.machine.clusters.names();
      if (names.length === 0) ctx.stderr('No kind clusters found.\n');
      else ctx.stdout(names.join('\n') + '\n');
      return ctx.done(0);
    }
    if (sub === 'get' && obj === 'nodes') {
      const flags = parseFlags(rest, [{ name: 'name', type: 'string' }]);
      const cluster = ctx.machine.clusters.get(str(flags, 'name') ?? 'kind');
      if (!cluster) ctx.stderr(`No kind nodes found for cluster "${str(flags, 'name') ?? 'kind'}".\n`);
      else ctx.stdout(cluster.nodes.map((n) => n.name).join('\n') + '\n');
      return ctx.done(0);
    }
    if (sub === 'version') {
      ctx.stdout('kind v0.30.0 go1.24.6 linux/amd64\n');
      return ctx.done(0);
    }
  } catch (e) {
    if (e instanceof FlagError) {
      ctx.stderr(`ERROR: ${e.message}\n`);
      return ctx.done(1);
    }
    throw e;
  }
  ctx.stderr(`ERROR: unknown command "${[sub, obj].filter(Boolean).join(' ')}" for "kind"\n`);
  ctx.done(1);
};
