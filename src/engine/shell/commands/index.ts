/** Every command the lab machine has, by name. */
import type { CommandTable } from '../command';
import { CORE_COMMANDS } from './coreutils';
import { kubectl } from './kubectl';
import { kind } from './kind';
import { docker } from './docker';
import { TEXT_COMMANDS } from './text-utils';
import { kubelab } from './kubelab';
import { FILTER_COMMANDS } from './filters';
import { PIPE_COMMANDS } from './pipe-tools';
import { sed } from './sed';
import { curl } from './curl';
import { JOB_COMMANDS } from './job-control';
import { SYSTEM_COMMANDS, whichCommand } from './system-utils';

export function createCommandTable(): CommandTable {
  const table: CommandTable = new Map(Object.entries({ ...CORE_COMMANDS, ...TEXT_COMMANDS, ...FILTER_COMMANDS, ...SYSTEM_COMMANDS, ...PIPE_COMMANDS, ...JOB_COMMANDS, sed, curl, kubectl, kind, docker, kubelab }));
  table.set('which', whichCommand((name) => table.has(name)));
  return table;
}
