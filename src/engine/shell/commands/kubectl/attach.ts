/**
 * `kubectl attach POD [-c CONTAINER] [-i] [-t] [-q]`, and the attach `kubectl run -i/-t` makes to
 * the pod it created. An attach joins the container's main process, where exec starts a new one:
 * a shell reading its stdin (`kubectl run -it --image=busybox -- sh`) gives that shell's session,
 * and when the shell exits the main process has ended, so the container stops (the pod completes,
 * or restarts under restartPolicy Always). Any other main process reads no input: the session
 * shows nothing new until Ctrl-C (its earlier output is in `kubectl logs`).
 */
import type { KubeObject } from '../../../api/meta';
import { isRecord, text } from '../../../api/meta';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { processSpecOf, stdinShell } from '../../../kubelet/runtime/processes';
import { getNamedObject, requireConnection, type KubectlContext } from './context';
import { execInPod } from './exec';
import type { VerbResult } from './index';

export const ATTACH_FLAGS: FlagSpec[] = [
  { name: 'stdin', short: 'i', type: 'bool' },
  { name: 'tty', short: 't', type: 'bool' },
  { name: 'container', short: 'c', type: 'string' },
  { name: 'quiet', short: 'q', type: 'bool' },
  { name: 'pod-running-timeout', type: 'string' },
];

/** Printed before every attach unless --quiet (kubectl v1.32 and later). */
const RECORDED_WARNING = 'All commands and output from this session will be recorded in container logs, including credentials and sensitive information passed through the command prompt.\n';

interface AttachOptions {
  stdin: boolean;
  tty: boolean;
  quiet: boolean;
}

function containersOf(pod: KubeObject): Record<string, unknown>[] {
  const spec = isRecord(pod.spec) ? pod.spec : {};
  return (Array.isArray(spec.containers) ? spec.containers : []).filter(isRecord);
}

/** AttachOptions.Run from the container check on: the TTY decision, the warnings, the session, the reattach hint. */
export function attachToContainer(k: KubectlContext, pod: KubeObject, container: Record<string, unknown>, options: AttachOptions): VerbResult {
  const name = text(container.name);
  let tty = options.tty;
  if (tty && container.tty !== true) {
    tty = false;
    if (!options.quiet) k.err(`error: Unable to use a TTY - container ${name} did not allocate one\n`);
  } else if (!tty && container.tty === true) {
    // The container has a terminal: kubectl must use one too, or the server cannot read its input.
    tty = true;
  }
  if (!options.quiet) k.err(`${RECORDED_WARNING}If you don't see a command prompt, try pressing enter.\n`);
  const reattach = () => {
    if (!options.quiet && options.stdin && tty) k.out(`Session ended, resume using 'kubectl attach ${text(pod.metadata.name)} -c ${name} -i -t' command when the pod is running\n`);
  };
  const shell = stdinShell(processSpecOf(container));
  if (shell && options.stdin) {
    const session = execInPod(k, pod, name, shell, true, { reportExit: false, attach: true, tty });
    if (typeof session === 'number') return session;
    return {
      // The stream itself ends well whatever the shell's status: the status is the pod's to tell.
      wait: (finish) =>
        session.wait(() => {
          reattach();
          finish(0);
        }),
    };
  }
  return { wait: () => () => undefined };
}

export function runAttach(k: KubectlContext): VerbResult {
  const positional = k.flags.positional;
  if (positional.length === 0) {
    k.err('error: at least 1 argument is required for attach\n');
    return 1;
  }
  if (positional.length > 2) {
    k.err(`error: expected POD, TYPE/NAME, or TYPE NAME, (at most 2 arguments) saw ${positional.length}: [${positional.join(' ')}]\n`);
    return 1;
  }
  const conn = requireConnection(k);
  if (!conn) return 1;
  const named = getNamedObject(k, conn, positional.length === 2 ? `${positional[0] ?? ''}/${positional[1] ?? ''}` : (positional[0] ?? ''));
  if (!named) return 1;
  if (named.resource.kind !== 'Pod') {
    // UNVERIFIED: kubectl would find the object's first pod (AttachablePodForObject); the lab attaches to pods only.
    k.err(`error: cannot attach to *v1.${named.resource.kind}: the lab attaches to pods only\n`);
    return 1;
  }
  const pod = named.object;
  const phase = isRecord(pod.status) ? text(pod.status.phase) : '';
  if (phase === 'Succeeded' || phase === 'Failed') {
    k.err(`error: cannot attach a container in a completed pod; current phase is ${phase}\n`);
    return 1;
  }
  const containers = containersOf(pod);
  const wanted = str(k.flags, 'container');
  const quiet = bool(k.flags, 'quiet');
  const annotated = text(pod.metadata.annotations?.['kubectl.kubernetes.io/default-container']);
  const chosen = wanted ?? (annotated && containers.some((c) => c.name === annotated) ? annotated : undefined);
  const container = chosen !== undefined ? containers.find((c) => c.name === chosen) : containers[0];
  if (!container) {
    k.err(`error: cannot attach to the container: container ${chosen ?? ''} not found in pod ${text(pod.metadata.name)}\n`);
    return 1;
  }
  if (chosen === undefined && containers.length > 1 && !quiet) k.err(`Defaulted container "${text(container.name)}" out of: ${containers.map((c) => text(c.name)).join(', ')}\n`);
  return attachToContainer(k, pod, container, { stdin: bool(k.flags, 'stdin'), tty: bool(k.flags, 'tty'), quiet });
}

