/** Column sets and cell functions per resource (k8s pkg/printers/internalversion/printers.go). */
import type { KubeObject } from '../../api/meta';
import { text } from '../../api/meta';
import { formatSelector, fromLabelSelector } from '../../api/labels';
import { parseRfc3339 } from '../../api/time';
import { humanDuration } from '../../kubectl/printers/duration';
import type { TableColumn } from '../../kubectl/printers/table-printer';
import { age, arr, rec } from './cells';
import { MORE_PRINTERS } from './printers-more';

export interface Printer {
  columns: TableColumn[];
  cells(object: KubeObject, nowMs: number): unknown[];
}

const col = (name: string, priority = 0, type = 'string', format?: string): TableColumn => ({ name, type, ...(format ? { format } : {}), description: '', priority });
const name = (o: KubeObject) => o.metadata.name ?? '';

function podStatus(pod: KubeObject, nowMs: number): { ready: string; status: string; restarts: string } {
  const spec = rec(pod.spec);
  const status = rec(pod.status);
  const containers = arr(spec.containers);
  let reason = typeof status.reason === 'string' && status.reason ? status.reason : text(status.phase ?? 'Pending');
  let ready = 0;
  let restarts = 0;
  let lastRestart: number | undefined;
  const scheduled = arr(status.conditions).find((c) => c.type === 'PodScheduled');
  if (scheduled?.reason === 'SchedulingGated') reason = 'SchedulingGated';
  let initializing = false;
  const inits = arr(status.initContainerStatuses);
  inits.forEach((c, i) => {
    if (initializing) return;
    restarts += Number(c.restartCount ?? 0);
    const state = rec(c.state);
    const term = rec(state.terminated);
    const wait = rec(state.waiting);
    if (state.terminated && term.exitCode === 0) return;
    if (state.terminated) reason = term.reason ? `Init:${text(term.reason)}` : term.signal ? `Init:Signal:${text(term.signal)}` : `Init:ExitCode:${text(term.exitCode)}`;
    else if (state.waiting && wait.reason && wait.reason !== 'PodInitializing') reason = `Init:${text(wait.reason)}`;
    else reason = `Init:${i}/${arr(spec.initContainers).length}`;
    initializing = true;
  });
  if (!initializing) {
    let hasRunning = false;
    const statuses = arr(status.containerStatuses);
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i] as Record<string, unknown>;
      restarts += Number(c.restartCount ?? 0);
      const last = rec(rec(c.lastState).terminated);
      const finished = parseRfc3339(last.finishedAt);
      if (finished !== undefined && (lastRestart === undefined || finished > lastRestart)) lastRestart = finished;
      const state = rec(c.state);
      const wait = rec(state.waiting);
      const term = rec(state.terminated);
      if (state.waiting && wait.reason) reason = text(wait.reason);
      else if (state.terminated && term.reason) reason = text(term.reason);
      else if (state.terminated) reason = term.signal ? `Signal:${text(term.signal)}` : `ExitCode:${text(term.exitCode)}`;
      else if (state.running && c.ready === true) {
        hasRunning = true;
        ready++;
      } else if (state.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) {
      const readyCond = arr(status.conditions).find((c) => c.type === 'Ready');
      reason = readyCond?.status === 'True' ? 'Running' : 'NotReady';
    }
  }
  if (pod.metadata.deletionTimestamp) reason = status.reason === 'NodeLost' ? 'Unknown' : 'Terminating';
  const restartText = lastRestart !== undefined && restarts > 0 ? `${restarts} (${humanDuration(nowMs - lastRestart)} ago)` : String(restarts);
  return { ready: `${ready}/${containers.length}`, status: reason, restarts: restartText };
}

const pods: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Ready'), col('Status'), col('Restarts'), col('Age'), col('IP', 1), col('Node', 1), col('Nominated Node', 1), col('Readiness Gates', 1)],
  cells(o, now) {
    const s = podStatus(o, now);
    const status = rec(o.status);
    const spec = rec(o.spec);
    const gates = arr(spec.readinessGates);
    const conditions = arr(status.conditions);
    const gatesText = gates.length ? `${gates.filter((g) => conditions.some((c) => c.type === g.conditionType && c.status === 'True')).length}/${gates.length}` : '<none>';
    return [name(o), s.ready, s.status, s.restarts, age(o, now), status.podIP || '<none>', spec.nodeName || '<none>', status.nominatedNodeName || '<none>', gatesText];
  },
};

function nodeRoles(o: KubeObject): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) roles.add(k.slice('node-role.kubernetes.io/'.length));
    else if (k === 'kubernetes.io/role') roles.add(v);
  }
  const list = [...roles].filter(Boolean).sort();
  return list.length ? list.join(',') : '<none>';
}

