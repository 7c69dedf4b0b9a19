/** `kubectl describe pod` (describePod), laid out as kubectl v1.34 prints it. */
import type { KubeObject } from '../../api/meta';
import { formatLabelSelector } from '../printers/label-selector';
import { PrefixWriter } from '../printers/tabwriter';
import type { DescribeContext } from './context';
import { writeContainers, writeResources } from './containers';
import { controllerOf, int, present, rec, recs, searchEvents, since, sortedBy, str, timeField, writeAnnotations, writeEvents, writeLabels, writeTolerations, type DescribeWriter } from './format';
import { addAmounts, readResourceList, type ResourceAmounts } from './resources';
import { writeVolumes } from './volumes';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** describePodIPs: `IPs:  <none>` or one `IP:` line per address. */
export function writePodIPs(w: DescribeWriter, pod: KubeObject, space = ''): void {
  const ips = recs(rec(pod.status).podIPs);
  if (ips.length === 0) {
    w.write(0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(0, `${space}IPs:\n`);
  for (const ip of ips) w.write(1, `IP:\t${str(ip.ip)}\n`);
}

/** describeTopologySpreadConstraints (nothing when there are none). */
export function writeTopologySpread(w: DescribeWriter, constraints: unknown, space = ''): void {
  const list = sortedBy(recs(constraints), (t) => str(t.topologyKey));
  if (list.length === 0) return;
  w.write(0, `${space}Topology Spread Constraints:\t`);
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, `${space}\t`);
    let line = `${str(t.topologyKey)}:${str(t.whenUnsatisfiable)} when max skew ${int(t.maxSkew)} is exceeded`;
    if (present(t.labelSelector)) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(0, `${line}\n`);
  });
}

/** qos.GetPodQOS: status.qosClass, or computed from the containers' cpu and memory requests and limits. */
export function podQOS(pod: KubeObject): string {
  const given = str(rec(pod.status).qosClass);
  if (given) return given;
  const spec = rec(pod.spec);
  const requests: ResourceAmounts = new Map();
  const limits: ResourceAmounts = new Map();
  let guaranteed = true;
  const positive = (list: ResourceAmounts) => new Map([...list].filter(([n, a]) => (n === 'cpu' || n === 'memory') && a.milli > 0n));
  const consider = (resources: unknown) => {
    const r = rec(resources);
    addAmounts(requests, positive(readResourceList(r.requests)));
    const lim = positive(readResourceList(r.limits));
    addAmounts(limits, lim);
    if (!lim.has('cpu') || !lim.has('memory')) guaranteed = false;
  };
  if (present(spec.resources)) {
    const r = rec(spec.resources);
    addAmounts(requests, positive(readResourceList(r.requests)));
    if (present(r.limits)) {
      const lim = positive(readResourceList(r.limits));
      addAmounts(limits, lim);
      if (!lim.has('cpu') || !lim.has('memory')) guaranteed = false;
    }
  } else {
    for (const c of [...recs(spec.containers), ...recs(spec.initContainers)]) consider(c.resources);
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [n, req] of requests) if (limits.get(n)?.milli !== req.milli) guaranteed = false;
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

function writeConditions(w: DescribeWriter, pod: KubeObject): void {
  const spec = rec(pod.spec);
  const conditions = recs(rec(pod.status).conditions);
  const gates = recs(spec.readinessGates);
  if (gates.length > 0) {
    w.write(0, 'Readiness Gates:\n  Type\tStatus\n');
    for (const g of gates) {
      const c = conditions.find((x) => x.type === g.conditionType);
      w.write(1, `${str(g.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
    }
  }
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of conditions) w.write(1, `${str(c.type)} \t${str(c.status)} \n`);
  }
}

export function describePod(pod: KubeObject, context: DescribeContext): string {
  const w = new PrefixWriter();
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const meta = pod.metadata;
  w.write(0, `Name:\t${str(meta.name)}\n`);
  w.write(0, `Namespace:\t${str(meta.namespace)}\n`);
  if (typeof spec.priority === 'number') w.write(0, `Priority:\t${int(spec.priority)}\n`);
  if (str(spec.priorityClassName)) w.write(0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  if (str(spec.runtimeClassName)) w.write(0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
  if (str(spec.serviceAccountName)) w.write(0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  w.write(0, str(spec.nodeName) === '' ? 'Node:\t<none>\n' : `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n`);
  if (present(status.startTime)) w.write(0, `Start Time:\t${timeField(status.startTime)}\n`);
  writeLabels(w, 'Labels', meta.labels);
  writeAnnotations(w, 'Annotations', meta.annotations);
  if (present(meta.deletionTimestamp) && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, context.nowMs)})\n`);
    w.write(0, `Termination Grace Period:\t${int(meta.deletionGracePeriodSeconds)}s\n`);
  } else {
    w.write(0, `Status:\t${str(status.phase)}\n`);
  }
  if (str(status.reason)) w.write(0, `Reason:\t${str(status.reason)}\n`);
  if (str(status.message)) w.write(0, `Message:\t${str(status.message)}\n`);
  const seccomp = rec(rec(spec.securityContext).seccompProfile);
  if (present(rec(spec.securityContext).seccompProfile)) {
    w.write(0, `SeccompProfile:\t${str(seccomp.type)}\n`);
    if (seccomp.type === 'Localhost') w.write(0, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
  }
  w.write(0, `IP:\t${str(status.podIP)}\n`);
  writePodIPs(w, pod);
  const controller = controllerOf(pod);
  if (controller) w.write(0, `Controlled By:\t${controller}\n`);
  if (str(status.nominatedNodeName)) w.write(0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
  if (present(spec.resources)) {
    w.write(0, 'Resources:\n');
    writeResources(w, spec.resources, 1);
  }
  if (recs(spec.initContainers).length > 0) writeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, '', pod);
  writeContainers(w, 'Containers', spec.containers, status.containerStatuses, '', pod);
  if (recs(spec.ephemeralContainers).length > 0) writeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, '', pod);
  writeConditions(w, pod);
  writeVolumes(w, spec.volumes);
  w.write(0, `QoS Class:\t${podQOS(pod)}\n`);
  writeLabels(w, 'Node-Selectors', spec.nodeSelector);
  writeTolerations(w, 'Tolerations', spec.tolerations);
  writeTopologySpread(w, spec.topologySpreadConstraints);
  // Events name the pod without its kind; a mirror pod's events carry the static pod's uid.
  const mirrorUid = rec(meta.annotations)[MIRROR_POD_ANNOTATION];
  writeEvents(w, searchEvents(context, pod, { kind: false, ...(typeof mirrorUid === 'string' ? { uid: mirrorUid } : {}) }), context.nowMs);
  return w.toString();
}
