/**
 * Every lesson can be finished: its solution, typed into a fresh simulation from the lesson's
 * starting cluster, makes each step's check pass in order, and the check fails before its step.
 * Every hint and fail check with a `mistake` fires when that mistake is made.
 */
import { settleCommand } from '../engine/scenario/runner';
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../engine';
import { LESSONS } from './index';
import { evaluate } from './progress';
import { viewOf } from './view';

function typeLine(sim: ReturnType<typeof createSimulation>, session: ReturnType<ReturnType<typeof createSimulation>['shell']['open']>, line: string): void {
  session.write(line);
  settleCommand(sim, session);
}

describe('lessons', () => {
  for (const lesson of LESSONS) {
    it(`${lesson.id}: the solution completes every step, in order`, () => {
      const sim = createSimulation({ seed: 1, cluster: lesson.start });
      const session = sim.shell.open();
      let transcript = '';
      session.onOutput((t) => (transcript += t));
      const history: string[] = [];
      let progress = evaluate(lesson, viewOf(sim, history));
      expect(progress.current).toBe(0);
      lesson.steps.forEach((step, i) => {
        for (const line of step.solution) {
          history.push(line);
          const before = transcript.length;
          typeLine(sim, session, line);
          // A solution never relies on a command failing: errors mean the lab lacks something the lesson teaches.
          const printed = transcript.slice(before);
          expect(printed, `step ${step.id}, \`${line}\``).not.toMatch(/^(error|Error from server|bash: |sh: |kubectl: internal error)|command not found|unknown (command|flag)/m);
        }
        progress = evaluate(lesson, viewOf(sim, history), progress.current);
        const result = progress.results[i];
        expect(result?.done ? 'done' : `step ${step.id}: ${result?.missing.en ?? ''}\n${transcript.slice(-2000)}`).toBe('done');
        // The solution makes none of the mistakes the step watches for.
        const view = viewOf(sim, history);
        for (const warning of [...(step.hints ?? []), ...(step.fails ?? [])]) expect(warning.when(view).done, `step ${step.id}: ${warning.text.en}`).toBe(false);
      });
      expect(progress.current).toBe(lesson.steps.length);
    });

    lesson.steps.forEach((step, i) => {
      for (const warning of [...(step.hints ?? []), ...(step.fails ?? [])]) {
        if (!warning.mistake) continue;
        it(`${lesson.id}: step ${step.id} notices "${warning.text.en.slice(0, 40)}..."`, () => {
          const sim = createSimulation({ seed: 1, cluster: lesson.start });
          const session = sim.shell.open();
          const history: string[] = [];
          for (const line of [...lesson.steps.slice(0, i).flatMap((s) => s.solution), ...(warning.mistake ?? [])]) {
            history.push(line);
            typeLine(sim, session, line);
          }
          const view = viewOf(sim, history);
          expect(warning.when(view).done).toBe(true);
          // A mistake that also completed the step would move the learner on before its hint could show.
          expect(step.check(view).done, `step ${step.id} is complete after the mistake`).toBe(false);
        });
      }
    });

    it(`${lesson.id}: every step has text in English and Korean`, () => {
      const texts = lesson.steps.flatMap((s) => [
        s.title,
        s.text,
        ...(s.explain ? [s.explain] : []),
        ...[...(s.hints ?? []), ...(s.fails ?? [])].map((h) => h.text),
        ...(s.predict ? [s.predict.question] : []),
      ]);
      // A choice may be a bare name (`kind-kind`), the same in both languages.
      for (const choice of lesson.steps.flatMap((s) => s.predict?.choices ?? [])) expect(choice.ko.length).toBeGreaterThan(0);
      for (const text of [lesson.title, lesson.summary, ...texts]) {
        expect(text.en.length).toBeGreaterThan(0);
        expect(text.ko).toMatch(/[가-힣]/);
      }
    });
  }
});
