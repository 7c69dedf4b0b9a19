import { describe, expect, it } from 'vitest';
import { Shell, formatDate, parseSleep, type Effect, type ProcessEnv } from './sh-interpreter';

function env(files = new Map<string, string>()): ProcessEnv {
  return { vars: new Map([['HOSTNAME', 'pod-1']]), files, nowMs: () => Date.UTC(2025, 8, 1, 9, 0, 0), hostname: 'pod-1', resolve: (n) => (n.startsWith('mysvc') ? '10.96.0.42' : undefined) };
}

/** Runs a script, returning its effects (up to `max`) and exit code. */
function run(script: string, e = env(), max = 200): { effects: Effect[]; out: string; code?: number } {
  const p = new Shell(e).runScript(script);
  const effects: Effect[] = [];
  let r = p.next();
  while (!r.done && effects.length < max) {
    effects.push(r.value);
    r = p.next();
  }
  const out = effects.map((x) => (x.kind === 'write' ? x.text : '')).join('');
  return { effects, out, code: r.done ? r.value : undefined };
}

describe('busybox sh interpreter', () => {
  it('echoes, expands variables and arithmetic, and exits with a code', () => {
    const r = run('i=2; echo "$HOSTNAME $i $((i*3))"; exit 4');
    expect(r.out).toBe('pod-1 2 6\n');
    expect(r.code).toBe(4);
  });

  it('sleeps as effects, in order with output', () => {
    const r = run('echo a; sleep 2; echo b; sleep 1m');
    expect(r.effects.map((e) => e.kind)).toEqual(['write', 'sleep', 'write', 'sleep']);
    expect(r.effects.filter((e) => e.kind === 'sleep').map((e) => (e.kind === 'sleep' ? e.ms : 0))).toEqual([2000, 60_000]);
  });

  it('runs while/until/for loops and if', () => {
    expect(run('i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done').out).toBe('0\n1\n2\n');
    expect(run('for x in a b; do printf "%s-" $x; done; echo').out).toBe('a-b-\n');
    expect(run('until nslookup mysvc >/dev/null; do echo no; done; echo yes').out).toBe('yes\n');
    expect(run('if false; then echo t; elif true; then echo e; else echo f; fi').out).toBe('e\n');
  });

  it('an endless loop yields ticks so the runtime can pace it', () => {
    const r = run('while true; do :; done', env(), 50);
    expect(r.code).toBeUndefined();
    expect(r.effects.every((e) => e.kind === 'tick')).toBe(true);
  });

  it('touches, reads and removes files in the container filesystem', () => {
    const files = new Map<string, string>();
    expect(run('touch /tmp/healthy; cat /tmp/healthy && echo ok', env(files)).out).toBe('ok\n');
    expect(files.has('/tmp/healthy')).toBe(true);
    const r = run('rm -f /tmp/healthy; cat /tmp/healthy', env(files));
    expect(r.out).toBe("cat: can't open '/tmp/healthy': No such file or directory\n");
    expect(r.code).toBe(1);
    expect(run('echo hi > /tmp/f; cat /tmp/f', env(files)).out).toBe('hi\n');
  });

  it('command substitution and unknown commands', () => {
    expect(run('echo "now: $(date)"').out).toBe('now: Mon Sep  1 09:00:00 UTC 2025\n');
    const r = run('frobnicate');
    expect(r.out).toBe('sh: frobnicate: not found\n');
    expect(r.code).toBe(127);
  });

  it('reports syntax errors as busybox does (exit 2)', () => {
    const r = run('while true; do echo x');
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/^sh: syntax error/);
  });

  it('parses sleep durations and formats dates', () => {
    expect(parseSleep('1.5')).toBe(1500);
    expect(parseSleep('2h')).toBe(7_200_000);
    expect(parseSleep('infinity')).toBe(Number.POSITIVE_INFINITY);
    expect(parseSleep('x')).toBeUndefined();
    expect(formatDate(Date.UTC(2025, 0, 5, 3, 4, 5), '%F %T')).toBe('2025-01-05 03:04:05');
  });
});

describe('runaway scripts', () => {
  it('an endless loop inside $(...) is cut off instead of hanging the engine', () => {
    const r = run('x=$(while true; do echo y; done); echo done');
    expect(r.out).toBe('done\n');
  });
});
