/**
 * etcdctl v3 inside the etcd pod (`kubectl exec -n kube-system etcd-kind-control-plane -- etcdctl
 * ...`): it talks to etcd directly, beneath the API server, so it sees the `/registry/...` keys the
 * API server writes. kind's etcd only accepts clients with its certificates, so, as for real, the
 * command needs `--cacert`, `--cert` and `--key` (or fails after its 5 s dial timeout).
 * The real store holds protobuf; this one shows values as JSON and says so.
 */
import type { KubeObject } from '../../api/meta';
import { isRecord } from '../../api/meta';
import type { ClusterRuntime } from '../../cluster/runtime';
import type { Command } from '../command';

const DIAL_TIMEOUT_MS = 5_000;
/** etcd's member id in a fresh kind cluster. UNVERIFIED: derived from the peer URL and cluster name. */
const MEMBER_ID = '8e9e05c52164694d';
const ETCD_VERSION = '3.6.4';

interface Options {
  prefix: boolean;
  keysOnly: boolean;
  limit: number;
  tls: boolean;
  table: boolean;
  positional: string[];
}

function parse(args: readonly string[]): Options {
  const o: Options = { prefix: false, keysOnly: false, limit: 0, tls: false, table: false, positional: [] };
  const tlsFlags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = () => inline ?? args[++i] ?? '';
    if (flag === '--prefix') o.prefix = true;
    else if (flag === '--keys-only') o.keysOnly = true;
    else if (flag === '--limit') o.limit = Number(value());
    else if (flag === '--cacert' || flag === '--cert' || flag === '--key') {
      if (value().startsWith('/etc/kubernetes/pki/etcd/')) tlsFlags.add(flag);
    } else if (flag === '-w' || flag === '--write-out') o.table = value() === 'table';
    else if (flag === '--endpoints' || flag === '--dial-timeout' || flag === '--command-timeout') value();
    else if (!flag.startsWith('-')) o.positional.push(a);
  }
  o.tls = tlsFlags.size === 3;
  return o;
}

function table(rows: string[][]): string {
  const widths = (rows[0] ?? []).map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const rule = `+${widths.map((w) => '-'.repeat(w + 2)).join('+')}+\n`;
  const line = (r: string[]) => `|${r.map((cell, c) => ` ${cell.padStart(Math.floor(((widths[c] ?? 0) + cell.length) / 2)).padEnd(widths[c] ?? 0)} `).join('|')}|\n`;
  return rule + line(rows[0] ?? []) + rule + rows.slice(1).map(line).join('') + rule;
}

