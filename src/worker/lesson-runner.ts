/**
 * The running lesson, on the engine's side of the worker: what the learner typed since it started,
 * and its checks evaluated against the simulation (the UI only shows the results).
 */
import type { Simulation } from '../engine';
import type { LessonStepStatus, SavedLesson } from '../engine/protocol';
import { evaluate } from '../lessons/progress';
import type { Lesson } from '../lessons/types';
import { viewOf } from '../lessons/view';

/** The user agent of the checks' API reads, so the graph does not animate them as cluster traffic. */
export const LESSON_CHECK_AGENT = 'kubelab-lesson-checks';
/** Longest virtual time a replayed line may wait for its command to finish. */

/** The simulation with every API request marked as the checks' own. */
function asChecks(sim: Simulation): Simulation {
  return { ...sim, api: { ...sim.api, request: (request) => sim.api.request({ ...request, userAgent: LESSON_CHECK_AGENT }) } };
}

export interface LessonStatus {
  current: number;
  steps: LessonStepStatus[];
}

export class LessonRunner {
  /** Every line typed in the terminal since the lesson started (replayed solutions included). */
  private readonly history: string[] = [];
  private current: number;

  /** `doneSoFar` steps count as done already (their solutions were replayed, or a saved lesson passed them). */
  constructor(
    readonly lesson: Lesson,
    doneSoFar: number,
    typed: readonly string[] = [],
  ) {
    this.current = doneSoFar;
    this.history.push(...typed);
  }

  /** What a reload needs to continue this lesson where it is. */
  saved(): SavedLesson {
    return { lessonId: this.lesson.id, current: this.current, typed: [...this.history] };
  }

  record(line: string): void {
    this.history.push(line);
  }

  /** Each step's check; the hints and fails of the current step. A step once passed stays passed. */
  evaluate(sim: Simulation): LessonStatus {
    const view = viewOf(asChecks(sim), this.history);
    const progress = evaluate(this.lesson, view, this.current);
    this.current = progress.current;
    const holding = (warnings: { when: (v: typeof view) => { done: boolean } }[] | undefined) => (warnings ?? []).flatMap((w, i) => (w.when(view).done ? [i] : []));
    const steps = this.lesson.steps.map((step, i): LessonStepStatus => {
      const result = progress.results[i];
      const isCurrent = i === progress.current;
      return {
        done: result?.done ?? false,
        ...(result && !result.done ? { missing: result.missing } : {}),
        hints: isCurrent ? holding(step.hints) : [],
        fails: isCurrent ? holding(step.fails) : [],
      };
    });
    return { current: progress.current, steps };
  }
}
