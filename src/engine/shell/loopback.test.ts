import { describe, expect, it } from 'vitest';
import { LoopbackPorts } from './loopback';

const answer = () => ({ kind: 'refused' as const, ip: '' });

describe('LoopbackPorts', () => {
  it('refuses a second bind of the same address and port, and a wildcard over a specific one', () => {
    const ports = new LoopbackPorts();
    expect(ports.bind('127.0.0.1', 8080, answer)).toBe(true);
    expect(ports.bind('127.0.0.1', 8080, answer)).toBe(false);
    expect(ports.bind('0.0.0.0', 8080, answer)).toBe(false);
    expect(ports.bind('::1', 8080, answer)).toBe(true);
    ports.release('127.0.0.1', 8080);
    expect(ports.bind('0.0.0.0', 8080, answer)).toBe(true);
  });

  it('counts ports held elsewhere (docker-published API servers) as taken', () => {
    const ports = new LoopbackPorts((address, port) => address === '127.0.0.1' && port === 6443);
    expect(ports.inUse('127.0.0.1', 6443)).toBe(true);
    expect(ports.inUse('::1', 6443)).toBe(false);
  });

  it('connects localhost to ::1 or 127.0.0.1, and loopback to a wildcard listener', () => {
    const ports = new LoopbackPorts();
    const v4 = () => ({ kind: 'bad-address' as const });
    ports.bind('127.0.0.1', 7000, v4);
    expect(ports.connect('localhost', 7000)).toBe(v4);
    expect(ports.connect('[::1]', 7000)).toBeUndefined();
    ports.bind('0.0.0.0', 7001, v4);
    expect(ports.connect('127.0.0.1', 7001)).toBe(v4);
  });

  it('picks an ephemeral port that is free on every address', () => {
    const ports = new LoopbackPorts();
    ports.bind('127.0.0.1', 32768, answer);
    const draws = [0, 5];
    const port = ports.ephemeralPort(() => draws.shift() ?? 0, ['127.0.0.1', '::1']);
    expect(port).toBe(32773);
  });
});
