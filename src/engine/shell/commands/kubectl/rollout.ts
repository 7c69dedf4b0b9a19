/**
 * `kubectl rollout status|history|undo|restart|pause|resume` for Deployments (status, history,
 * undo and restart for StatefulSets and DaemonSets). `status` watches the
 * object and prints kubectl's status line on every change until the rollout is complete, in
 * virtual time.
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord } from '../../../api/meta';
import { formatRfc3339 } from '../../../api/time';
import { goJson, revisionData, revisionTemplate } from '../../../api/controller-revision';
import { kindPrefix, groupResource, type ApiResource } from '../../../client/discovery';
import { int, str, type FlagSpec } from '../../../kubectl/flags';
import { PrefixWriter } from '../../../kubectl/printers/tabwriter';
import { unknownCommandMessage } from '../../../kubectl/suggest';
import { writePodTemplate } from '../../../kubectl/describe/workloads';
import { parseDuration } from './wait';
import { parseTargets } from './get';
import { DRY_RUN_FLAG, type DryRun, dryRunOf, dryRunQuery, dryRunSuffix, OUTPUT_FLAG, refOf } from './common';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';

export const ROLLOUT_FLAGS: FlagSpec[] = [
  { name: 'watch', short: 'w', type: 'bool', default: true },
  { name: 'revision', type: 'int' },
  { name: 'timeout', type: 'string' },
  { name: 'to-revision', type: 'int' },
  { name: 'filename', short: 'f', type: 'stringArray' },
  { name: 'selector', short: 'l', type: 'string' },
  { name: 'recursive', short: 'R', type: 'bool' },
  OUTPUT_FLAG,
  DRY_RUN_FLAG,
];

const SUBCOMMANDS = ['history', 'pause', 'restart', 'resume', 'status', 'undo'];
const REVISION = 'deployment.kubernetes.io/revision';
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

type Obj = Record<string, unknown>;
const rec = (v: unknown): Obj => (isRecord(v) ? v : {});
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

interface Target {
  resource: ApiResource;
  name: string;
}

function targets(k: KubectlContext, sub: string, args: string[]): Target[] | number {
  if (args.length === 0) {
    k.err(`error: required resource not specified\n`);
    return 1;
  }
  const parsed = parseTargets(k, args);
  if ('error' in parsed) {
    k.err(parsed.error + '\n');
    return 1;
  }
  const out: Target[] = [];
  for (const p of parsed) {
    if (p.names.length === 0) {
      k.err(`error: resource(s) were provided, but no name was specified\n`);
      return 1;
    }
    for (const name of p.names) out.push({ resource: p.resource, name });
  }
  void sub;
  return out;
}

/** The status line kubectl's status viewers print for an object, and whether the rollout is done. */
export function rolloutStatus(object: KubeObject): { text: string; done: boolean } | { error: string } {
  const spec = rec(object.spec);
  const status = rec(object.status);
  const name = String(object.metadata.name);
  const generation = num(object.metadata.generation);
  const observed = num(status.observedGeneration);
  if (object.kind === 'Deployment') {
    if (generation <= observed) {
      const progressing = (Array.isArray(status.conditions) ? status.conditions : []).map(rec).find((c) => c.type === 'Progressing');
      if (progressing?.reason === 'ProgressDeadlineExceeded') return { error: `deployment "${name}" exceeded its progress deadline` };
      const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
      const updated = num(status.updatedReplicas);
      if (replicas !== undefined && updated < replicas) return { text: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...\n`, done: false };
      if (num(status.replicas) > updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${num(status.replicas) - updated} old replicas are pending termination...\n`, done: false };
      if (num(status.availableReplicas) < updated) return { text: `Waiting for deployment "${name}" rollout to finish: ${num(status.availableReplicas)} of ${updated} updated replicas are available...\n`, done: false };
      return { text: `deployment "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  if (object.kind === 'DaemonSet') {
    if (rec(spec.updateStrategy).type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
    if (generation <= observed) {
      const desired = num(status.desiredNumberScheduled);
      if (num(status.updatedNumberScheduled) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${num(status.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`, done: false };
      if (num(status.numberAvailable) < desired) return { text: `Waiting for daemon set "${name}" rollout to finish: ${num(status.numberAvailable)} of ${desired} updated pods are available...\n`, done: false };
      return { text: `daemon set "${name}" successfully rolled out\n`, done: true };
    }
    return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  if (object.kind === 'StatefulSet') {
    const strategy = rec(spec.updateStrategy);
    if (strategy.type !== 'RollingUpdate') return { error: 'rollout status is only available for RollingUpdate strategy type' };
    if (observed === 0 || generation > observed) return { text: 'Waiting for statefulset spec update to be observed...\n', done: false };
    const replicas = typeof spec.replicas === 'number' ? spec.replicas : undefined;
    if (replicas !== undefined && num(status.readyReplicas) < replicas) return { text: `Waiting for ${replicas - num(status.readyReplicas)} pods to be ready...\n`, done: false };
    const rolling = rec(strategy.rollingUpdate);
    if (isRecord(strategy.rollingUpdate)) {
      if (replicas !== undefined && typeof rolling.partition === 'number' && num(status.updatedReplicas) < replicas - rolling.partition) {
        return { text: `Waiting for partitioned roll out to finish: ${num(status.updatedReplicas)} out of ${replicas - rolling.partition} new pods have been updated...\n`, done: false };
      }
      return { text: `partitioned roll out complete: ${num(status.updatedReplicas)} new pods have been updated...\n`, done: true };
    }
    if (status.updateRevision !== status.currentRevision) return { text: `waiting for statefulset rolling update to complete ${num(status.updatedReplicas)} pods at revision ${String(status.updateRevision)}...\n`, done: false };
    return { text: `statefulset rolling update complete ${num(status.currentReplicas)} pods at revision ${String(status.currentRevision)}...\n`, done: true };
  }
  return { error: `no status viewer has been implemented for ${object.kind}` };
}

function status(k: KubectlContext, list: Target[]): VerbResult {
  const conn = requireConnection(k);
  if (!conn) return 1;
  if (list.length !== 1) {
    k.err('error: rollout status is only supported on individual resources and resource collections - 2 resources were found\n');
    return 1;
  }
  const t = list[0] as Target;
  const ref = refOf(t.resource, conn.namespace);
  const current = conn.client.get({ ...ref, name: t.name });
  if (!current.ok) {
    k.err(statusLine(current.status) + '\n');
    return 1;
  }
  const timeoutText = str(k.flags, 'timeout');
  const timeoutMs = timeoutText ? parseDuration(timeoutText) : 0;
  if (timeoutMs === undefined) {
    k.err(`error: invalid argument "${timeoutText ?? ''}" for "--timeout" flag: time: invalid duration "${timeoutText ?? ''}"\n`);
    return 1;
  }
  const first = rolloutStatus(current.value);
  if ('error' in first) {
    k.err(`error: ${first.error}\n`);
    return 1;
  }
  k.out(first.text);
  if (first.done) return 0;
  if (k.flags.values.get('watch') === false) return 0;
  return {
    wait(finish) {
      const loop = k.shell.machine.loop;
      let timer: ReturnType<typeof loop.after> | undefined;
      const stop = conn.client.watch(ref, { fieldSelector: `metadata.name=${t.name}`, resourceVersion: String(current.value.metadata.resourceVersion) }, (event) => {
        if (event.type === 'DELETED') {
          cleanup();
          k.err('error: object has been deleted\n');
          finish(1);
          return;
        }
        if (event.type !== 'ADDED' && event.type !== 'MODIFIED') return;
        const s = rolloutStatus(event.object);
        if ('error' in s) {
          cleanup();
          k.err(`error: ${s.error}\n`);
          finish(1);
          return;
        }
        k.out(s.text);
        if (s.done) {
          cleanup();
          finish(0);
        }
      });
      const cleanup = () => {
        stop();
        if (timer !== undefined) loop.cancel(timer);
      };
      if (timeoutMs > 0) {
        timer = loop.after(timeoutMs, 'kubectl rollout status timeout', () => {
          stop();
          k.err('error: timed out waiting for the condition\n');
          finish(1);
        });
      }
      return cleanup;
    },
  };
}

interface Revision {
  revision: number;
  /** The revision's pod template without the pod-template-hash label (what undo writes back). */
  template: Obj;
  /** The template `rollout history --revision` prints: a ReplicaSet's keeps its pod-template-hash label. */
  shown: Obj;
  changeCause: string | undefined;
  /** A StatefulSet's or DaemonSet's ControllerRevision (its data is the patch undo applies). */
  controllerRevision?: KubeObject;
}

function withoutHashLabel(template: unknown): Obj {
  const t = JSON.parse(JSON.stringify(rec(template))) as Obj;
  const meta = rec(t.metadata);
  const labels = { ...rec(meta.labels) };
  delete labels['pod-template-hash'];
  t.metadata = { ...meta, labels };
  return t;
}

/** `k=v,...` from a selector's matchLabels (what kubectl lists a workload's history with). */
function matchLabelsSelector(object: KubeObject): Record<string, string> {
  const labels = rec(rec(rec(object.spec).selector).matchLabels);
  const labelSelector = Object.entries(labels)
    .map(([key, v]) => `${key}=${String(v)}`)
    .join(',');
  return labelSelector ? { labelSelector } : {};
}

/** A Deployment's revisions are its ReplicaSets; a StatefulSet's or DaemonSet's its ControllerRevisions. By revision. */
function revisions(k: KubectlContext, object: KubeObject): Revision[] {
  const conn = requireConnection(k);
  if (!conn) return [];
  const statefulSet = object.kind === 'StatefulSet' || object.kind === 'DaemonSet';
  const resource = statefulSet ? 'controllerrevisions' : 'replicasets';
  const list = conn.client.list({ group: 'apps', version: 'v1', resource, namespace: String(object.metadata.namespace) }, matchLabelsSelector(object));
  if (!list.ok) return [];
  return list.value.items
    .filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.uid === object.metadata.uid && r.controller === true))
    .map((o): Revision =>
      statefulSet
        ? { revision: typeof o.revision === 'number' ? o.revision : 0, template: revisionTemplate(o), shown: revisionTemplate(o), changeCause: o.metadata.annotations?.[CHANGE_CAUSE], controllerRevision: o }
        : { revision: Number(o.metadata.annotations?.[REVISION] ?? '0'), template: withoutHashLabel(rec(o.spec).template), shown: rec(rec(o.spec).template), changeCause: o.metadata.annotations?.[CHANGE_CAUSE] },
    )
    .filter((r) => Number.isFinite(r.revision) && r.revision > 0)
    .sort((a, b) => a.revision - b.revision);
}

