/**
 * Lessons are data: text in English and Korean, commands a click pastes, files to open, and a check
 * per step that reads the cluster (and what the learner typed) through a read-only `ClusterView`.
 * The worker evaluates checks live; the test suite runs every lesson's solution headless.
 */
import type { KubeObject } from '../engine';
import type { ClusterStart } from '../engine';

export interface Localized {
  en: string;
  ko: string;
}

export type Language = keyof Localized;

/** What a check may look at. Everything is read-only. */
export interface ClusterView {
  /** One object, or undefined (404 or no cluster). `resource` is `pods`, `deployments.apps`, ... */
  get(resource: string, namespace: string | undefined, name: string): KubeObject | undefined;
  list(resource: string, namespace?: string, labelSelector?: string): KubeObject[];
  /** Every line the learner typed, oldest first (shell and nested shells alike). */
  history: readonly string[];
  /** Virtual time, ms since the Unix epoch. */
  nowMs: number;
  /** The kind clusters on the lab machine (`kind get clusters`). */
  kindClusters(): string[];
  /** Whether a file exists on the lab machine (relative to the home directory). */
  fileExists(path: string): boolean;
}

export type CheckResult = { done: true } | { done: false; missing: Localized };

export type Check = (view: ClusterView) => CheckResult;

export interface Hint {
  /** Shown while this is done (a mistake detected), e.g. a typo in the image name. */
  when: Check;
  text: Localized;
  /** Lines that make the mistake, typed after the earlier steps' solutions: the tests prove `when` can fire. */
  mistake?: string[];
}

/** A state that means the learner went wrong (shown while it holds), with the way back. */
export interface Fail {
  when: Check;
  text: Localized;
  /** As for hints: lines that make the mistake, for the tests. */
  mistake?: string[];
}

export interface Prediction {
  question: Localized;
  choices: Localized[];
  /** Index into `choices`. */
  answer: number;
}

export interface Step {
  id: string;
  title: Localized;
  /** Markdown. */
  text: Localized;
  /** Commands a click pastes into the terminal, in order. */
  commands?: string[];
  /** Files the step opens in the editor (a relative path resolves in the terminal's working directory), with their starting text. */
  files?: { path: string; content: string }[];
  check: Check;
  hints?: Hint[];
  fails?: Fail[];
  predict?: Prediction;
  /** Shown once the check passes. */
  explain?: Localized;
  /** What the solution types for this step (the commands, plus any lines inside nested shells). */
  solution: string[];
}

export interface Lesson {
  id: string;
  title: Localized;
  summary: Localized;
  minutes: number;
  start: ClusterStart;
  steps: Step[];
}
