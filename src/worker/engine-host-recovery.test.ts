/** The engine host survives an exception out of the engine by going back to its last good snapshot. */
import { describe, expect, it } from 'vitest';
import type { Simulation } from '../engine';
import { PROTOCOL_VERSION, type EngineToUi } from '../engine/protocol';
import { EngineHost, SNAPSHOT_EVERY_WALL_MS } from './engine-host';

describe('engine host recovery', () => {
  it('reports an engine exception and continues from the last snapshot', () => {
    const sent: EngineToUi[] = [];
    let wallMs = 0;
    const host = new EngineHost({ post: (m) => sent.push(m), wallNowMs: () => wallMs });
    host.receive({ type: 'hello', protocolVersion: PROTOCOL_VERSION, seed: 1, cluster: 'default' });
    const wait = (ms: number) => {
      for (let t = 0; t < ms; t += 16) {
        wallMs += 16;
        host.tick();
      }
    };
    const output = () => sent.flatMap((m) => (m.type === 'shell.output' ? [m.chunk] : [])).join('');
    host.receive({ type: 'shell.input', line: 'kubectl create configmap kept --from-literal=a=b' });
    wait(SNAPSHOT_EVERY_WALL_MS + 100); // a snapshot with the ConfigMap in it
    host.receive({ type: 'shell.input', line: 'kubectl create configmap lost --from-literal=a=b' });
    // A bug deep in the engine: the next slice's advance throws.
    const sim = (host as unknown as { running: { sim: Simulation } }).running.sim;
    sim.advance = () => {
      throw new Error('boom');
    };
    wait(32);
    expect(sent.filter((m) => m.type === 'error').map((m) => (m as { message: string }).message)).toEqual(['boom']);
    // A new simulation from the snapshot runs on: what came before it is there, what came after is not.
    expect((host as unknown as { running: { sim: Simulation } }).running.sim).not.toBe(sim);
    const before = output().length;
    host.receive({ type: 'shell.input', line: 'kubectl get configmaps -o name' });
    wait(100);
    const answer = output().slice(before);
    expect(answer).toContain('configmap/kept');
    expect(answer).not.toContain('configmap/lost');
  });
});
