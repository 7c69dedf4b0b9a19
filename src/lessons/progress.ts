/** How far a learner is: each step's check, in order; a step counts once every step before it is done. */
import type { CheckResult, ClusterView, Lesson } from './types';

export interface LessonProgress {
  /** Index of the first step not done yet (steps.length when the lesson is complete). */
  current: number;
  results: CheckResult[];
}

export function evaluate(lesson: Lesson, view: ClusterView, doneSoFar = 0): LessonProgress {
  const results: CheckResult[] = [];
  let current = doneSoFar;
  lesson.steps.forEach((step, i) => {
    // A step once passed stays passed (the clean-up step undoes what earlier checks look for).
    const result: CheckResult = i < doneSoFar ? { done: true } : step.check(view);
    results.push(result);
    if (i === current && result.done) current = i + 1;
  });
  return { current, results };
}