export function etcdctl(cluster: ClusterRuntime, controlPlaneIP: string): Command {
  return (ctx) => {
    const o = parse(ctx.args);
    const [sub, ...rest] = o.positional;
    if (sub === undefined || sub === 'help') {
      ctx.stdout('NAME:\n\tetcdctl - A simple command line client for etcd3.\n\nUSAGE:\n\tetcdctl [flags]\n\nCOMMANDS (some):\n\tget, put, del, member list, endpoint health, endpoint status, snapshot save, snapshot status, version\n');
      ctx.done(0);
      return;
    }
    if (sub === 'version') {
      ctx.stdout(`etcdctl version: ${ETCD_VERSION}\nAPI version: 3.6\n`);
      ctx.done(0);
      return;
    }
    if (!o.tls) {
      // Without etcd's client certificates the TLS handshake never completes: etcdctl gives up after its dial timeout.
      ctx.machine.loop.after(DIAL_TIMEOUT_MS, 'etcdctl dial', () => {
        ctx.stderr('{"level":"warn","msg":"retrying of unary invoker failed","target":"etcd-endpoints://0xc0001c2000/127.0.0.1:2379","attempt":0,"error":"rpc error: code = DeadlineExceeded desc = latest balancer error: last connection error: connection error: desc = \\"error reading server preface: EOF\\""}\nError: context deadline exceeded\n');
        ctx.done(1);
      });
      return;
    }
    const store = cluster.store;
    if (sub === 'get') {
      const key = rest[0] ?? '';
      const kvs = o.prefix ? store.range(key).kvs : [store.get(key)].filter((kv) => kv !== undefined);
      const shown = o.limit > 0 ? kvs.slice(0, o.limit) : kvs;
      let out = '';
      for (const kv of shown) out += o.keysOnly ? `${kv.key}\n\n` : `${kv.key}\n${JSON.stringify(kv.value)}\n`;
      if (!o.keysOnly && shown.length > 0) ctx.stderr('(kubelab: the real API server stores these values as protobuf; they are shown here as JSON)\n');
      ctx.stdout(out);
      ctx.done(0);
      return;
    }
    if (sub === 'put') {
      const [key = '', value = ''] = rest;
      let parsed: unknown;
      try {
        parsed = JSON.parse(value) as unknown;
      } catch {
        parsed = undefined;
      }
      if (!isRecord(parsed)) {
        ctx.stderr('kubelab: this etcd holds Kubernetes objects; put a JSON object as the value\n');
        ctx.done(1);
        return;
      }
      const existing = store.get(key);
      if (existing) store.update(key, parsed as KubeObject);
      else store.create(key, parsed as KubeObject);
      ctx.stderr('(kubelab: you wrote behind the API server: no validation, no defaulting, no admission; this is how clusters get broken)\n');
      ctx.stdout('OK\n');
      ctx.done(0);
      return;
    }
    if (sub === 'del') {
      const key = rest[0] ?? '';
      const keys = o.prefix ? store.range(key).kvs.map((kv) => kv.key) : store.get(key) ? [key] : [];
      for (const k of keys) store.delete(k);
      ctx.stdout(`${keys.length}\n`);
      ctx.done(0);
      return;
    }
    if (sub === 'member' && rest[0] === 'list') {
      const row = [MEMBER_ID, 'started', `${cluster.name}-control-plane`, `https://${controlPlaneIP}:2380`, `https://${controlPlaneIP}:2379`, 'false'];
      ctx.stdout(o.table ? table([['ID', 'STATUS', 'NAME', 'PEER ADDRS', 'CLIENT ADDRS', 'IS LEARNER'], row]) : `${row.join(', ')}\n`);
      ctx.done(0);
      return;
    }
    if (sub === 'endpoint' && rest[0] === 'health') {
      ctx.stdout('127.0.0.1:2379 is healthy: successfully committed proposal: took = 2.1ms\n');
      ctx.done(0);
      return;
    }
    if (sub === 'endpoint' && rest[0] === 'status') {
      const size = `${(1 + store.revision / 500).toFixed(1)} MB`;
      const row = ['127.0.0.1:2379', MEMBER_ID, ETCD_VERSION, size, 'true', 'false', '2', String(store.revision + 3), String(store.revision + 3), ''];
      ctx.stdout(o.table ? table([['ENDPOINT', 'ID', 'VERSION', 'DB SIZE', 'IS LEADER', 'IS LEARNER', 'RAFT TERM', 'RAFT INDEX', 'RAFT APPLIED INDEX', 'ERRORS'], row]) : `${row.join(', ')}\n`);
      ctx.done(0);
      return;
    }
    if (sub === 'snapshot' && rest[0] === 'save' && rest[1]) {
      const path = ctx.machine.fs.resolve(ctx.cwd, rest[1]);
      ctx.machine.fs.write(path, JSON.stringify({ revision: store.revision, keys: store.range('/').kvs.length }));
      ctx.stdout(`Snapshot saved at ${rest[1]}\n`);
      ctx.done(0);
      return;
    }
    ctx.stderr(`Error: unknown command "${[sub, ...rest].join(' ')}" for "etcdctl"\n`);
    ctx.done(1);
  };
}
