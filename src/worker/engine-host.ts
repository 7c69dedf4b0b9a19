/**
 * The browser host of the engine, free of worker globals so tests can drive it in Node:
 * runs the simulation in real time at a speed factor, folds object changes, API traffic and
 * terminal output into at most one message of each kind per pacing slice, answers the UI's intents
 * (shell lines, Ctrl-C, pause / play / step, speed, node stop / start, editor apply, the editor's
 * file reads and saves, lessons), forwards `vi FILE` to the editor, evaluates the running lesson's
 * checks, and survives
 * engine exceptions by reporting them and restoring the last good snapshot.
 */
import { createSimulation, type KubeObject, type ShellSession, type ShellState, type Simulation, type SimSnapshot } from '../engine';
import { PROTOCOL_VERSION, type EngineToUi, type SavedLab, type UiToEngine } from '../engine/protocol';
import { ChangeBatch } from './change-batch';
import { applyCommandLines, parseApplyOutput } from './editor-apply';
import { LESSONS } from '../lessons';
import { LESSON_CHECK_AGENT, LessonRunner } from './lesson-runner';
import { inspect } from './inspector';
import { settleCommand } from '../engine/scenario/runner';
import { listAllObjects } from './list-objects';

/** Longest virtual time one slice may cover, so a stalled tab at 60x does not jump minutes at once. */
export const SLICE_VIRTUAL_MS_MAX = 5_000;
/** Wall time between the snapshots an engine exception rolls back to. */
export const SNAPSHOT_EVERY_WALL_MS = 10_000;
/**
 * Least wall time between checkpoints the UI saves (sent only when something changed). A big
 * cluster's snapshot costs more, so the gap also grows to CHECKPOINT_COST_FACTOR times its cost.
 */
export const CHECKPOINT_EVERY_WALL_MS = 2_000;
const CHECKPOINT_COST_FACTOR = 50;
/** Wall time between looks at the timer board (the UI counts down on its own in between). */
const TIMERS_EVERY_WALL_MS = 250;
/** Wall time between evaluations of the lesson's checks (also right after each typed line). */
export const LESSON_CHECK_EVERY_WALL_MS = 250;

export interface EngineHostOptions {
  post(message: EngineToUi): void;
  /** Host wall clock in ms (performance.now in the worker). */
  wallNowMs(): number;
}

interface PendingApply {
  requestId: string;
  printed: string;
}

/** One simulation and the two shell sessions the page uses: the terminal's and the editor's. */
interface Running {
  sim: Simulation;
  terminal: ShellSession;
  editor: ShellSession;
}

export class EngineHost {
  private running: Running | undefined;
  private readonly batch = new ChangeBatch();
  private terminalOutput = '';
  private pendingApply: PendingApply | undefined;
  private readonly applyQueue: { requestId: string; yaml: string }[] = [];
  private speed = 1;
  private paused = false;
  private seq = 0;
  private lastWallMs: number;
  /** Fraction of a virtual millisecond carried to the next slice, so time advances in whole ms. */
  private carryMs = 0;
  private lastSnapshot: SimSnapshot | undefined;
  private lastSnapshotWallMs: number;
  private lastClockSent = '';
  private lastShellState = '';
  private seed = 1;
  private lesson: LessonRunner | undefined;
  private lastLessonCheckWallMs = -Infinity;
  private lastLessonSent = '';
  /** Lines "Show me" still has to type, each once the terminal is free. */
  private readonly toType: string[] = [];
  /** Something changed since the last checkpoint. */
  private dirty = false;
  private lastCheckpointWallMs = -Infinity;
  /** While the inspector reads the cluster: its API calls are not cluster traffic for the graph. */
  private inspecting = false;
  private lastTimersSent = '';
  private lastTimersWallMs = -Infinity;
  private checkpointGapMs = CHECKPOINT_EVERY_WALL_MS;

  constructor(private readonly options: EngineHostOptions) {
    this.lastWallMs = options.wallNowMs();
    this.lastSnapshotWallMs = this.lastWallMs;
  }

