import { describe, expect, it } from 'vitest';
import { DESCRIBE_TABWRITER, formatTabbed, GET_TABWRITER } from './tabwriter';

describe("Go's tabwriter", () => {
  it('aligns a block of lines by its widest cell plus padding', () => {
    expect(formatTabbed('Name:\tnginx\nNamespace:\tdefault\n', DESCRIBE_TABWRITER)).toBe('Name:       nginx\nNamespace:  default\n');
  });

  it('starts a new block after a line without that column', () => {
    const input = 'Name:\tx\nLabels:\t<none>\nContainers:\n  web:\n    Image:\tnginx\n    Port:\t80/TCP\n';
    expect(formatTabbed(input, DESCRIBE_TABWRITER)).toBe('Name:    x\nLabels:  <none>\nContainers:\n  web:\n    Image:  nginx\n    Port:   80/TCP\n');
  });

  it('aligns nested columns inside the enclosing block', () => {
    const input = '  Type\tStatus\n  Ready \tTrue \n  PodScheduled \tTrue \n';
    expect(formatTabbed(input, DESCRIBE_TABWRITER)).toBe('  Type           Status\n  Ready          True \n  PodScheduled   True \n');
  });

  it('applies the minimum width of kubectl get tables', () => {
    expect(formatTabbed('NAME\tAGE\na\t1s\n', GET_TABWRITER)).toBe('NAME   AGE\na      1s\n');
    expect(formatTabbed('A\tB\tC\n', GET_TABWRITER)).toBe('A     B     C\n');
  });
});
