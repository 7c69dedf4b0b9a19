/**
 * `kubectl config view|get-contexts|current-context|use-context|set-context|get-clusters|get-users|
 * delete-context`: reads and rewrites the kubeconfig files (KUBECONFIG or ~/.kube/config) on the
 * lab machine, as clientcmd does (the first file that defines a name wins; changes go there).
 */
import { load } from 'js-yaml';
import { isRecord } from '../../../api/meta';
import { kubeconfigPaths } from '../../../kubectl/connection';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { toYaml } from '../../../kubectl/printers/object-printer';
import { alignColumns } from '../../../kubectl/printers/table-printer';
import { outputPrinter } from '../../../kubectl/printers/output';
import { unknownCommandMessage } from '../../../kubectl/suggest';
import type { KubectlContext } from './context';

export const CONFIG_FLAGS: FlagSpec[] = [
  { name: 'raw', type: 'bool' },
  { name: 'minify', type: 'bool' },
  { name: 'flatten', type: 'bool' },
  { name: 'merge', type: 'bool' },
  { name: 'current', type: 'bool' },
  { name: 'output', short: 'o', type: 'string' },
  { name: 'no-headers', type: 'bool' },
];

const SUBCOMMANDS = ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'];

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (isRecord(v) ? v : {});
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const named = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isRecord) : []);

interface Loaded {
  path: string;
  doc: Obj;
}

function loadAll(k: KubectlContext): Loaded[] | undefined {
  const fs = k.shell.machine.fs;
  const out: Loaded[] = [];
  for (const p of kubeconfigPaths(k.shell.env, str(k.flags, 'kubeconfig'))) {
    const path = fs.resolve(k.shell.cwd, p);
    const text = fs.read(path);
    if (text === undefined) continue;
    try {
      out.push({ path, doc: rec(text.trim() === '' ? {} : load(text)) });
    } catch (e) {
      k.err(`error: error loading config file "${path}": ${e instanceof Error ? (e.message.split('\n')[0] ?? '') : ''}\n`);
      return undefined;
    }
  }
  return out;
}

/** clientcmd's merge: the first file to define a name (or current-context) wins. */
function merged(files: Loaded[]): Obj {
  const pick = (key: string): Obj[] => {
    const seen = new Set<string>();
    const list: Obj[] = [];
    for (const f of files) {
      for (const item of named(f.doc[key])) {
        const name = String(item.name);
        if (seen.has(name)) continue;
        seen.add(name);
        list.push(item);
      }
    }
    return list.sort((a, b) => (String(a.name) < String(b.name) ? -1 : 1));
  };
  const current = files.map((f) => f.doc['current-context']).find((c) => typeof c === 'string' && c !== '') ?? '';
  return { apiVersion: 'v1', clusters: pick('clusters'), contexts: pick('contexts'), 'current-context': current, kind: 'Config', preferences: {}, users: pick('users') };
}

function save(k: KubectlContext, file: Loaded): void {
  k.shell.machine.fs.write(file.path, toYaml(file.doc));
}

function redact(config: Obj): Obj {
  const copy = JSON.parse(JSON.stringify(config)) as Obj;
  for (const c of named(copy.clusters)) {
    const cluster = rec(c.cluster);
    if (cluster['certificate-authority-data'] !== undefined) cluster['certificate-authority-data'] = 'DATA+OMITTED';
  }
  for (const u of named(copy.users)) {
    const user = rec(u.user);
    for (const key of ['client-certificate-data', 'client-key-data']) if (user[key] !== undefined) user[key] = 'DATA+OMITTED';
    if (user.token !== undefined) user.token = 'REDACTED';
  }
  return copy;
}

function view(k: KubectlContext, files: Loaded[]): number {
  let config = merged(files);
  if (bool(k.flags, 'minify')) {
    const current = String(config['current-context']);
    const context = named(config.contexts).find((c) => c.name === current);
    if (!context) {
      k.err(current ? `error: cannot locate context ${current}\n` : 'error: current-context must exist in order to minify\n');
      return 1;
    }
    const ctx = rec(context.context);
    config = { ...config, contexts: [context], clusters: named(config.clusters).filter((c) => c.name === ctx.cluster), users: named(config.users).filter((u) => u.name === ctx.user) };
  }
  if (!bool(k.flags, 'raw')) config = redact(config);
  const format = str(k.flags, 'output') ?? 'yaml';
  const printer = outputPrinter(format);
  if ('error' in printer) {
    k.err(printer.error);
    return 1;
  }
  k.out(printer(config));
  return 0;
}

/** The file that defines a context (or the first file), for writes. */
function owner(files: Loaded[], section: string, name: string): Loaded | undefined {
  return files.find((f) => named(f.doc[section]).some((c) => c.name === name)) ?? files[0];
}

