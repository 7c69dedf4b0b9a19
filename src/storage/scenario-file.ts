/**
 * Scenarios: a lab (cluster snapshot, lab machine files, the terminal's shell state, the running
 * lesson) written to a file or a link to share, and read back with every part checked before it
 * may replace the learner's lab. The file is JSON `{kind, format, lab}`; a link carries the same
 * JSON gzipped and base64url-encoded after `#scenario=`.
 */
import type { SavedLab } from '../engine/protocol';
import { decodeLab, encodeLab, LAB_FORMAT } from './records';

export const SCENARIO_KIND = 'kubelab-scenario';
export const SCENARIO_LINK_PREFIX = '#scenario=';
/** Bigger than any lab the engine can hold usefully; refused before parsing. */
export const SCENARIO_MAX_BYTES = 20 * 1024 * 1024;

export interface ScenarioPreview {
  /** Virtual time the scenario was saved at (ms since the epoch). */
  virtualTimeMs: number;
  /** The terminal's working directory, when its shell state came along. */
  cwd: string | undefined;
  lessonId: string | undefined;
}

export type DecodedScenario = { ok: true; lab: SavedLab; dropped: string[]; preview: ScenarioPreview } | { ok: false; error: string };

export function encodeScenario(lab: SavedLab): string {
  return JSON.stringify({ kind: SCENARIO_KIND, format: LAB_FORMAT, lab: encodeLab(lab) });
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function decodeScenario(text: string): DecodedScenario {
  if (text.length > SCENARIO_MAX_BYTES) return { ok: false, error: `the file is too big for a kubelab scenario (${(text.length / 1024 / 1024).toFixed(1)} MB; at most 20 MB)` };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not a kubelab scenario: it is not JSON (${error instanceof Error ? error.message : String(error)})` };
  }
  if (!isObject(raw) || raw.kind !== SCENARIO_KIND) return { ok: false, error: 'not a kubelab scenario: it has no "kind": "kubelab-scenario"' };
  if (!Number.isInteger(raw.format) || (raw.format as number) < 1) return { ok: false, error: 'not a kubelab scenario: its "format" is not a version number' };
  if ((raw.format as number) > LAB_FORMAT) return { ok: false, error: `this scenario was made by a newer kubelab (format ${String(raw.format)}); this one reads format ${LAB_FORMAT}` };
  const { value, dropped } = decodeLab(raw.lab);
  if (!value) return { ok: false, error: `its cluster cannot be read${dropped.length ? ` (${dropped.join('; ')})` : ''}` };
  const virtualTimeMs = Number.isFinite(value.snapshot.nowMs) ? value.snapshot.nowMs : 0;
  return { ok: true, lab: value, dropped, preview: { virtualTimeMs, cwd: value.terminal?.cwd, lessonId: value.lesson?.lessonId } };
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

async function pipe(bytes: Uint8Array, transform: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(transform);
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The `#scenario=...` fragment of a link that carries `scenarioText`. */
export async function scenarioLinkFragment(scenarioText: string): Promise<string> {
  return SCENARIO_LINK_PREFIX + toBase64Url(await pipe(new TextEncoder().encode(scenarioText), new CompressionStream('gzip')));
}

/** The scenario text a link's fragment carries, or an error in words. */
export async function scenarioFromFragment(fragment: string): Promise<{ ok: true; text: string } | { ok: false; error: string }> {
  if (!fragment.startsWith(SCENARIO_LINK_PREFIX)) return { ok: false, error: 'the link carries no scenario' };
  const payload = fragment.slice(SCENARIO_LINK_PREFIX.length);
  if (payload.length > SCENARIO_MAX_BYTES) return { ok: false, error: 'the link is too long to be a kubelab scenario' };
  try {
    const bytes = await pipe(fromBase64Url(payload), new DecompressionStream('gzip'));
    if (bytes.length > SCENARIO_MAX_BYTES) return { ok: false, error: 'the scenario in the link is too big (at most 20 MB)' };
    return { ok: true, text: new TextDecoder().decode(bytes) };
  } catch {
    return { ok: false, error: 'the scenario in the link is damaged (it may have been cut short when copied)' };
  }
}