  /** Handles one message from the UI, then sends whatever it changed. */
  receive(message: UiToEngine): void {
    this.guarded(() => this.dispatch(message));
    this.flush();
  }

  /** One pacing slice: moves virtual time by the wall time since the last slice times the speed. */
  tick(): void {
    const wall = this.options.wallNowMs();
    const elapsed = Math.max(0, wall - this.lastWallMs);
    this.lastWallMs = wall;
    const running = this.running;
    if (!running) return;
    this.guarded(() => {
      if (!this.paused) {
        this.carryMs = Math.min(this.carryMs + elapsed * this.speed, SLICE_VIRTUAL_MS_MAX);
        const wholeMs = Math.floor(this.carryMs);
        this.carryMs -= wholeMs;
        if (wholeMs > 0) running.sim.advance(wholeMs);
      }
      if (wall - this.lastSnapshotWallMs >= SNAPSHOT_EVERY_WALL_MS) {
        this.lastSnapshot = running.sim.snapshot();
        this.lastSnapshotWallMs = wall;
      }
      this.settleApply();
      this.typeQueued(running);
      if (this.dirty && wall - this.lastCheckpointWallMs >= this.checkpointGapMs) this.checkpoint(running, wall);
    });
    this.flush();
  }

  private dispatch(message: UiToEngine): void {
    if (message.type === 'hello') {
      this.seed = message.seed ?? 1;
      if (message.restore) this.restoreSaved(message.restore);
      else this.boot(createSimulation({ seed: this.seed, cluster: message.cluster ?? 'default' }));
      return;
    }
    const running = this.running;
    if (!running) return;
    switch (message.type) {
      case 'reset':
        this.toType.length = 0;
        this.lesson = undefined;
        this.lastLessonSent = '';
        this.terminalOutput = '';
        this.lastShellState = '';
        this.boot(createSimulation({ seed: this.seed, cluster: 'default' }));
        break;
      case 'shell.input':
        this.typeLine(running, message.line);
        break;
      case 'shell.signal':
        running.terminal.signal(message.signal);
        running.sim.advance(0);
        break;
      case 'clock.setSpeed':
        if (Number.isFinite(message.factor) && message.factor > 0) this.speed = message.factor;
        break;
      case 'clock.pause':
        this.paused = true;
        break;
      case 'clock.play':
        this.paused = false;
        this.lastWallMs = this.options.wallNowMs(); // time paused is not made up afterwards
        break;
      case 'clock.step':
        running.sim.step();
        break;
      case 'node.stop':
        running.sim.stopNode(message.name);
        running.sim.advance(0);
        break;
      case 'node.start':
        running.sim.startNode(message.name);
        running.sim.advance(0);
        break;
      case 'apply':
        this.applyQueue.push({ requestId: message.requestId, yaml: message.yaml });
        this.settleApply();
        break;
      case 'snapshot':
        this.options.post({ type: 'reply', requestId: message.requestId, stdout: JSON.stringify(running.sim.snapshot()), stderr: '', exitCode: 0 });
        break;
      case 'resync':
        this.sendReady(running);
        break;
      case 'file.list':
        this.reply(message.requestId, running.sim.files.list().join('\n'));
        break;
      case 'file.read': {
        const content = running.sim.files.read(message.path);
        this.reply(message.requestId, content ?? '', content === undefined ? `${message.path}: No such file or directory` : undefined);
        break;
      }
      case 'file.write':
        this.reply(message.requestId, '', running.sim.files.write(message.path, message.content));
        this.dirty = true;
        break;
      case 'lesson.start':
        this.startLesson(message.lessonId, message.step);
        break;
      case 'lesson.showMe':
        this.toType.push(...(this.lesson?.lesson.steps[message.step]?.solution ?? []));
        this.typeQueued(running);
        break;
      case 'lesson.openFile':
        this.openLessonFile(running, message.step, message.file);
        break;
      case 'inspect':
        this.inspecting = true;
        try {
          this.options.post({ type: 'inspection', requestId: message.requestId, inspection: inspect(running.sim, message.target) });
        } finally {
          this.inspecting = false;
        }
        break;
      case 'lesson.stop':
        this.toType.length = 0;
        this.lesson = undefined;
        this.lastLessonSent = '';
        break;
    }
  }

