/** The host runs a lesson: fresh starting cluster, replayed earlier steps, checks ticking as lines are typed. */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EngineToUi } from '../engine/protocol';
import { LESSONS } from '../lessons';
import { EngineHost } from './engine-host';
import { LESSON_CHECK_AGENT } from './lesson-runner';

function startHost() {
  const sent: EngineToUi[] = [];
  let wallMs = 0;
  const host = new EngineHost({ post: (m) => sent.push(m), wallNowMs: () => wallMs });
  host.receive({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed: 1, cluster: 'default' });
  return {
    host,
    sent,
    wait: (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        wallMs += 16;
        host.tick();
      }
    },
    progress: () => sent.filter((m): m is Extract<EngineToUi, { type: 'lesson.progress' }> => m.type === 'lesson.progress').at(-1),
  };
}

describe('lessons in the engine host', () => {
  it('starts lesson 2 from an empty machine and ticks its first step once the cluster is up', () => {
    const { host, sent, progress } = startHost();
    host.receive({ type: 'lesson.start', lessonId: '02-kind-hands-on', step: 0 });
    const ready = sent.filter((m) => m.type === 'ready').at(-1);
    expect(ready?.type === 'ready' ? ready.objects : undefined).toEqual([]);
    expect(progress()).toMatchObject({ lessonId: '02-kind-hands-on', current: 0 });
    expect(progress()?.steps[0]?.done).toBe(false);
    expect(progress()?.steps[0]?.missing?.en).toBe('create the kind cluster "single-cluster"');
    host.receive({ type: 'shell.input', line: 'kind create cluster --name single-cluster' });
    expect(progress()?.steps[0]?.done).toBe(true);
    expect(progress()?.current).toBe(1);
  });

  it('replays the solutions of the steps before a deep-linked step', () => {
    const { host, sent, progress } = startHost();
    host.receive({ type: 'lesson.start', lessonId: '02-kind-hands-on', step: 3 });
    const text = sent.flatMap((m) => (m.type === 'shell.output' ? [m.chunk] : [])).join('');
    expect(text).toContain('$ kind create cluster --name single-cluster\n');
    expect(text).toContain('$ kubectl describe node single-cluster-control-plane\n');
    expect(progress()?.current).toBe(3);
    expect(progress()?.steps.slice(0, 3).every((s) => s.done)).toBe(true);
    // The step's own check reads the replayed cluster: no pod yet.
    expect(progress()?.steps[3]).toMatchObject({ done: false, missing: { en: 'create the pod "nginx-pod"' } });
  });

  it('keeps the checks\' own API reads out of the traffic the graph animates', () => {
    const { host, sent, wait } = startHost();
    host.receive({ type: 'lesson.start', lessonId: '02-kind-hands-on', step: 1 });
    wait(2_000);
    const traffic = sent.flatMap((m) => (m.type === 'patch' ? m.traffic : []));
    expect(traffic.length).toBeGreaterThan(0);
    expect(traffic.filter((t) => t.from === LESSON_CHECK_AGENT || t.to === LESSON_CHECK_AGENT)).toEqual([]);
  });

  it('stops checking on lesson.stop, and reports an unknown lesson', () => {
    const { host, sent, wait } = startHost();
    host.receive({ type: 'lesson.start', lessonId: 'no-such-lesson', step: 0 });
    expect(sent.filter((m) => m.type === 'error')).toEqual([{ type: 'error', message: 'no lesson "no-such-lesson"' }]);
    host.receive({ type: 'lesson.start', lessonId: '02-kind-hands-on', step: 0 });
    host.receive({ type: 'lesson.stop' });
    const count = sent.filter((m) => m.type === 'lesson.progress').length;
    host.receive({ type: 'shell.input', line: 'kind create cluster --name single-cluster' });
    wait(1_000);
    expect(sent.filter((m) => m.type === 'lesson.progress').length).toBe(count);
  });

  it('"Show me" types the step\'s solution, waiting for each line to finish', () => {
    const { host, sent, wait, progress } = startHost();
    host.receive({ type: 'lesson.start', lessonId: '02-kind-hands-on', step: 4 });
    host.receive({ type: 'lesson.showMe', step: 4 });
    const text = () => sent.flatMap((m) => (m.type === 'shell.output' ? [m.chunk] : [])).join('');
    // `sleep 15` holds the next line back until 15 s of virtual time have passed.
    expect(text()).toContain('$ sleep 15\n');
    expect(text()).not.toContain('$ kubectl get deployments\n');
    wait(16_000);
    expect(text()).toContain('$ kubectl get deployments\n');
    expect(progress()?.steps[4]?.done).toBe(true);
  });

  it('opens a step\'s file where the terminal is, creating it with its starting text', () => {
    const { host, sent } = startHost();
    host.receive({ type: 'lesson.start', lessonId: '02-kind-hands-on', step: 3 });
    host.receive({ type: 'lesson.openFile', step: 3, file: 0 });
    const opened = sent.filter((m) => m.type === 'file.open').at(-1);
    expect(opened).toMatchObject({ path: '/home/learner/workspace/kind-single-test/nginx-pod.yaml' });
    expect(opened?.type === 'file.open' ? opened.content : '').toContain('name: nginx-pod');
    host.receive({ type: 'shell.input', line: 'kubectl apply -f nginx-pod.yaml' });
    expect(sent.flatMap((m) => (m.type === 'shell.output' ? [m.chunk] : [])).join('')).toContain('pod/nginx-pod created');
  });

  // Every hint and fail with a scripted mistake reaches the UI while it holds (for the step the learner is on).
  for (const lesson of LESSONS) {
    lesson.steps.forEach((step, i) => {
      const warnings = [...(step.hints ?? []).map((w, n) => ({ w, n, list: 'hints' as const })), ...(step.fails ?? []).map((w, n) => ({ w, n, list: 'fails' as const }))];
      for (const { w, n, list } of warnings) {
        if (!w.mistake) continue;
        it(`${lesson.id}: step ${step.id} reports its ${list} #${n} after the mistake`, () => {
          const { host, sent, progress, wait } = startHost();
          host.receive({ type: 'clock.setSpeed', factor: 60 });
          host.receive({ type: 'lesson.start', lessonId: lesson.id, step: i });
          expect(progress()?.steps[i]?.[list]).not.toContain(n);
          const busy = () => sent.filter((m) => m.type === 'shell.output').at(-1)?.busy === true;
          for (const line of w.mistake ?? []) {
            host.receive({ type: 'shell.input', line });
            for (let waited = 0; busy() && waited < 10_000; waited += 100) wait(100);
          }
          wait(300);
          // A mistake that also completes the step (a lesson may accept it) moves the learner on; hints are for the step they are on.
          if ((progress()?.current ?? 0) > i) return;
          expect(progress()?.steps[i]?.[list]).toContain(n);
        });
      }
    });
  }
});
