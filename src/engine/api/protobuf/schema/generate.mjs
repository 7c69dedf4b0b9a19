#!/usr/bin/env node
/**
 * Regenerates the descriptor files beside this script from Kubernetes' published sources:
 *
 *   node generate.mjs <k8s.io/api git dir> <k8s.io/apimachinery git dir> [tag, default v0.34.5]
 *
 * (e.g. the bare mirrors of github.com/kubernetes/api and github.com/kubernetes/apimachinery).
 * Field numbers, proto types, repeated and map come from each package's generated.proto; JSON names,
 * omitempty/omitzero, inline and Go pointers from the struct tags in its types.go, joined on the
 * field number. Only messages reachable from ROOTS are written. It prints any field it could not
 * join, so a new Kubernetes version's additions show up instead of being skipped silently.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';

const [apiRepo, machineryRepo, tag = 'v0.34.5'] = process.argv.slice(2);
if (!apiRepo || !machineryRepo) {
  process.stderr.write('usage: node generate.mjs <k8s.io/api git dir> <k8s.io/apimachinery git dir> [tag]\n');
  process.exit(2);
}
const show = (repo, path) => execFileSync('git', ['--git-dir', repo, 'show', `${tag}:${path}`], { encoding: 'utf8', maxBuffer: 64 << 20 });

const API_GROUPS = ['core/v1', 'apps/v1', 'batch/v1', 'networking/v1', 'rbac/v1', 'scheduling/v1', 'policy/v1', 'autoscaling/v1', 'autoscaling/v2', 'authentication/v1', 'authorization/v1', 'certificates/v1'];
const PROTO_PACKAGES = {
  'k8s.io.apimachinery.pkg.apis.meta.v1': 'meta/v1',
  'k8s.io.apimachinery.pkg.api.resource': 'resource',
  'k8s.io.apimachinery.pkg.util.intstr': 'intstr',
  'k8s.io.apimachinery.pkg.runtime': 'runtime',
  'k8s.io.apimachinery.pkg.runtime.schema': 'schema',
  ...Object.fromEntries(API_GROUPS.map((g) => [`k8s.io.api.${g.replace('/', '.')}`, g])),
};
/** Messages with their own JSON form, decoded by decode.ts rather than field by field. */
const SPECIAL = {
  'meta/v1.Time': 'Time',
  'meta/v1.MicroTime': 'MicroTime',
  'meta/v1.Duration': 'Duration',
  'meta/v1.FieldsV1': 'FieldsV1',
  'resource.Quantity': 'Quantity',
  'intstr.IntOrString': 'IntOrString',
  'runtime.RawExtension': 'RawExtension',
};
const SCALARS = new Set(['string', 'bytes', 'bool', 'int32', 'int64', 'uint32', 'uint64', 'double', 'float', 'fixed32', 'fixed64']);
/** Keep in step with KINDS in ./index.ts. */
const ROOTS = [
  ...['Namespace', 'ConfigMap', 'Secret', 'Service', 'ServiceAccount', 'ResourceQuota', 'Pod', 'PersistentVolumeClaim', 'PersistentVolume', 'LimitRange', 'Endpoints', 'Binding', 'ReplicationController', 'PodTemplate', 'Node', 'Event'].map((k) => `core/v1.${k}`),
  ...['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet', 'ControllerRevision'].map((k) => `apps/v1.${k}`),
  'batch/v1.Job', 'batch/v1.CronJob', 'networking/v1.Ingress', 'networking/v1.IngressClass', 'networking/v1.NetworkPolicy',
  'rbac/v1.Role', 'rbac/v1.RoleBinding', 'rbac/v1.ClusterRole', 'rbac/v1.ClusterRoleBinding', 'scheduling/v1.PriorityClass',
  'policy/v1.PodDisruptionBudget', 'policy/v1.Eviction', 'autoscaling/v1.HorizontalPodAutoscaler', 'autoscaling/v1.Scale', 'autoscaling/v2.HorizontalPodAutoscaler',
  'authentication/v1.TokenRequest', 'authentication/v1.TokenReview', 'authentication/v1.SelfSubjectReview',
  'authorization/v1.SelfSubjectAccessReview', 'authorization/v1.SelfSubjectRulesReview', 'authorization/v1.SubjectAccessReview', 'authorization/v1.LocalSubjectAccessReview',
  'certificates/v1.CertificateSigningRequest', 'meta/v1.DeleteOptions', 'meta/v1.Status',
];

function resolve(type, pkg) {
  if (SCALARS.has(type)) return type;
  const t = type.replace(/^\./, '');
  const dot = t.lastIndexOf('.');
  const full = dot < 0 ? `${pkg}.${t}` : `${PROTO_PACKAGES[t.slice(0, dot)]}.${t.slice(dot + 1)}`;
  if (full.startsWith('undefined')) throw new Error(`unresolved proto type ${type}`);
  return SPECIAL[full] ?? full;
}

