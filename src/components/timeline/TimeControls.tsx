/** Pause/Play, Step and Speed, plus the virtual clock. Only sends intents; the worker keeps time. */
import type { EngineClient } from '../../bridge/engine-client';
import { useSim } from '../../state/sim';

export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;

function clockText(ms: number): string {
  return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '';
}

export function TimeControls({ engine }: { engine: EngineClient }) {
  const paused = useSim((s) => s.paused);
  const speed = useSim((s) => s.speed);
  const nowMs = useSim((s) => s.nowMs);
  return (
    <div className="time-controls" role="toolbar" aria-label="Time controls">
      <button type="button" onClick={() => engine.send({ type: paused ? 'clock.play' : 'clock.pause' })}>
        {paused ? 'Play' : 'Pause'}
      </button>
      <button type="button" onClick={() => engine.send({ type: 'clock.step' })} disabled={!paused}>
        Step
      </button>
      <label>
        <span className="visually-hidden">Speed</span>
        <select aria-label="Speed" value={speed} onChange={(e) => engine.send({ type: 'clock.setSpeed', factor: Number(e.target.value) })}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}x
            </option>
          ))}
        </select>
      </label>
      <time className="clock" data-testid="sim.clock">
        {clockText(nowMs)}
      </time>
    </div>
  );
}
