/**
 * The containers section of `kubectl describe` (describeContainers): image, ports, command, state,
 * resources, probes, environment and mounts, for pods (with statuses) and pod templates (without).
 */
import type { KubeObject } from '../../api/meta';
import { parseQuantityMilli } from '../../api/quantity';
import { goSortStrings } from '../printers/go-format';
import { goList, int, present, printBool, quantity, rec, recs, sortedBy, str, stringMap, strs, timeField, type DescribeWriter } from './format';

function portList(ports: Record<string, unknown>[], field: 'containerPort' | 'hostPort'): string {
  return ports.map((p) => `${int(p[field])}/${str(p.protocol)}${str(p.name) ? ` (${str(p.name)})` : ''}`).join(', ');
}

/** describeResources: `Limits:` then `Requests:`, resource names sorted. */
export function writeResources(w: DescribeWriter, resources: unknown, level: number): void {
  const r = rec(resources);
  for (const [title, list] of [['Limits', rec(r.limits)], ['Requests', rec(r.requests)]] as const) {
    const names = goSortStrings(Object.keys(list));
    if (names.length > 0) w.write(level, `${title}:\n`);
    for (const n of names) w.write(level + 1, `${n}:\t${quantity(list[n])}\n`);
  }
}

/** describeStatus: Running (Started), Waiting (Reason) or Terminated (Reason, Message, Exit Code, Signal, Started, Finished). */
function writeState(w: DescribeWriter, title: string, state: Record<string, unknown>): void {
  if (present(state.running)) {
    w.write(2, `${title}:\tRunning\n`);
    w.write(3, `Started:\t${timeField(rec(state.running).startedAt)}\n`);
  } else if (present(state.waiting)) {
    w.write(2, `${title}:\tWaiting\n`);
    const reason = str(rec(state.waiting).reason);
    if (reason) w.write(3, `Reason:\t${reason}\n`);
  } else if (present(state.terminated)) {
    const t = rec(state.terminated);
    w.write(2, `${title}:\tTerminated\n`);
    if (str(t.reason)) w.write(3, `Reason:\t${str(t.reason)}\n`);
    if (str(t.message)) w.write(3, `Message:\t${str(t.message)}\n`);
    w.write(3, `Exit Code:\t${int(t.exitCode)}\n`);
    if (int(t.signal) > 0) w.write(3, `Signal:\t${int(t.signal)}\n`);
    w.write(3, `Started:\t${timeField(t.startedAt)}\n`);
    w.write(3, `Finished:\t${timeField(t.finishedAt)}\n`);
  } else {
    w.write(2, `${title}:\tWaiting\n`);
  }
}

/** DescribeProbe: `http-get http://:80/healthz delay=0s timeout=1s period=10s #success=1 #failure=3`. */
export function probeText(probe: Record<string, unknown>): string {
  // A served probe is defaulted; read missing fields as the API server would have stored them.
  const attrs = `delay=${int(probe.initialDelaySeconds)}s timeout=${int(probe.timeoutSeconds, 1)}s period=${int(probe.periodSeconds, 10)}s #success=${int(probe.successThreshold, 1)} #failure=${int(probe.failureThreshold, 3)}`;
  if (present(probe.exec)) return `exec ${goList(strs(rec(probe.exec).command))} ${attrs}`;
  if (present(probe.httpGet)) {
    const h = rec(probe.httpGet);
    const port = typeof h.port === 'number' ? String(int(h.port)) : str(h.port);
    const host = port !== '' ? (str(h.host).includes(':') ? `[${str(h.host)}]:${port}` : `${str(h.host)}:${port}`) : str(h.host);
    const scheme = str(h.scheme).toLowerCase();
    const path = str(h.path);
    // url.URL.String(): `scheme:`, `//host` when either is set, a `/` before a relative path after a host.
    let url = scheme ? `${scheme}:` : '';
    if (scheme || host) url += `//${host}`;
    if (path && !path.startsWith('/') && host) url += '/';
    return `http-get ${url}${path} ${attrs}`;
  }
  if (present(probe.tcpSocket)) {
    const t = rec(probe.tcpSocket);
    return `tcp-socket ${str(t.host)}:${typeof t.port === 'number' ? String(int(t.port)) : str(t.port)} ${attrs}`;
  }
  if (present(probe.grpc)) return `grpc <pod>:${int(rec(probe.grpc).port)} ${str(rec(probe.grpc).service)} ${attrs}`;
  return `unknown ${attrs}`;
}

