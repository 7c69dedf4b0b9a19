/**
 * pods/exec over WebSocket as kubectl v1.34 opens it (`kubectl exec -it POD -- sh`): a raw RFC 6455
 * client here, so the framing, the channel bytes and the terminal line discipline are checked
 * byte by byte (the differential script 07-exec.sh runs the real kubectl without a terminal).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import type { Socket } from 'node:net';
import { createSimulation } from '../engine';
import { startServer, type RunningServer } from './serve';

let server: RunningServer;
let sim: ReturnType<typeof createSimulation>;

beforeEach(async () => {
  sim = createSimulation({ seed: 2 });
  sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', userAgent: 'test', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box' }, spec: { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } });
  // What `kubectl run shell -it --image=busybox -- sh` creates.
  sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', userAgent: 'test', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'shell' }, spec: { containers: [{ name: 'shell', image: 'busybox', args: ['sh'], stdin: true, stdinOnce: true, tty: true }] } } });
  sim.advance(20_000);
  server = await startServer({ port: 0, speed: 0, sim });
});

afterEach(async () => {
  await server.close();
});

/** A client frame: masked, as RFC 6455 requires of clients. */
function clientFrame(payload: Buffer): Buffer {
  const mask = Buffer.from([1, 2, 3, 4]);
  const masked = Buffer.from(payload.map((b, i) => b ^ (mask[i % 4] as number)));
  return Buffer.concat([Buffer.from([0x82, 0x80 | payload.length]), mask, masked]);
}

/** Splits server frames (unmasked, short) into [opcode, payload]. */
function serverFrames(data: Buffer): [number, Buffer][] {
  const out: [number, Buffer][] = [];
  let p = 0;
  while (p + 2 <= data.length) {
    let len = (data[p + 1] as number) & 0x7f;
    let head = 2;
    if (len === 126) {
      len = data.readUInt16BE(p + 2);
      head = 4;
    }
    out.push([(data[p] as number) & 0x0f, data.subarray(p + head, p + head + len)]);
    p += head + len;
  }
  return out;
}

function open(query: string, protocol = 'v5.channel.k8s.io', path = 'box/exec'): Promise<{ socket: Socket; protocol: string; received: () => Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/v1/namespaces/default/pods/${path}?${query}`, {
      headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': `${protocol}, v4.channel.k8s.io` },
    });
    req.on('upgrade', (res, socket: Socket, head: Buffer) => {
      let data = head;
      socket.on('data', (chunk: Buffer) => (data = Buffer.concat([data, chunk])));
      expect(res.headers['sec-websocket-accept']).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
      resolve({ socket, protocol: String(res.headers['sec-websocket-protocol']), received: () => data });
    });
    req.on('error', reject);
    req.end();
  });
}

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('pods/exec over WebSocket', () => {
  it('runs an interactive shell on a terminal: prompt, echo, output, and Success on the error channel at exit', async () => {
    const ws = await open('command=sh&container=box&stdin=true&stdout=true&tty=true');
    expect(ws.protocol).toBe('v5.channel.k8s.io');
    await settle();
    ws.socket.write(clientFrame(Buffer.from('\x00echo hi\r')));
    await settle();
    ws.socket.write(clientFrame(Buffer.from('\x00exit\r')));
    await settle();
    const frames = serverFrames(ws.received());
    const stdout = frames.filter(([op, p]) => op === 2 && p[0] === 1).map(([, p]) => p.subarray(1).toString()).join('');
    expect(stdout).toBe('/ # echo hi\r\nhi\r\n/ # exit\r\n');
    const errors = frames.filter(([op, p]) => op === 2 && p[0] === 3).map(([, p]) => JSON.parse(p.subarray(1).toString()) as unknown);
    expect(errors).toEqual([{ metadata: {}, status: 'Success' }]);
    expect(frames[frames.length - 1]?.[0]).toBe(8);
    ws.socket.destroy();
  });

  it('reports a non-zero exit as NonZeroExitCode with the code as its cause', async () => {
    const ws = await open('command=sh&command=-c&command=false&container=box&stdout=true&stderr=true', 'v4.channel.k8s.io');
    expect(ws.protocol).toBe('v4.channel.k8s.io');
    await settle();
    const status = serverFrames(ws.received()).find(([op, p]) => op === 2 && p[0] === 3)?.[1];
    expect(JSON.parse(status?.subarray(1).toString() ?? '{}')).toMatchObject({ status: 'Failure', reason: 'NonZeroExitCode', details: { causes: [{ reason: 'ExitCode', message: '1' }] } });
    ws.socket.destroy();
  });
});

describe('pods/attach over WebSocket', () => {
  it("joins the shell a pod was started with (kubectl run -it): its prompt and output; when it exits, so does the container", async () => {
    const ws = await open('container=shell&stdin=true&stdout=true&tty=true', 'v5.channel.k8s.io', 'shell/attach');
    await settle();
    ws.socket.write(clientFrame(Buffer.from('\x00echo attached\r')));
    await settle();
    ws.socket.write(clientFrame(Buffer.from('\x00exit 4\r')));
    await settle();
    const frames = serverFrames(ws.received());
    const stdout = frames.filter(([op, p]) => op === 2 && p[0] === 1).map(([, p]) => p.subarray(1).toString()).join('');
    expect(stdout).toBe('/ # echo attached\r\nattached\r\n/ # exit 4\r\n');
    // The exit code is the pod's to tell, not the stream's: kubectl run reads it from the status.
    const errors = frames.filter(([op, p]) => op === 2 && p[0] === 3).map(([, p]) => JSON.parse(p.subarray(1).toString()) as unknown);
    expect(errors).toEqual([{ metadata: {}, status: 'Success' }]);
    ws.socket.destroy();
    // The shell was the container's main process: the container ended with it, and restartPolicy Always starts it again.
    sim.advance(5_000);
    const pod = sim.api.request({ method: 'GET', path: '/api/v1/namespaces/default/pods/shell' }).body as { status: { containerStatuses: { restartCount: number; lastState: { terminated?: { exitCode: number; reason: string } } }[] } };
    expect(pod.status.containerStatuses[0]?.restartCount).toBe(1);
    expect(pod.status.containerStatuses[0]?.lastState.terminated).toMatchObject({ exitCode: 4, reason: 'Error' });
  });

  it('to a main process that takes no input, opens a quiet stream that stays open', async () => {
    const ws = await open('container=box&stdout=true&stderr=true', 'v5.channel.k8s.io', 'box/attach');
    await settle();
    const frames = serverFrames(ws.received());
    // Only the kubelet's "stream is up" message: no output, no status, no close.
    expect(frames).toEqual([[2, Buffer.from([1])]]);
    ws.socket.destroy();
  });

  it('refuses a container the pod does not have, before upgrading', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}/api/v1/namespaces/default/pods/box/attach?container=nope&stdout=true`, {
        headers: { Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Protocol': 'v5.channel.k8s.io' },
      });
      req.on('response', (res) => resolve(res.statusCode ?? 0));
      req.on('upgrade', () => reject(new Error('upgraded')));
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(400);
  });
});