  /** Answers a request: exit status 1 with `error` on stderr when there is one. */
  private reply(requestId: string, stdout: string, error?: string): void {
    this.options.post({ type: 'reply', requestId, stdout: error === undefined ? stdout : '', stderr: error ?? '', exitCode: error === undefined ? 0 : 1 });
  }

  /**
   * Continues a saved lab. A snapshot the engine cannot load gives a fresh cluster with the saved
   * files written back (what can be kept is kept), and the UI hears what was dropped.
   */
  private restoreSaved(saved: SavedLab): void {
    const dropped: string[] = [];
    let sim: Simulation;
    try {
      sim = createSimulation({ snapshot: saved.snapshot });
    } catch (error) {
      dropped.push(`the cluster (${error instanceof Error ? error.message : String(error)}); a fresh one was started`);
      const withFiles = freshWithSavedFiles(this.seed, saved.snapshot);
      if (!withFiles) dropped.push('the files of the lab machine (unreadable)');
      sim = withFiles ?? createSimulation({ seed: this.seed, cluster: 'default' });
    }
    this.boot(sim, saved.terminal);
    const lesson = saved.lesson && LESSONS.find((l) => l.id === saved.lesson?.lessonId);
    if (saved.lesson && !lesson) dropped.push(`the lesson "${saved.lesson.lessonId}", which no longer exists`);
    if (saved.lesson && lesson) this.lesson = new LessonRunner(lesson, Math.min(saved.lesson.current, lesson.steps.length), saved.lesson.typed);
    if (dropped.length > 0) this.options.post({ type: 'restore.dropped', dropped });
  }

  /** Posts the lab as it is now for the UI to save (it also becomes the snapshot an exception rolls back to). */
  private checkpoint(running: Running, wall: number): void {
    const started = this.options.wallNowMs();
    const snapshot = running.sim.snapshot();
    this.checkpointGapMs = Math.max(CHECKPOINT_EVERY_WALL_MS, CHECKPOINT_COST_FACTOR * (this.options.wallNowMs() - started));
    this.lastSnapshot = snapshot;
    this.lastSnapshotWallMs = wall;
    this.lastCheckpointWallMs = wall;
    this.dirty = false;
    const lesson = this.lesson?.saved();
    this.options.post({ type: 'checkpoint', lab: { snapshot, terminal: running.terminal.state(), ...(lesson ? { lesson } : {}) } });
  }

  private boot(sim: Simulation, terminalState?: ShellState): void {
    const terminal = sim.shell.open(terminalState);
    const editor = sim.shell.open();
    sim.subscribe((change) => {
      this.dirty = true;
      if (change.kind === 'open-file') this.options.post({ type: 'file.open', path: change.path, content: sim.files.read(change.path) ?? '' });
      else if (change.kind !== 'traffic' || (change.event.from !== LESSON_CHECK_AGENT && !this.inspecting)) this.batch.add(change);
    });
    terminal.onOutput((chunk) => (this.terminalOutput += chunk));
    editor.onOutput((chunk) => {
      if (this.pendingApply) this.pendingApply.printed += chunk;
    });
    const running = { sim, terminal, editor };
    this.running = running;
    this.pendingApply = undefined;
    this.lastSnapshot = sim.snapshot();
    this.lastSnapshotWallMs = this.options.wallNowMs();
    // A new simulation is saved at the next slice, so a reset or a lesson start survives a reload.
    this.dirty = true;
    this.lastCheckpointWallMs = -Infinity;
    this.lastTimersSent = '';
    this.lastTimersWallMs = -Infinity;
    this.sendReady(running);
  }

  /** Sends every object the cluster holds, replacing the UI's mirror (first load, resync, restore). */
  private sendReady(running: Running): void {
    const objects: KubeObject[] = listAllObjects(running.sim);
    this.batch.clear();
    this.options.post({
      type: 'ready',
      protocolVersion: PROTOCOL_VERSION,
      seq: this.seq,
      nowMs: running.sim.clock.now(),
      revision: 0,
      objects,
      prompt: running.terminal.prompt(),
    });
  }