/** fieldpath.ExtractFieldPathAsString for the metadata paths it supports ('' for the rest, as kubectl shows). */
function resolveFieldRef(pod: KubeObject | undefined, fieldPath: string): string {
  if (!pod) return '';
  const meta = pod.metadata;
  const subscript = /^metadata\.(labels|annotations)\['(.*)'\]$/.exec(fieldPath);
  if (subscript) return stringMap(subscript[1] === 'labels' ? meta.labels : meta.annotations)[subscript[2] ?? ''] ?? '';
  switch (fieldPath) {
    case 'metadata.name':
      return str(meta.name);
    case 'metadata.namespace':
      return str(meta.namespace);
    case 'metadata.uid':
      return str(meta.uid);
    case 'metadata.labels':
    case 'metadata.annotations': {
      const map = stringMap(fieldPath === 'metadata.labels' ? meta.labels : meta.annotations);
      return goSortStrings(Object.keys(map))
        .map((k) => `${k}=${JSON.stringify(map[k] ?? '')}`)
        .join('\n');
    }
    default:
      return '';
  }
}

/** ExtractContainerResourceValue: the container's request or limit divided by the divisor, rounded up. */
function resolveResourceRef(container: Record<string, unknown>, ref: Record<string, unknown>): string {
  const resource = str(ref.resource);
  const dot = resource.indexOf('.');
  const kind = resource.slice(0, dot);
  const name = resource.slice(dot + 1);
  const supported = name === 'cpu' || name === 'memory' || name === 'ephemeral-storage' || name.startsWith('hugepages-');
  if (dot < 0 || (kind !== 'limits' && kind !== 'requests') || !supported) return '';
  const list = rec(rec(container.resources)[kind]);
  try {
    const raw = list[name];
    const value = parseQuantityMilli(typeof raw === 'string' || typeof raw === 'number' ? raw : '0');
    const divisorText = typeof ref.divisor === 'string' || typeof ref.divisor === 'number' ? ref.divisor : '1';
    const divisor = parseQuantityMilli(divisorText) === 0n ? 1000n : parseQuantityMilli(divisorText);
    if (name === 'cpu') return String(Math.ceil(Number(value) / Number(divisor)));
    // Memory and the rest compare whole units (Quantity.Value rounds up).
    const whole = (m: bigint) => m / 1000n + (m % 1000n > 0n ? 1n : 0n);
    return String(Math.ceil(Number(whole(value)) / Number(whole(divisor))));
  } catch {
    return '';
  }
}

function writeEnvFrom(w: DescribeWriter, container: Record<string, unknown>): void {
  w.write(2, 'Environment Variables from:\n');
  for (const e of recs(container.envFrom)) {
    let from = '';
    let name = '';
    let optional = false;
    if (present(e.configMapRef)) {
      from = 'ConfigMap';
      name = str(rec(e.configMapRef).name);
      optional = rec(e.configMapRef).optional === true;
    } else if (present(e.secretRef)) {
      from = 'Secret';
      name = str(rec(e.secretRef).name);
      optional = rec(e.secretRef).optional === true;
    }
    const prefix = str(e.prefix);
    w.write(3, prefix === '' ? `${name}\t${from}\tOptional: ${optional}\n` : `${name}\t${from} with prefix '${prefix}'\tOptional: ${optional}\n`);
  }
}

function writeEnv(w: DescribeWriter, container: Record<string, unknown>, pod: KubeObject | undefined): void {
  const env = recs(container.env);
  w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
  for (const e of env) {
    const name = str(e.name);
    if (!present(e.valueFrom)) {
      str(e.value)
        .split('\n')
        .forEach((line, i) => w.write(3, i === 0 ? `${name}:\t${line}\n` : `\t${line}\n`));
      continue;
    }
    const from = rec(e.valueFrom);
    if (present(from.fieldRef)) {
      const f = rec(from.fieldRef);
      // The resolver only runs for pods; pod templates print an empty value.
      w.write(3, `${name}:\t${resolveFieldRef(pod, str(f.fieldPath))} (${str(f.apiVersion)}:${str(f.fieldPath)})\n`);
    } else if (present(from.resourceFieldRef)) {
      const ref = rec(from.resourceFieldRef);
      let value = resolveResourceRef(container, ref);
      if (value === '0' && (ref.resource === 'limits.cpu' || ref.resource === 'limits.memory')) value = 'node allocatable';
      w.write(3, `${name}:\t${value} (${str(ref.resource)})\n`);
    } else if (present(from.secretKeyRef)) {
      const s = rec(from.secretKeyRef);
      w.write(3, `${name}:\t<set to the key '${str(s.key)}' in secret '${str(s.name)}'>\tOptional: ${s.optional === true}\n`);
    } else if (present(from.configMapKeyRef)) {
      const c = rec(from.configMapKeyRef);
      w.write(3, `${name}:\t<set to the key '${str(c.key)}' of config map '${str(c.name)}'>\tOptional: ${c.optional === true}\n`);
    }
  }
}

