/**
 * One pod's life on a node, as the kubelet drives it: sandbox, init containers one by one, then
 * the app containers (image pulls with back-off, create, start), probes, exits and restarts with
 * CrashLoopBackOff, OOM kills, and graceful termination (preStop, SIGTERM, SIGKILL at the end of
 * the grace period). Every change is reported through pods/<name>/status and every step through
 * events, in the kubelet's words. Each container keeps its current and previous logs.
 */
import type { KubeObject } from '../api/meta';
import { isRecord, text } from '../api/meta';
import { formatRfc3339, parseRfc3339 } from '../api/time';
import { parseQuantityValue } from '../api/quantity';
import type { Random, SimLoop, TimerId } from '../clock';
import type { Client } from '../client';
import type { LegacyEventRecorder } from '../client/legacy-events';
import { TimerKind, type ScheduledTimer, type TimerBoard } from '../clock/timer-board';
import { buildStatus, type ContainerRun, type PodRunState } from './pod-status';
import { lookupImage, pullError, type ImageInfo } from './runtime/image-catalog';
import { RunningContainer, type LogLine } from './runtime/container';
import { containerProcess, type ContainerProcess } from './runtime/processes';
import { CpuAccount, cpuLimitCores, WGET_CLIENT_COST_MS, type ContainerUsage } from './runtime/cpu-usage';
import { httpGet, type HttpReply } from '../network/servers';
import type { PodHttp } from '../network/pod-http';
import { drain, Shell, type ProcessEnv } from './runtime/sh-interpreter';
import { containerEnv, envConfigError, expandCommandRefs } from './container-env';
import { MOUNT_RETRY_INITIAL_MS, MOUNT_RETRY_MAX_MS, unmountableVolume } from './volume-mounts';
import { readProbe, runProbe, type ProbeSpec, type ProbeType } from './prober';

/** Container restart back-off (kubelet's backOffPeriod and MaxContainerBackOff). */
export const BACKOFF_INITIAL_MS = 10_000;
export const BACKOFF_MAX_MS = 300_000;
/** flowcontrol.Backoff forgets an entry not updated for twice the maximum: 10 minutes. */
export const BACKOFF_RESET_MS = 2 * BACKOFF_MAX_MS;
/** How long creating the pod sandbox (pause container, network) takes. */
const SANDBOX_MS = 600;
const DEFAULT_GRACE_SECONDS = 30;

export interface NodeContext {
  nodeName: string;
  nodeIP: string;
  client: Client;
  loop: SimLoop;
  random: Random;
  events: LegacyEventRecorder;
  timers: TimerBoard;
  /** False while the kubelet process is stopped: status changes wait until it is back. */
  reporting(): boolean;
  allocatePodIP(): string;
  releasePodIP(ip: string): void;
  hasImage(reference: string): boolean;
  imagePulled(reference: string, sizeBytes: number): void;
  /** Cluster DNS for processes (`nslookup myservice`). */
  resolve(name: string, namespace: string): string | undefined;
  /** HTTP to other pods, for `wget` in a container's script (absent in bare unit tests). */
  http?: PodHttp;
  /** Where metrics-server processes register, so the API server can reach them. */
  metricsServers?: { start(podIP: string, argv: readonly string[]): ContainerProcess };
  /** Programs of images that talk to the API server themselves (see ingress-nginx/directory.ts). */
  addons?: AddonPrograms;
}

export interface AddonPrograms {
  start(repository: string, argv: readonly string[], pod: KubeObject, where: { podIP: string; hostIP: string }): ContainerProcess | undefined;
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

function hex(random: Random, bytes: number): string {
  let s = '';
  for (let i = 0; i < bytes; i++) s += random.intBelow(256).toString(16).padStart(2, '0');
  return s;
}

/** One container of the pod (init or app) and everything the kubelet tracks about it. */
interface Slot {
  spec: Record<string, unknown>;
  init: boolean;
  /** A sidecar: an init container with `restartPolicy: Always`, which keeps running beside the app. */
  sidecar: boolean;
  status: ContainerRun;
  instance?: RunningContainer;
  /** Log of the instance before the current one (`kubectl logs -p`). */
  previousLog?: LogLine[];
  backoff?: { delayMs: number; lastUpdateMs: number };
  /** Image pull back-off, kept apart from the restart back-off as the kubelet does. */
  pullBackoff?: { delayMs: number; lastUpdateMs: number };
  /** The kubelet has tried to start this container at least once. */
  attempted?: boolean;
  probeTimer?: TimerId;
  probe: { liveFails: number; readyOk: number; readyFails: number; startupOk: number; startupFails: number };
  /** Set while the kubelet kills this instance (probe failure or pod termination). */
  killing?: { restart: boolean };
  succeeded?: boolean;
  pending?: ScheduledTimer;
}

export class PodWorker {
  private readonly run: PodRunState;
  private readonly slots: Slot[];
  private readonly timers = new Set<TimerId>();
  private terminating = false;
  private gone = false;
  /** Set while the node's kubelet process is stopped: its work (restarts, probes, kills) waits for it. */
  private paused = false;
  private readonly deferred: (() => void)[] = [];
  private readonly id: string;

