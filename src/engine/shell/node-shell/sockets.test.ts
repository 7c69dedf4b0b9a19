/** ss's column layout (measured on iproute2 ss 6.1 with the same sockets) and the node's listeners. */
import { describe, expect, it } from 'vitest';
import { ssTable } from './sockets';

describe('ssTable', () => {
  it('right-aligns addresses and left-aligns ports around the colon', () => {
    const out = ssTable(
      [
        { address: '127.0.0.1', port: 10248, process: { name: 'python3', pid: 4038, fd: 3 } },
        { address: '*', port: 10250, process: { name: 'python3', pid: 4038, fd: 4 } },
      ],
      true,
    );
    expect(out).toBe(
      'State  Recv-Q Send-Q Local Address:Port  Peer Address:PortProcess\n' +
        'LISTEN 0      4096       127.0.0.1:10248      0.0.0.0:*    users:(("python3",pid=4038,fd=3))\n' +
        'LISTEN 0      4096               *:10250            *:*    users:(("python3",pid=4038,fd=4))\n',
    );
  });
  it('keeps the Port heading at four columns for short ports', () => {
    expect(ssTable([{ address: '0.0.0.0', port: 2024 }], false).split('\n')[0]).toBe('State  Recv-Q Send-Q Local Address:Port Peer Address:PortProcess');
  });
});
