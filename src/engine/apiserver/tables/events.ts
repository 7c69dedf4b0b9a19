/**
 * Events (printEvent), for both core/v1 and events.k8s.io/v1 objects: the server prints the
 * internal Event, so an events.k8s.io object is read through its field mapping (regarding →
 * involvedObject, note → message, deprecatedCount → count, ...).
 */
import type { KubeObject } from '../../api/meta';
import { humanDuration } from '../../kubectl/printers/duration';
import { col, doc, int, name, NAME_COLUMN, rec, str, timestampMs } from './cells';
import type { Printer } from './types';

/** The fields printEvent reads, from either API version. */
export interface EventView {
  name: string;
  type: string;
  reason: string;
  message: string;
  involvedObject: Record<string, unknown>;
  sourceComponent: string;
  sourceHost: string;
  reportingController: string;
  reportingInstance: string;
  firstTimestamp: unknown;
  lastTimestamp: unknown;
  eventTime: unknown;
  count: number;
  series: Record<string, unknown> | undefined;
}

export function eventView(o: KubeObject): EventView {
  const isV1 = o.apiVersion === 'events.k8s.io/v1' || (o.involvedObject === undefined && o.regarding !== undefined);
  const source = rec(isV1 ? o.deprecatedSource : o.source);
  const series = o.series === undefined || o.series === null ? undefined : rec(o.series);
  return {
    name: name(o),
    type: str(o.type),
    reason: str(o.reason),
    message: str(isV1 ? o.note : o.message),
    involvedObject: rec(isV1 ? o.regarding : o.involvedObject),
    sourceComponent: str(source.component),
    sourceHost: str(source.host),
    reportingController: str(isV1 ? o.reportingController : o.reportingComponent),
    reportingInstance: str(o.reportingInstance),
    firstTimestamp: isV1 ? o.deprecatedFirstTimestamp : o.firstTimestamp,
    lastTimestamp: isV1 ? o.deprecatedLastTimestamp : o.lastTimestamp,
    eventTime: o.eventTime,
    count: int(isV1 ? o.deprecatedCount : o.count),
    series,
  };
}

/** formatEventSource: `component, host`, falling back to the reporting controller and instance. */
export function eventSource(e: EventView): string {
  const component = e.sourceComponent || e.reportingController;
  const instance = e.sourceHost || e.reportingInstance;
  return instance === '' ? component : `${component}, ${instance}`;
}

function sinceOrUnknown(value: unknown, nowMs: number): string {
  const ms = timestampMs(value);
  return ms === undefined ? '<unknown>' : humanDuration(nowMs - ms);
}

export const eventPrinter: Printer = {
  columns: [
    col('Last Seen', 'string', doc('core.Event.lastTimestamp')),
    col('Type', 'string', doc('core.Event.type')),
    col('Reason', 'string', doc('core.Event.reason')),
    col('Object', 'string', doc('core.Event.involvedObject')),
    col('Subobject', 'string', doc('core.ObjectReference.fieldPath'), { priority: 1 }),
    col('Source', 'string', doc('core.Event.source'), { priority: 1 }),
    col('Message', 'string', doc('core.Event.message')),
    col('First Seen', 'string', doc('core.Event.firstTimestamp'), { priority: 1 }),
    col('Count', 'string', doc('core.Event.count'), { priority: 1 }),
    { ...NAME_COLUMN, priority: 1 },
  ],
  row(o, nowMs) {
    const e = eventView(o);
    const first = timestampMs(e.firstTimestamp) !== undefined ? sinceOrUnknown(e.firstTimestamp, nowMs) : sinceOrUnknown(e.eventTime, nowMs);
    let last = timestampMs(e.lastTimestamp) !== undefined ? sinceOrUnknown(e.lastTimestamp, nowMs) : first;
    let count = e.count;
    if (e.series) {
      last = sinceOrUnknown(e.series.lastObservedTime, nowMs);
      count = int(e.series.count);
    } else if (count === 0) {
      count = 1; // singleton events of the new API carry no count
    }
    const kind = str(e.involvedObject.kind).toLowerCase();
    const objectName = str(e.involvedObject.name);
    const target = objectName ? `${kind}/${objectName}` : kind;
    return { cells: [last, e.type, e.reason, target, str(e.involvedObject.fieldPath), eventSource(e), e.message.trim(), first, count, e.name] };
  },
};
