import { describe, expect, it } from 'vitest';
import { displayablePorts } from './ports';

describe('displayablePorts', () => {
  it('lists same-port publications by container port, then the remapped ones', () => {
    const api = { hostIp: '127.0.0.1', hostPort: 40123, containerPort: 6443, protocol: 'tcp' };
    expect(displayablePorts([api, { hostIp: '0.0.0.0', hostPort: 443, containerPort: 443, protocol: 'tcp' }, { hostIp: '0.0.0.0', hostPort: 80, containerPort: 80, protocol: 'tcp' }])).toBe(
      '0.0.0.0:80->80/tcp, 0.0.0.0:443->443/tcp, 127.0.0.1:40123->6443/tcp',
    );
    expect(displayablePorts([{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }, api])).toBe('0.0.0.0:8080->80/tcp, 127.0.0.1:40123->6443/tcp');
  });

  it('joins consecutive ports into a range', () => {
    const p = (port: number) => ({ hostIp: '0.0.0.0', hostPort: port, containerPort: port, protocol: 'tcp' });
    expect(displayablePorts([p(30001), p(30000), p(30005)])).toBe('0.0.0.0:30000-30001->30000-30001/tcp, 0.0.0.0:30005->30005/tcp');
  });
});