  constructor(
    private pod: KubeObject,
    private readonly node: NodeContext,
  ) {
    const spec = rec(pod.spec);
    const inits = Array.isArray(spec.initContainers) ? spec.initContainers.filter(isRecord) : [];
    const apps = Array.isArray(spec.containers) ? spec.containers.filter(isRecord) : [];
    // With init containers, every container waits as PodInitializing until they are done.
    const initialReason = inits.length > 0 ? 'PodInitializing' : 'ContainerCreating';
    const slot = (c: Record<string, unknown>, init: boolean): Slot => ({
      spec: c,
      init,
      sidecar: init && c.restartPolicy === 'Always',
      status: { name: text(c.name), image: text(c.image), imageID: '', containerID: '', state: { waiting: { reason: initialReason } }, lastState: {}, restartCount: 0, ready: false, started: false },
      probe: { liveFails: 0, readyOk: 0, readyFails: 0, startupOk: 0, startupFails: 0 },
    });
    this.slots = [...inits.map((c) => slot(c, true)), ...apps.map((c) => slot(c, false))];
    this.run = {
      phase: 'Pending',
      hostIP: node.nodeIP,
      startTimeMs: node.loop.nowMs(),
      sandboxReady: false,
      initContainers: this.slots.filter((s) => s.init).map((s) => s.status),
      containers: this.slots.filter((s) => !s.init).map((s) => s.status),
      transitions: new Map(),
      sidecars: new Set(this.slots.filter((s) => s.sidecar).map((s) => s.status.name)),
    };
    this.id = `kubelet/${node.nodeName}/${text(pod.metadata.namespace)}/${text(pod.metadata.name)}`;
  }

  private fieldPath(slot: Slot): string {
    return `${slot.init ? 'spec.initContainers' : 'spec.containers'}{${slot.status.name}}`;
  }

  private get policy(): string {
    return text(rec(this.pod.spec).restartPolicy) || 'Always';
  }

  private event(slot: Slot | undefined, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.node.events.record(this.pod, type, reason, message, slot ? this.fieldPath(slot) : undefined);
  }

  private after(ms: number, label: string, f: () => void): TimerId {
    const id = this.node.loop.after(ms, label, () => {
      this.timers.delete(id);
      if (!this.gone) this.whenWorking(f);
    });
    this.timers.add(id);
    return id;
  }

  /** A timer the engine publishes (back-off restarts, grace periods) so UIs can count down. */
  private publish(slot: Slot | undefined, kind: string, suffix: string, delayMs: number, description: string, f: () => void): ScheduledTimer {
    const scheduled = this.node.timers.schedule(
      this.node.loop,
      { id: `${this.id}/${suffix}`, kind, object: { kind: 'Pod', namespace: text(this.pod.metadata.namespace), name: text(this.pod.metadata.name), uid: text(this.pod.metadata.uid) }, component: `kubelet/${this.node.nodeName}`, description },
      delayMs,
      () => {
        if (slot) slot.pending = undefined;
        if (!this.gone) this.whenWorking(f);
      },
    );
    if (slot) slot.pending = scheduled;
    return scheduled;
  }

  /** Runs `f` now, or when the kubelet is back if it is stopped: the containers run on, nobody acts on them. */
  private whenWorking(f: () => void): void {
    if (this.paused) this.deferred.push(f);
    else f();
  }

  /** `systemctl stop kubelet` or `systemctl stop containerd`: nothing restarts, probes or kills this pod's containers until resume(). */
  pause(): void {
    this.paused = true;
  }

  /**
   * The kubelet is back and resyncs: what fell due meanwhile (an exit to handle, a probe, a restart)
   * happens now. Its back-off state lived in the old process's memory, so a crashed container is
   * restarted at once rather than after a back-off.
   */
  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    for (const slot of this.slots) slot.backoff = undefined;
    for (const f of this.deferred.splice(0)) if (!this.gone) f();
  }

  update(pod: KubeObject): void {
    this.pod = pod;
    if (pod.metadata.deletionTimestamp && !this.terminating) {
      // Killing needs the runtime: with containerd down the pod stays Terminating until it is back.
      this.whenWorking(() => {
        if (!this.terminating && !this.gone) this.terminate();
      });
      return;
    }
    if (!this.terminating) this.applySpecChanges();
  }

