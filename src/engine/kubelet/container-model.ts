/**
 * What a container does once started, read from its image and command: long-running servers run
 * until stopped; `sleep N` ends after N seconds; `exit N` ends at once with that code; images whose
 * default command is a shell (busybox, alpine) end at once when given no command.
 */
import { isRecord, text } from '../api/meta';
import type { ImageInfo } from './runtime/image-catalog';

export type ContainerBehaviour = { kind: 'forever' } | { kind: 'exits'; afterMs: number; exitCode: number };

function words(container: Record<string, unknown>): string[] {
  const list = (v: unknown) => (Array.isArray(v) ? v.map(text) : []);
  return [...list(container.command), ...list(container.args)].flatMap((w) => w.split(/[\s;&|]+/)).filter(Boolean);
}

export function containerBehaviour(container: unknown, image: ImageInfo): ContainerBehaviour {
  const c = isRecord(container) ? container : {};
  const all = words(c);
  if (all.length === 0) return image.defaultRuns === 'exits' ? { kind: 'exits', afterMs: 50, exitCode: 0 } : { kind: 'forever' };
  // Loops and servers keep running; a plain `sleep N` (or `exit N`) decides the end.
  if (all.some((w) => w === 'while' || w === 'until' || w === 'tail' || w === 'infinity' || w === 'httpd' || w === 'nginx')) return { kind: 'forever' };
  const exitAt = all.indexOf('exit');
  if (exitAt >= 0) return { kind: 'exits', afterMs: 50, exitCode: Number(all[exitAt + 1] ?? 0) || 0 };
  const sleepAt = all.indexOf('sleep');
  if (sleepAt >= 0) {
    const arg = all[sleepAt + 1] ?? '';
    const m = /^(\d+(?:\.\d+)?)([smhd]?)$/.exec(arg);
    if (m) {
      const unit = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as '' | 's' | 'm' | 'h' | 'd'];
      return { kind: 'exits', afterMs: Math.round(Number(m[1]) * unit), exitCode: 0 };
    }
    return { kind: 'forever' };
  }
  // A shell script without a loop or a sleep (`sh -c "echo hello; date"`) ends when its commands are done.
  if (['sh', '/bin/sh', 'bash', '/bin/bash'].includes(all[0] ?? '')) return { kind: 'exits', afterMs: 100, exitCode: 0 };
  return { kind: 'forever' };
}
