/**
 * Messages between the UI thread and the engine host (Web Worker or a `kubelab serve` socket).
 * Types only: both sides import this file and nothing else from the engine's insides.
 */
import type { KubeObject } from '../api/meta';
import type { ClusterTimer, SimSnapshot } from '../simulation-api';
import type { ShellState } from '../types';

export const PROTOCOL_VERSION = 1;

/** One API request or watch notification between components, for the graph to animate. */
export interface TrafficEvent {
  /** Virtual time in ms. */
  atMs: number;
  /** Who sent it: "kubectl", "kube-scheduler", "kubelet/kind-worker", "kube-apiserver", "etcd", ... */
  from: string;
  to: string;
  /** HTTP verb or "WATCH" / "PUT" (etcd). */
  verb: string;
  /** Request path, or the watched resource for notifications. */
  path: string;
  /** HTTP status of the response, when it is a request. */
  code?: number;
}

/** A change to one object, keyed by uid so a re-created object is a new entry. */
export type ObjectOp = { op: 'put'; object: KubeObject } | { op: 'remove'; uid: string };

/** The running lesson as saved: which one, the first step not done, and what the learner typed in it. */
export interface SavedLesson {
  lessonId: string;
  current: number;
  typed: string[];
}

/** Everything the engine side needs to continue a lab after a reload. */
export interface SavedLab {
  snapshot: SimSnapshot;
  /** Absent when it could not be read back: the terminal then starts as a fresh login shell. */
  terminal?: ShellState;
  lesson?: SavedLesson;
}

export type UiToEngine =
  /** Starts the engine: a fresh cluster, or the saved lab when `restore` is given. */
  | { type: 'hello'; protocolVersion: number; seed?: number; cluster?: 'default' | 'empty'; restore?: SavedLab }
  /** "Reset cluster": discards the simulation (cluster, files, terminal state) and boots a fresh default cluster. */
  | { type: 'reset' }
  | { type: 'shell.input'; line: string }
  | { type: 'shell.signal'; signal: 'SIGINT' }
  | { type: 'clock.setSpeed'; factor: number }
  | { type: 'clock.pause' }
  | { type: 'clock.play' }
  | { type: 'clock.step' }
  | { type: 'node.stop'; name: string }
  | { type: 'node.start'; name: string }
  | { type: 'apply'; requestId: string; yaml: string }
  | { type: 'snapshot'; requestId: string }
  | { type: 'resync' }
  /** The lab machine's files, for the editor: list (reply: one path per line), read, write. */
  | { type: 'file.list'; requestId: string }
  | { type: 'file.read'; requestId: string; path: string }
  | { type: 'file.write'; requestId: string; path: string; content: string }
  /**
   * Starts a lesson: a fresh simulation from the lesson's starting cluster, the solutions of the
   * steps before `step` (0-based) typed into the terminal, then its checks evaluated live.
   */
  | { type: 'lesson.start'; lessonId: string; step: number }
  /** "Show me": types the step's solution into the terminal, each line once the one before it finished. */
  | { type: 'lesson.showMe'; step: number }
  /** Opens one of the step's files in the editor (created with its starting text when missing). */
  | { type: 'lesson.openFile'; step: number; file: number }
  /** Stops evaluating the lesson's checks; the cluster stays as it is. */
  | { type: 'lesson.stop' }
  /** The inspector asks for an object's YAML, its `kubectl describe` and, for a pod, the scheduler's reasons. */
  | { type: 'inspect'; requestId: string; target: InspectTarget };

/** Text in both lesson languages. */
export interface LessonText {
  en: string;
  ko: string;
}

/** One step's live state: its check, and the indexes of the hints and fails that hold now. */
export interface LessonStepStatus {
  done: boolean;
  /** What the check still misses (when not done). */
  missing?: LessonText;
  hints: number[];
  fails: number[];
}

export type EngineToUi =
  | { type: 'ready'; protocolVersion: number; seq: number; nowMs: number; revision: number; objects: KubeObject[]; prompt: string }
  | { type: 'patch'; seq: number; nowMs: number; revision: number; ops: ObjectOp[]; traffic: TrafficEvent[] }
  | { type: 'shell.output'; chunk: string; prompt?: string; busy: boolean }
  | { type: 'clock'; nowMs: number; speed: number; paused: boolean }
  | { type: 'reply'; requestId: string; stdout: string; stderr: string; exitCode: number }
  | { type: 'error'; message: string }
  /** `vi FILE` in the terminal: open FILE of the lab machine in the editor. */
  | { type: 'file.open'; path: string; content: string }
  /** The running lesson's checks, sent when they change. `current` is the first step not done. */
  | { type: 'lesson.progress'; lessonId: string; current: number; steps: LessonStepStatus[] }
  /** The lab as it is now, for the UI to save; sent every few seconds of wall time while it changes. */
  | { type: 'checkpoint'; lab: SavedLab }
  /** A saved lab that could not be restored in full: what was dropped and why. */
  | { type: 'restore.dropped'; dropped: string[] }
  /** Answer to `inspect`: each view as the lab's kubectl (and `kubelab explain`) prints it. */
  | { type: 'inspection'; requestId: string; inspection: Inspection }
  /** Every pending timed transition (eviction deadlines, grace periods, back-offs), sent when they change. */
  | { type: 'timers'; nowMs: number; timers: ClusterTimer[] };

/** An object the inspector shows. */
export interface InspectTarget {
  kind: string;
  namespace?: string;
  name: string;
}

export interface Inspection {
  target: InspectTarget;
  /** `kubectl get KIND NAME -o yaml` (or its error). */
  yaml: string;
  /** `kubectl describe KIND NAME`, Events included. */
  describe: string;
  /** For pods: `kubelab explain pod/NAME`, the scheduler's last decision. */
  whyHere?: string;
}
