/** kubectl's flag parsing (cobra/pflag rules: `--flag=value`, `--flag value`, `-n value`, `-nvalue`, bool flags, `--`). */

export interface FlagSpec {
  name: string;
  short?: string;
  type: 'bool' | 'string' | 'int' | 'stringArray';
  default?: string | boolean | number;
  /** pflag's NoOptDefVal: the value a bare `--flag` takes (it then consumes no argument). */
  noOptDefault?: string;
}

export interface ParsedFlags {
  positional: string[];
  values: Map<string, string | boolean | number | string[]>;
  /** Everything after a bare `--`. */
  rest: string[];
}

export class FlagError extends Error {}

export function parseFlags(args: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const values = new Map<string, string | boolean | number | string[]>();
  const positional: string[] = [];
  let rest: string[] = [];
  const set = (spec: FlagSpec, raw: string | undefined, flagText: string): void => {
    if (spec.type === 'bool') {
      if (raw === undefined || raw === 'true') values.set(spec.name, true);
      else if (raw === 'false') values.set(spec.name, false);
      else throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
      return;
    }
    if (raw === undefined) throw new FlagError(`flag needs an argument: ${flagText}`);
    if (spec.type === 'int') {
      if (!/^-?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${flagText}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
      values.set(spec.name, Number(raw));
    } else if (spec.type === 'stringArray') {
      const prev = values.get(spec.name);
      values.set(spec.name, [...(Array.isArray(prev) ? prev : []), raw]);
    } else values.set(spec.name, raw);
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') {
      rest = args.slice(i + 1);
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) set(spec, a.slice(eq + 1), `--${name}`);
      else if (spec.type === 'bool') set(spec, undefined, `--${name}`);
      else if (spec.noOptDefault !== undefined) set(spec, spec.noOptDefault, `--${name}`);
      else set(spec, args[++i], `--${name}`);
    } else if (a.startsWith('-') && a.length > 1 && !/^-\d/.test(a)) {
      const letter = a[1] as string;
      const spec = byShort.get(letter);
      if (!spec) throw new FlagError(`unknown shorthand flag: '${letter}' in ${a}`);
      const flagText = `-${letter}, --${spec.name}`;
      if (spec.type === 'bool') {
        const tail = a.slice(2);
        set(spec, tail.startsWith('=') ? tail.slice(1) : undefined, flagText);
        for (const extra of tail.startsWith('=') ? '' : tail) {
          const s = byShort.get(extra);
          if (!s) throw new FlagError(`unknown shorthand flag: '${extra}' in ${a}`);
          set(s, s.type === 'bool' ? undefined : args[++i], `-${extra}, --${s.name}`);
        }
      } else if (a.length > 2) set(spec, a.slice(2).replace(/^=/, ''), flagText);
      else set(spec, args[++i], flagText);
    } else positional.push(a);
  }
  return { positional, values, rest };
}

export function str(flags: ParsedFlags, name: string): string | undefined {
  const v = flags.values.get(name);
  return typeof v === 'string' ? v : undefined;
}

export function bool(flags: ParsedFlags, name: string): boolean {
  return flags.values.get(name) === true;
}

export function int(flags: ParsedFlags, name: string): number | undefined {
  const v = flags.values.get(name);
  return typeof v === 'number' ? v : undefined;
}

export function strings(flags: ParsedFlags, name: string): string[] {
  const v = flags.values.get(name);
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}

/** Flags every kubectl command accepts. */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string' },
  { name: 'context', type: 'string' },
  { name: 'kubeconfig', type: 'string' },
  { name: 'cluster', type: 'string' },
  { name: 'user', type: 'string' },
  { name: 'server', short: 's', type: 'string' },
  { name: 'request-timeout', type: 'string' },
  { name: 'v', short: 'v', type: 'int' },
  { name: 'help', short: 'h', type: 'bool' },
  { name: 'insecure-skip-tls-verify', type: 'bool' },
  { name: 'warnings-as-errors', type: 'bool' },
];