/** key -> [{ num, protoName, type, rep, map }] from one generated.proto. */
const messages = {};
function readProto(text) {
  const source = text.replace(/\/\/.*$/gm, '');
  const pkg = PROTO_PACKAGES[/package ([\w.]+);/.exec(source)[1]];
  for (const m of source.matchAll(/message (\w+) \{([^}]*)\}/g)) {
    messages[`${pkg}.${m[1]}`] = [...m[2].matchAll(/(optional|repeated|required)?\s*(map<\s*\w+\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*(\d+)\s*;/g)].map((f) => ({
      num: Number(f[5]),
      protoName: f[4],
      type: resolve(f[3] ?? f[2], pkg),
      rep: f[1] === 'repeated',
      map: f[3] !== undefined,
    }));
  }
}

/** key -> Map(field number -> Go facts) from one package's Go sources. */
const structs = {};
function readGo(text, pkg) {
  for (const m of text.matchAll(/^type (\w+) struct \{\n([\s\S]*?)^\}/gm)) {
    const fields = new Map();
    for (const line of m[2].split('\n')) {
      const tagged = /^([^/`][^`]*)`([^`]*protobuf:"[^`]*)`/.exec(line.trim());
      if (!tagged) continue;
      const decl = tagged[1].trim().split(/\s+/);
      const goType = decl.length === 1 ? decl[0] : decl[1];
      const number = /protobuf:"\w+,(\d+),/.exec(tagged[2]);
      if (!number) continue;
      const json = (/json:"([^"]*)"/.exec(tagged[2])?.[1] ?? '').split(',');
      fields.set(Number(number[1]), { json: json[0], inline: json.includes('inline'), omitempty: json.includes('omitempty'), omitzero: json.includes('omitzero'), pointer: goType.startsWith('*') });
    }
    structs[`${pkg}.${m[1]}`] = fields;
  }
}

for (const g of API_GROUPS) {
  readProto(show(apiRepo, `${g}/generated.proto`));
  readGo(show(apiRepo, `${g}/types.go`), g);
}
for (const p of ['pkg/apis/meta/v1', 'pkg/api/resource', 'pkg/util/intstr', 'pkg/runtime']) readProto(show(machineryRepo, `${p}/generated.proto`));
readGo(['types.go', 'group_version.go', 'watch.go'].map((f) => show(machineryRepo, `pkg/apis/meta/v1/${f}`)).join('\n'), 'meta/v1');

const reachable = new Set();
for (const todo = [...ROOTS]; todo.length; ) {
  const key = todo.pop();
  if (reachable.has(key)) continue;
  if (!messages[key]) throw new Error(`no message ${key}`);
  reachable.add(key);
  for (const f of messages[key]) if (!SCALARS.has(f.type) && !Object.values(SPECIAL).includes(f.type)) todo.push(f.type);
}

const problems = [];
const files = {};
for (const key of [...reachable].sort()) {
  const pkg = key.slice(0, key.indexOf('.'));
  const lines = (files[pkg] ??= []);
  const go = structs[key];
  const proto = messages[key];
  if (!go) {
    // A Go named slice (`type ExtraValue []string`) travels as a message of repeated items.
    if (proto.length === 1 && proto[0].protoName === 'items' && proto[0].rep) lines.push(`  '${key}': 'list:${proto[0].type}',`);
    else problems.push(`${key}: no Go struct`);
    continue;
  }
  const byNum = new Map(proto.map((f) => [f.num, f]));
  const out = [];
  for (const [num, g] of go) {
    const f = byNum.get(num);
    if (!f) {
      problems.push(`${key}: Go field ${num} has no proto field`);
      continue;
    }
    byNum.delete(num);
    const flags = [f.rep && 'r', f.map && 'm', g.pointer && 'p', g.omitempty && 'o', g.omitzero && 'z', g.inline && 'i'].filter(Boolean).join('');
    out.push(`[${num}, '${g.inline ? '' : g.json}', '${f.type}'${flags ? `, '${flags}'` : ''}]`);
  }
  for (const f of byNum.values()) problems.push(`${key}: proto field ${f.num} ${f.protoName} has no Go field`);
  lines.push(`  '${key}': [\n    ${out.join(',\n    ')},\n  ],`);
}

for (const [pkg, lines] of Object.entries(files)) {
  const source = pkg === 'meta/v1' ? 'k8s.io/apimachinery/pkg/apis/meta/v1' : `k8s.io/api/${pkg}`;
  const ident = pkg.replace(/\/(\w)/, (_, c) => c.toUpperCase());
  const header = `/** ${source} messages (${tag}), as field descriptors: see ./types.ts. Generated by ./generate.mjs. */\nimport type { Schema } from './types';\n\n`;
  writeFileSync(new URL(`./${pkg.replace('/', '-')}.ts`, import.meta.url), `${header}export const ${ident}: Schema = {\n${lines.join('\n')}\n};\n`);
}
process.stdout.write(`${reachable.size} messages${problems.length ? `; not joined:\n${problems.join('\n')}` : ''}\n`);
