/**
 * Pieces many verbs share: `--dry-run` (client, server, none; a bare flag means client), `-o` for
 * the objects a verb made or changed, and the `kind.group/name verb` lines kubectl prints.
 */
import type { KubeObject } from '../../../api/meta';
import { kindPrefix, type ApiResource } from '../../../client/discovery';
import type { ResourceRef } from '../../../client';
import { bool, str, type FlagSpec } from '../../../kubectl/flags';
import { outputPrinter, PrintError } from '../../../kubectl/printers/output';
import type { KubectlContext } from './context';
import { applyMergePatch } from '../../../apiserver/patch/json-merge-patch';
import { applyJsonPatch } from '../../../apiserver/patch/json-patch';
import { applyStrategicMergePatch } from '../../../apiserver/patch/strategic-merge-patch';

export const DRY_RUN_FLAG: FlagSpec = { name: 'dry-run', type: 'string', noOptDefault: 'unchanged' };
export const OUTPUT_FLAG: FlagSpec = { name: 'output', short: 'o', type: 'string' };
export const PRINT_FLAGS: FlagSpec[] = [OUTPUT_FLAG, DRY_RUN_FLAG, { name: 'template', type: 'string' }, { name: 'allow-missing-template-keys', type: 'bool' }, { name: 'show-managed-fields', type: 'bool' }];

export type DryRun = 'none' | 'client' | 'server';

/** cmdutil.GetDryRunStrategy. */
export function dryRunOf(k: KubectlContext): DryRun | undefined {
  const v = str(k.flags, 'dry-run') ?? 'none';
  if (v === 'unchanged' || v === 'client') return 'client';
  if (v === 'server') return 'server';
  if (v === 'none') return 'none';
  // UNVERIFIED: kubectl also logs a klog deprecation warning for the boolean forms.
  if (v === 'true') return 'client';
  if (v === 'false') return 'none';
  k.err(`error: Invalid dry-run value (${v}). Must be "none", "server", or "client".\n`);
  return undefined;
}

/** `--validate`: strict (the default, also a bare flag), warn, ignore, or a boolean. */
export const VALIDATE_FLAG: FlagSpec = { name: 'validate', type: 'string', noOptDefault: 'strict' };

/** cmdutil.GetValidationDirective: the `fieldValidation` kubectl sends for `--validate`, or undefined after printing the error. */
export function validationDirectiveOf(k: KubectlContext): 'Strict' | 'Warn' | 'Ignore' | undefined {
  const v = str(k.flags, 'validate') ?? 'strict';
  if (['1', 't', 'T', 'true', 'TRUE', 'True', 'strict'].includes(v)) return 'Strict';
  if (['0', 'f', 'F', 'false', 'FALSE', 'False', 'ignore'].includes(v)) return 'Ignore';
  if (v === 'warn') return 'Warn';
  k.err(`error: invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)\n`);
  return undefined;
}

/** The query of a write that `--dry-run` and `--validate` shape. */
export function writeQuery(dryRun: DryRun, validation: 'Strict' | 'Warn' | 'Ignore'): Record<string, string> {
  return { ...dryRunQuery(dryRun), fieldValidation: validation };
}

export function dryRunQuery(dryRun: DryRun): Record<string, string> {
  return dryRun === 'server' ? { dryRun: 'All' } : {};
}

export function dryRunSuffix(dryRun: DryRun): string {
  return dryRun === 'server' ? ' (server dry run)' : dryRun === 'client' ? ' (dry run)' : '';
}

/** The collection (or object, with a name) a resource and namespace point to. */
export function refOf(r: Pick<ApiResource, 'group' | 'version' | 'resource' | 'namespaced'>, namespace: string, name?: string): ResourceRef & { name?: string } {
  return { group: r.group, version: r.version, resource: r.resource, namespace: r.namespaced ? namespace : undefined, name };
}

/**
 * Prints what a verb did: with `-o` the object in that format, else `kind.group/name <verb>` plus
 * the dry-run suffix (`-o name` prints just the name). Returns false when the format is bad.
 */
export function printOutcome(k: KubectlContext, object: KubeObject, resource: Pick<ApiResource, 'kind' | 'group'>, verb: string, dryRun: DryRun): boolean {
  const format = str(k.flags, 'output') ?? '';
  const name = String(object.metadata.name ?? '');
  if (format === '' || format === 'wide') {
    k.out(`${kindPrefix(resource)}/${name} ${verb}${dryRunSuffix(dryRun)}\n`);
    return true;
  }
  if (format === 'name') {
    k.out(`${kindPrefix(resource)}/${name}\n`);
    return true;
  }
  const printer = outputPrinter(format, { showManagedFields: bool(k.flags, 'show-managed-fields'), readFile: (path) => k.shell.machine.fs.read(k.shell.machine.fs.resolve(k.shell.cwd, path)) });
  if ('error' in printer) {
    k.err(printer.error);
    return false;
  }
  try {
    k.out(printer(object));
  } catch (e) {
    if (!(e instanceof PrintError)) throw e;
    k.err(e.message);
    return false;
  }
  return true;
}

/** Validates `-o` before doing anything (kubectl fails on a bad format first). */
export function checkOutputFormat(k: KubectlContext): boolean {
  const format = str(k.flags, 'output') ?? '';
  if (format === '' || format === 'name' || format === 'wide') return true;
  const printer = outputPrinter(format, { showManagedFields: bool(k.flags, 'show-managed-fields'), readFile: (path) => k.shell.machine.fs.read(k.shell.machine.fs.resolve(k.shell.cwd, path)) });
  if ('error' in printer) {
    k.err(printer.error);
    return false;
  }
  return true;
}

/** cobra's required-argument error for `kubectl <verb> NAME`. */
export function exactlyOneName(k: KubectlContext, command: string, names: readonly string[]): string | undefined {
  if (names.length !== 1) {
    k.err(`error: exactly one NAME is required, got ${names.length}\nSee 'kubectl ${command} -h' for help and examples\n`);
    return undefined;
  }
  return names[0];
}

/** `a=b,c=d` into a map (label and selector flags). */
export function parsePairs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(',').filter(Boolean)) {
    const eq = part.indexOf('=');
    out[eq < 0 ? part : part.slice(0, eq)] = eq < 0 ? '' : part.slice(eq + 1);
  }
  return out;
}

/** `--overrides` and `--override-type` of `kubectl run` and `kubectl expose`. */
export const OVERRIDE_FLAGS: FlagSpec[] = [
  { name: 'overrides', type: 'string' },
  { name: 'override-type', type: 'string' },
];

/**
 * Applies `--overrides` (inline JSON) to a generated object, by `--override-type`: merge (the
 * default, a JSON merge patch), json (a JSON patch) or strategic. Prints kubectl's error and
 * returns undefined when it cannot.
 */
export function applyOverrides(k: KubectlContext, object: KubeObject): KubeObject | undefined {
  const overrides = str(k.flags, 'overrides');
  if (!overrides) return object;
  const type = str(k.flags, 'override-type') ?? 'merge';
  if (!['merge', 'json', 'strategic'].includes(type)) {
    k.err(`error: invalid override type: ${type}\n`);
    return undefined;
  }
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch (e) {
    // evanphx/json-patch's word for any merge patch it cannot read.
    k.err(`error: ${type === 'merge' ? 'Invalid JSON Patch' : e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
  try {
    const patched = type === 'merge' ? applyMergePatch(object, patch) : type === 'json' ? applyJsonPatch(object, patch) : applyStrategicMergePatch(object, patch);
    return patched as KubeObject;
  } catch (e) {
    k.err(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return undefined;
  }
}