export function runConfig(k: KubectlContext): number {
  const [sub, ...args] = k.flags.positional;
  if (sub === undefined) {
    k.out('Read and change kubeconfig files.\n\n kubectl reads the file named by --kubeconfig, else every file listed in $KUBECONFIG (merged: the first\n file to define a name wins, and a change goes to the file that defines it), else ~/.kube/config.\n\nAvailable Commands:\n  current-context   Print the name of the current context\n  delete-context    Remove a context\n  get-clusters      List the clusters\n  get-contexts      List contexts, marking the current one\n  get-users         List the users\n  set-context       Create or change a context (--current changes the current one)\n  use-context       Make a context the current one\n  view              Print the merged configuration, secrets hidden unless --raw\n\nUsage:\n  kubectl config SUBCOMMAND [options]\n\nUse "kubectl config <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 0;
  }
  if (!SUBCOMMANDS.includes(sub)) {
    k.err(unknownCommandMessage(sub, 'kubectl config', SUBCOMMANDS));
    return 1;
  }
  const files = loadAll(k);
  if (!files) return 1;
  const config = merged(files);
  const current = typeof config['current-context'] === 'string' ? config['current-context'] : '';
  switch (sub) {
    case 'view':
      return view(k, files);
    case 'current-context':
      if (!current) {
        k.err('error: current-context is not set\n');
        return 1;
      }
      k.out(current + '\n');
      return 0;
    case 'get-contexts': {
      const wanted = args;
      const contexts = named(config.contexts).filter((c) => wanted.length === 0 || wanted.includes(String(c.name)));
      for (const w of wanted) {
        if (!contexts.some((c) => c.name === w)) {
          k.err(`error: context ${w} not found\n`);
          return 1;
        }
      }
      if (str(k.flags, 'output') === 'name') {
        for (const c of contexts) k.out(`${String(c.name)}\n`);
        return 0;
      }
      const rows: string[][] = bool(k.flags, 'no-headers') ? [] : [['CURRENT', 'NAME', 'CLUSTER', 'AUTHINFO', 'NAMESPACE']];
      for (const c of contexts) {
        const ctx = rec(c.context);
        rows.push([c.name === current ? '*' : '', String(c.name), text(ctx.cluster), text(ctx.user), text(ctx.namespace)]);
      }
      k.out(alignColumns(rows));
      return 0;
    }
    case 'get-clusters':
      k.out(['NAME', ...named(config.clusters).map((c) => String(c.name))].join('\n') + '\n');
      return 0;
    case 'get-users':
      k.out(['NAME', ...named(config.users).map((c) => String(c.name))].join('\n') + '\n');
      return 0;
    case 'use-context': {
      const name = args[0];
      if (name === undefined) {
        k.err("error: Unexpected args: []\nSee 'kubectl config use-context -h' for help and examples\n");
        return 1;
      }
      if (!named(config.contexts).some((c) => c.name === name)) {
        k.err(`error: no context exists with the name: "${name}"\n`);
        return 1;
      }
      const file = files.find((f) => typeof f.doc['current-context'] === 'string') ?? files[0];
      if (!file) return 1;
      file.doc['current-context'] = name;
      save(k, file);
      k.out(`Switched to context "${name}".\n`);
      return 0;
    }
    case 'set-context': {
      const name = bool(k.flags, 'current') ? current : args[0];
      if (!name) {
        k.err(bool(k.flags, 'current') ? 'error: no current context is set\n' : "error: you must specify a non-empty context name or --current\nSee 'kubectl config set-context -h' for help and examples\n");
        return 1;
      }
      const file = owner(files, 'contexts', name);
      if (!file) {
        k.err(`error: no kubeconfig file to write\n`);
        return 1;
      }
      const contexts = named(file.doc.contexts);
      let entry = contexts.find((c) => c.name === name);
      const created = entry === undefined;
      if (!entry) {
        entry = { context: {}, name };
        contexts.push(entry);
        file.doc.contexts = contexts;
      }
      const ctx = rec(entry.context);
      entry.context = ctx;
      const ns = str(k.flags, 'namespace');
      if (ns !== undefined) {
        if (ns === '') delete ctx.namespace;
        else ctx.namespace = ns;
      }
      const cluster = str(k.flags, 'cluster');
      if (cluster !== undefined) ctx.cluster = cluster;
      const user = str(k.flags, 'user');
      if (user !== undefined) ctx.user = user;
      save(k, file);
      k.out(`Context "${name}" ${created ? 'created' : 'modified'}.\n`);
      return 0;
    }
    case 'delete-context': {
      const name = args[0];
      if (!name) {
        k.err("error: Unexpected args: []\nSee 'kubectl config delete-context -h' for help and examples\n");
        return 1;
      }
      const file = files.find((f) => named(f.doc.contexts).some((c) => c.name === name));
      if (!file) {
        k.err(`error: cannot delete context ${name}, not in ${files[0]?.path ?? ''}\n`);
        return 1;
      }
      if (name === current) k.err('warning: this removed your active context, use "kubectl config use-context" to select a different one\n');
      file.doc.contexts = named(file.doc.contexts).filter((c) => c.name !== name);
      save(k, file);
      k.out(`deleted context ${name} from ${file.path}\n`);
      return 0;
    }
    default:
      k.err(`error: kubectl config ${sub} is not available in the lab yet\n`);
      return 1;
  }
}