function writeMounts(w: DescribeWriter, container: Record<string, unknown>): void {
  const mounts = sortedBy(recs(container.volumeMounts), (m) => str(m.mountPath));
  w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
  for (const m of mounts) {
    const flags = [m.readOnly === true ? 'ro' : 'rw'];
    if (str(m.subPath)) flags.push(`path=${JSON.stringify(str(m.subPath))}`);
    w.write(3, `${str(m.mountPath)} from ${str(m.name)} (${flags.join(',')})\n`);
  }
  const devices = sortedBy(recs(container.volumeDevices), (d) => str(d.devicePath));
  if (devices.length > 0) {
    w.write(2, `Devices:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const d of devices) w.write(3, `${str(d.devicePath)} from ${str(d.name)}\n`);
  }
}

/**
 * describeContainers: `space` is '' for a pod and '  ' for a pod template (names indented one
 * more column). `pod` enables resolving fieldRef environment values.
 */
export function writeContainers(w: DescribeWriter, label: string, containers: unknown, statuses: unknown, space: string, pod?: KubeObject): void {
  const list = recs(containers);
  const byName = new Map(recs(statuses).map((s) => [str(s.name), s] as const));
  w.write(0, `${space}${label}:${list.length === 0 ? ' <none>' : ''}\n`);
  for (const c of list) {
    const status = byName.get(str(c.name));
    w.write(1, `${space ? ' ' : ''}${str(c.name)}:\n`);
    if (status) w.write(2, `Container ID:\t${str(status.containerID)}\n`);
    w.write(2, `Image:\t${str(c.image)}\n`);
    if (status) w.write(2, `Image ID:\t${str(status.imageID)}\n`);
    const ports = recs(c.ports);
    const portText = portList(ports, 'containerPort');
    w.write(2, portText.includes(',') ? `Ports:\t${portText}\n` : `Port:\t${portText || '<none>'}\n`);
    const hostText = portList(ports, 'hostPort');
    w.write(2, hostText.includes(',') ? `Host Ports:\t${hostText}\n` : `Host Port:\t${hostText || '<none>'}\n`);
    const seccomp = rec(rec(c.securityContext).seccompProfile);
    if (present(rec(c.securityContext).seccompProfile)) {
      w.write(2, `SeccompProfile:\t${str(seccomp.type)}\n`);
      if (seccomp.type === 'Localhost') w.write(3, `LocalhostProfile:\t${str(seccomp.localhostProfile)}\n`);
    }
    for (const [title, items] of [['Command', strs(c.command)], ['Args', strs(c.args)]] as const) {
      if (items.length === 0) continue;
      w.write(2, `${title}:\n`);
      for (const item of items) for (const line of item.split('\n')) w.write(3, `${line}\n`);
    }
    if (status) {
      writeState(w, 'State', rec(status.state));
      if (present(rec(status.lastState).terminated)) writeState(w, 'Last State', rec(status.lastState));
      w.write(2, `Ready:\t${printBool(status.ready === true)}\n`);
      w.write(2, `Restart Count:\t${int(status.restartCount)}\n`);
    }
    writeResources(w, c.resources, 2);
    for (const [title, key] of [['Liveness', 'livenessProbe'], ['Readiness', 'readinessProbe'], ['Startup', 'startupProbe']] as const) {
      if (present(c[key])) w.write(2, `${title}:\t${probeText(rec(c[key]))}\n`);
    }
    if (recs(c.envFrom).length > 0) writeEnvFrom(w, c);
    writeEnv(w, c, pod);
    writeMounts(w, c);
  }
}
