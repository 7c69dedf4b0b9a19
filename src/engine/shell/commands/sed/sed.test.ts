/** sed as GNU sed 4.9 prints it (outputs and errors checked against the real tool). */
import { describe, expect, it } from 'vitest';
import { createSimulation } from '../../../index';

function run(...lines: string[]): string {
  const sim = createSimulation({ seed: 1, cluster: 'empty' });
  const terminal = sim.shell.open();
  let out = '';
  terminal.onOutput((chunk) => (out += chunk));
  for (const line of lines) {
    terminal.write(line);
    sim.runUntilIdle(10_000);
  }
  return out;
}

describe('sed', () => {
  it('substitutes with flags, any delimiter, & and back-references', () => {
    expect(run("printf 'aaa\\nbab\\n' | sed 's/a/x/'")).toBe('xaa\nbxb\n');
    expect(run("printf 'aaa\\n' | sed 's/a/x/g'")).toBe('xxx\n');
    expect(run("printf 'aaa\\n' | sed 's/a/x/2'")).toBe('axa\n');
    expect(run("printf 'aaa\\n' | sed 's/a/x/2g'")).toBe('axx\n');
    expect(run("printf 'Abc\\n' | sed 's|a|[&]|I'")).toBe('[A]bc\n');
    expect(run("printf 'image: nginx:1.14\\n' | sed 's/\\(nginx\\):\\(.*\\)/\\2-\\1/'")).toBe('image: 1.14-nginx\n');
    expect(run("printf 'image: nginx:1.14\\n' | sed -E 's/(nginx):([0-9.]+)/\\1@\\2/'")).toBe('image: nginx@1.14\n');
    expect(run("printf 'a+b\\n' | sed 's/a+b/ok/'")).toBe('ok\n');
  });
  it('selects lines with -n, p, d and addresses', () => {
    const input = "printf 'l1\\nl2\\nl3\\nl4\\n' | ";
    expect(run(`${input}sed -n '2,3p'`)).toBe('l2\nl3\n');
    expect(run(`${input}sed '$d'`)).toBe('l1\nl2\nl3\n');
    expect(run(`${input}sed '/l2/,/l3/d'`)).toBe('l1\nl4\n');
    expect(run(`${input}sed -n '/l3/!p'`)).toBe('l1\nl2\nl4\n');
    expect(run(`${input}sed -n '$='`)).toBe('4\n');
    expect(run(`${input}sed 2q`)).toBe('l1\nl2\n');
    expect(run(`${input}sed -n -e 1p -e 4p`)).toBe('l1\nl4\n');
    expect(run(`${input}sed -n 's/l2/L2/p'`)).toBe('L2\n');
    expect(run(`${input}sed '0,/l/d'`)).toBe('l2\nl3\nl4\n');
  });
  it('edits a file in place with -i', () => {
    const out = run("printf 'image: nginx:1.14.2\\n' > d.yaml", "sed -i 's/nginx:1.14.2/nginx:1.16.1/' d.yaml", 'cat d.yaml', 'sed -i.bak s/1.16.1/1.17/ d.yaml', 'cat d.yaml d.yaml.bak');
    expect(out).toBe('image: nginx:1.16.1\nimage: nginx:1.17\nimage: nginx:1.16.1\n');
  });
  it("prints GNU sed's errors", () => {
    expect(run("sed 's/a/b' x")).toBe("sed: -e expression #1, char 5: unterminated `s' command\n");
    expect(run("sed 's/a/b/q' x")).toBe("sed: -e expression #1, char 7: unknown option to `s'\n");
    expect(run("sed k x")).toBe("sed: -e expression #1, char 1: unknown command: `k'\n");
    expect(run("sed 's/a/\\1/' x")).toBe("sed: -e expression #1, char 7: invalid reference \\1 on `s' command's RHS\n");
    expect(run("sed '/a' x")).toBe('sed: -e expression #1, char 2: unterminated address regex\n');
    expect(run("sed -e p -e 'y/ab/c/' x")).toBe("sed: -e expression #2, char 7: strings for `y' command are different lengths\n");
    expect(run('sed 1 x')).toBe('sed: -e expression #1, char 1: missing command\n');
    expect(run('sed p nofile; echo $?')).toBe("sed: can't read nofile: No such file or directory\n2\n");
    expect(run('sed -i s/a/b/')).toBe('sed: no input files\n');
    expect(run('sed nofile')).toBe('sed: -e expression #1, char 2: extra characters after command\n');
  });
});
