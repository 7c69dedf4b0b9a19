/** docker inspect, network and the container lifecycle commands against the default kind cluster. */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../index';

function run(...lines: string[]): string {
  const sim = createSimulation({ seed: 1 });
  const terminal = sim.shell.open();
  let out = '';
  terminal.onOutput((chunk) => (out += chunk));
  for (const line of lines) {
    terminal.write(line);
    sim.runUntilIdle(10_000);
  }
  return out;
}

describe('docker inspect', () => {
  it('prints the node container as a JSON array with the fields learners read', () => {
    const out = run('docker inspect kind-control-plane');
    expect(out.startsWith('[\n    {\n        "Id": "')).toBe(true);
    const f = (t: string) => run(`docker inspect -f '${t}' kind-control-plane`).trim();
    expect(f('{{.Name}}')).toBe('/kind-control-plane');
    expect(f('{{.Id}}')).toMatch(/^[0-9a-f]{64}$/);
    expect(f('{{.Config.Image}}')).toMatch(/^kindest\/node:v1\.34\.0@sha256:[0-9a-f]{64}$/);
    expect(f('{{.Config.Hostname}}')).toBe('kind-control-plane');
    expect(f('{{.NetworkSettings.Networks.kind.Gateway}}')).toBe('172.18.0.1');
    expect(f('{{json .HostConfig.PortBindings}}')).toMatch(/^\{"6443\/tcp":\[\{"HostIp":"127\.0\.0\.1","HostPort":"\d+"\}\]\}$/);
  });
  it('formats with Go templates and json', () => {
    const ip = run("docker inspect -f '{{.NetworkSettings.Networks.kind.IPAddress}}' kind-worker").trim();
    expect(ip).toMatch(/^172\.18\.0\.\d+$/);
    expect(run(`docker inspect --format '{{json .Config.Labels}}' kind-worker`)).toBe('{"io.x-k8s.kind.cluster":"kind","io.x-k8s.kind.role":"worker"}\n');
  });
  it('says so for an unknown name', () => {
    expect(run('docker inspect nope; echo $?')).toBe('[]\nError: No such object: nope\n1\n');
  });
  it('shows a stopped container as exited', () => {
    expect(run('docker kill kind-worker2', "docker inspect -f '{{.State.Status}} {{.State.Running}}' kind-worker2", 'docker restart kind-worker2', "docker inspect -f '{{.State.Status}}' kind-worker2")).toBe('kind-worker2\nexited false\nkind-worker2\nrunning\n');
  });
  it('refuses to kill a stopped container', () => {
    expect(run('docker stop kind-worker', 'docker kill kind-worker')).toMatch(/^kind-worker\nError response from daemon: cannot kill container: kind-worker: container [0-9a-f]{64} is not running\n$/);
  });
});

describe('docker network', () => {
  it('lists the default networks and kind', () => {
    const out = run('docker network ls').split('\n');
    expect(out[0]).toBe('NETWORK ID     NAME      DRIVER    SCOPE');
    expect(out.slice(1, 5).map((l) => l.split(/\s+/).slice(1).join(' '))).toEqual(['bridge bridge local', 'host host local', 'kind bridge local', 'none null local']);
  });
  it('inspects kind with its subnets and the node containers', () => {
    const f = (t: string) => run(`docker network inspect -f '${t}' kind`).trim();
    expect(f('{{range .IPAM.Config}}{{.Subnet}} {{end}}')).toBe('172.18.0.0/16 fc00:f853:ccd:e793::/64');
    expect(f('{{range .Containers}}{{.Name}} {{end}}').split(' ').sort()).toEqual(['kind-control-plane', 'kind-worker', 'kind-worker2']);
  });
});