function getDeployment(k: KubectlContext, t: Target): KubeObject | undefined {
  const conn = requireConnection(k);
  if (!conn) return undefined;
  const r = conn.client.get({ ...refOf(t.resource, conn.namespace), name: t.name });
  if (!r.ok) {
    k.err(statusLine(r.status) + '\n');
    return undefined;
  }
  return r.value;
}

/** The kinds kubectl has a history viewer and rollbacker for. */
function requireDeployment(k: KubectlContext, t: Target, action: string): boolean {
  if (t.resource.kind === 'Deployment' || t.resource.kind === 'StatefulSet' || t.resource.kind === 'DaemonSet') return true;
  k.err(`error: no ${action} has been implemented for "${t.resource.kind}${t.resource.group ? '.' + t.resource.group : ''}"\n`);
  return false;
}

function history(k: KubectlContext, list: Target[]): number {
  let code = 0;
  for (const t of list) {
    if (!requireDeployment(k, t, 'history viewer')) return 1;
    const d = getDeployment(k, t);
    if (!d) return 1;
    const revs = revisions(k, d);
    const wanted = int(k.flags, 'revision') ?? 0;
    if (wanted > 0) {
      const found = revs.find((r) => r.revision === wanted);
      if (!found) {
        k.err(`error: unable to find the specified revision\n`);
        code = 1;
        continue;
      }
      const w = new PrefixWriter();
      writePodTemplate(w, found.shown);
      k.out(`${kindPrefix(t.resource)}/${t.name} with revision #${wanted}\n${w.toRawString()}\n`);
      continue;
    }
    if (revs.length === 0) {
      k.out(`${kindPrefix(t.resource)}/${t.name} \nNo rollout history found.\n`);
      continue;
    }
    const rows = revs.map((r) => `${r.revision}\t${r.changeCause || '<none>'}\n`).join('');
    const w = new PrefixWriter();
    w.write(0, `REVISION\tCHANGE-CAUSE\n${rows}`);
    k.out(`${kindPrefix(t.resource)}/${t.name} \n${w.toString()}\n`);
  }
  return code;
}

