/**
 * The events timeline under the graph: every Event of the cluster as a mark on a bar from the first
 * event to now (Warnings taller and red). Dragging the slider (or its arrow keys) pins a moment and
 * lists the events around it, each opening its object in the inspector; "Live" lets go again.
 */
import { useMemo, useState } from 'react';
import { useInspector } from '../../state/inspector';
import { useMirror } from '../../state/mirror';
import { useSim } from '../../state/sim';
import { eventsNear, timelineEvents, xOf } from './events';

const SHOWN = 8;
const MIN_SPAN_MS = 60_000;
const BAR = 1000; // the SVG's own width units; it stretches to the area

const clock = (ms: number) => new Date(ms).toISOString().slice(11, 19);

export function EventsTimeline() {
  const eventObjects = useMirror((s) => s.byKind.get('Event'));
  // Whole seconds: the bar's right end moves once a virtual second.
  const nowMs = useSim((s) => Math.floor(s.nowMs / 1000) * 1000);
  const events = useMemo(() => timelineEvents(eventObjects?.values() ?? []), [eventObjects]);
  const [pinnedMs, setPinnedMs] = useState<number | undefined>(undefined);
  // From the first event; a young cluster's bar spans its first minute so marks do not bunch up.
  // Whole seconds, so the slider's one-second steps land on whole seconds too.
  const startMs = Math.floor(Math.min(events[0]?.atMs ?? nowMs, nowMs) / 1000) * 1000;
  const endMs = Math.max(nowMs, events[events.length - 1]?.atMs ?? nowMs, startMs + MIN_SPAN_MS);
  const windowMs = Math.max(2_000, (endMs - startMs) / 100);
  const near = pinnedMs === undefined ? [] : eventsNear(events, pinnedMs, windowMs, SHOWN);
  const open = (involved: (typeof events)[number]['involved']) => useInspector.getState().select(involved);
  return (
    <section className="events-timeline" aria-label="Events timeline">
      <div className="timeline-bar">
        <svg viewBox={`0 0 ${BAR} 20`} preserveAspectRatio="none" aria-hidden="true">
          {events.map((e) => (
            <line key={e.uid} className={`mark ${e.type}`} x1={xOf(e.atMs, startMs, endMs, BAR)} x2={xOf(e.atMs, startMs, endMs, BAR)} y1={e.type === 'Warning' ? 2 : 8} y2={18} />
          ))}
          {pinnedMs !== undefined ? <line className="cursor" x1={xOf(pinnedMs, startMs, endMs, BAR)} x2={xOf(pinnedMs, startMs, endMs, BAR)} y1={0} y2={20} /> : null}
        </svg>
        <input
          type="range"
          aria-label="Scrub events"
          aria-valuetext={pinnedMs === undefined ? 'live' : clock(pinnedMs)}
          min={startMs}
          max={endMs}
          step={1000}
          value={pinnedMs ?? endMs}
          onChange={(e) => setPinnedMs(Number(e.target.value))}
        />
      </div>
      <span className="timeline-when">{pinnedMs === undefined ? `${events.length} events` : clock(pinnedMs)}</span>
      {pinnedMs !== undefined ? (
        <button type="button" className="timeline-live" onClick={() => setPinnedMs(undefined)}>
          Live
        </button>
      ) : null}
      {pinnedMs !== undefined ? (
        <ol className="timeline-events" aria-label={`Events near ${clock(pinnedMs)}`}>
          {near.length === 0 ? <li className="empty">No events within {Math.round(windowMs / 1000)}s.</li> : null}
          {near.map((e) => (
            <li key={e.uid} className={e.type}>
              <time>{clock(e.atMs)}</time> <span className="type">{e.type}</span> <span className="reason">{e.reason}</span>{' '}
              <button type="button" onClick={() => open(e.involved)}>
                {e.object}
              </button>{' '}
              <span className="message">{e.message}</span>
              {e.count > 1 ? <span className="count"> (x{e.count})</span> : null}
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