  /** `kubectl set image` on a pod: a changed image restarts its container with the new one. */
  private applySpecChanges(): void {
    const spec = rec(this.pod.spec);
    const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
    const all = [...list(spec.initContainers), ...list(spec.containers)];
    for (const slot of this.slots) {
      const next = all.find((c) => text(c.name) === slot.status.name);
      if (!next || text(next.image) === text(slot.spec.image)) continue;
      slot.spec = next;
      slot.status.image = text(next.image);
      if (!slot.attempted || (slot.init && slot.succeeded)) continue;
      if (slot.instance?.running) {
        this.event(slot, 'Normal', 'Killing', `Container ${slot.status.name} definition changed, will be restarted`);
        slot.killing = { restart: true };
        this.cancelProbes(slot);
        if (!slot.instance.sigterm(this.shutdownMs())) slot.instance.sigkill();
      } else if (slot.pending || 'waiting' in slot.status.state) {
        // A container waiting on an image back-off tries the new image at the next sync.
        slot.pending?.cancel();
        slot.pending = undefined;
        this.after(1000, 'kubelet sync', () => this.startContainer(slot));
      }
    }
  }

  start(): void {
    this.report();
    this.mountVolumes(MOUNT_RETRY_INITIAL_MS);
  }

  /** Secret and ConfigMap volumes must be set up before the sandbox; a missing source is retried with back-off. */
  private mountVolumes(retryMs: number): void {
    const failure = unmountableVolume(this.pod, this.node.client);
    if (failure) {
      this.event(undefined, 'Warning', 'FailedMount', failure);
      this.after(retryMs, 'kubelet volume mount', () => this.mountVolumes(Math.min(retryMs * 2, MOUNT_RETRY_MAX_MS)));
      return;
    }
    this.after(SANDBOX_MS + this.node.random.intBelow(400), 'kubelet sandbox', () => {
      this.run.sandboxReady = true;
      this.run.podIP = rec(this.pod.spec).hostNetwork === true ? this.node.nodeIP : this.node.allocatePodIP();
      this.report();
      this.next();
    });
  }

