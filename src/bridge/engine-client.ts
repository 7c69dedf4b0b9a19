/**
 * The UI side of the worker protocol: starts the engine worker, routes its messages into the
 * stores, and offers the few intents the UI sends. Only this file and the worker speak the protocol.
 */
import { PROTOCOL_VERSION, type EngineToUi, type SavedLab, type UiToEngine } from '../engine/protocol';
import { useEditor } from '../state/editor';
import { useLesson } from '../state/lesson';
import { useMirror } from '../state/mirror';
import { useSaveStatus } from '../state/save-status';
import { useSim } from '../state/sim';
import { useTraffic } from '../state/traffic';

/** A chunk of terminal output, with the prompt and busy state that hold after it. */
export interface ShellOutput {
  chunk: string;
  prompt: string;
  busy: boolean;
}

/** What `kubectl apply` printed for the editor's text (or how a file request went). */
export interface ApplyResult {
  output: string;
  exitCode: number;
}

/** A file request's answer: what it read (or an error text) and its status. */
export type FileResult = ApplyResult;

type OutputListener = (output: ShellOutput) => void;

export class EngineClient {
  private readonly worker: Worker;
  private readonly outputListeners = new Set<OutputListener>();
  private readonly checkpointListeners = new Set<(lab: SavedLab) => void>();
  private readonly resetListeners = new Set<() => void>();
  private readonly pendingReplies = new Map<string, (result: ApplyResult) => void>();
  private nextRequestId = 1;
  /** Set after asking for a resync, so the patches still in flight do not each ask again. */
  private resyncing = false;

  /** Starts the engine with a fresh cluster, or continuing `restore` (a lab saved by an earlier page). */
  constructor(seed = 1, restore?: SavedLab) {
    this.worker = new Worker(new URL('../worker/engine.worker.ts', import.meta.url), { type: 'module' });
    this.worker.onmessage = (event: MessageEvent<EngineToUi>) => this.receive(event.data);
    this.worker.onerror = (event) => useSim.getState().setError(`the engine worker failed: ${event.message}`);
    this.send({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed, cluster: 'default', ...(restore ? { restore } : {}) });
  }

  /** The lab as the engine has it now, every few seconds while it changes (to save it). */
  onCheckpoint(listener: (lab: SavedLab) => void): () => void {
    this.checkpointListeners.add(listener);
    return () => this.checkpointListeners.delete(listener);
  }

  /** "Reset cluster": a fresh default cluster; the running lesson stops. */
  reset(): void {
    useLesson.getState().stopped();
    // Not ready until the new cluster's `ready` arrives, so the terminal draws its prompt then.
    useSim.setState({ ready: false, busy: false });
    for (const listener of this.resetListeners) listener();
    this.send({ type: 'reset' });
  }

  /** Called when the learner resets the cluster (the terminal clears its screen). */
  onReset(listener: () => void): () => void {
    this.resetListeners.add(listener);
    return () => this.resetListeners.delete(listener);
  }

  send(message: UiToEngine): void {
    this.worker.postMessage(message);
  }

  onOutput(listener: OutputListener): () => void {
    this.outputListeners.add(listener);
    return () => this.outputListeners.delete(listener);
  }

  /** Applies manifests as `kubectl apply -f -` would, resolving with what kubectl printed. */
  apply(yaml: string): Promise<ApplyResult> {
    return this.request((requestId) => ({ type: 'apply', requestId, yaml }));
  }

  /** Paths of every file on the lab machine, sorted. */
  async listFiles(): Promise<string[]> {
    const { output } = await this.request((requestId) => ({ type: 'file.list', requestId }));
    return output === '' ? [] : output.split('\n');
  }

  readFile(path: string): Promise<FileResult> {
    return this.request((requestId) => ({ type: 'file.read', requestId, path }));
  }

  writeFile(path: string, content: string): Promise<FileResult> {
    return this.request((requestId) => ({ type: 'file.write', requestId, path, content }));
  }

  /** Starts a lesson afresh from its starting cluster, with the steps before `step` done for the learner. */
  startLesson(lessonId: string, step: number): void {
    useLesson.getState().started(lessonId, step);
    this.send({ type: 'lesson.start', lessonId, step });
  }

  stopLesson(): void {
    useLesson.getState().stopped();
    this.send({ type: 'lesson.stop' });
  }

  /** Sends a message that the engine answers with a `reply`, and resolves with that reply. */
  private request(message: (requestId: string) => UiToEngine): Promise<ApplyResult> {
    const requestId = `request-${this.nextRequestId++}`;
    return new Promise((resolve) => {
      this.pendingReplies.set(requestId, resolve);
      this.send(message(requestId));
    });
  }

  private receive(message: EngineToUi): void {
    switch (message.type) {
      case 'ready':
        this.resyncing = false;
        useMirror.getState().reset(message.seq, message.objects);
        useSim.getState().setReady(message.prompt, message.nowMs);
        break;
      case 'patch':
        if (!this.resyncing && !useMirror.getState().applyPatch(message.seq, message.ops)) {
          this.resyncing = true;
          this.send({ type: 'resync' });
        }
        useTraffic.getState().record(message.traffic, performance.now());
        break;
      case 'shell.output': {
        const prompt = message.prompt ?? useSim.getState().prompt;
        useSim.getState().setPrompt(prompt, message.busy);
        for (const listener of this.outputListeners) listener({ chunk: message.chunk, prompt, busy: message.busy });
        break;
      }
      case 'clock':
        useSim.getState().setClock(message.nowMs, message.speed, message.paused);
        break;
      case 'error':
        useSim.getState().setError(message.message);
        break;
      case 'reply': {
        const resolve = this.pendingReplies.get(message.requestId);
        this.pendingReplies.delete(message.requestId);
        resolve?.({ output: message.stdout + message.stderr, exitCode: message.exitCode });
        break;
      }
      case 'file.open':
        useEditor.getState().openFile(message.path, message.content);
        break;
      case 'lesson.progress':
        useLesson.getState().setProgress(message.lessonId, message.current, message.steps);
        break;
      case 'checkpoint':
        for (const listener of this.checkpointListeners) listener(message.lab);
        break;
      case 'restore.dropped':
        useSaveStatus.setState((s) => ({ dropped: [...s.dropped, ...message.dropped] }));
        break;
    }
  }
}