  /** A fresh simulation from the lesson's starting cluster, with the solutions of the steps before `step` typed in. */
  private startLesson(lessonId: string, step: number): void {
    const lesson = LESSONS.find((l) => l.id === lessonId);
    if (!lesson) {
      this.options.post({ type: 'error', message: `no lesson "${lessonId}"` });
      return;
    }
    const doneSoFar = Math.max(0, Math.min(lesson.steps.length, Math.floor(step)));
    this.terminalOutput = '';
    this.toType.length = 0;
    this.boot(createSimulation({ seed: this.seed, cluster: lesson.start }));
    const running = this.running;
    if (!running) return;
    this.lesson = new LessonRunner(lesson, doneSoFar);
    for (const line of lesson.steps.slice(0, doneSoFar).flatMap((s) => s.solution)) {
      this.typeLine(running, line);
      settleCommand(running.sim, running.terminal);
    }
    // The terminal redraws its prompt even when the new shell's prompt looks the same.
    this.lastShellState = '';
    this.lastLessonSent = '';
    this.lastLessonCheckWallMs = -Infinity;
  }

  /** Types the next "Show me" lines while the terminal is free (a shell inside a pod waiting for input counts as free). */
  private typeQueued(running: Running): void {
    while (this.toType.length > 0 && !running.terminal.busy()) this.typeLine(running, this.toType.shift() ?? '');
  }

  /** Opens a step's file in the editor, resolved where the terminal is, so `kubectl apply -f FILE` there finds it. */
  private openLessonFile(running: Running, step: number, index: number): void {
    const file = this.lesson?.lesson.steps[step]?.files?.[index];
    if (!file) return;
    const path = file.path.startsWith('/') ? file.path : `${running.terminal.cwd.replace(/\/$/, '')}/${file.path}`;
    let content = running.sim.files.read(path);
    if (content === undefined) {
      const error = running.sim.files.write(path, file.content);
      if (error) {
        this.options.post({ type: 'error', message: error });
        return;
      }
      content = file.content;
    }
    this.options.post({ type: 'file.open', path, content });
  }

  /** Sends the lesson's checks when they changed; at most every LESSON_CHECK_EVERY_WALL_MS unless a line was just typed. */
  private checkLesson(running: Running): void {
    const wall = this.options.wallNowMs();
    if (!this.lesson || wall - this.lastLessonCheckWallMs < LESSON_CHECK_EVERY_WALL_MS) return;
    this.lastLessonCheckWallMs = wall;
    let status;
    try {
      status = this.lesson.evaluate(running.sim);
    } catch (error) {
      // A broken check is the lesson's bug, not the cluster's: report it and stop checking, keep the cluster.
      this.options.post({ type: 'error', message: `lesson check failed: ${error instanceof Error ? error.message : String(error)}` });
      this.lesson = undefined;
      return;
    }
    const sent = JSON.stringify(status);
    if (sent === this.lastLessonSent) return;
    this.lastLessonSent = sent;
    this.options.post({ type: 'lesson.progress', lessonId: this.lesson.lesson.id, ...status });
  }

  /** Echoes the line as a terminal would (after the prompt, or bare while a program reads it) and runs it. */
  private typeLine(running: Running, line: string): void {
    const echo = running.terminal.busy() ? line : `${running.terminal.prompt()}${line}`;
    this.terminalOutput += `${echo}\n`;
    this.lesson?.record(line);
    this.lastLessonCheckWallMs = -Infinity;
    this.dirty = true;
    running.terminal.write(line);
    running.sim.advance(0);
  }

  /** Starts the next queued apply when the editor session is free, and replies once it finished. */
  private settleApply(): void {
    const running = this.running;
    if (!running) return;
    if (this.pendingApply && !running.editor.busy()) {
      const { requestId, printed } = this.pendingApply;
      this.pendingApply = undefined;
      const { output, exitCode } = parseApplyOutput(printed);
      const failed = exitCode !== 0;
      this.options.post({ type: 'reply', requestId, stdout: failed ? '' : output, stderr: failed ? output : '', exitCode: exitCode ?? 1 });
    }
    const next = this.pendingApply ? undefined : this.applyQueue.shift();
    if (!next) return;
    this.pendingApply = { requestId: next.requestId, printed: '' };
    for (const line of applyCommandLines(next.yaml)) running.editor.write(line);
    running.sim.advance(0);
    this.settleApply();
  }

