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

beforeEach(async () => {
  const sim = createSimulation({ seed: 2 });
  sim.api.request({ method: 'POST', path: '/api/v1/namespaces/default/pods', userAgent: 'test', body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'box' }, spec: { containers: [{ name: 'box', image: 'busybox:1.36', command: ['sleep', '3600'] }] } } });
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

function open(query: string, protocol = 'v5.channel.k8s.io'): Promise<{ socket: Socket; protocol: string; received: () => Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}/api/v1/namespaces/default/pods/box/exec?${query}`, {
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
