/** `kubectl describe hpa` (describeHorizontalPodAutoscalerV2): metrics as "current / target", replicas, behavior, conditions, events. */
import type { KubeObject } from '../../api/meta';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { int, present, quantity, rec, recs, searchEvents, str, timeField, writeAnnotations, writeEvents, writeLabels, type DescribeWriter } from './format';

/** One spec metric's line: `resource cpu on pods  (as a percentage of request):  45% (90m) / 50%`. */
function writeMetric(w: DescribeWriter, metric: Record<string, unknown>, current: Record<string, unknown> | undefined): void {
  const type = str(metric.type);
  const status = (key: string) => (current && present(current[key]) ? rec(current[key]) : undefined);
  const unknown = '<unknown>';
  if (type === 'Resource' || type === 'ContainerResource') {
    const source = rec(metric[type === 'Resource' ? 'resource' : 'containerResource']);
    const target = rec(source.target);
    const cur = status(type === 'Resource' ? 'resource' : 'containerResource');
    const currentValue = cur ? rec(cur.current) : undefined;
    w.write(1, type === 'Resource' ? `resource ${str(source.name)} on pods` : `resource ${str(source.name)} of container "${str(source.container)}" on pods`);
    if (present(target.averageValue)) {
      w.write(0, `:\t${cur ? quantity(currentValue?.averageValue) : unknown} / ${quantity(target.averageValue)}\n`);
      return;
    }
    const shown = currentValue && present(currentValue.averageUtilization) ? `${int(currentValue.averageUtilization)}% (${quantity(currentValue.averageValue)})` : unknown;
    w.write(1, `(as a percentage of request):\t${shown} / ${present(target.averageUtilization) ? `${int(target.averageUtilization)}%` : '<auto>'}\n`);
    return;
  }
  if (type === 'Pods') {
    const pods = rec(metric.pods);
    const cur = status('pods');
    w.write(1, `"${str(rec(pods.metric).name)}" on pods:\t${cur ? quantity(rec(cur.current).averageValue) : unknown} / ${quantity(rec(pods.target).averageValue)}\n`);
    return;
  }
  if (type === 'Object') {
    const object = rec(metric.object);
    const described = rec(object.describedObject);
    const cur = status('object');
    w.write(1, `"${str(rec(object.metric).name)}" on ${str(described.kind)}/${str(described.name)} `);
    const average = str(rec(object.target).type) === 'AverageValue';
    const key = average ? 'averageValue' : 'value';
    w.write(0, `(target ${average ? 'average value' : 'value'}):\t${cur ? quantity(rec(cur.current)[key]) : unknown} / ${quantity(rec(object.target)[key])}\n`);
    return;
  }
  if (type === 'External') {
    const external = rec(metric.external);
    const target = rec(external.target);
    const cur = status('external');
    const average = present(target.averageValue);
    const key = average ? 'averageValue' : 'value';
    w.write(1, `"${str(rec(external.metric).name)}" (target ${average ? 'average value' : 'value'}):\t${cur ? quantity(rec(cur.current)[key]) : unknown} / ${quantity(target[key])}\n`);
    return;
  }
  w.write(1, `<unknown metric type "${type}">\n`);
}

function writeDirection(w: DescribeWriter, direction: string, rules: unknown): void {
  if (!present(rules)) return;
  const r = rec(rules);
  w.write(1, `${direction}:\n`);
  if (present(r.stabilizationWindowSeconds)) w.write(2, `Stabilization Window: ${int(r.stabilizationWindowSeconds)} seconds\n`);
  const policies = recs(r.policies);
  if (policies.length === 0) return;
  w.write(2, `Select Policy: ${str(r.selectPolicy) || 'Max'}\n`);
  w.write(2, 'Policies:\n');
  for (const p of policies) w.write(3, `- Type: ${str(p.type)}\tValue: ${int(p.value)}\tPeriod: ${int(p.periodSeconds)} seconds\n`);
}

export function describeHorizontalPodAutoscaler(hpa: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(hpa.spec);
  const status = rec(hpa.status);
  const ref = rec(spec.scaleTargetRef);
  w.write(0, `Name:\t${str(hpa.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(hpa.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', hpa.metadata.labels);
  writeAnnotations(w, 'Annotations', hpa.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${timeField(hpa.metadata.creationTimestamp)}\n`);
  w.write(0, `Reference:\t${str(ref.kind)}/${str(ref.name)}\n`);
  w.write(0, 'Metrics:\t( current / target )\n');
  const currents = recs(status.currentMetrics);
  recs(spec.metrics).forEach((metric, i) => writeMetric(w, metric, currents[i]));
  w.write(0, `Min replicas:\t${present(spec.minReplicas) ? String(int(spec.minReplicas)) : '<unset>'}\n`);
  w.write(0, `Max replicas:\t${int(spec.maxReplicas)}\n`);
  if (present(spec.behavior)) {
    w.write(0, 'Behavior:\n');
    writeDirection(w, 'Scale Up', rec(spec.behavior).scaleUp);
    writeDirection(w, 'Scale Down', rec(spec.behavior).scaleDown);
  }
  w.write(0, `${str(ref.kind)} pods:\t`);
  w.write(0, `${int(status.currentReplicas)} current / ${int(status.desiredReplicas)} desired\n`);
  const conditions = recs(status.conditions);
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n');
    w.write(1, 'Type\tStatus\tReason\tMessage\n');
    w.write(1, '----\t------\t------\t-------\n');
    for (const c of conditions) w.write(1, `${str(c.type)}\t${str(c.status)}\t${str(c.reason)}\t${str(c.message)}\n`);
  }
  writeEvents(w, searchEvents(context, hpa), context.nowMs);
  return w.toString();
}
