/**
 * `pods/exec` as a stream, for hosts that serve it to outside clients (kubelab serve's WebSocket):
 * the same exec the in-lab `kubectl exec` runs (execInContainer), with its output and exit code
 * handed to the host and typed input fed to the program. Checks the pod as kube-apiserver and the
 * kubelet do before the stream opens.
 */
import type { StatusObject } from '../../api/meta';
import { isRecord, text } from '../../api/meta';
import type { ClusterRuntime } from '../../cluster/runtime';
import type { CommandContext, InteractiveProgram, Machine } from '../command';
import { endAttachedProcess, execInContainer } from './index';

export interface ExecStreamRequest {
  namespace: string;
  pod: string;
  /** The container; the pod's first when empty. */
  container?: string;
  command: string[];
  stdin: boolean;
  tty: boolean;
  /** pods/attach: the command is the container's main process, which ends when it exits. */
  attach?: boolean;
  /** Only check that the exec could start (a host refusing a protocol answers with the same errors). */
  validateOnly?: boolean;
}

export interface ExecStreamIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Called once, when the command (or the interactive program) exits; `failure` is the runtime's
   * message when the command could not start at all.
   */
  exit(code: number, failure?: string): void;
}

export type ExecStream = { ok: true; input(line: string): void; interrupt(): void } | { ok: false; status: StatusObject };

function failure(code: number, reason: string, message: string): ExecStream {
  return { ok: false, status: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code } };
}

export function openExecStream(machine: Machine, cluster: ClusterRuntime, req: ExecStreamRequest, io: ExecStreamIO): ExecStream {
  const got = cluster.client('kube-apiserver').get({ group: '', version: 'v1', resource: 'pods', namespace: req.namespace, name: req.pod });
  if (!got.ok) return { ok: false, status: got.status };
  const pod = got.value;
  const containers = (isRecord(pod.spec) && Array.isArray(pod.spec.containers) ? pod.spec.containers : []).filter(isRecord);
  const container = req.container || text(containers[0]?.name);
  if (!containers.some((c) => c.name === container)) return failure(400, 'BadRequest', `container ${container} is not valid for pod ${req.pod}`);
  const phase = isRecord(pod.status) ? text(pod.status.phase) : '';
  if (phase === 'Succeeded' || phase === 'Failed') return failure(400, 'BadRequest', `cannot exec into a container in a completed pod; current phase is ${phase}`);
  const statuses = isRecord(pod.status) && Array.isArray(pod.status.containerStatuses) ? pod.status.containerStatuses.filter(isRecord) : [];
  if (!statuses.some((s) => s.name === container && isRecord(s.state) && isRecord(s.state.running))) return failure(400, 'BadRequest', `container not found ("${container}")`);

  if (req.validateOnly) return { ok: true, input: () => undefined, interrupt: () => undefined };
  let program: InteractiveProgram | undefined;
  let exited = false;
  const exit = (code: number, failure?: string) => {
    if (exited) return;
    exited = true;
    if (req.attach && failure === undefined) endAttachedProcess(cluster, pod, container, code);
    io.exit(code, failure);
  };
  const showPrompt = () => {
    if (exited || !program) return;
    if (program.busy()) machine.loop.after(100, 'exec prompt', showPrompt);
    else io.stdout(program.prompt());
  };
  const ctx: CommandContext = {
    args: [],
    stdin: '',
    // Input arrives later, over the stream: the program is attached, not fed a pipe.
    stdinRedirected: false,
    stdout: (t) => io.stdout(t),
    stderr: (t) => (req.tty ? io.stdout(t) : io.stderr(t)),
    env: new Map(),
    cwd: '/',
    setCwd: () => undefined,
    machine,
    done: () => undefined,
    onInterrupt: () => undefined,
    attach: (p) => {
      program = p;
      p.onExit(() => undefined);
      if (req.tty) showPrompt();
    },
  };
  const outcome = execInContainer(ctx, cluster, pod, container, req.command, req.stdin, exit, req.tty);
  // The runtime's refusal reaches the client as the exec's error, as the kubelet sends it.
  if (!outcome.ok) exit(outcome.exitCode, outcome.message.replace(/^error: /, '').trimEnd());
  return {
    ok: true,
    input: (line) => {
      if (!program || exited) return;
      program.input(line);
      if (req.tty) showPrompt();
    },
    interrupt: () => program?.interrupt(),
  };
}
