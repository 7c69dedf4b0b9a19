/**
 * kubectl's `-o` formats other than tables (genericclioptions PrintFlags): yaml, json, name,
 * jsonpath (and -file, -as-json), custom-columns (and -file), go-template (and -file, template,
 * templatefile). `outputPrinter` returns a function that prints one object or a List, or
 * kubectl's error for a bad format or template.
 */
import { isRecord } from '../../api/meta';
import { parseCustomColumns, parseCustomColumnsFile, printCustomColumns, itemsOf } from './custom-columns';
import { GoTemplate, GoTemplateError } from './go-template';
import { executeJsonPath, JsonPath, JsonPathError } from './jsonpath';
import { toJson, toYaml } from './object-printer';
import { goSortStrings } from './go-format';

export const ALLOWED_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** Printing failed at run time (a template that does not fit the data): kubectl's whole message. */
export class PrintError extends Error {}

export type OutputPrinter = (value: unknown) => string;

export interface OutputOptions {
  noHeaders?: boolean;
  /** Reads a file named by `-o jsonpath-file=...` and friends; undefined when missing. */
  readFile?: (path: string) => string | undefined;
  /** `--show-managed-fields`: keep metadata.managedFields in json and yaml (they are dropped otherwise). */
  showManagedFields?: boolean;
}

/** OmitManagedFieldsPrinter: the object (or each item of a List) without metadata.managedFields. */
function omitManagedFields(v: unknown): unknown {
  if (!isRecord(v)) return v;
  if (Array.isArray(v.items)) return { ...v, items: v.items.map(omitManagedFields) };
  if (isRecord(v.object) && typeof v.type === 'string') return { ...v, object: omitManagedFields(v.object) };
  if (!isRecord(v.metadata) || !('managedFields' in v.metadata)) return v;
  const { managedFields: _m, ...metadata } = v.metadata;
  return { ...v, metadata };
}

/** True for the formats printed from server-side Tables (`kubectl get`'s default and `-o wide`). */
export function isTableFormat(format: string): boolean {
  return format === '' || format === 'wide';
}

export function outputPrinter(format: string, options: OutputOptions = {}): OutputPrinter | { error: string } {
  const eq = format.indexOf('=');
  const name = eq < 0 ? format : format.slice(0, eq);
  const arg = eq < 0 ? '' : format.slice(eq + 1);
  const fromFile = (): string | { error: string } => {
    const text = options.readFile?.(arg);
    return text === undefined ? { error: `error reading template ${arg}, open ${arg}: no such file or directory\n` } : text;
  };
  switch (name) {
    case 'yaml':
      return (v) => toYaml(options.showManagedFields ? v : omitManagedFields(v));
    case 'json':
      // A WatchEvent (`--output-watch-events`) is a Go struct: "type" comes before "object".
      return (given) => {
        const v = options.showManagedFields ? given : omitManagedFields(given);
        return isWatchEvent(v) ? toJson({ type: v.type, object: v.object }).replace(/^\{\n {4}"object": ([\s\S]*),\n {4}"type": ("\w+")\n\}\n$/, '{\n    "type": $2,\n    "object": $1\n}\n') : toJson(v);
      };
    case 'name':
      return (v) => itemsOf(v).map((o) => nameOf(o) + '\n').join('');
    case 'jsonpath':
    case 'jsonpath-file':
    case 'jsonpath-as-json': {
      let template = arg;
      if (name === 'jsonpath-file') {
        const text = fromFile();
        if (typeof text !== 'string') return text;
        template = text;
      }
      if (template === '') return { error: 'error: template format specified but no template given\n' };
      let path: JsonPath;
      try {
        path = new JsonPath(template);
      } catch (e) {
        if (e instanceof JsonPathError) return { error: `error: error parsing jsonpath ${template}, ${e.message}\n` };
        throw e;
      }
      path.allowMissingKeys = true;
      return (v) => {
        try {
          return executeJsonPath(path, v, name === 'jsonpath-as-json');
        } catch (e) {
          if (!(e instanceof JsonPathError)) throw e;
          throw new PrintError(
            `error: error executing jsonpath ${JSON.stringify(template)}: Error executing template: ${e.message}. Printing more information for debugging the template:\n\ttemplate was:\n\t\t${template}\n\tobject given to jsonpath engine was:\n\t\t${goSharpV(v)}\n\n\n`,
          );
        }
      };
    }
    case 'custom-columns':
    case 'custom-columns-file': {
      let columns;
      try {
        if (name === 'custom-columns') columns = parseCustomColumns(arg);
        else {
          const text = fromFile();
          if (typeof text !== 'string') return { error: `error: open ${arg}: no such file or directory\n` };
          columns = parseCustomColumnsFile(text);
        }
      } catch (e) {
        if (e instanceof JsonPathError) return { error: `error: ${e.message}\n` };
        throw e;
      }
      const cols = columns;
      return (v) => printCustomColumns(itemsOf(v), cols, options.noHeaders === true);
    }
    case 'go-template':
    case 'go-template-file':
    case 'template':
    case 'templatefile': {
      let template = arg;
      if (name === 'go-template-file' || name === 'templatefile') {
        const text = fromFile();
        if (typeof text !== 'string') return text;
        template = text;
      }
      if (template === '') return { error: 'error: template format specified but no template given\n' };
      let parsed: GoTemplate;
      try {
        parsed = new GoTemplate(template);
      } catch (e) {
        if (e instanceof GoTemplateError) return { error: `error: error parsing template ${template}, ${e.message}\n` };
        throw e;
      }
      return (v) => {
        try {
          return parsed.execute(v);
        } catch (e) {
          if (!(e instanceof GoTemplateError)) throw e;
          // UNVERIFIED: kubectl also writes a debugging dump to stdout here; only the error is kept.
          throw new PrintError(`error: error executing template ${JSON.stringify(template)}: ${e.message}\n`);
        }
      };
    }
    default:
      return { error: `error: unable to match a printer suitable for the output format "${format}", allowed formats are: ${ALLOWED_FORMATS}\n` };
  }
}

function isWatchEvent(v: unknown): v is { type: string; object: unknown } {
  return isRecord(v) && Object.keys(v).length === 2 && typeof v.type === 'string' && isRecord(v.object);
}

/** NamePrinter: `kind.group/name` from the object's own apiVersion and kind. */
export function nameOf(object: unknown): string {
  if (!isRecord(object)) return '';
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const kind = typeof object.kind === 'string' ? object.kind.toLowerCase() : '';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const meta = isRecord(object.metadata) ? object.metadata : {};
  return `${kind}${group ? '.' + group : ''}/${typeof meta.name === 'string' ? meta.name : ''}`;
}

/** Go's `%#v` of a JSON-decoded value, as kubectl's jsonpath error dump shows it. UNVERIFIED in details. */
export function goSharpV(value: unknown, nested = false): string {
  if (value === null || value === undefined) return 'interface {}(nil)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : String(value);
  if (typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[]interface {}{${value.map((v) => goSharpV(v, true)).join(', ')}}`;
  if (isRecord(value)) return `map[string]interface {}{${goSortStrings(Object.keys(value)).map((k) => `${JSON.stringify(k)}:${goSharpV(value[k], true)}`).join(', ')}}`;
  void nested;
  return '';
}
