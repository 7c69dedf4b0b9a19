/** `kubectl describe` for Deployments, ReplicaSets, ReplicationControllers, DaemonSets and StatefulSets. */
import type { KubeObject } from '../../api/meta';
import { compareGoStrings } from '../printers/go-format';
import { labelSelectorString } from '../printers/label-selector';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { writeContainers } from './containers';
import { controllerOf, int, intOrString, present, rec, recs, searchEvents, str, stringMap, timeField, timestampMs, writeAnnotations, writeEvents, writeLabels, writeTolerations, type DescribeWriter } from './format';
import { writeTopologySpread } from './pod';
import { formatLabels, jsonEqualIgnoringEmpty, writeClaimTemplates } from './shared';
import { writeVolumes } from './volumes';

/** DescribePodTemplate: the template's labels, containers, volumes, selectors and tolerations, under "Pod Template:". */
export function writePodTemplate(w: DescribeWriter, template: unknown): void {
  const t = rec(template);
  const meta = rec(t.metadata);
  const spec = rec(t.spec);
  w.write(0, 'Pod Template:\n');
  writeLabels(w, '  Labels', meta.labels);
  if (Object.keys(rec(meta.annotations)).length > 0) writeAnnotations(w, '  Annotations', meta.annotations);
  if (str(spec.serviceAccountName)) w.write(1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  if (recs(spec.initContainers).length > 0) writeContainers(w, 'Init Containers', spec.initContainers, [], '  ');
  writeContainers(w, 'Containers', spec.containers, [], '  ');
  writeVolumes(w, spec.volumes, '  ');
  writeTopologySpread(w, spec.topologySpreadConstraints, '  ');
  if (str(spec.priorityClassName)) w.write(1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, '  Tolerations', spec.tolerations);
}

/** LabelSelectorAsSelector(...).String() for describe: '' when empty, the error text when invalid. */
export function selectorText(selector: unknown): string {
  return labelSelectorString(selector) ?? '<error>';
}

/** getPodStatusForController: phases of the pods this controller owns (matching the selector, controller uid). */
export function podPhaseCounts(context: DescribeContext, object: KubeObject, selector: string): string {
  const pods = context.list('', 'pods', str(object.metadata.namespace) || undefined, { labelSelector: selector });
  const counts = { Running: 0, Pending: 0, Succeeded: 0, Failed: 0 };
  for (const pod of pods) {
    const owner = recs(pod.metadata.ownerReferences).find((r) => r.controller === true);
    if (!owner || owner.uid !== object.metadata.uid) continue;
    const phase = str(rec(pod.status).phase);
    if (phase === 'Running' || phase === 'Pending' || phase === 'Succeeded' || phase === 'Failed') counts[phase]++;
  }
  return `${counts.Running} Running / ${counts.Pending} Waiting / ${counts.Succeeded} Succeeded / ${counts.Failed} Failed`;
}

function writeControllerConditions(w: DescribeWriter, status: Record<string, unknown>): void {
  const conditions = recs(status.conditions);
  if (conditions.length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(1, '----\t------\t------\n');
  for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)}\t${str(c.reason)}\n`);
}

/** The deployment's ReplicaSets (controlled by it), oldest first; the first whose template matches is the new one. */
function deploymentReplicaSets(context: DescribeContext, d: KubeObject): { oldRSs: KubeObject[]; newRS: KubeObject | undefined } {
  const spec = rec(d.spec);
  const selector = labelSelectorString(spec.selector);
  if (selector === undefined) return { oldRSs: [], newRS: undefined };
  const owned = context
    .list('apps', 'replicasets', str(d.metadata.namespace) || undefined, { labelSelector: selector })
    .filter((rs) => recs(rs.metadata.ownerReferences).some((r) => r.controller === true && r.uid === d.metadata.uid))
    .map((rs, i) => ({ rs, i }))
    .sort((a, b) => {
      const ta = timestampMs(a.rs.metadata.creationTimestamp) ?? 0;
      const tb = timestampMs(b.rs.metadata.creationTimestamp) ?? 0;
      return ta !== tb ? ta - tb : compareGoStrings(str(a.rs.metadata.name), str(b.rs.metadata.name)) || a.i - b.i;
    })
    .map(({ rs }) => rs);
  const withoutHash = (template: unknown) => {
    const t = JSON.parse(JSON.stringify(rec(template))) as Record<string, unknown>;
    const meta = rec(t.metadata);
    delete rec(meta.labels)['pod-template-hash'];
    return t;
  };
  const template = withoutHash(spec.template);
  const newRS = owned.find((rs) => jsonEqualIgnoringEmpty(withoutHash(rec(rs.spec).template), template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}

function replicaSetList(list: readonly KubeObject[]): string {
  const text = list.map((rs) => `${str(rs.metadata.name)} (${int(rec(rs.status).replicas)}/${int(rec(rs.spec).replicas, 1)} replicas created)`).join(', ');
  return text || '<none>';
}

export function describeDeployment(d: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(d.spec);
  const status = rec(d.status);
  w.write(0, `Name:\t${str(d.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(d.metadata.namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${timeField(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorText(spec.selector)}\n`);
  w.write(0, `Replicas:\t${int(spec.replicas, 1)} desired | ${int(status.updatedReplicas)} updated | ${int(status.replicas)} total | ${int(status.availableReplicas)} available | ${int(status.unavailableReplicas)} unavailable\n`);
  const strategy = rec(spec.strategy);
  w.write(0, `StrategyType:\t${str(strategy.type)}\n`);
  w.write(0, `MinReadySeconds:\t${int(spec.minReadySeconds)}\n`);
  if (present(strategy.rollingUpdate)) {
    const ru = rec(strategy.rollingUpdate);
    w.write(0, `RollingUpdateStrategy:\t${intOrString(ru.maxUnavailable)} max unavailable, ${intOrString(ru.maxSurge)} max surge\n`);
  }
  writePodTemplate(w, spec.template);
  writeControllerConditions(w, status);
  const { oldRSs, newRS } = deploymentReplicaSets(context, d);
  if (oldRSs.length > 0 || newRS) {
    w.write(0, `OldReplicaSets:\t${replicaSetList(oldRSs)}\n`);
    w.write(0, `NewReplicaSet:\t${replicaSetList(newRS ? [newRS] : [])}\n`);
  }
  writeEvents(w, searchEvents(context, d), context.nowMs);
  return w.toString();
}

export function describeReplicaSet(rs: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(rs.spec);
  const selector = labelSelectorString(spec.selector);
  w.write(0, `Name:\t${str(rs.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(rs.metadata.namespace)}\n`);
  w.write(0, `Selector:\t${selector === undefined ? '<error>' : selector || '<none>'}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controller = controllerOf(rs);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${int(rec(rs.status).replicas)} current / ${int(spec.replicas, 1)} desired\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(context, rs, selector ?? '')}\n`);
  writePodTemplate(w, spec.template);
  writeControllerConditions(w, rec(rs.status));
  writeEvents(w, searchEvents(context, rs), context.nowMs);
  return w.toString();
}

export function describeReplicationController(rc: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(rc.spec);
  const selector = formatLabels(stringMap(spec.selector));
  w.write(0, `Name:\t${str(rc.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(rc.metadata.namespace)}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  writeLabels(w, 'Labels', rc.metadata.labels);
  writeAnnotations(w, 'Annotations', rc.metadata.annotations);
  w.write(0, `Replicas:\t${int(rec(rc.status).replicas)} current / ${int(spec.replicas, 1)} desired\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(context, rc, selector === '<none>' ? '' : selector)}\n`);
  writePodTemplate(w, spec.template);
  writeControllerConditions(w, rec(rc.status));
  writeEvents(w, searchEvents(context, rc), context.nowMs);
  return w.toString();
}

export function describeDaemonSet(ds: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(ds.spec);
  const status = rec(ds.status);
  const selector = selectorText(spec.selector);
  w.write(0, `Name:\t${str(ds.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(ds.metadata.namespace)}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(stringMap(rec(rec(spec.template).spec).nodeSelector))}\n`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${int(status.desiredNumberScheduled)}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${int(status.currentNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${int(status.updatedNumberScheduled)}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${int(status.numberAvailable)}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${int(status.numberMisscheduled)}\n`);
  w.write(0, `Pods Status:\t${podPhaseCounts(context, ds, selector)}\n`);
  writePodTemplate(w, spec.template);
  writeEvents(w, searchEvents(context, ds), context.nowMs);
  return w.toString();
}

export function describeStatefulSet(sts: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(sts.spec);
  const selector = selectorText(spec.selector);
  w.write(0, `Name:\t${str(sts.metadata.name)}\n`);
  w.write(0, `Namespace:\t${str(sts.metadata.namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${timeField(sts.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  writeLabels(w, 'Labels', sts.metadata.labels);
  writeAnnotations(w, 'Annotations', sts.metadata.annotations);
  w.write(0, `Replicas:\t${int(spec.replicas, 1)} desired | ${int(rec(sts.status).replicas)} total\n`);
  const strategy = rec(spec.updateStrategy);
  w.write(0, `Update Strategy:\t${str(strategy.type)}\n`);
  const ru = rec(strategy.rollingUpdate);
  if (present(strategy.rollingUpdate) && present(ru.partition)) {
    w.write(1, `Partition:\t${int(ru.partition)}\n`);
    if (present(ru.maxUnavailable)) w.write(1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
  }
  w.write(0, `Pods Status:\t${podPhaseCounts(context, sts, selector)}\n`);
  writePodTemplate(w, spec.template);
  writeClaimTemplates(w, spec.volumeClaimTemplates);
  writeEvents(w, searchEvents(context, sts), context.nowMs);
  return w.toString();
}
