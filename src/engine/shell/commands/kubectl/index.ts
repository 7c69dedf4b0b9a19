/** `kubectl`: parses the verb and flags, then runs the verb's file. One file per verb in this folder. */
import type { Command } from '../../command';
import { FlagError, GLOBAL_FLAGS, parseFlags, type FlagSpec } from '../../../kubectl/flags';
import { makeKubectlContext, requireConnection, type KubectlContext } from './context';
import { GET_FLAGS, runGet } from './get';
import { APPLY_FLAGS, runApply } from './apply';
import { DELETE_FLAGS, runDelete } from './delete';
import { DESCRIBE_FLAGS, runDescribe } from './describe';
import { CREATE_DEPLOYMENT_FLAGS, LABEL_FLAGS, RUN_FLAGS, SCALE_FLAGS, runCreateResource, runLabel, runRun, runScale } from './imperative';
import { SERVER_VERSION } from '../../../apiserver/discovery';
import { unknownCommandMessage } from '../../../kubectl/suggest';

/** A verb finishes now (an exit code) or later (it calls `finish` once; the returned function cancels on Ctrl-C). */
export type VerbResult = number | { wait(finish: (exitCode: number) => void): () => void };

interface Verb {
  flags: FlagSpec[];
  run(k: KubectlContext): VerbResult;
}

const CLIENT_VERSION = { major: '1', minor: '34', gitVersion: 'v1.34.0', gitCommit: 'f28b4c9efbca5c5c0af716d9f2d5702667ee8a45', gitTreeState: 'clean', buildDate: '2025-08-27T10:15:54Z', goVersion: 'go1.24.6', compiler: 'gc', platform: 'linux/amd64' };

const VERBS: Record<string, Verb> = {
  get: { flags: GET_FLAGS, run: runGet },
  apply: { flags: APPLY_FLAGS, run: (k) => runApply(k, 'apply') },
  create: {
    flags: [...APPLY_FLAGS, ...CREATE_DEPLOYMENT_FLAGS.filter((f) => !APPLY_FLAGS.some((a) => a.name === f.name))],
    run: (k) => {
      const what = k.flags.positional[0];
      if (what === 'deployment' || what === 'deploy' || what === 'namespace' || what === 'ns') return runCreateResource(k, what);
      return runApply(k, 'create');
    },
  },
  run: { flags: RUN_FLAGS, run: runRun },
  scale: { flags: SCALE_FLAGS, run: runScale },
  label: { flags: LABEL_FLAGS, run: runLabel },
  delete: { flags: DELETE_FLAGS, run: runDelete },
  describe: { flags: DESCRIBE_FLAGS, run: runDescribe },
  version: {
    flags: [{ name: 'client', type: 'bool' }, { name: 'output', short: 'o', type: 'string' }],
    run(k) {
      k.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: v5.7.1\n`);
      if (k.flags.values.get('client') === true) return 0;
      const conn = requireConnection(k);
      if (!conn) return 1;
      k.out(`Server Version: ${SERVER_VERSION.gitVersion}\n`);
      return 0;
    },
  },
  'cluster-info': {
    flags: [],
    run(k) {
      const conn = requireConnection(k);
      if (!conn) return 1;
      k.out(`Kubernetes control plane is running at ${conn.server}\nCoreDNS is running at ${conn.server}/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`);
      return 0;
    },
  },
};

/** Every kubectl v1.34 subcommand, in cobra's order, for suggestions (not all are implemented yet). */
const KUBECTL_COMMANDS = ['annotate', 'api-resources', 'api-versions', 'apply', 'attach', 'auth', 'autoscale', 'certificate', 'cluster-info', 'completion', 'config', 'cordon', 'cp', 'create', 'debug', 'delete', 'describe', 'diff', 'drain', 'edit', 'events', 'exec', 'explain', 'expose', 'get', 'help', 'kustomize', 'label', 'logs', 'options', 'patch', 'plugin', 'port-forward', 'proxy', 'replace', 'rollout', 'run', 'scale', 'set', 'taint', 'top', 'uncordon', 'version', 'wait'];

export const kubectl: Command = (ctx) => {
  const [verb, ...rest] = ctx.args;
  if (verb === undefined) {
    ctx.stdout('kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\nBasic Commands:\n  create          Create a resource from a file or from stdin\n  get             Display one or many resources\n  delete          Delete resources by file names, stdin, resources and names, or by resources and label selector\n  apply           Apply a configuration to a resource by file name or stdin\n  describe        Show details of a specific resource or group of resources\n\nUsage:\n  kubectl [flags] [options]\n');
    ctx.done(0);
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
