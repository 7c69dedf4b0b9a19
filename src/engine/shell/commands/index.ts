/** Every command the lab machine has, by name. */
import type { CommandTable } from '../command';
import { CORE_COMMANDS } from './coreutils';
import { kubectl } from './kubectl';
import { kind } from './kind';
import { docker } from './docker';
import { TEXT_COMMANDS } from './text-utils';
import { kubelab } from './kubelab';

export function createCommandTable(): CommandTable {
  return new Map(Object.entries({ ...CORE_COMMANDS, ...TEXT_COMMANDS, kubectl, kind, docker, kubelab }));
}
