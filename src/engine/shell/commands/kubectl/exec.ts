/** `kubectl exec [-it] POD [-c CONTAINER] -- COMMAND [ARGS...]`: runs a command, or a shell, in a running container. */
import type { KubeObject } from '../../../api/meta';
import { isRecord, text } from '../../../api/meta';
import type { FlagSpec } from '../../../kubectl/flags';
import { bool, str } from '../../../kubectl/flags';
import { endAttachedProcess, execInContainer } from '../../container-shell';
import { requireConnection, statusLine, type KubectlContext } from './context';
import type { VerbResult } from './index';

export const EXEC_FLAGS: FlagSpec[] = [
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
];

function containerNames(pod: KubeObject): string[] {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  return (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord).map((c) => text(c.name));
}

/**
 * Runs COMMAND in the pod's container with the terminal attached (kubectl exec, and attach's shell
 * session). `reportExit`: kubectl exec turns a non-zero exit into an error that CheckErr prints as
 * `command terminated with exit code N`, with or without -i/-t (exec.go returns the stream's
 * CodeExitError either way). `attach`: COMMAND is the container's main process, which ends with it.
 */
export function execInPod(k: KubectlContext, pod: KubeObject, containerName: string, command: string[], interactive: boolean, options: { reportExit?: boolean; attach?: boolean; tty?: boolean } = {}): VerbResult {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const cluster = k.shell.machine.clusters.all().find((c) => c.server === conn.server);
  if (!cluster) return 1;
  const phase = isRecord(pod.status) ? text(pod.status.phase) : '';
  if (phase === 'Succeeded' || phase === 'Failed') {
    k.err(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  const statuses = isRecord(pod.status) && Array.isArray(pod.status.containerStatuses) ? pod.status.containerStatuses.filter(isRecord) : [];
  const running = statuses.some((s) => s.name === containerName && isRecord(s.state) && isRecord(s.state.running));
  if (!running) {
    k.err(`error: unable to upgrade connection: container not found ("${containerName}")\n`);
    return 1;
  }
  return {
    wait(finish) {
      const outcome = execInContainer(k.shell, cluster, pod, containerName, command, interactive, (code) => {
        if (options.attach) endAttachedProcess(cluster, pod, containerName, code);
        if (code !== 0 && options.reportExit !== false) k.err(`command terminated with exit code ${code}\n`);
        finish(code);
      }, options.tty ?? interactive);
      if (!outcome.ok) {
        k.err(outcome.message);
        finish(outcome.exitCode === 127 ? 1 : outcome.exitCode);
      }
      return () => undefined;
    },
  };
}

export function runExec(k: KubectlContext): VerbResult {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const [target] = k.flags.positional;
  const command = k.flags.rest ?? [];
  if (!target) {
    k.err('error: you must specify at least one command for the container\n');
    return 1;
  }
  if (command.length === 0) {
    k.err('error: you must specify at least one command for the container\n');
    return 1;
  }
  const name = target.replace(/^(pods?|po)\//, '');
  const got = conn.client.get({ group: '', version: 'v1', resource: 'pods', namespace: conn.namespace, name });
  if (!got.ok) {
    k.err(statusLine(got.status) + '\n');
    return 1;
  }
  const names = containerNames(got.value);
  const requested = str(k.flags, 'container');
  if (requested !== undefined && !names.includes(requested)) {
    // kube-apiserver's pods/exec refuses it (pod strategy's ExecLocation) before any upgrade.
    k.err(`Error from server (BadRequest): container ${requested} is not valid for pod ${name}\n`);
    return 1;
  }
  const container = requested ?? names[0] ?? '';
  if (requested === undefined && names.length > 1 && !bool(k.flags, 'quiet')) k.err(`Defaulted container "${container}" out of: ${names.join(', ')}\n`);
  return execInPod(k, got.value, container, command, bool(k.flags, 'stdin'), { tty: bool(k.flags, 'tty') });
}