  private flush(): void {
    const running = this.running;
    if (!running) return;
    const now = running.sim.clock.now();
    const patch = this.batch.take();
    if (patch) this.options.post({ type: 'patch', seq: ++this.seq, nowMs: now, revision: 0, ...patch });
    // Also sent with no text when only the prompt or busy state changed (a silent Ctrl-C, a sleep ending).
    const prompt = running.terminal.prompt();
    const busy = running.terminal.busy();
    const shellState = `${busy}/${prompt}`;
    if (this.terminalOutput || shellState !== this.lastShellState) {
      this.lastShellState = shellState;
      this.options.post({ type: 'shell.output', chunk: this.terminalOutput, prompt, busy });
      this.terminalOutput = '';
    }
    this.checkLesson(running);
    this.sendTimers(running);
    const clock = `${now}/${this.speed}/${this.paused}`;
    if (clock !== this.lastClockSent) {
      this.lastClockSent = clock;
      this.options.post({ type: 'clock', nowMs: now, speed: this.speed, paused: this.paused });
    }
  }

  /** The pending timers when they changed, at most every TIMERS_EVERY_WALL_MS (countdowns tick in the UI). */
  private sendTimers(running: Running): void {
    const wallNow = this.options.wallNowMs();
    if (wallNow - this.lastTimersWallMs < TIMERS_EVERY_WALL_MS) return;
    this.lastTimersWallMs = wallNow;
    const timers = running.sim.timers();
    const key = timers.map((t) => `${t.id}@${t.dueMs}`).join('|');
    if (key === this.lastTimersSent) return;
    this.lastTimersSent = key;
    this.options.post({ type: 'timers', nowMs: running.sim.clock.now(), timers });
  }

  /** Runs an engine action; an exception is reported and the last good snapshot takes over. */
  private guarded(action: () => void): void {
    try {
      action();
    } catch (error) {
      this.options.post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
      this.restore();
    }
  }

  private restore(): void {
    if (!this.lastSnapshot) return;
    try {
      this.terminalOutput = '';
      this.boot(createSimulation({ snapshot: this.lastSnapshot }));
    } catch (error) {
      this.running = undefined;
      this.options.post({ type: 'error', message: `could not restore the last snapshot: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
}

type FileDump = { dirs: string[]; files: [string, string][] };

function isFileDump(value: unknown): value is FileDump {
  if (typeof value !== 'object' || value === null) return false;
  const { dirs, files } = value as Partial<Record<keyof FileDump, unknown>>;
  return Array.isArray(dirs) && dirs.every((d) => typeof d === 'string') && Array.isArray(files) && files.every((f) => Array.isArray(f) && f.length === 2 && typeof f[0] === 'string' && typeof f[1] === 'string');
}

/**
 * A fresh default cluster carrying a saved snapshot's files (its own kubeconfig kept, since it
 * belongs to the new cluster), or undefined when the saved files cannot be read either.
 */
function freshWithSavedFiles(seed: number, saved: SimSnapshot): Simulation | undefined {
  const savedFiles = (saved as { files?: unknown }).files;
  if (!isFileDump(savedFiles)) return undefined;
  const base = createSimulation({ seed, cluster: 'default' }).snapshot() as SimSnapshot & { files: FileDump };
  const kubeconfig = base.files.files.filter(([path]) => path.endsWith('/.kube/config'));
  const files: FileDump = {
    dirs: [...new Set([...base.files.dirs, ...savedFiles.dirs])],
    files: [...savedFiles.files.filter(([path]) => !path.endsWith('/.kube/config')), ...kubeconfig],
  };
  try {
    return createSimulation({ snapshot: { ...base, files } });
  } catch {
    return undefined;
  }
}