const nodes: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Status'), col('Roles'), col('Age'), col('Version'), col('Internal-IP', 1), col('External-IP', 1), col('OS-Image', 1), col('Kernel-Version', 1), col('Container-Runtime', 1)],
  cells(o, now) {
    const status = rec(o.status);
    const spec = rec(o.spec);
    const ready = arr(status.conditions).find((c) => c.type === 'Ready');
    const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
    if (spec.unschedulable === true) parts.push('SchedulingDisabled');
    const info = rec(status.nodeInfo);
    const addr = (t: string) => arr(status.addresses).find((a) => a.type === t)?.address ?? '<none>';
    return [name(o), parts.join(','), nodeRoles(o), age(o, now), info.kubeletVersion ?? '', addr('InternalIP'), addr('ExternalIP'), info.osImage || '<unknown>', info.kernelVersion || '<unknown>', info.containerRuntimeVersion || '<unknown>'];
  },
};

function containersAndImages(template: Record<string, unknown>): [string, string] {
  const cs = arr(rec(template.spec).containers);
  return [cs.map((c) => String(c.name)).join(','), cs.map((c) => String(c.image)).join(',')];
}

function selectorText(spec: Record<string, unknown>): string {
  const s = formatSelector(fromLabelSelector(rec(spec.selector)));
  return s || '<none>';
}

const deployments: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Ready'), col('Up-to-date', 0, 'integer'), col('Available', 0, 'integer'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const [c, i] = containersAndImages(rec(spec.template));
    return [name(o), `${Number(status.readyReplicas ?? 0)}/${Number(spec.replicas ?? 0)}`, Number(status.updatedReplicas ?? 0), Number(status.availableReplicas ?? 0), age(o, now), c, i, selectorText(spec)];
  },
};

const replicasets: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Desired', 0, 'integer'), col('Current', 0, 'integer'), col('Ready', 0, 'integer'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const [c, i] = containersAndImages(rec(spec.template));
    return [name(o), Number(spec.replicas ?? 0), Number(status.replicas ?? 0), Number(status.readyReplicas ?? 0), age(o, now), c, i, selectorText(spec)];
  },
};

const daemonsets: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Desired', 0, 'integer'), col('Current', 0, 'integer'), col('Ready', 0, 'integer'), col('Up-to-date', 0, 'integer'), col('Available', 0, 'integer'), col('Node Selector'), col('Age'), col('Containers', 1), col('Images', 1), col('Selector', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const status = rec(o.status);
    const template = rec(spec.template);
    const [c, i] = containersAndImages(template);
    const ns = Object.entries(rec(rec(template.spec).nodeSelector)).map(([k, v]) => `${k}=${String(v)}`).join(',') || '<none>';
    return [name(o), Number(status.desiredNumberScheduled ?? 0), Number(status.currentNumberScheduled ?? 0), Number(status.numberReady ?? 0), Number(status.updatedNumberScheduled ?? 0), Number(status.numberAvailable ?? 0), ns, age(o, now), c, i, selectorText(spec)];
  },
};

function servicePorts(spec: Record<string, unknown>): string {
  const ports = arr(spec.ports);
  if (!ports.length) return '<none>';
  return ports.map((p) => (p.nodePort ? `${text(p.port)}:${text(p.nodePort)}/${text(p.protocol ?? 'TCP')}` : `${text(p.port)}/${text(p.protocol ?? 'TCP')}`)).join(',');
}

function externalIP(spec: Record<string, unknown>, status: Record<string, unknown>): string {
  const external = Array.isArray(spec.externalIPs) ? spec.externalIPs.map(String) : [];
  switch (spec.type) {
    case 'LoadBalancer': {
      const ingress = arr(rec(status.loadBalancer).ingress).map((i) => text(i.ip ?? i.hostname ?? ''));
      const all = [...ingress, ...external];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return text(spec.externalName ?? '');
    default:
      return external.length ? external.join(',') : '<none>';
  }
}

const services: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Type'), col('Cluster-IP'), col('External-IP'), col('Port(s)'), col('Age'), col('Selector', 1)],
  cells(o, now) {
    const spec = rec(o.spec);
    const ips = Array.isArray(spec.clusterIPs) ? spec.clusterIPs.map(String) : [];
    const clusterIP = ips[0] ?? (typeof spec.clusterIP === 'string' && spec.clusterIP ? spec.clusterIP : '<none>');
    const selector = Object.entries(rec(spec.selector)).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => `${k}=${String(v)}`).join(',') || '<none>';
    return [name(o), spec.type ?? 'ClusterIP', clusterIP, externalIP(spec, rec(o.status)), servicePorts(spec), age(o, now), selector];
  },
};