/** The pod's status once its containers have stopped (Succeeded or Failed), for kubectl run's exit code. */
function completion(pod: KubeObject): { phase: string; exitCode: number; reason: string } | undefined {
  const status = isRecord(pod.status) ? pod.status : {};
  const phase = text(status.phase);
  if (phase !== 'Succeeded' && phase !== 'Failed') return undefined;
  const first = Array.isArray(status.containerStatuses) ? status.containerStatuses.find(isRecord) : undefined;
  const terminated = isRecord(first) && isRecord(first.state) && isRecord(first.state.terminated) ? first.state.terminated : {};
  return { phase, exitCode: typeof terminated.exitCode === 'number' ? terminated.exitCode : 0, reason: text(terminated.reason) };
}

export interface RunAttach extends AttachOptions {
  remove: boolean;
  restartPolicy: string;
  timeoutMs: number;
}

/**
 * `kubectl run NAME -i/-t [--rm] --image=IMAGE [-- COMMAND]` once the pod is created: waits (in
 * virtual time, up to --pod-running-timeout) for it to run and attaches; then, for restartPolicy
 * Never or OnFailure, waits for the pod to complete and exits with its container's code; with --rm
 * deletes the pod at the end.
 */
export function attachToNewPod(k: KubectlContext, name: string, namespace: string, options: RunAttach): VerbResult {
  const conn = requireConnection(k);
  if (!conn) return 1;
  const loop = k.shell.machine.loop;
  const ref = { group: '', version: 'v1', resource: 'pods', namespace, name };
  return {
    wait(finish) {
      let cancelled = false;
      let cancelSession = (): void => undefined;
      const remove = () => {
        if (!options.remove) return;
        const deleted = conn.client.delete(ref);
        if (deleted.ok) k.out(`pod "${name}" deleted from ${namespace} namespace\n`);
      };
      /** Polls the pod every 500 ms until `ready` says what to do, or the timeout. */
      const waitFor = (ready: (pod: KubeObject) => boolean, then: (pod: KubeObject) => void) => {
        const started = loop.nowMs();
        const poll = () => {
          if (cancelled) return;
          const got = conn.client.get(ref);
          if (got.ok && ready(got.value)) return then(got.value);
          if (loop.nowMs() - started >= options.timeoutMs) {
            k.err('error: timed out waiting for the condition\n');
            remove();
            return finish(1);
          }
          loop.after(500, 'kubectl run wait', poll);
        };
        poll();
      };
      const ended = () => {
        if (options.restartPolicy !== 'Never' && options.restartPolicy !== 'OnFailure') {
          remove();
          return finish(0);
        }
        // OnFailure only ends in success; Never in either.
        waitFor(
          (p) => {
            const done = completion(p);
            return done !== undefined && (options.restartPolicy === 'Never' || done.phase === 'Succeeded');
          },
          (p) => {
            remove();
            const done = completion(p);
            if (!done || done.phase === 'Succeeded') return finish(0);
            if (done.exitCode === 0) {
              k.err(`error: pod ${namespace}/${name} failed with unknown exit code\n`);
              return finish(1);
            }
            k.err(`pod ${namespace}/${name} terminated (${done.reason})\n`);
            finish(done.exitCode);
          },
        );
      };
      waitFor(
        (p) => {
          const phase = isRecord(p.status) ? text(p.status.phase) : '';
          return phase === 'Running' || phase === 'Succeeded' || phase === 'Failed';
        },
        (pod) => {
          const done = completion(pod);
          if (done) {
            // Too late to attach: kubectl prints what the container wrote instead.
            // UNVERIFIED: run.go streams the logs here (logOpts); the lab says the pod ended.
            k.err(`error: pod ${name} terminated (${done.phase === 'Succeeded' ? 'Completed' : 'Error'})\n`);
            remove();
            return finish(1);
          }
          const container = containersOf(pod)[0];
          if (!container) return finish(1);
          const session = attachToContainer(k, pod, container, options);
          if (typeof session === 'number') return finish(session);
          const cancel = session.wait(() => ended());
          const previous = cancelSession;
          cancelSession = () => {
            previous();
            cancel();
          };
        },
      );
      return () => {
        cancelled = true;
        cancelSession();
      };
    },
  };
}
