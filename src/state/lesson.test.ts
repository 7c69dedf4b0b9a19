/** The lesson mirror keeps only reports of the lesson that runs now. */
import { beforeEach, describe, expect, it } from 'vitest';
import { useLesson } from './lesson';

const step = { done: true, hints: [], fails: [] };

describe('lesson state', () => {
  beforeEach(() => useLesson.getState().stopped());

  it('takes the running lesson\'s progress and drops a late report from the lesson before', () => {
    useLesson.getState().started('02-kind-hands-on', 3);
    expect(useLesson.getState()).toMatchObject({ lessonId: '02-kind-hands-on', current: 3, steps: [] });
    useLesson.getState().setProgress('01-cluster-tour', 5, [step]);
    expect(useLesson.getState().current).toBe(3);
    useLesson.getState().setProgress('02-kind-hands-on', 4, [step]);
    expect(useLesson.getState()).toMatchObject({ current: 4, steps: [step] });
    useLesson.getState().stopped();
    useLesson.getState().setProgress('02-kind-hands-on', 5, [step]);
    expect(useLesson.getState()).toMatchObject({ lessonId: undefined, current: 0, steps: [] });
  });
});
