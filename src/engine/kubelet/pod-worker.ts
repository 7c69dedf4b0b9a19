/**
 * One pod's life on a node, as the kubelet drives it: sandbox, image pulls (with back-off for
 * images that cannot be pulled), container create and start, exits and restarts (CrashLoopBackOff),
 * and graceful termination. Every change is reported through the API (pods/<name>/status) and
 * every step through events, in the kubelet's words.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { formatRfc3339 } from '../api/time';
import type { Random, SimLoop, TimerId } from '../clock';
import type { Client } from '../client';
import { containerBehaviour } from './container-model';
import type { LegacyEventRecorder } from '../client/legacy-events';
import { buildStatus, type PodRunState } from './pod-status';
import { lookupImage, pullError, type ImageInfo } from './runtime/image-catalog';

export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** How long creating the pod sandbox (pause container, network) takes. */
const SANDBOX_MS = 600;

export interface NodeContext {
  nodeName: string;
  nodeIP: string;
  client: Client;
  loop: SimLoop;
  random: Random;
  events: LegacyEventRecorder;
  allocatePodIP(): string;
  releasePodIP(ip: string): void;
  hasImage(reference: string): boolean;
  imagePulled(reference: string, sizeBytes: number): void;
}

/** Go's Duration.String() of a duration truncated to milliseconds: `4.31s`, `850ms`, `1m2.5s`. */
export function goDuration(ms: number): string {
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = (ms % 60_000) / 1000;
  const s = `${Number(seconds.toFixed(3))}s`;
  return minutes > 0 ? `${minutes}m${s}` : s;
}

function rec(v: unknown): Record<string, unknown> {
  return isRecord(v) ? v : {};
}

function containerSpecs(pod: KubeObject): Record<string, unknown>[] {
  const spec = rec(pod.spec);
  return Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
}

function hex(random: Random, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += random.intBelow(256).toString(16).padStart(2, '0');
  return s;
}

export class PodWorker {
  private readonly run: PodRunState;
  private readonly timers = new Set<TimerId>();
  private readonly backoffs = new Map<string, number>();
  private terminating = false;
  private gone = false;

  constructor(
    private pod: KubeObject,
    private readonly node: NodeContext,
  ) {
    this.run = {
      phase: 'Pending',
      hostIP: node.nodeIP,
      startTimeMs: node.loop.nowMs(),
      sandboxReady: false,
      containers: containerSpecs(pod).map((c) => ({ name: text(c.name), image: text(c.image), imageID: '', containerID: '', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, restartCount: 0, ready: false, started: false })),
      transitions: new Map(),
    };
  }

  private get fieldPathOf() {
    return (name: string) => `spec.containers{${name}}`;
  }

  private after(ms: number, label: string, f: () => void): void {
    const id = this.node.loop.after(ms, label, () => {
      this.timers.delete(id);
      if (!this.gone) f();
    });
    this.timers.add(id);
  }

  update(pod: KubeObject): void {
    this.pod = pod;
    if (pod.metadata.deletionTimestamp && !this.terminating) this.terminate();
  }

  start(): void {
    this.report();
    this.after(SANDBOX_MS + this.node.random.intBelow(400), 'kubelet sandbox', () => {
      this.run.sandboxReady = true;
      this.run.podIP = rec(this.pod.spec).hostNetwork === true ? this.node.nodeIP : this.node.allocatePodIP();
      this.report();
      this.startContainer(0);
    });
  }