function undo(k: KubectlContext, list: Target[]): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const dryRun = dryRunOf(k);
  if (dryRun === undefined) return 1;
  for (const t of list) {
    if (!requireDeployment(k, t, 'rollbacker')) return 1;
    const d = getDeployment(k, t);
    if (!d) return 1;
    if (d.kind === 'StatefulSet' || d.kind === 'DaemonSet') {
      const code = undoFromControllerRevision(k, t, d, dryRun);
      if (code !== 0) return code;
      continue;
    }
    if (rec(d.spec).paused === true) {
      k.err(`error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${t.name}' and try again\n`);
      return 1;
    }
    const revs = revisions(k, d);
    const toRevision = int(k.flags, 'to-revision') ?? 0;
    let target: Revision | undefined;
    if (toRevision > 0) {
      target = revs.find((r) => r.revision === toRevision);
      if (!target) {
        k.err(`error: unable to find specified revision ${toRevision} in history\n`);
        return 1;
      }
    } else {
      // The previous revision: the highest one below the current (highest) revision.
      if (revs.length < 2) {
        k.err(`error: no rollout history found for deployment "${t.name}"\n`);
        return 1;
      }
      target = revs[revs.length - 2];
    }
    if (!target) return 1;
    const template = target.template;
    if (JSON.stringify(sortDeep(template)) === JSON.stringify(sortDeep(rec(d.spec).template))) {
      k.out(`${kindPrefix(t.resource)}/${t.name} skipped rollback (current template already matches revision ${target.revision})\n`);
      continue;
    }
    const annotations = { ...(d.metadata.annotations ?? {}) } as Record<string, string>;
    const cause = target.changeCause;
    if (cause) annotations[CHANGE_CAUSE] = cause;
    else delete annotations[CHANGE_CAUSE];
    const patch = [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ];
    if (dryRun !== 'client') {
      const r = conn.client.patch({ ...refOf(t.resource, conn.namespace), name: t.name }, 'json', patch, dryRunQuery(dryRun));
      if (!r.ok) {
        k.err(statusLine(r.status) + '\n');
        return 1;
      }
    }
    k.out(`${kindPrefix(t.resource)}/${t.name} rolled back${dryRunSuffix(dryRun)}\n`);
  }
  return 0;
}

