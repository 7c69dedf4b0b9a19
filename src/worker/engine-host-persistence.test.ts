/** The engine host's side of persistence: checkpoints to save, a saved lab continued, reset. */
import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION, type EngineToUi, type SavedLab } from '../engine/protocol';
import { CHECKPOINT_EVERY_WALL_MS, EngineHost } from './engine-host';

function startHost(restore?: SavedLab) {
  const sent: EngineToUi[] = [];
  let wallMs = 0;
  const host = new EngineHost({ post: (m) => sent.push(m), wallNowMs: () => wallMs });
  host.receive({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed: 1, cluster: 'default', ...(restore ? { restore } : {}) });
  const of = <T extends EngineToUi['type']>(type: T): Extract<EngineToUi, { type: T }>[] => sent.filter((m): m is Extract<EngineToUi, { type: T }> => m.type === type);
  return {
    host,
    of,
    wait: (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        wallMs += 16;
        host.tick();
      }
    },
    output: () => of('shell.output').map((m) => m.chunk).join(''),
    lastCheckpoint: () => of('checkpoint').at(-1)?.lab,
  };
}

describe('engine host persistence', () => {
  it('sends a checkpoint soon after a change, and none while nothing changes', () => {
    const { host, wait, of, lastCheckpoint } = startHost();
    wait(100);
    expect(of('checkpoint')).toHaveLength(1); // the freshly booted cluster
    host.receive({ type: 'clock.pause' });
    wait(CHECKPOINT_EVERY_WALL_MS * 3);
    expect(of('checkpoint')).toHaveLength(1);
    host.receive({ type: 'shell.input', line: 'cd /tmp && export GREETING=hi' });
    wait(CHECKPOINT_EVERY_WALL_MS + 100);
    expect(of('checkpoint')).toHaveLength(2);
    expect(lastCheckpoint()?.terminal).toMatchObject({ cwd: '/tmp', env: expect.objectContaining({ GREETING: 'hi' }) as unknown, history: ['cd /tmp && export GREETING=hi'] });
  });

  it('continues a saved lab: objects, files, time, the terminal shell and the running lesson', () => {
    const first = startHost();
    first.host.receive({ type: 'shell.input', line: 'kubectl create namespace saved && echo "kind: Pod" > ~/pod.yaml && alias kg="kubectl get"' });
    first.host.receive({ type: 'lesson.start', lessonId: '01-cluster-tour', step: 0 });
    first.host.receive({ type: 'shell.input', line: 'kubectl create namespace saved && cd /etc && alias kg="kubectl get"' });
    first.host.receive({ type: 'file.write', requestId: 'w', path: '/home/learner/pod.yaml', content: 'kind: Pod\n' });
    first.wait(CHECKPOINT_EVERY_WALL_MS + 100);
    const saved = first.lastCheckpoint();
    expect(saved?.lesson).toMatchObject({ lessonId: '01-cluster-tour', typed: ['kubectl create namespace saved && cd /etc && alias kg="kubectl get"'] });
    if (!saved) throw new Error('no checkpoint');
    const savedAt = saved.snapshot.nowMs;

    const second = startHost(structuredClone(saved));
    const ready = second.of('ready')[0];
    expect(ready?.objects.some((o) => o.kind === 'Namespace' && o.metadata.name === 'saved')).toBe(true);
    expect(ready?.nowMs).toBe(savedAt);
    second.host.receive({ type: 'shell.input', line: 'pwd; cat ~/pod.yaml; kg ns saved --no-headers; history | tail -n 1' });
    expect(second.output()).toMatch(/\/etc\nkind: Pod\nsaved +Active/);
    expect(second.of('restore.dropped')).toEqual([]);
    second.wait(300);
    expect(second.of('lesson.progress').at(-1)?.lessonId).toBe('01-cluster-tour');
  });

  it('keeps the files and says what it dropped when the saved cluster cannot be loaded', () => {
    const first = startHost();
    first.host.receive({ type: 'file.write', requestId: 'w', path: '/home/learner/notes.txt', content: 'keep me\n' });
    first.wait(CHECKPOINT_EVERY_WALL_MS + 100);
    const saved = first.lastCheckpoint();
    if (!saved) throw new Error('no checkpoint');
    const damaged: SavedLab = { ...saved, snapshot: { ...saved.snapshot, clusters: 'garbage' }, lesson: { lessonId: 'gone', current: 0, typed: [] } };
    const second = startHost(damaged);
    const [dropped] = second.of('restore.dropped');
    expect(dropped?.dropped).toEqual([expect.stringMatching(/^the cluster \(.+\); a fresh one was started$/), 'the lesson "gone", which no longer exists']);
    second.host.receive({ type: 'shell.input', line: 'cat notes.txt && kubectl get nodes --no-headers | wc -l' });
    expect(second.output()).toContain('keep me\n3\n');
  });

  it('starts a fresh default cluster on reset', () => {
    const { host, of, output } = startHost();
    host.receive({ type: 'shell.input', line: 'kubectl create namespace gone && cd /tmp' });
    host.receive({ type: 'reset' });
    expect(of('ready')).toHaveLength(2);
    expect(of('ready')[1]?.objects.some((o) => o.kind === 'Namespace' && o.metadata.name === 'gone')).toBe(false);
    host.receive({ type: 'shell.input', line: 'pwd' });
    expect(output()).toMatch(/\$ pwd\n\/home\/learner\n$/);
  });
});