  private startContainer(index: number): void {
    const spec = containerSpecs(this.pod)[index];
    const run = this.run.containers[index];
    if (!spec || !run || this.terminating) return;
    const image = text(spec.image);
    const lookup = lookupImage(image);
    const policy = text(spec.imagePullPolicy) || 'IfNotPresent';
    // Images preloaded on the node (kind's) are listed under the names they were loaded with.
    const present = this.node.hasImage(image) || (lookup.ok && this.node.hasImage(lookup.image.reference));
    if (policy === 'Never' && !present) {
      run.state = { waiting: { reason: 'ErrImageNeverPull', message: `Container image "${image}" is not present with pull policy of Never` } };
      this.node.events.record(this.pod, 'Warning', 'ErrImageNeverPull', `Container image "${image}" is not present with pull policy of Never`, this.fieldPathOf(run.name));
      this.report();
      return;
    }
    if (present && policy !== 'Always') {
      this.node.events.record(this.pod, 'Normal', 'Pulled', `Container image "${image}" already present on machine`, this.fieldPathOf(run.name));
      this.createAndStart(index, lookup.ok ? lookup.image : { reference: image, sizeBytes: 0, onSigterm: 'fast', defaultRuns: 'forever' });
      return;
    }
    this.node.events.record(this.pod, 'Normal', 'Pulling', `Pulling image "${image}"`, this.fieldPathOf(run.name));
    if (!lookup.ok) {
      this.after(800 + this.node.random.intBelow(1200), 'kubelet image pull', () => this.pullFailed(index, pullError(lookup.reference)));
      return;
    }
    // Pulls run at a few tens of MB/s plus registry round trips; always at least a fraction of a second.
    const pullMs = Math.round(300 + lookup.image.sizeBytes / (15_000 + this.node.random.intBelow(20_000)));
    this.after(pullMs, 'kubelet image pull', () => {
      this.node.imagePulled(lookup.image.reference, lookup.image.sizeBytes);
      this.backoffs.delete(`pull/${run.name}`);
      this.node.events.record(this.pod, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(pullMs)} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`, this.fieldPathOf(run.name));
      this.createAndStart(index, lookup.image);
    });
  }

  private pullFailed(index: number, error: string): void {
    const run = this.run.containers[index];
    if (!run) return;
    const image = run.image;
    this.node.events.record(this.pod, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`, this.fieldPathOf(run.name));
    this.node.events.record(this.pod, 'Warning', 'Failed', 'Error: ErrImagePull', this.fieldPathOf(run.name));
    run.state = { waiting: { reason: 'ErrImagePull', message: `${error}` } };
    this.report();
    const key = `pull/${run.name}`;
    const delay = Math.min(BACKOFF_MAX_MS, this.backoffs.get(key) ?? BACKOFF_INITIAL_MS);
    this.backoffs.set(key, Math.min(BACKOFF_MAX_MS, delay * 2));
    // The next sync finds the pull in back-off.
    this.after(1000, 'kubelet image back-off', () => {
      this.node.events.record(this.pod, 'Normal', 'BackOff', `Back-off pulling image "${image}"`, this.fieldPathOf(run.name));
      this.node.events.record(this.pod, 'Warning', 'Failed', 'Error: ImagePullBackOff', this.fieldPathOf(run.name));
      run.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${error}` } };
      this.report();
      this.after(delay, 'kubelet image retry', () => this.startContainer(index));
    });
  }

  private createAndStart(index: number, image: ImageInfo): void {
    const spec = containerSpecs(this.pod)[index];
    const run = this.run.containers[index];
    if (!spec || !run) return;
    run.imageID = `${image.reference.replace(/:[^:/]+$/, '')}@sha256:${hex(this.node.random.fork(`image/${image.reference}`), 32)}`;
    run.image = image.reference;
    this.after(80 + this.node.random.intBelow(80), 'kubelet create container', () => {
      run.containerID = `containerd://${hex(this.node.random, 32)}`;
      this.node.events.record(this.pod, 'Normal', 'Created', `Created container: ${run.name}`, this.fieldPathOf(run.name));
      this.after(40 + this.node.random.intBelow(60), 'kubelet start container', () => {
        this.node.events.record(this.pod, 'Normal', 'Started', `Started container ${run.name}`, this.fieldPathOf(run.name));
        const startedAt = this.node.loop.nowMs();
        run.state = { running: { startedAt: formatRfc3339(startedAt) } };
        run.started = true;
        run.ready = true;
        if (this.run.containers.every((c) => c.started)) this.run.phase = 'Running';
        this.report();
        const behaviour = containerBehaviour(spec, image);
        if (behaviour.kind === 'exits') this.after(behaviour.afterMs, 'container exits', () => this.exited(index, behaviour.exitCode, startedAt));
        if (index + 1 < this.run.containers.length) this.startContainer(index + 1);
      });
    });
  }

  private exited(index: number, exitCode: number, startedAtMs: number): void {
    const run = this.run.containers[index];
    if (!run || this.terminating) return;
    const terminated = { containerID: run.containerID, exitCode, finishedAt: formatRfc3339(this.node.loop.nowMs()), reason: exitCode === 0 ? 'Completed' : 'Error', startedAt: formatRfc3339(startedAtMs) };
    run.ready = false;
    const policy = text(rec(this.pod.spec).restartPolicy) || 'Always';
    const restart = policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0);
    if (!restart) {
      run.state = { terminated };
      const all = this.run.containers.every((c) => 'terminated' in c.state);
      if (all) this.run.phase = this.run.containers.every((c) => (rec(c.state.terminated).exitCode ?? 0) === 0) ? 'Succeeded' : 'Failed';
      this.report();
      if (all && this.run.podIP && rec(this.pod.spec).hostNetwork !== true) this.node.releasePodIP(this.run.podIP);
      return;
    }
    // The first restart is immediate; after that the kubelet backs off 10 s, doubling up to 5 minutes.
    const key = `restart/${run.name}`;
    const delay = this.backoffs.get(key);
    this.backoffs.set(key, Math.min(BACKOFF_MAX_MS, delay === undefined ? BACKOFF_INITIAL_MS : delay * 2));
    run.lastState = { terminated };
    if (delay === undefined) {
      run.state = { terminated };
      this.report();
      this.restart(index);
      return;
    }
    run.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay).replace('.000', '')} restarting failed container=${run.name} pod=${text(this.pod.metadata.name)}_${text(this.pod.metadata.namespace)}(${text(this.pod.metadata.uid)})` } };
    this.node.events.record(this.pod, 'Warning', 'BackOff', `Back-off restarting failed container ${run.name} in pod ${text(this.pod.metadata.name)}_${text(this.pod.metadata.namespace)}(${text(this.pod.metadata.uid)})`, this.fieldPathOf(run.name));
    this.report();
    this.after(delay, 'kubelet crash back-off', () => this.restart(index));
  }

  private restart(index: number): void {
    const run = this.run.containers[index];
    const spec = containerSpecs(this.pod)[index];
    if (!run || !spec) return;
    run.restartCount++;
    const lookup = lookupImage(text(spec.image));
    if (!lookup.ok) return;
    this.node.events.record(this.pod, 'Normal', 'Pulled', `Container image "${text(spec.image)}" already present on machine`, this.fieldPathOf(run.name));
    this.createAndStart(index, lookup.image);
  }

  /** Graceful termination: SIGTERM, then SIGKILL at the end of the grace period, then the pod is deleted. */
  private terminate(): void {
    this.terminating = true;
    for (const id of this.timers) this.node.loop.cancel(id);
    this.timers.clear();
    const graceMs = (typeof this.pod.metadata.deletionGracePeriodSeconds === 'number' ? this.pod.metadata.deletionGracePeriodSeconds : 30) * 1000;
    let longest = 0;
    for (const [i, run] of this.run.containers.entries()) {
      if (!('running' in run.state)) continue;
      this.node.events.record(this.pod, 'Normal', 'Killing', `Stopping container ${run.name}`, this.fieldPathOf(run.name));
      const lookup = lookupImage(text(containerSpecs(this.pod)[i]?.image));
      const ignores = lookup.ok && lookup.image.onSigterm === 'ignores';
      const stopMs = ignores ? graceMs : Math.min(graceMs, 100 + this.node.random.intBelow(400));
      longest = Math.max(longest, stopMs);
      const startedAt = text(rec(run.state.running).startedAt);
      this.after(stopMs, 'container stopped', () => {
        run.state = { terminated: { containerID: run.containerID, exitCode: ignores ? 137 : 0, finishedAt: formatRfc3339(this.node.loop.nowMs()), reason: ignores ? 'Error' : 'Completed', startedAt } };
        run.ready = false;
      });
    }
    this.after(longest + 50, 'kubelet pod cleanup', () => {
      this.report();
      if (this.run.podIP && rec(this.pod.spec).hostNetwork !== true) this.node.releasePodIP(this.run.podIP);
      this.node.client.delete({ group: '', version: 'v1', resource: 'pods', namespace: text(this.pod.metadata.namespace), name: text(this.pod.metadata.name) }, { gracePeriodSeconds: 0, preconditions: { uid: this.pod.metadata.uid } });
      this.gone = true;
    });
  }

  /** The pod object was removed (or the kubelet stops): drop every pending step. */
  stop(): void {
    this.gone = true;
    for (const id of this.timers) this.node.loop.cancel(id);
    this.timers.clear();
  }

  private report(): void {
    const existing = rec(this.pod.status);
    const status = buildStatus(this.run, existing, this.node.loop.nowMs());
    const r = this.node.client.update({ group: '', version: 'v1', resource: 'pods', namespace: text(this.pod.metadata.namespace), name: text(this.pod.metadata.name), subresource: 'status' }, { ...this.pod, metadata: { ...this.pod.metadata, resourceVersion: undefined }, status });
    if (r.ok) this.pod = r.value;
  }
}
