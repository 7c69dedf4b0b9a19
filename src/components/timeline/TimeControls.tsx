/** Pause/Play, Step and Speed, plus the virtual clock. Only sends intents; the worker keeps time. */
import type { EngineClient } from '../../bridge/engine-client';
import { useSim } from '../../state/sim';

/** Speed factors offered: virtual seconds per wall second. */
export const SPEEDS = [1, 2, 5, 10, 30, 60] as const;

/** Virtual time as `2025-09-01 09:00:00 UTC`. */
export function clockText(ms: number): string {
  return ms ? new Date(ms).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '';
}

export function TimeControls({ engine }: { engine: EngineClient }) {
  const paused = useSim((s) => s.paused);
  const speed = useSim((s) => s.speed);
  const nowMs = useSim((s) => s.nowMs);
  const ready = useSim((s) => s.ready);
  return (
    <div className="time-controls" role="toolbar" aria-label="Time controls">
      <button type="button" className="play-pause" disabled={!ready} onClick={() => engine.send({ type: paused ? 'clock.play' : 'clock.pause' })}>
        <span aria-hidden="true" className="icon">
          {paused ? '▶' : '❚❚'}
        </span>
        {paused ? 'Play' : 'Pause'}
      </button>
      <button type="button" onClick={() => engine.send({ type: 'clock.step' })} disabled={!paused} title="Run the next scheduled event">
        <span aria-hidden="true" className="icon">
          ⇥
        </span>
        Step
      </button>
      <select aria-label="Speed" title="Speed" value={speed} onChange={(e) => engine.send({ type: 'clock.setSpeed', factor: Number(e.target.value) })}>
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}x
          </option>
        ))}
      </select>
      <time className="clock" data-testid="sim.clock" dateTime={nowMs ? new Date(nowMs).toISOString() : undefined} aria-label="Virtual time">
        {clockText(nowMs)}
      </time>
    </div>
  );
}