  /**
   * The node rebooted under a running pod: its containers died with the node. The kubelet makes
   * a new sandbox and starts them again, each counting a restart (last state: exit 255, Unknown).
   */
  restartAfterReboot(logs: Map<string, LogLine[]> | undefined): void {
    const status = rec(this.pod.status);
    const startTime = parseRfc3339(status.startTime);
    if (startTime !== undefined) this.run.startTimeMs = startTime;
    const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter(isRecord) : []);
    const previous = [...list(status.initContainerStatuses), ...list(status.containerStatuses)];
    const now = formatRfc3339(this.node.loop.nowMs());
    for (const slot of this.slots) {
      const old = previous.find((c) => c.name === slot.status.name);
      if (!old) continue;
      slot.status.restartCount = typeof old.restartCount === 'number' ? old.restartCount : 0;
      const state = rec(old.state);
      if (slot.init && isRecord(state.terminated) && state.terminated.exitCode === 0) {
        slot.status.state = state;
        slot.status.ready = true;
        slot.succeeded = true;
        slot.attempted = true;
        continue;
      }
      if (isRecord(state.running)) {
        slot.status.lastState = { terminated: { containerID: text(old.containerID), exitCode: 255, finishedAt: now, reason: 'Unknown', startedAt: text(state.running.startedAt) } };
        slot.status.restartCount++;
        slot.backoff = { delayMs: BACKOFF_INITIAL_MS, lastUpdateMs: this.node.loop.nowMs() };
        // The old container's log file survived on the node's disk: `kubectl logs -p` reads it.
        slot.previousLog = logs?.get(slot.status.name);
      } else if (isRecord(rec(old.lastState).terminated)) slot.status.lastState = rec(old.lastState);
    }
    this.event(undefined, 'Normal', 'SandboxChanged', 'Pod sandbox changed, it will be killed and re-created.');
    this.start();
  }

  /** Starts what comes next: the first unfinished init container, else the app containers in order. */
  private next(): void {
    if (this.terminating) return;
    const init = this.slots.find((s) => s.init && !s.succeeded && !(s.sidecar && s.attempted));
    if (init) {
      if (!init.attempted) this.startContainer(init);
      return;
    }
    const first = this.slots.find((s) => !s.init && !s.attempted);
    if (first) this.startContainer(first);
  }

  private startContainer(slot: Slot): void {
    if (this.terminating || this.gone) return;
    const image = text(slot.spec.image);
    const lookup = lookupImage(image);
    slot.attempted = true;
    // The API server defaults imagePullPolicy (Always for :latest or no tag).
    const policy = text(slot.spec.imagePullPolicy) || 'IfNotPresent';
    // Images preloaded on the node (kind's) are listed under the names they were loaded with.
    const present = this.node.hasImage(image) || (lookup.ok && this.node.hasImage(lookup.image.reference));
    if (policy === 'Never' && !present) {
      const message = `Container image "${image}" is not present with pull policy of Never`;
      slot.status.state = { waiting: { reason: 'ErrImageNeverPull', message } };
      this.event(slot, 'Warning', 'ErrImageNeverPull', message);
      this.report();
      this.next();
      return;
    }
    if (present && policy !== 'Always') {
      this.event(slot, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
      this.createAndStart(slot, lookup.ok ? lookup.image : { reference: image, sizeBytes: 0, onSigterm: 'fast', defaultRuns: 'forever' });
      return;
    }
    this.event(slot, 'Normal', 'Pulling', `Pulling image "${image}"`);
    if (!lookup.ok) {
      this.after(800 + this.node.random.intBelow(1200), 'kubelet image pull', () => this.pullFailed(slot, pullError(lookup.reference)));
      return;
    }
    // Pulls run at a few tens of MB/s plus registry round trips; a cached image only checks the manifest.
    const cached = lookup.ok && this.node.hasImage(lookup.image.reference);
    const pullMs = cached ? 300 + this.node.random.intBelow(500) : Math.round(300 + lookup.image.sizeBytes / (15_000 + this.node.random.intBelow(20_000)));
    this.after(pullMs, 'kubelet image pull', () => {
      this.node.imagePulled(lookup.image.reference, lookup.image.sizeBytes);
      slot.pullBackoff = undefined;
      this.event(slot, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(pullMs)} including waiting). Image size: ${lookup.image.sizeBytes} bytes.`);
      this.createAndStart(slot, lookup.image);
    });
  }

  private pullFailed(slot: Slot, error: string): void {
    const image = text(slot.spec.image);
    this.event(slot, 'Warning', 'Failed', `Failed to pull image "${image}": ${error}`);
    this.event(slot, 'Warning', 'Failed', 'Error: ErrImagePull');
    slot.status.state = { waiting: { reason: 'ErrImagePull', message: error } };
    this.report();
    this.next();
    const delay = this.nextBackoff(slot, 'pullBackoff');
    // The next sync (about a second later) finds the pull in back-off.
    this.after(1000, 'kubelet image back-off', () => {
      this.event(slot, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
      this.event(slot, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      slot.status.state = { waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}": ErrImagePull: ${error}` } };
      this.report();
      this.publish(slot, TimerKind.ImagePullBackOff, `pull/${slot.status.name}`, Math.max(0, delay - 1000), `pulls image "${image}" again (back-off ${goDuration(delay)})`, () => this.startContainer(slot));
    });
  }

  /** flowcontrol.Backoff.Next: 10 s, doubling to 5 minutes; forgotten after 10 minutes without an update. */
  private nextBackoff(slot: Slot, which: 'backoff' | 'pullBackoff' = 'backoff'): number {
    const now = this.node.loop.nowMs();
    const b = slot[which];
    const delay = !b || now - b.lastUpdateMs > BACKOFF_RESET_MS ? BACKOFF_INITIAL_MS : Math.min(BACKOFF_MAX_MS, b.delayMs * 2);
    slot[which] = { delayMs: delay, lastUpdateMs: now };
    return delay;
  }

  private processEnv(slot: Slot, files: Map<string, string>): ProcessEnv {
    const ns = text(this.pod.metadata.namespace) || 'default';
    return {
      vars: containerEnv(this.pod, slot.spec, this.run.podIP ?? '', this.node.client),
      files,
      nowMs: () => this.node.loop.nowMs(),
      hostname: text(rec(this.pod.spec).hostname) || text(this.pod.metadata.name),
      resolve: (name) => this.node.resolve(name, ns),
      startAddon: this.node.addons ? (repository, argv) => this.node.addons?.start(repository, argv, this.pod, { podIP: this.run.podIP ?? '', hostIP: this.node.nodeIP }) : undefined,
      startMetricsServer: this.node.metricsServers ? (argv) => (this.node.metricsServers as NonNullable<NodeContext['metricsServers']>).start(this.run.podIP ?? '', argv) : undefined,
      httpGet: (url) => {
        slot.instance?.cpu?.spend(WGET_CLIENT_COST_MS);
        return this.node.http ? this.node.http.get(this.node.client, this.node.random, { pod: this.pod }, url) : { kind: 'bad-address' };
      },
      legacyNslookup: /busybox:1\.(2\d)(\.|$)/.test(text(slot.spec.image)),
    };
  }

  /** The container's filesystem at start: the service account volume unless automounting is off. */
  private initialFiles(): Map<string, string> {
    const files = new Map<string, string>();
    if (rec(this.pod.spec).automountServiceAccountToken !== false) {
      const dir = '/var/run/secrets/kubernetes.io/serviceaccount';
      files.set(`${dir}/namespace`, text(this.pod.metadata.namespace) || 'default');
      files.set(`${dir}/ca.crt`, '-----BEGIN CERTIFICATE-----\n');
      files.set(`${dir}/token`, 'eyJhbGciOiJSUzI1NiJ9');
    }
    return files;
  }

  private memoryLimit(slot: Slot): number | undefined {
    const limit = rec(rec(slot.spec.resources).limits).memory;
    if (typeof limit !== 'string' && typeof limit !== 'number') return undefined;
    try {
      return parseQuantityValue(limit);
    } catch {
      return undefined;
    }
  }

  private createAndStart(slot: Slot, image: ImageInfo): void {
    const run = slot.status;
    // A missing ConfigMap, Secret or key stops the container before it is created; the pod worker retries after its back-off (10 s, jittered).
    const configError = envConfigError(this.pod, slot.spec, this.node.client);
    if (configError) {
      this.event(slot, 'Warning', 'Failed', `Error: ${configError}`);
      run.state = { waiting: { reason: 'CreateContainerConfigError', message: configError } };
      this.report();
      this.next();
      this.after(10_000 + this.node.random.intBelow(5_000), 'kubelet sync', () => this.startContainer(slot));
      return;
    }
    run.imageID = `${image.reference.replace(/:[^:/]+$/, '')}@sha256:${hex(this.node.random.fork(`image/${image.reference}`), 32)}`;
    run.image = image.reference;
    this.after(80 + this.node.random.intBelow(80), 'kubelet create container', () => {
      if (this.terminating) return;
      run.containerID = `containerd://${hex(this.node.random, 32)}`;
      this.event(slot, 'Normal', 'Created', `Created container: ${run.name}`);
      this.after(40 + this.node.random.intBelow(60), 'kubelet start container', () => {
        if (this.terminating) return;
        this.event(slot, 'Normal', 'Started', `Started container ${run.name}`);
        const files = this.initialFiles();
        const env = this.processEnv(slot, files);
        const process = containerProcess({ image: text(slot.spec.image), command: expandCommandRefs(Array.isArray(slot.spec.command) ? slot.spec.command.map(text) : [], env.vars), args: expandCommandRefs(Array.isArray(slot.spec.args) ? slot.spec.args.map(text) : [], env.vars), stdin: slot.spec.stdin === true }, env);
        if (slot.instance) slot.previousLog = slot.instance.log;
        slot.killing = undefined;
        run.state = { running: { startedAt: formatRfc3339(this.node.loop.nowMs()) } };
        const startup = readProbe(slot.spec.startupProbe);
        run.started = !startup;
        run.ready = (!slot.init || slot.sidecar) && !readProbe(slot.spec.readinessProbe) && !startup;
        slot.probe = { liveFails: 0, readyOk: 0, readyFails: 0, startupOk: 0, startupFails: 0 };
        // The process may exit during construction (`exit 1`): onExit runs after `instance` is set.
        let constructed = false;
        let exitedEarly = false;
        const instance = new RunningContainer(this.node.loop, process, files, this.memoryLimit(slot), () => {
          if (constructed) this.whenWorking(() => this.exited(slot));
          else exitedEarly = true;
        });
        slot.instance = instance;
        instance.cpu = new CpuAccount(text(slot.spec.image), this.node.loop.nowMs(), cpuLimitCores(slot.spec));
        constructed = true;
        this.updatePhase();
        this.report();
        if (exitedEarly) {
          this.exited(slot);
          return;
        }
        // App containers and sidecars are probed; the next container starts once this one has.
        if (!slot.init || slot.sidecar) {
          this.scheduleProbes(slot);
          this.next();
        }
      });
    });
  }

  private exited(slot: Slot): void {
    const instance = slot.instance;
    if (!instance?.exit || this.gone) return;
    this.cancelProbes(slot);
    const run = slot.status;
    const exit = instance.exit;
    const terminated = { containerID: run.containerID, exitCode: exit.code, finishedAt: formatRfc3339(exit.atMs), reason: exit.reason, startedAt: formatRfc3339(instance.startedAtMs) };
    run.ready = false;
    if (this.terminating) {
      run.state = { terminated };
      return; // terminate() reports once every container has stopped
    }
    if (slot.init && !slot.sidecar && exit.code === 0) {
      run.state = { terminated };
      run.ready = true;
      slot.succeeded = true;
      this.updatePhase();
      this.report();
      this.next();
      return;
    }
    const restart = slot.killing?.restart ?? (slot.sidecar || this.policy === 'Always' || (this.policy === 'OnFailure' && exit.code !== 0));
    if (!restart) {
      run.state = { terminated };
      this.updatePhase();
      this.report();
      if (this.isFinished() && this.run.podIP && rec(this.pod.spec).hostNetwork !== true) this.node.releasePodIP(this.run.podIP);
      return;
    }
    run.lastState = { terminated };
    // The first restart is immediate (no back-off entry yet); after that 10 s, doubling to 5 minutes.
    const b = slot.backoff;
    const inBackoff = b !== undefined && exit.atMs - b.lastUpdateMs <= BACKOFF_RESET_MS && this.node.loop.nowMs() - exit.atMs < b.delayMs;
    if (!inBackoff) {
      run.state = { terminated };
      this.nextBackoff(slot);
      this.updatePhase();
      this.report();
      this.restart(slot);
      return;
    }
    const delay = b.delayMs;
    const who = `${text(this.pod.metadata.name)}_${text(this.pod.metadata.namespace)}(${text(this.pod.metadata.uid)})`;
    run.state = { waiting: { reason: 'CrashLoopBackOff', message: `back-off ${goDuration(delay)} restarting failed container=${run.name} pod=${who}` } };
    this.event(slot, 'Warning', 'BackOff', `Back-off restarting failed container ${run.name} in pod ${who}`);
    this.updatePhase();
    this.report();
    this.publish(slot, TimerKind.CrashLoopBackOff, `restart/${run.name}`, delay, `restarts container ${run.name} (back-off ${goDuration(delay)})`, () => {
      this.nextBackoff(slot);
      this.restart(slot);
    });
  }

  private restart(slot: Slot): void {
    slot.status.restartCount++;
    this.startContainer(slot);
  }

  /** The pod as last seen while it still holds the node's resources (not finished, not gone): what admission counts. */
  get admittedPod(): KubeObject | undefined {
    return this.gone || this.isFinished() ? undefined : this.pod;
  }

  private isFinished(): boolean {
    return this.run.phase === 'Succeeded' || this.run.phase === 'Failed';
  }

  /** The kubelet's getPhase over init and app container states. */
  private updatePhase(): void {
    const inits = this.slots.filter((s) => s.init && !(s.sidecar && s.status.started));
    const apps = this.slots.filter((s) => !s.init);
    const initFailed = inits.some((s) => !s.succeeded && 'terminated' in s.status.state && this.policy === 'Never');
    if (initFailed) {
      this.run.phase = 'Failed';
      return;
    }
    if (inits.some((s) => !s.succeeded)) {
      this.run.phase = 'Pending';
      return;
    }
    let running = 0;
    let waiting = 0;
    let stopped = 0;
    let succeeded = 0;
    for (const s of apps) {
      const st = s.status.state;
      if ('running' in st) running++;
      else if ('terminated' in st) {
        stopped++;
        if (rec(st.terminated).exitCode === 0) succeeded++;
      } else if ('terminated' in s.status.lastState) {
        stopped++;
        if (rec(s.status.lastState.terminated).exitCode === 0) succeeded++;
      } else waiting++;
    }
    if (waiting > 0) this.run.phase = 'Pending';
    else if (running > 0) this.run.phase = 'Running';
    else if (this.policy === 'Always') this.run.phase = 'Running';
    else if (stopped === succeeded && apps.every((s) => 'terminated' in s.status.state)) this.run.phase = 'Succeeded';
    else if (this.policy === 'Never') this.run.phase = 'Failed';
    else this.run.phase = apps.every((s) => 'terminated' in s.status.state) && stopped === succeeded ? 'Succeeded' : 'Running';
  }

  // ---- probes ----

  private scheduleProbes(slot: Slot): void {
    const probes: [ProbeType, ProbeSpec][] = [];
    for (const [type, field] of [['Startup', 'startupProbe'], ['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe']] as const) {
      const p = readProbe(slot.spec[field]);
      if (p) probes.push([type, p]);
    }
    for (const [type, probe] of probes) this.probeLoop(slot, type, probe, probe.initialDelayMs);
  }

  private cancelProbes(slot: Slot): void {
    this.probeTimers.get(slot)?.forEach((t) => this.node.loop.cancel(t));
    this.probeTimers.delete(slot);
  }

  private readonly probeTimers = new Map<Slot, TimerId[]>();

  private probeLoop(slot: Slot, type: ProbeType, probe: ProbeSpec, delayMs: number): void {
    const id = this.after(delayMs, `kubelet ${type.toLowerCase()} probe`, () => {
      const list = this.probeTimers.get(slot) ?? [];
      this.probeTimers.set(slot, list.filter((t) => t !== id));
      const instance = slot.instance;
      if (!instance?.running || slot.killing || this.terminating) return;
      // Liveness and readiness wait until the startup probe has succeeded.
      if (type !== 'Startup' && !slot.status.started) {
        this.probeLoop(slot, type, probe, probe.periodMs);
        return;
      }
      if (type === 'Startup' && slot.status.started) return;
      this.probeOnce(slot, type, probe, instance);
      if (instance.running && !slot.killing) this.probeLoop(slot, type, probe, probe.periodMs);
    });
    const list = this.probeTimers.get(slot) ?? [];
    list.push(id);
    this.probeTimers.set(slot, list);
  }

  private probeOnce(slot: Slot, type: ProbeType, probe: ProbeSpec, instance: RunningContainer): void {
    const result = runProbe(probe, instance, slot.spec, this.run.podIP ?? '', () => this.processEnv(slot, instance.files), this.node.loop.nowMs());
    const p = slot.probe;
    if (!result.ok) this.event(slot, 'Warning', 'Unhealthy', `${type} probe failed: ${result.output}`);
    if (type === 'Readiness') {
      if (result.ok) {
        p.readyFails = 0;
        if (++p.readyOk >= probe.successThreshold && !slot.status.ready) {
          slot.status.ready = true;
          this.report();
        }
      } else {
        p.readyOk = 0;
        if (++p.readyFails >= probe.failureThreshold && slot.status.ready) {
          slot.status.ready = false;
          this.report();
        }
      }
      return;
    }
    if (type === 'Startup') {
      if (result.ok) {
        slot.status.started = true;
        if (!readProbe(slot.spec.readinessProbe)) slot.status.ready = true;
        this.report();
        return;
      }
      if (++p.startupFails >= probe.failureThreshold) this.probeKill(slot, 'startup', probe);
      return;
    }
    if (result.ok) {
      p.liveFails = 0;
      return;
    }
    if (++p.liveFails >= probe.failureThreshold) this.probeKill(slot, 'liveness', probe);
  }

  /** A failed liveness/startup probe: the kubelet kills the container, to be restarted unless restartPolicy is Never. */
  private probeKill(slot: Slot, probeName: 'liveness' | 'startup', probe: ProbeSpec): void {
    const instance = slot.instance;
    if (!instance?.running) return;
    const restart = this.policy !== 'Never';
    slot.killing = { restart };
    this.cancelProbes(slot);
    this.event(slot, 'Normal', 'Killing', `Container ${slot.status.name} failed ${probeName} probe${restart ? ', will be restarted' : ''}`);
    const graceSeconds = probe.terminationGracePeriodSeconds ?? (typeof rec(this.pod.spec).terminationGracePeriodSeconds === 'number' ? (rec(this.pod.spec).terminationGracePeriodSeconds as number) : DEFAULT_GRACE_SECONDS);
    if (instance.sigterm(this.shutdownMs())) return;
    this.publish(slot, TimerKind.ProbeRestart, `kill/${slot.status.name}`, graceSeconds * 1000, `SIGKILL for container ${slot.status.name} after failing its ${probeName} probe (grace period ${graceSeconds}s)`, () => instance.sigkill());
  }

  // ---- termination ----

  /** Graceful termination: preStop hooks, SIGTERM, SIGKILL at the end of the grace period, then the pod is deleted. */
  private terminate(): void {
    this.terminating = true;
    for (const id of this.timers) this.node.loop.cancel(id);
    this.timers.clear();
    for (const slot of this.slots) {
      slot.pending?.cancel();
      slot.pending = undefined;
      this.cancelProbes(slot);
    }
    const graceMs = (typeof this.pod.metadata.deletionGracePeriodSeconds === 'number' ? this.pod.metadata.deletionGracePeriodSeconds : DEFAULT_GRACE_SECONDS) * 1000;
    const running = this.slots.filter((s) => s.instance?.running);
    if (running.length === 0) {
      // Only the sandbox is left to tear down.
      this.node.loop.after(this.shutdownMs(), 'kubelet sandbox teardown', () => this.finishTermination());
      return;
    }
    const deadline = this.publish(undefined, TimerKind.TerminationGrace, 'grace', graceMs, `SIGKILL for what is still running when the ${graceMs / 1000}s grace period ends`, () => {
      for (const s of running) s.instance?.sigkill();
      this.checkStopped(running);
    });
    for (const slot of running) {
      const instance = slot.instance as RunningContainer;
      this.event(slot, 'Normal', 'Killing', `Stopping container ${slot.status.name}`);
      const preStopMs = Math.min(graceMs, this.runPreStop(slot, instance));
      const signal = () => {
        if (!instance.running) return;
        instance.sigterm(this.shutdownMs());
      };
      if (preStopMs > 0) this.node.loop.after(preStopMs, 'kubelet preStop', signal);
      else signal();
    }
    // Containers report their exits; check after each one whether all have stopped.
    const poll = () => {
      if (this.gone) return;
      if (running.every((s) => !s.instance?.running)) {
        deadline.cancel();
        this.finishTermination();
        return;
      }
      this.node.loop.after(100, 'kubelet termination check', poll);
    };
    this.node.loop.after(60, 'kubelet termination check', poll);
  }

  /** How long a server takes to shut down cleanly on SIGTERM. */
  private shutdownMs(): number {
    return 100 + this.node.random.intBelow(400);
  }

  private checkStopped(running: Slot[]): void {
    if (running.every((s) => !s.instance?.running)) this.finishTermination();
  }

  /** Runs a container's preStop hook; returns how long it keeps the container from getting SIGTERM. */
  private runPreStop(slot: Slot, instance: RunningContainer): number {
    const hook = rec(rec(slot.spec.lifecycle).preStop);
    if (isRecord(hook.sleep)) return (typeof hook.sleep.seconds === 'number' ? hook.sleep.seconds : 0) * 1000;
    if (isRecord(hook.exec)) {
      const command = Array.isArray(hook.exec.command) ? hook.exec.command.map(text) : [];
      const r = drain(new Shell(this.processEnv(slot, instance.files)).runArgv(command));
      if (r.code !== 0) this.event(slot, 'Warning', 'FailedPreStopHook', `PreStopHook failed`); // UNVERIFIED wording
      return r.sleptMs;
    }
    return 0;
  }

  private finishTermination(): void {
    if (this.gone) return;
    for (const slot of this.slots) {
      const i = slot.instance;
      if (i?.exit && 'running' in slot.status.state) slot.status.state = { terminated: { containerID: slot.status.containerID, exitCode: i.exit.code, finishedAt: formatRfc3339(i.exit.atMs), reason: i.exit.reason, startedAt: formatRfc3339(i.startedAtMs) } };
      slot.status.ready = false;
    }
    this.report();
    if (this.run.podIP && rec(this.pod.spec).hostNetwork !== true) this.node.releasePodIP(this.run.podIP);
    this.node.client.delete({ group: '', version: 'v1', resource: 'pods', namespace: text(this.pod.metadata.namespace), name: text(this.pod.metadata.name) }, { gracePeriodSeconds: 0, preconditions: { uid: this.pod.metadata.uid } });
    this.gone = true;
    this.node.timers.clearPrefix(`${this.id}/`);
  }

  /** The pod object was removed (or the kubelet stops): drop every pending step. */
  stop(): void {
    this.gone = true;
    for (const id of this.timers) this.node.loop.cancel(id);
    this.timers.clear();
    for (const slot of this.slots) {
      slot.pending?.cancel();
      this.cancelProbes(slot);
      slot.instance?.abandon();
    }
    this.node.timers.clearPrefix(`${this.id}/`);
  }

  // ---- the containers' HTTP servers and resource usage ----

  /** The named container's main process exits with `code` (its attached shell session ended). */
  endMainProcess(container: string, code: number): void {
    this.slots.find((s) => s.status.name === container && s.instance?.running)?.instance?.exitWith(code);
  }

  /** The running container listening on `port` answers an HTTP GET and spends CPU on it. */
  serveHttp(port: number, path: string): { reply: HttpReply; latencyMs: number } | undefined {
    const instance = this.slots.find((s) => s.instance?.running && s.instance.listeners.some((l) => l.port === port))?.instance;
    const reply = instance ? httpGet(this.pod, port, path) : undefined;
    return instance && reply ? { reply, latencyMs: instance.cpu?.serve(this.node.loop.nowMs()) ?? 0 } : undefined;
  }

  /** What cAdvisor measures of the running app containers (init containers that finished are gone). */
  containerUsage(nowMs: number): ContainerUsage[] {
    return this.slots.flatMap((s) => (s.instance?.running && s.instance.cpu && !(s.init && !s.sidecar) ? [{ name: s.status.name, startedAtMs: s.instance.startedAtMs, cpuNanos: s.instance.cpu.cumulativeNanos(nowMs), memoryBytes: s.instance.cpu.workingSetBytes() }] : []));
  }

  // ---- logs ----

  /** The container's status, for log requests (`is waiting to start`, `previous terminated container`). */
  containerStatus(name: string): ContainerRun | undefined {
    return this.slots.find((s) => s.status.name === name)?.status;
  }

  /** When the container's process has exited but the kubelet has not yet seen it (it is stopped): containerd's view. */
  unseenExit(name: string): { code: number; atMs: number } | undefined {
    const slot = this.slots.find((s) => s.status.name === name);
    return this.paused && slot?.instance?.exit && 'running' in slot.status.state ? { code: slot.instance.exit.code, atMs: slot.instance.exit.atMs } : undefined;
  }

  /** Each container's current log, kept by the kubelet when its node stops (the files stay on disk). */
  currentLogs(): Map<string, LogLine[]> {
    return new Map(this.slots.flatMap((s) => (s.instance ? [[s.status.name, s.instance.log] as const] : [])));
  }

  /** Lines of the current (or previous) instance; undefined when there is no such instance. */
  logOf(name: string, previous: boolean): LogLine[] | undefined {
    const slot = this.slots.find((s) => s.status.name === name);
    if (!slot) return undefined;
    return previous ? slot.previousLog : slot.instance?.log;
  }

  /**
   * A restarted kubelet's status manager posts every pod's status again: what changed while it was
   * stopped, and Ready again where the node controller had marked the pod not ready.
   */
  flushStatus(): void {
    this.report();
  }

  private report(): void {
    if (this.gone || !this.node.reporting()) return;
    const existing = rec(this.pod.status);
    const status = buildStatus(this.run, existing, this.node.loop.nowMs());
    const r = this.node.client.update({ group: '', version: 'v1', resource: 'pods', namespace: text(this.pod.metadata.namespace), name: text(this.pod.metadata.name), subresource: 'status' }, { ...this.pod, metadata: { ...this.pod.metadata, resourceVersion: undefined }, status });
    if (r.ok) this.pod = r.value;
  }
}
