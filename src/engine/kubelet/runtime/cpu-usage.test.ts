import { describe, expect, it } from 'vitest';
import { CpuAccount, cpuLimitCores } from './cpu-usage';

/** Plays a closed-loop client (sleep 10 ms, then one request, waiting for the answer) for `ms`. */
function loadFor(account: CpuAccount, ms: number): number {
  let now = 0;
  let served = 0;
  while (now < ms) {
    now += 10;
    now += account.serve(now);
    served++;
  }
  return served;
}

describe('container CPU usage model', () => {
  it('idles at the image baseline', () => {
    const nginx = new CpuAccount('nginx:1.27', 0, undefined);
    expect(nginx.cumulativeNanos(60_000)).toBe(0);
    const php = new CpuAccount('registry.k8s.io/hpa-example', 0, 0.5);
    // 1m for 15 s = 15 ms of CPU.
    expect(php.cumulativeNanos(15_000)).toBe(15_000_000);
  });

  it('holds a loaded container at its CPU limit, as the CFS quota does', () => {
    const php = new CpuAccount('registry.k8s.io/hpa-example', 0, 0.5);
    const served = loadFor(php, 60_000);
    const millicores = php.cumulativeNanos(60_000) / 1e6 / 60;
    expect(millicores).toBeGreaterThan(490);
    expect(millicores).toBeLessThan(515);
    // Throttled: about 25 requests a second instead of 33.
    expect(served / 60).toBeGreaterThan(24);
    expect(served / 60).toBeLessThan(26);
  });

  it('answers at full speed when under its limit', () => {
    const php = new CpuAccount('registry.k8s.io/hpa-example', 0, 2);
    expect(php.serve(0)).toBe(20);
    expect(php.serve(1_000)).toBe(20);
  });

  it('reads the CPU limit in cores', () => {
    expect(cpuLimitCores({ resources: { limits: { cpu: '500m' } } })).toBe(0.5);
    expect(cpuLimitCores({ resources: { limits: { cpu: 2 } } })).toBe(2);
    expect(cpuLimitCores({ resources: { requests: { cpu: '1' } } })).toBeUndefined();
  });
});
