/** `kubectl describe pod`, laid out as kubectl v1.34 prints it. */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { canonicalQuantity } from '../../api/quantity';
import { PrefixWriter } from '../printers/tabwriter';
import { controllerOf, rec, recs, since, timeField, writeAnnotations, writeEvents, writeLabels, writeTolerations } from './format';

function portsText(ports: Record<string, unknown>[], field: 'containerPort' | 'hostPort'): string {
  return ports.map((p) => `${text(p[field]) || '0'}/${text(p.protocol) || 'TCP'}${p.name ? ` (${text(p.name)})` : ''}`).join(', ');
}

function writeResources(w: PrefixWriter, resources: unknown, level: number): void {
  const r = rec(resources);
  for (const [title, list] of [['Limits', rec(r.limits)], ['Requests', rec(r.requests)]] as const) {
    const names = Object.keys(list).sort();
    if (names.length) w.write(level, `${title}:\n`);
    for (const name of names) w.write(level + 1, `${name}:\t${canonicalQuantity(text(list[name]))}\n`);
  }
}

function writeState(w: PrefixWriter, title: string, state: Record<string, unknown>): void {
  if (state.running) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${timeField(rec(state.running).startedAt)}\n`);
  } else if (state.terminated) {
    const t = rec(state.terminated);
    w.write(2, `${title}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${text(t.reason)}\n`);
    if (t.message) w.write(3, `Message:\t${text(t.message)}\n`);
    w.write(3, `Exit Code:\t${text(t.exitCode) || '0'}\n`);
    if (typeof t.signal === 'number' && t.signal > 0) w.write(3, `Signal:\t${t.signal}\n`);
    w.write(3, `Started:\t${timeField(t.startedAt)}\n`);
    w.write(3, `Finished:\t${timeField(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
    const reason = text(rec(state.waiting).reason);
    if (state.waiting && reason) w.write(3, `Reason:\t${reason}\n`);
  }
}

/** `http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(probe: Record<string, unknown>): string {
  const n = (key: string, fallback: number) => (typeof probe[key] === 'number' ? (probe[key]) : fallback);
  const attrs = `delay=${n('initialDelaySeconds', 0)}s timeout=${n('timeoutSeconds', 1)}s period=${n('periodSeconds', 10)}s #success=${n('successThreshold', 1)} #failure=${n('failureThreshold', 3)}`;
  if (probe.exec) return `exec [${(rec(probe.exec).command as unknown[] | undefined)?.map(text).join(' ') ?? ''}] ${attrs}`;
  if (probe.httpGet) {
    const h = rec(probe.httpGet);
    const scheme = (text(h.scheme) || 'HTTP').toLowerCase();
    return `http-get ${scheme}://${text(h.host)}:${text(h.port)}${text(h.path)} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${text(rec(probe.tcpSocket).host)}:${text(rec(probe.tcpSocket).port)} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${text(rec(probe.grpc).port)} ${text(rec(probe.grpc).service)} ${attrs}`;
  return `unknown ${attrs}`;
}

function writeEnv(w: PrefixWriter, container: Record<string, unknown>): void {
  const env = recs(container.env);
  w.write(2, `Environment:${env.length ? '' : '\t<none>'}\n`);
  for (const e of env) {
    const from = rec(e.valueFrom);
    if (!e.valueFrom) {
      text(e.value)
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${text(e.name)}:\t${line}\n` : `\t${line}\n`));
    } else if (from.fieldRef) {
      const f = rec(from.fieldRef);
      w.write(3, `${text(e.name)}:\t (${text(f.apiVersion)}:${text(f.fieldPath)})\n`);
    } else if (from.resourceFieldRef) {
      w.write(3, `${text(e.name)}:\t (${text(rec(from.resourceFieldRef).resource)})\n`);
    } else if (from.secretKeyRef) {
      const s = rec(from.secretKeyRef);
      w.write(3, `${text(e.name)}:\t<set to the key '${text(s.key)}' in secret '${text(s.name)}'>\tOptional: ${s.optional === true}\n`);
    } else if (from.configMapKeyRef) {
      const c = rec(from.configMapKeyRef);
      w.write(3, `${text(e.name)}:\t<set to the key '${text(c.key)}' of config map '${text(c.name)}'>\tOptional: ${c.optional === true}\n`);
    }
  }
}

/** describeContainers: `space` indents a pod template's containers (as in a Deployment) by two more columns. */
export function writeContainers(w: PrefixWriter, title: string, containers: Record<string, unknown>[], statuses: Record<string, unknown>[], space = ''): void {
  w.write(0, `${space}${title}:${containers.length ? '' : ' <none>'}\n`);
  for (const c of containers) {
    const status = statuses.find((s) => s.name === c.name);
    w.write(1, `${space ? ' ' : ''}${text(c.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${text(status.containerID)}\n`);
    w.write(2, `Image:\t${text(c.image)}\n`);
    if (status) w.write(2, `Image ID:\t${text(status.imageID)}\n`);
    const ports = recs(c.ports);
    const portText = portsText(ports, 'containerPort');
    w.write(2, portText.includes(',') ? `Ports:\t${portText}\n` : `Port:\t${portText || '<none>'}\n`);
    const hostText = portsText(ports, 'hostPort');
    w.write(2, hostText.includes(',') ? `Host Ports:\t${hostText}\n` : `Host Port:\t${hostText || '<none>'}\n`);
    for (const [label, list] of [['Command', c.command], ['Args', c.args]] as const) {
      if (!Array.isArray(list) || list.length === 0) continue;
      w.write(2, `${label}:\n`);
      for (const item of list) for (const line of text(item).split('\n')) w.write(3, `${line}\n`);
    }
    if (status) {
      writeState(w, 'State', rec(status.state));
      if (rec(status.lastState).terminated) writeState(w, 'Last State', rec(status.lastState));
      w.write(2, `Ready:\t${status.ready === true ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${text(status.restartCount) || '0'}\n`);
    }
    writeResources(w, c.resources, 2);
    for (const [label, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
      if (c[key]) w.write(2, `${label}:\t${probeText(rec(c[key]))}\n`);
    }
    writeEnv(w, c);
    const mounts = [...recs(c.volumeMounts)].sort((a, b) => (text(a.mountPath) < text(b.mountPath) ? -1 : 1));
    w.write(2, `Mounts:${mounts.length ? '' : '\t<none>'}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly === true ? 'ro' : 'rw'];
      if (m.subPath) flags.push(`path=${JSON.stringify(text(m.subPath))}`);
      w.write(3, `${text(m.mountPath)} from ${text(m.name)} (${flags.join(',')})\n`);
    }
  }
}

export function writeVolumes(w: PrefixWriter, volumes: Record<string, unknown>[], space = ''): void {
  if (volumes.length === 0) {
    w.write(0, `${space}Volumes:\t<none>\n`);
    return;
  }
  w.write(0, `${space}Volumes:\n`);
  for (const v of volumes) {
    w.write(1, `${space ? ' ' : ''}${text(v.name)}:\n`);
    if (v.projected) {
      w.write(2, 'Type:\tProjected (a volume that contains injected data from multiple sources)\n');
      for (const s of recs(rec(v.projected).sources)) {
        if (s.secret) w.write(2, `SecretName:\t${text(rec(s.secret).name)}\n    Optional:\t${rec(s.secret).optional === true}\n`);
        else if (s.downwardAPI) w.write(2, 'DownwardAPI:\ttrue\n');
        else if (s.configMap) w.write(2, `ConfigMapName:\t${text(rec(s.configMap).name)}\n    Optional:\t${rec(s.configMap).optional === true}\n`);
        else if (s.serviceAccountToken) w.write(2, `TokenExpirationSeconds:\t${text(rec(s.serviceAccountToken).expirationSeconds) || '3607'}\n`);
      }
    } else if (v.configMap) {
      w.write(2, `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${text(rec(v.configMap).name)}\n    Optional:\t${rec(v.configMap).optional === true}\n`);
    } else if (v.secret) {
      w.write(2, `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${text(rec(v.secret).secretName)}\n    Optional:\t${rec(v.secret).optional === true}\n`);
    } else if (v.emptyDir) {
      const e = rec(v.emptyDir);
      w.write(2, `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${text(e.medium)}\n    SizeLimit:\t${e.sizeLimit ? canonicalQuantity(text(e.sizeLimit)) : '<unset>'}\n`);
    } else if (v.hostPath) {
      const h = rec(v.hostPath);
      w.write(2, `Type:\tHostPath (bare host directory volume)\n    Path:\t${text(h.path)}\n    HostPathType:\t${text(h.type) || '<none>'}\n`);
    } else if (v.persistentVolumeClaim) {
      const c = rec(v.persistentVolumeClaim);
      w.write(2, `Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)\n    ClaimName:\t${text(c.claimName)}\n    ReadOnly:\t${c.readOnly === true}\n`);
    } else if (v.downwardAPI) {
      w.write(2, 'Type:\tDownwardAPI (a volume populated by information about the pod)\n    Items:\n');
      for (const item of recs(rec(v.downwardAPI).items)) w.write(3, `${text(rec(item.fieldRef).fieldPath) || text(rec(item.resourceFieldRef).resource)} -> ${text(item.path)}\n`);
    } else {
      w.write(2, `Type:\t<unknown>\n`);
    }
  }
}

/** QoS class as the kubelet computes it (status.qosClass when the API server set it). */
function qosClass(pod: KubeObject): string {
  return text(rec(pod.status).qosClass) || 'BestEffort';
}

export function describePod(pod: KubeObject, events: readonly KubeObject[] | undefined, nowMs: number): string {
  const w = new PrefixWriter();
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const meta = pod.metadata;
  w.write(0, `Name:\t${text(meta.name)}\n`);
  w.write(0, `Namespace:\t${text(meta.namespace)}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${text(spec.priorityClassName)}\n`);
  if (spec.runtimeClassName) w.write(0, `Runtime Class Name:\t${text(spec.runtimeClassName)}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${text(spec.serviceAccountName)}\n`);
  w.write(0, spec.nodeName ? `Node:\t${text(spec.nodeName)}/${text(status.hostIP)}\n` : 'Node:\t<none>\n');
  if (status.startTime) w.write(0, `Start Time:\t${timeField(status.startTime)}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, nowMs)})\n`);
    w.write(0, `Termination Grace Period:\t${text(meta.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(0, `Status:\t${text(status.phase)}\n`);
  }
  if (status.reason) w.write(0, `Reason:\t${text(status.reason)}\n`);
  if (status.message) w.write(0, `Message:\t${text(status.message)}\n`);
  const seccomp = rec(rec(spec.securityContext).seccompProfile);
  if (seccomp.type) w.write(0, `SeccompProfile:\t${text(seccomp.type)}\n`);
  w.write(0, `IP:\t${text(status.podIP)}\n`);
  const ips = recs(status.podIPs);
  if (ips.length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of ips) w.write(1, `IP:\t${text(ip.ip)}\n`);
  }
  const controller = controllerOf(pod);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (status.nominatedNodeName) w.write(0, `NominatedNodeName:\t${text(status.nominatedNodeName)}\n`);
  if (spec.resources) {
    w.write(0, 'Resources:\n');
    writeResources(w, spec.resources, 1);
  }
  const initContainers = recs(spec.initContainers);
  if (initContainers.length) writeContainers(w, 'Init Containers', initContainers, recs(status.initContainerStatuses));
  writeContainers(w, 'Containers', recs(spec.containers), recs(status.containerStatuses));
  const gates = recs(spec.readinessGates);
  const conditions = recs(status.conditions);
  if (gates.length) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) w.write(1, `${text(g.conditionType)} \t${text(conditions.find((c) => c.type === g.conditionType)?.status) || '<none>'} \n`);
  }
  if (conditions.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${text(c.type)} \t${text(c.status)} \n`);
  }
  writeVolumes(w, recs(spec.volumes));
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  const spread = [...recs(spec.topologySpreadConstraints)].sort((a, b) => (text(a.topologyKey) < text(b.topologyKey) ? -1 : 1));
  if (spread.length) {
    w.write(0, 'Topology Spread Constraints:\t');
    spread.forEach((t, i) => {
      if (i > 0) w.write(0, '\t');
      w.write(0, `${text(t.topologyKey)}:${text(t.whenUnsatisfiable)} when max skew ${text(t.maxSkew)} is exceeded\n`);
    });
  }
  writeEvents(w, events, nowMs);
  return w.toString();
}