const namespaces: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Status'), col('Age')],
  cells: (o, now) => [name(o), rec(o.status).phase ?? 'Active', age(o, now)],
};

const configmaps: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Data', 0, 'integer'), col('Age')],
  cells: (o, now) => [name(o), Object.keys(rec(o.data)).length + Object.keys(rec(o.binaryData)).length, age(o, now)],
};

const secrets: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Type'), col('Data', 0, 'integer'), col('Age')],
  cells: (o, now) => [name(o), o.type ?? 'Opaque', Object.keys(rec(o.data)).length, age(o, now)],
};

const serviceaccounts: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Secrets', 0, 'integer'), col('Age')],
  cells: (o, now) => [name(o), Array.isArray(o.secrets) ? o.secrets.length : 0, age(o, now)],
};

/** formatEndpoints: for each subset, each port, each ready address: `ip:port`, at most 3 then `+ N more...`. */
function endpointsText(o: KubeObject): string {
  const list: string[] = [];
  for (const subset of arr(o.subsets)) {
    const ports = arr(subset.ports);
    const addresses = arr(subset.addresses);
    if (ports.length === 0) for (const a of addresses) list.push(text(a.ip));
    for (const p of ports) for (const a of addresses) list.push(`${text(a.ip)}:${text(p.port)}`);
  }
  if (!list.length) return '<none>';
  return list.length > 3 ? `${list.slice(0, 3).join(',')} + ${list.length - 3} more...` : list.join(',');
}

const endpoints: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Endpoints'), col('Age')],
  cells: (o, now) => [name(o), endpointsText(o), age(o, now)],
};

const leases: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Holder'), col('Age')],
  cells: (o, now) => [name(o), rec(o.spec).holderIdentity ?? '', age(o, now)],
};

const storageclasses: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Provisioner'), col('ReclaimPolicy'), col('VolumeBindingMode'), col('AllowVolumeExpansion'), col('Age')],
  cells: (o, now) => {
    const isDefault = o.metadata.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true';
    return [`${name(o)}${isDefault ? ' (default)' : ''}`, o.provisioner ?? '', o.reclaimPolicy ?? 'Delete', o.volumeBindingMode ?? 'Immediate', o.allowVolumeExpansion === true ? 'true' : 'false', age(o, now)];
  },
};

const priorityclasses: Printer = {
  columns: [col('Name', 0, 'string', 'name'), col('Value', 0, 'integer'), col('Global-Default', 0, 'boolean'), col('Age'), col('PreemptionPolicy')],
  cells: (o, now) => [name(o), Number(o.value ?? 0), o.globalDefault === true, age(o, now), o.preemptionPolicy ?? 'PreemptLowerPriority'],
};

const events: Printer = {
  columns: [col('Last Seen'), col('Type'), col('Reason'), col('Object'), col('Subobject', 1), col('Source', 1), col('Message'), col('First Seen', 1), col('Count', 1, 'integer'), col('Name', 1)],
  cells: (o, now) => {
    const last = parseRfc3339(o.lastTimestamp) ?? parseRfc3339(rec(o.series).lastObservedTime) ?? parseRfc3339(o.eventTime);
    const first = parseRfc3339(o.firstTimestamp) ?? parseRfc3339(o.eventTime);
    const inv = rec(o.involvedObject);
    const source = rec(o.source);
    return [last === undefined ? '<unknown>' : humanDuration(now - last), o.type ?? '', o.reason ?? '', `${text(inv.kind ?? '').toLowerCase()}/${text(inv.name ?? '')}`, inv.fieldPath ?? '', [source.component, source.host].filter(Boolean).join(', '), o.message ?? '', first === undefined ? '<unknown>' : humanDuration(now - first), Number(o.count ?? 1), name(o)];
  },
};

export const PRINTERS: Record<string, Printer> = {
  ...MORE_PRINTERS,
  '/pods': pods,
  '/nodes': nodes,
  '/namespaces': namespaces,
  '/services': services,
  '/configmaps': configmaps,
  '/secrets': secrets,
  '/serviceaccounts': serviceaccounts,
  '/endpoints': endpoints,
  '/events': events,
  'apps/deployments': deployments,
  'apps/replicasets': replicasets,
  'apps/daemonsets': daemonsets,
  'coordination.k8s.io/leases': leases,
  'storage.k8s.io/storageclasses': storageclasses,
  'scheduling.k8s.io/priorityclasses': priorityclasses,
};
