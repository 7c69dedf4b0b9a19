/**
 * The PORTS column of `docker ps` (the docker CLI's DisplayablePorts): ports sorted by container
 * port; a port published on the same host port joins a run of consecutive ports per address and
 * protocol (`0.0.0.0:80-81->80-81/tcp`); one published on another host port is listed after them.
 */

export interface PublishedPort {
  hostIp: string;
  hostPort: number;
  containerPort: number;
  protocol: string;
}

function group(key: string, first: number, last: number): string {
  const slash = key.lastIndexOf('/');
  const range = first === last ? String(first) : `${first}-${last}`;
  return `${key.slice(0, slash)}:${range}->${range}/${key.slice(slash + 1)}`;
}

export function displayablePorts(ports: readonly PublishedPort[]): string {
  const sorted = [...ports].sort(
    (a, b) =>
      a.containerPort - b.containerPort || a.hostPort - b.hostPort || (a.protocol < b.protocol ? -1 : a.protocol > b.protocol ? 1 : 0) || (a.hostIp < b.hostIp ? -1 : a.hostIp > b.hostIp ? 1 : 0),
  );
  const groups = new Map<string, { first: number; last: number }>();
  const result: string[] = [];
  const mappings: string[] = [];
  for (const p of sorted) {
    if (p.hostPort !== p.containerPort) {
      mappings.push(`${p.hostIp}:${p.hostPort}->${p.containerPort}/${p.protocol}`);
      continue;
    }
    const key = `${p.hostIp}/${p.protocol}`;
    const g = groups.get(key);
    if (!g) groups.set(key, { first: p.containerPort, last: p.containerPort });
    else if (p.containerPort === g.last + 1) g.last = p.containerPort;
    else {
      result.push(group(key, g.first, g.last));
      groups.set(key, { first: p.containerPort, last: p.containerPort });
    }
  }
  for (const [key, g] of groups) result.push(group(key, g.first, g.last));
  return [...result, ...mappings].join(', ');
}
