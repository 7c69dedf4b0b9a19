/** `kubectl describe` for Deployments, ReplicaSets and Services, laid out as kubectl v1.34 prints them. */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import { PrefixWriter } from '../printers/tabwriter';
import { controllerOf, rec, recs, timeField, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './format';
import { writeContainers, writeVolumes } from './pod';

/** DescribePodTemplate: the template's labels, containers, volumes, selectors and tolerations, indented under "Pod Template:". */
export function writePodTemplate(w: PrefixWriter, template: Record<string, unknown>): void {
  w.write(0, 'Pod Template:\n');
  const meta = rec(template.metadata);
  const spec = rec(template.spec);
  writeLabels(w, '  Labels', meta.labels);
  if (Object.keys(rec(meta.annotations)).length) writeAnnotations(w, '  Annotations', meta.annotations);
  if (spec.serviceAccountName) w.write(1, `Service Account:\t${text(spec.serviceAccountName)}\n`);
  const inits = recs(spec.initContainers);
  if (inits.length) writeContainers(w, 'Init Containers', inits, [], '  ');
  writeContainers(w, 'Containers', recs(spec.containers), [], '  ');
  writeVolumes(w, recs(spec.volumes), '  ');
  if (spec.priorityClassName) w.write(1, `Priority Class Name:\t${text(spec.priorityClassName)}\n`);
  writeLabels(w, '  Node-Selectors', spec.nodeSelector);
  writeTolerations(w, '  Tolerations', spec.tolerations);
}

function rsSummary(list: readonly KubeObject[]): string {
  const parts = list.map((rs) => `${text(rs.metadata.name)} (${Number(rec(rs.status).replicas ?? 0)}/${Number(rec(rs.spec).replicas ?? 0)} replicas created)`);
  return parts.length ? parts.join(', ') : '<none>';
}

export function describeDeployment(d: KubeObject, replicaSets: readonly KubeObject[], events: readonly KubeObject[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = rec(d.spec);
  const status = rec(d.status);
  w.write(0, `Name:\t${text(d.metadata.name)}\n`);
  w.write(0, `Namespace:\t${text(d.metadata.namespace)}\n`);
  w.write(0, `CreationTimestamp:\t${timeField(d.metadata.creationTimestamp)}\n`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${formatSelector(fromLabelSelector(rec(spec.selector)))}\n`);
  const n = (v: unknown) => Number(v ?? 0);
  w.write(0, `Replicas:\t${n(spec.replicas)} desired | ${n(status.updatedReplicas)} updated | ${n(status.replicas)} total | ${n(status.availableReplicas)} available | ${n(status.unavailableReplicas)} unavailable\n`);
  const strategy = rec(spec.strategy);
  w.write(0, `StrategyType:\t${text(strategy.type)}\n`);
  w.write(0, `MinReadySeconds:\t${n(spec.minReadySeconds)}\n`);
  if (strategy.rollingUpdate) {
    const ru = rec(strategy.rollingUpdate);
    w.write(0, `RollingUpdateStrategy:\t${text(ru.maxUnavailable)} max unavailable, ${text(ru.maxSurge)} max surge\n`);
  }
  writePodTemplate(w, rec(spec.template));
  const conditions = recs(status.conditions);
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conditions) w.write(1, `${text(c.type)} \t${text(c.status)}\t${text(c.reason)}\n`);
  }
  const owned = replicaSets.filter((rs) => (rs.metadata.ownerReferences ?? []).some((o) => o.uid === d.metadata.uid && o.controller === true));
  const template = JSON.stringify(stripHash(spec.template));
  const newRS = owned.filter((rs) => JSON.stringify(stripHash(rec(rs.spec).template)) === template);
  const oldRS = owned.filter((rs) => !newRS.includes(rs) && (Number(rec(rs.spec).replicas ?? 0) > 0 || Number(rec(rs.status).replicas ?? 0) > 0));
  if (owned.length) {
    w.write(0, `OldReplicaSets:\t${rsSummary(oldRS)}\n`);
    w.write(0, `NewReplicaSet:\t${rsSummary(newRS)}\n`);
  }
  writeEvents(w, events, nowMs);
  return w.toString();
}

function stripHash(template: unknown): unknown {
  const t = JSON.parse(JSON.stringify(rec(template))) as Record<string, unknown>;
  delete rec(rec(t.metadata).labels)['pod-template-hash'];
  return t;
}

export function describeReplicaSet(rs: KubeObject, pods: readonly KubeObject[], events: readonly KubeObject[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = rec(rs.spec);
  w.write(0, `Name:\t${text(rs.metadata.name)}\n`);
  w.write(0, `Namespace:\t${text(rs.metadata.namespace)}\n`);
  w.write(0, `Selector:\t${formatSelector(fromLabelSelector(rec(spec.selector)))}\n`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controller = controllerOf(rs);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  w.write(0, `Replicas:\t${Number(rec(rs.status).replicas ?? 0)} current / ${Number(spec.replicas ?? 0)} desired\n`);
  const mine = pods.filter((p) => (p.metadata.ownerReferences ?? []).some((o) => o.uid === rs.metadata.uid && o.controller === true));
  const count = (phase: string) => mine.filter((p) => rec(p.status).phase === phase).length;
  w.write(0, `Pods Status:\t${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed\n`);
  writePodTemplate(w, rec(spec.template));
  writeEvents(w, events, nowMs);
  return w.toString();
}

/** formatEndpointSlices: ready endpoints of the named port, at most three then `+ N more...`. */
function endpointsOf(slices: readonly KubeObject[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const slice of slices) {
    for (const port of recs(slice.ports)) {
      if (text(port.name) !== portName) continue;
      for (const e of recs(slice.endpoints)) {
        if (rec(e.conditions).ready === false) continue;
        if (list.length < 3) list.push(`${text((e.addresses as unknown[] | undefined)?.[0])}:${text(port.port)}`);
        count++;
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(service: KubeObject, slices: readonly KubeObject[], events: readonly KubeObject[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = rec(service.spec);
  w.write(0, `Name:\t${text(service.metadata.name)}\n`);
  w.write(0, `Namespace:\t${text(service.metadata.namespace)}\n`);
  writeLabels(w, 'Labels', service.metadata.labels);
  writeAnnotations(w, 'Annotations', service.metadata.annotations);
  const selector = Object.entries(rec(spec.selector))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k}=${text(v)}`)
    .join(',');
  w.write(0, `Selector:\t${selector || '<none>'}\n`);
  w.write(0, `Type:\t${text(spec.type)}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${text(spec.ipFamilyPolicy)}\n`);
  const families = Array.isArray(spec.ipFamilies) ? spec.ipFamilies.map(text) : [];
  w.write(0, `IP Families:\t${families.length ? families.join(',') : '<none>'}\n`);
  w.write(0, `IP:\t${text(spec.clusterIP)}\n`);
  const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(text) : [];
  w.write(0, `IPs:\t${ips.length ? ips.join(',') : '<none>'}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${text(spec.externalName)}\n`);
  for (const p of recs(spec.ports)) {
    const name = text(p.name) || '<unset>';
    const protocol = text(p.protocol) || 'TCP';
    w.write(0, `Port:\t${name}\t${text(p.port)}/${protocol}\n`);
    w.write(0, `TargetPort:\t${text(p.targetPort)}/${protocol}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${text(p.nodePort)}/${protocol}\n`);
    w.write(0, `Endpoints:\t${endpointsOf(slices, text(p.name))}\n`);
  }
  w.write(0, `Session Affinity:\t${text(spec.sessionAffinity)}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${text(spec.externalTrafficPolicy)}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${text(spec.internalTrafficPolicy)}\n`);
  writeEvents(w, events, nowMs);
  return w.toString();
}