/**
 * StatefulSetRollbacker and DaemonSetRollbacker: the revision's own patch, applied as a strategic
 * merge patch; the previous revision is the second highest; skipped when the template already matches it.
 */
function undoFromControllerRevision(k: KubectlContext, t: Target, sts: KubeObject, dryRun: DryRun): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const toRevision = int(k.flags, 'to-revision') ?? 0;
  if (toRevision < 0) {
    k.err(`error: unable to find specified revision ${toRevision} in history\n`);
    return 1;
  }
  const revs = revisions(k, sts);
  if (toRevision === 0 && revs.length <= 1) {
    k.err('error: no last revision to roll back to\n');
    return 1;
  }
  const target = toRevision === 0 ? revs[revs.length - 2] : revs.find((r) => r.revision === toRevision);
  if (!target?.controllerRevision) {
    k.err(`error: unable to find specified revision ${toRevision} in history\n`);
    return 1;
  }
  if (goJson(revisionData(sts)) === goJson(target.controllerRevision.data)) {
    k.out(`${kindPrefix(t.resource)}/${t.name} skipped rollback (current template already matches revision ${toRevision})\n`);
    return 0;
  }
  if (dryRun === 'client') {
    const w = new PrefixWriter();
    writePodTemplate(w, target.template);
    k.out(`${kindPrefix(t.resource)}/${t.name} will roll back to ${w.toRawString()}\n`);
    return 0;
  }
  {
    const r = conn.client.patch({ ...refOf(t.resource, conn.namespace), name: t.name }, 'strategic', target.controllerRevision.data, dryRunQuery(dryRun));
    if (!r.ok) {
      k.err(`error: failed restoring revision ${target.revision}: ${r.status.message ?? ''}\n`);
      return 1;
    }
  }
  k.out(`${kindPrefix(t.resource)}/${t.name} rolled back${dryRunSuffix(dryRun)}\n`);
  return 0;
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isRecord(v)) return Object.fromEntries(Object.keys(v).sort().map((key) => [key, sortDeep(v[key])]));
  return v;
}

