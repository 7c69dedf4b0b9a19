/** The batch controllers' timed transitions on `sim.timers()`: pod-failure back-off, active deadline, next schedule, TTL. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../simulation';
import { TimerKind } from '../../clock/timer-board';

function typeLine(sim: ReturnType<typeof createSimulation>, line: string): void {
  const session = sim.shell.open();
  session.write(line);
  sim.advance(0);
}

function timer(sim: ReturnType<typeof createSimulation>, kind: string) {
  return sim.timers().find((t) => t.kind === kind);
}

describe('batch controller timers', () => {
  it('publishes the pod-failure back-off, doubling with each failure', () => {
    const sim = createSimulation({ seed: 5 });
    typeLine(sim, `kubectl create job flaky --image=busybox:1.36 -- sh -c 'exit 1'`);
    sim.advance(5_000);
    const first = timer(sim, TimerKind.JobPodFailureBackOff);
    expect(first?.object).toMatchObject({ kind: 'Job', namespace: 'default', name: 'flaky' });
    expect(first?.description).toBe('replaces failed pods of Job default/flaky (back-off after 1 failure)');
    sim.advance((first?.dueMs ?? 0) - sim.clock.now() + 5_000);
    const second = timer(sim, TimerKind.JobPodFailureBackOff);
    expect(second?.description).toBe('replaces failed pods of Job default/flaky (back-off after 2 failures)');
    // 20 s after the second pod finished.
    expect((second?.dueMs ?? 0) - (first?.dueMs ?? 0)).toBeGreaterThan(20_000);
  });

  it('publishes a Job\'s active deadline and its TTL once finished', () => {
    const sim = createSimulation({ seed: 5 });
    typeLine(sim, 'kubectl create job quick --image=busybox:1.36 -- sleep 300');
    typeLine(sim, `kubectl patch job quick --type=merge -p '{"spec":{"activeDeadlineSeconds":30,"ttlSecondsAfterFinished":60}}'`);
    sim.advance(1_000);
    const deadline = timer(sim, TimerKind.JobActiveDeadline);
    expect(deadline?.dueMs).toBe(Date.parse('2025-09-01T09:00:30Z'));
    sim.advance(70_000);
    expect(timer(sim, TimerKind.JobActiveDeadline)).toBeUndefined();
    const ttl = timer(sim, TimerKind.TtlAfterFinished);
    expect(ttl?.description).toBe('deletes finished Job default/quick (ttlSecondsAfterFinished 60)');
    sim.advance((ttl?.dueMs ?? 0) - sim.clock.now() + 1_000);
    expect(timer(sim, TimerKind.TtlAfterFinished)).toBeUndefined();
    expect(sim.api.request({ method: 'GET', path: '/apis/batch/v1/namespaces/default/jobs/quick' }).status).toBe(404);
  });

  it('publishes a CronJob\'s next scheduled time, and none while suspended', () => {
    const sim = createSimulation({ seed: 5 });
    typeLine(sim, `kubectl create cronjob tick --image=busybox:1.36 --schedule='*/10 * * * *' -- date`);
    sim.advance(1_000);
    expect(timer(sim, TimerKind.CronJobSchedule)?.dueMs).toBe(Date.parse('2025-09-01T09:10:00Z'));
    sim.advance(10 * 60_000);
    expect(timer(sim, TimerKind.CronJobSchedule)?.dueMs).toBe(Date.parse('2025-09-01T09:20:00Z'));
    typeLine(sim, `kubectl patch cronjob tick -p '{"spec":{"suspend":true}}'`);
    sim.advance(1_000);
    expect(timer(sim, TimerKind.CronJobSchedule)).toBeUndefined();
  });
});
