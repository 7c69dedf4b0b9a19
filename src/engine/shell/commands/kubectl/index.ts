/** `kubectl`: parses the verb and flags, then runs the verb's file. One file per verb in this folder. */
import type { Command } from '../../command';
import { FlagError, GLOBAL_FLAGS, parseFlags, type FlagSpec } from '../../../kubectl/flags';
import { makeKubectlContext, type KubectlContext } from './context';
import { rootHelp, verbHelp } from './help';
import { GET_FLAGS, runGet } from './get';
import { APPLY_FLAGS, runApply } from './apply';
import { DELETE_FLAGS, runDelete } from './delete';
import { DESCRIBE_FLAGS, runDescribe } from './describe';
import { ATTACH_FLAGS, runAttach } from './attach';
import { EXEC_FLAGS, runExec } from './exec';
import { LOGS_FLAGS, runLogs } from './logs';
import { LABEL_FLAGS, RUN_FLAGS, SCALE_FLAGS, runLabel, runRun, runScale } from './imperative';
import { CREATE_FLAGS, runCreate } from './create';
import { ROLLOUT_FLAGS, runRollout } from './rollout';
import { WAIT_FLAGS, runWait } from './wait';
import { SET_FLAGS, runSet } from './set';
import { PATCH_FLAGS, runPatch } from './patch';
import { REPLACE_FLAGS, runReplace } from './replace';
import { EDIT_FLAGS, runEdit } from './edit';
import { EXPOSE_FLAGS, runExpose } from './expose';
import { AUTOSCALE_FLAGS, runAutoscale } from './autoscale';
import { ANNOTATE_FLAGS, runAnnotate } from './annotate';
import { TAINT_FLAGS, runTaint } from './taint';
import { CORDON_FLAGS, runCordon } from './cordon';
import { DRAIN_FLAGS, runDrain } from './drain';
import { API_RESOURCES_FLAGS, runApiResources, runApiVersions } from './api-resources';
import { CONFIG_FLAGS, runConfig } from './config';
import { AUTH_FLAGS, runAuth } from './auth';
import { TOP_FLAGS, runTop } from './top';
import { VERSION_FLAGS, runVersion } from './version';
import { CLUSTER_INFO_FLAGS, runClusterInfo } from './cluster-info';
import { EXPLAIN_FLAGS, runExplain } from './explain';
import { PORT_FORWARD_FLAGS, runPortForward } from './port-forward';
import { unknownCommandMessage } from '../../../kubectl/suggest';

/** A verb finishes now (an exit code) or later (it calls `finish` once; the returned function cancels on Ctrl-C). */
export type VerbResult = number | { wait(finish: (exitCode: number) => void): () => void };

interface Verb {
  flags: FlagSpec[];
  run(k: KubectlContext): VerbResult;
}


const VERBS: Record<string, Verb> = {
  get: { flags: GET_FLAGS, run: runGet },
  apply: { flags: APPLY_FLAGS, run: (k) => runApply(k, 'apply') },
  create: { flags: CREATE_FLAGS, run: runCreate },
  run: { flags: RUN_FLAGS, run: runRun },
  scale: { flags: SCALE_FLAGS, run: runScale },
  label: { flags: LABEL_FLAGS, run: runLabel },
  delete: { flags: DELETE_FLAGS, run: runDelete },
  describe: { flags: DESCRIBE_FLAGS, run: runDescribe },
  exec: { flags: EXEC_FLAGS, run: runExec },
  attach: { flags: ATTACH_FLAGS, run: runAttach },
  logs: { flags: LOGS_FLAGS, run: runLogs },
  version: { flags: VERSION_FLAGS, run: runVersion },
  'cluster-info': { flags: CLUSTER_INFO_FLAGS, run: runClusterInfo },
  rollout: { flags: ROLLOUT_FLAGS, run: runRollout },
  wait: { flags: WAIT_FLAGS, run: runWait },
  set: { flags: SET_FLAGS, run: runSet },
  patch: { flags: PATCH_FLAGS, run: runPatch },
  replace: { flags: REPLACE_FLAGS, run: runReplace },
  edit: { flags: EDIT_FLAGS, run: runEdit },
  expose: { flags: EXPOSE_FLAGS, run: runExpose },
  autoscale: { flags: AUTOSCALE_FLAGS, run: runAutoscale },
  annotate: { flags: ANNOTATE_FLAGS, run: runAnnotate },
  taint: { flags: TAINT_FLAGS, run: runTaint },
  cordon: { flags: CORDON_FLAGS, run: (k) => runCordon(k, true) },
  uncordon: { flags: CORDON_FLAGS, run: (k) => runCordon(k, false) },
  drain: { flags: DRAIN_FLAGS, run: runDrain },
  'api-resources': { flags: API_RESOURCES_FLAGS, run: runApiResources },
  'api-versions': { flags: [], run: runApiVersions },
  config: { flags: CONFIG_FLAGS, run: runConfig },
  auth: { flags: AUTH_FLAGS, run: runAuth },
  top: { flags: TOP_FLAGS, run: runTop },
  explain: { flags: EXPLAIN_FLAGS, run: runExplain },
  'port-forward': { flags: PORT_FORWARD_FLAGS, run: runPortForward },
};