function pauseOrResume(k: KubectlContext, list: Target[], pause: boolean): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  let code = 0;
  for (const t of list) {
    if (t.resource.kind !== 'Deployment') {
      k.err(`error: ${groupResource(t.resource)} "${t.name}" ${pause ? 'pausing' : 'resuming'} is not supported\n`);
      return 1;
    }
    const d = getDeployment(k, t);
    if (!d) return 1;
    const paused = rec(d.spec).paused === true;
    if (paused === pause) {
      k.err(`error: ${groupResource(t.resource)} "${t.name}" is ${pause ? 'already' : 'not'} paused\n`);
      code = 1;
      continue;
    }
    const r = conn.client.patch({ ...refOf(t.resource, conn.namespace), name: t.name }, 'strategic', { spec: { paused: pause ? true : null } }, { fieldManager: 'kubectl-rollout' });
    if (!r.ok) {
      k.err(statusLine(r.status) + '\n');
      return 1;
    }
    k.out(`${kindPrefix(t.resource)}/${t.name} ${pause ? 'paused' : 'resumed'}\n`);
  }
  return code;
}

function restart(k: KubectlContext, list: Target[]): number {
  const conn = requireConnection(k);
  if (!conn) return 1;
  for (const t of list) {
    if (!['Deployment', 'DaemonSet', 'StatefulSet'].includes(t.resource.kind)) {
      k.err(`error: ${groupResource(t.resource)} "${t.name}" restarting is not supported\n`);
      return 1;
    }
    const d = getDeployment(k, t);
    if (!d) return 1;
    if (rec(d.spec).paused === true) {
      k.err(`error: ${groupResource(t.resource)} "${t.name}" can't restart paused deployment (run rollout resume first)\n`);
      return 1;
    }
    const at = formatRfc3339(k.shell.machine.loop.nowMs());
    const r = conn.client.patch({ ...refOf(t.resource, conn.namespace), name: t.name }, 'strategic', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': at } } } } }, { fieldManager: 'kubectl-rollout' });
    if (!r.ok) {
      k.err(statusLine(r.status) + '\n');
      return 1;
    }
    k.out(`${kindPrefix(t.resource)}/${t.name} restarted\n`);
  }
  return 0;
}

export function runRollout(k: KubectlContext): VerbResult {
  const [sub, ...args] = k.flags.positional;
  if (sub === undefined) {
    k.out('Follow and steer the rollout of a Deployment, DaemonSet or StatefulSet.\n\nAvailable Commands:\n  history       List the revisions a workload has been through\n  pause         Hold the rollout of a deployment where it is\n  restart       Replace every pod of a workload with a fresh one\n  resume        Let a paused deployment roll out again\n  status        Wait for a rollout to finish, printing its progress\n  undo          Go back to an earlier revision\n\nUsage:\n  kubectl rollout SUBCOMMAND [options]\n\nUse "kubectl rollout <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n');
    return 0;
  }
  if (!SUBCOMMANDS.includes(sub)) {
    k.err(unknownCommandMessage(sub, 'kubectl rollout', SUBCOMMANDS));
    return 1;
  }
  const list = targets(k, sub, args);
  if (typeof list === 'number') return list;
  switch (sub) {
    case 'status':
      return status(k, list);
    case 'history':
      return history(k, list);
    case 'undo':
      return undo(k, list);
    case 'pause':
      return pauseOrResume(k, list, true);
    case 'resume':
      return pauseOrResume(k, list, false);
    default:
      return restart(k, list);
  }
}

