import { describe, expect, it } from 'vitest';
import { createRandom } from '../clock';
import { JobTable } from './jobs';

describe('JobTable', () => {
  it('numbers jobs, marks the current and previous one, and pads the status as bash does', () => {
    const jobs = new JobTable(createRandom(1));
    const a = jobs.start('sleep 50');
    const b = jobs.start('sleep 60');
    expect(b.id).toBe(2);
    expect(b.pid).toBe(a.pid + 1);
    expect(jobs.list()).toBe('[1]-  Running                 sleep 50 &\n[2]+  Running                 sleep 60 &\n');
  });

  it('reports a finished job once, in the words of its end', () => {
    const jobs = new JobTable(createRandom(1));
    const a = jobs.start('sleep 1');
    const b = jobs.start('false');
    jobs.finished(a, 0);
    expect(jobs.notices()).toBe('[1]-  Done                    sleep 1\n');
    expect(jobs.notices()).toBe('');
    jobs.finished(b, 1);
    expect(jobs.notices()).toBe('[2]+  Exit 1                  false\n');
    expect(jobs.start('x').id).toBe(1);
  });

  it('words a kill by its signal, unless the command handled SIGINT and exited on its own', () => {
    const jobs = new JobTable(createRandom(1));
    const term = jobs.start('a');
    term.interrupt = () => jobs.finished(term, 130, term.killedBy);
    jobs.kill(term, 'TERM');
    const int = jobs.start('b');
    int.interrupt = () => jobs.finished(int, 0, int.killedBy);
    jobs.kill(int, 'INT');
    expect(jobs.notices()).toBe('[1]-  Terminated              a\n[2]+  Done                    b\n');
  });

  it('finds jobs by %N, %+, %- and PID', () => {
    const jobs = new JobTable(createRandom(1));
    const a = jobs.start('a');
    const b = jobs.start('b');
    expect(jobs.find('%1')).toBe(a);
    expect(jobs.find('%+')).toBe(b);
    expect(jobs.find('%-')).toBe(a);
    expect(jobs.find(String(b.pid))).toBe(b);
    expect(jobs.find('%3')).toBeUndefined();
  });
});