/** Every kubectl v1.34 subcommand, in cobra's order, for suggestions (not all are implemented yet). */
const KUBECTL_COMMANDS = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait'];

/** Global flags may come before the verb (`kubectl -n kube-system get pods`): move them after it. */
function splitVerb(args: readonly string[]): { verb: string | undefined; rest: string[] } {
  const leading: string[] = [];
  let i = 0;
  while (i < args.length && (args[i] as string).startsWith('-') && args[i] !== '--help' && args[i] !== '-h') {
    const a = args[i] as string;
    const name = a.startsWith('--') ? a.slice(2).split('=')[0] : a.slice(1, 2);
    const spec = GLOBAL_FLAGS.find((f) => f.name === name || f.short === name);
    leading.push(a);
    i++;
    const inline = a.includes('=') || (!a.startsWith('--') && a.length > 2);
    if (spec && spec.type !== 'bool' && !inline && i < args.length) leading.push(args[i++] as string);
  }
  const rest = args.slice(i + 1);
  // They must stay in front of a `--`, after which everything belongs to the container command.
  const dashes = rest.indexOf('--');
  if (dashes >= 0) rest.splice(dashes, 0, ...leading);
  else rest.push(...leading);
  return { verb: args[i], rest };
}

export const kubectl: Command = (ctx) => {
  const { verb, rest } = splitVerb(ctx.args);
  if (verb === undefined || verb === '--help' || verb === '-h' || (verb === 'help' && rest.length === 0)) {
    ctx.stdout(rootHelp());
    ctx.done(0);
    return;
  }
  if (verb === 'help') {
    const target = rest[0] as string;
    const known = VERBS[target];
    if (known) ctx.stdout(verbHelp(target, known.flags));
    else ctx.stderr(unknownCommandMessage(target, 'kubectl', KUBECTL_COMMANDS));
    ctx.done(known ? 0 : 1);
    return;
  }
  const spec = VERBS[verb];
  if (!spec) {
    ctx.stderr(unknownCommandMessage(verb, 'kubectl', KUBECTL_COMMANDS));
    ctx.done(1);
    return;
  }
  let flags;
  try {
    flags = parseFlags(rest, [...GLOBAL_FLAGS, ...spec.flags]);
  } catch (e) {
    if (e instanceof FlagError) {
      ctx.stderr(`error: ${e.message}\nSee 'kubectl ${verb} --help' for usage.\n`);
      ctx.done(1);
      return;
    }
    throw e;
  }
  if (flags.values.get('help') === true) {
    ctx.stdout(verbHelp(verb, spec.flags));
    ctx.done(0);
    return;
  }
  const result = spec.run(makeKubectlContext(ctx, flags));
  if (typeof result === 'number') {
    ctx.done(result);
    return;
  }
  const cancel = result.wait((code) => ctx.done(code));
  ctx.onInterrupt(() => {
    cancel();
    ctx.done(130);
  });
};
