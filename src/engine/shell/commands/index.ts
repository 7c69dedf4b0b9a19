/** Every command the lab machine has, by name. */
import type { CommandTable } from '../command';
import { CORE_COMMANDS } from './coreutils';
import { kubectl } from './kubectl';
import { kind } from './kind';
import { docker } from './docker';

export function createCommandTable(): CommandTable {
  return new Map(Object.entries({ ...CORE_COMMANDS, kubectl, kind, docker }));
}
