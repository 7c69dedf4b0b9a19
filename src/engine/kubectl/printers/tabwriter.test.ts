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

describe("Go's tabwriter edge cases", () => {
  it('leaves a missing final newline missing', () => {
    expect(formatTabbed('a\tb\nccc\td', DESCRIBE_TABWRITER)).toBe('a    b\nccc  d');
  });

  it('pads empty cells like any other (an empty column is as wide as the padding)', () => {
    expect(formatTabbed('Name\t\tCPU\nkindnet-abcde\t\t100m\n', DESCRIBE_TABWRITER)).toBe('Name             CPU\nkindnet-abcde    100m\n');
  });

  it('keeps trailing padding when the last cell is empty', () => {
    expect(formatTabbed('IP:\t\nIPs:\t<none>\n', DESCRIBE_TABWRITER)).toBe('IP:   \nIPs:  <none>\n');
  });

  it('starts new columns after a form feed', () => {
    expect(formatTabbed('a\tb\fccccc\td\n', DESCRIBE_TABWRITER)).toBe('a  b\nccccc  d\n');
  });

  it('counts code points, not UTF-16 units', () => {
    expect(formatTabbed('ü\tx\nab\ty\n', DESCRIBE_TABWRITER)).toBe('ü   x\nab  y\n');
  });
});
