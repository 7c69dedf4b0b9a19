import { describe, expect, it } from 'vitest';
import { inCidr } from './network-policy';

describe('inCidr', () => {
  it.each([
    ['10.244.1.3', '10.244.0.0/16', true],
    ['10.244.1.3', '10.244.0.0/24', false],
    ['10.244.0.9', '10.244.0.0/24', true],
    ['172.18.0.2', '0.0.0.0/0', true],
    ['10.96.0.10', '10.96.0.10/32', true],
    ['10.96.0.11', '10.96.0.10/32', false],
    ['fd00::1', '10.0.0.0/8', false],
  ])('%s in %s is %s', (ip, cidr, expected) => {
    expect(inCidr(ip, cidr)).toBe(expected);
  });
});
