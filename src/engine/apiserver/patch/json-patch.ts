/** RFC 6902 JSON patch (add, remove, replace, move, copy, test) over plain JSON values. */
import { deepCopy, isRecord } from '../../api/meta';

export class JsonPatchError extends Error {}

interface Operation {
  op: string;
  path: string;
  from?: string;
  value?: unknown;
}

function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new JsonPatchError(`invalid JSON pointer: ${pointer}`);
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function getAt(doc: unknown, parts: readonly string[]): unknown {
  let cur = doc;
  for (const p of parts) {
    if (Array.isArray(cur)) cur = cur[Number(p)];
    else if (isRecord(cur)) cur = cur[p];
    else return undefined;
  }
  return cur;
}

function container(doc: unknown, parts: readonly string[], op: string): { parent: unknown; key: string } {
  const parent = getAt(doc, parts.slice(0, -1));
  const key = parts[parts.length - 1] as string;
  if (!Array.isArray(parent) && !isRecord(parent)) throw new JsonPatchError(`doc is missing path: "/${parts.join('/')}": missing value`);
  if (op === 'remove' || op === 'replace') {
    const exists = Array.isArray(parent) ? Number(key) >= 0 && Number(key) < parent.length : Object.prototype.hasOwnProperty.call(parent, key);
    if (!exists) throw new JsonPatchError(`doc is missing path: "/${parts.join('/')}": missing value`);
  }
  return { parent, key };
}

function arrayIndex(arr: unknown[], key: string, forAdd: boolean): number {
  if (forAdd && key === '-') return arr.length;
  const n = Number(key);
  if (!/^\d+$/.test(key) || n > arr.length || (!forAdd && n >= arr.length)) throw new JsonPatchError(`Unable to access invalid index: ${key}`);
  return n;
}

function addAt(doc: unknown, parts: string[], value: unknown): unknown {
  if (parts.length === 0) return value;
  const { parent, key } = container(doc, parts, 'add');
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, true), 0, value);
  else (parent as Record<string, unknown>)[key] = value;
  return doc;
}

function removeAt(doc: unknown, parts: string[]): unknown {
  const { parent, key } = container(doc, parts, 'remove');
  if (Array.isArray(parent)) parent.splice(arrayIndex(parent, key, false), 1);
  else delete (parent as Record<string, unknown>)[key];
  return doc;
}

export function applyJsonPatch(target: unknown, operations: unknown): unknown {
  if (!Array.isArray(operations)) throw new JsonPatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc: unknown = deepCopy(target);
  for (const raw of operations) {
    if (!isRecord(raw) || typeof raw.op !== 'string' || typeof raw.path !== 'string') throw new JsonPatchError('Unexpected kind: <nil>');
    const op = raw as unknown as Operation;
    const parts = parsePointer(op.path);
    switch (op.op) {
      case 'add':
        doc = addAt(doc, parts, deepCopy(op.value));
        break;
      case 'remove':
        doc = removeAt(doc, parts);
        break;
      case 'replace':
        if (parts.length === 0) doc = deepCopy(op.value);
        else {
          removeAt(doc, parts);
          doc = addAt(doc, parts, deepCopy(op.value));
        }
        break;
      case 'move':
      case 'copy': {
        const fromParts = parsePointer(op.from ?? '');
        const value = deepCopy(getAt(doc, fromParts));
        if (value === undefined) throw new JsonPatchError(`doc is missing from path: "${op.from ?? ''}": missing value`);
        if (op.op === 'move') doc = removeAt(doc, fromParts);
        doc = addAt(doc, parts, value);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, parts)) !== JSON.stringify(op.value)) throw new JsonPatchError(`testing value ${op.path} failed: test failed`);
        break;
      default:
        throw new JsonPatchError(`Unexpected kind: ${op.op}`);
    }
  }
  return doc;
}
