/**
 * What the lab saves, one record per part, each with its own `format` number: the lab (the
 * engine's snapshot, the terminal's shell and the running lesson), the workspace (editor tabs and
 * the terminal's line history) and lesson progress. Decoding never throws: a part saved by an
 * older kubelab is migrated, anything damaged or from a newer kubelab is dropped, and the reasons
 * are returned so the page can say what it could not keep.
 */
import type { SavedLab, SavedLesson } from '../engine/protocol';
import type { ShellState, SimSnapshot } from '../engine';
import type { Language } from '../lessons/types';

export const LAB_FORMAT = 1;
export const WORKSPACE_FORMAT = 1;
export const LESSONS_FORMAT = 1;

export interface SavedTab {
  title: string;
  path: string | undefined;
  text: string;
  savedText: string | undefined;
}

export interface SavedWorkspace {
  tabs: SavedTab[];
  /** Index of the active tab in `tabs`. */
  active: number;
  /** The terminal's line history (Up / Down), oldest first. */
  terminalHistory: string[];
}

export interface SavedProgress {
  language: Language;
  /** Steps done (the index of the first step not done) by lesson id. */
  done: Record<string, number>;
}

export const EMPTY_PROGRESS: SavedProgress = { language: 'en', done: {} };
export const EMPTY_WORKSPACE: SavedWorkspace = { tabs: [], active: 0, terminalHistory: [] };

/** Most lines of terminal history kept (bash's HISTSIZE default is 500). */
export const TERMINAL_HISTORY_MAX = 500;

export interface Decoded<T> {
  value: T | undefined;
  dropped: string[];
}

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringArray = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');
const isStringRecord = (value: unknown): value is Record<string, string> => isObject(value) && Object.values(value).every((v) => typeof v === 'string');

/** A record's envelope: missing is fine (nothing saved yet), a newer format is kept out. */
function envelope(raw: unknown, part: string, current: number): { fields: Fields | undefined; dropped: string[] } {
  if (raw === undefined) return { fields: undefined, dropped: [] };
  if (!isObject(raw) || !Number.isInteger(raw.format)) return { fields: undefined, dropped: [`the saved ${part} (unreadable)`] };
  if ((raw.format as number) > current) return { fields: undefined, dropped: [`the saved ${part} (saved by a newer kubelab, format ${String(raw.format)})`] };
  return { fields: raw, dropped: [] };
}

export function encodeLab(lab: SavedLab): unknown {
  return { format: LAB_FORMAT, ...lab };
}

function decodeShell(value: unknown): ShellState | undefined {
  if (!isObject(value) || typeof value.cwd !== 'string' || !isStringRecord(value.env) || !isStringRecord(value.aliases) || !isStringArray(value.history)) return undefined;
  return { cwd: value.cwd, env: value.env, aliases: value.aliases, history: value.history.slice(-TERMINAL_HISTORY_MAX) };
}

function decodeLesson(value: unknown): SavedLesson | undefined {
  if (!isObject(value) || typeof value.lessonId !== 'string' || !Number.isInteger(value.current) || (value.current as number) < 0 || !isStringArray(value.typed)) return undefined;
  return { lessonId: value.lessonId, current: value.current as number, typed: value.typed };
}

/** The lab record. The snapshot's own contents are checked by the engine when it restores them. */
export function decodeLab(raw: unknown): Decoded<SavedLab> {
  const { fields, dropped } = envelope(raw, 'cluster', LAB_FORMAT);
  if (!fields) return { value: undefined, dropped };
  const snapshot = fields.snapshot;
  if (!isObject(snapshot) || snapshot.version !== 1) return { value: undefined, dropped: ['the saved cluster (unreadable)'] };
  const terminal = decodeShell(fields.terminal);
  if (!terminal) dropped.push("the terminal's working directory, variables and aliases (unreadable)");
  const lesson = fields.lesson === undefined ? undefined : decodeLesson(fields.lesson);
  if (fields.lesson !== undefined && !lesson) dropped.push('the running lesson (unreadable)');
  return { value: { snapshot: snapshot as SimSnapshot, ...(terminal ? { terminal } : {}), ...(lesson ? { lesson } : {}) }, dropped };
}

export function encodeWorkspace(workspace: SavedWorkspace): unknown {
  return { format: WORKSPACE_FORMAT, ...workspace, terminalHistory: workspace.terminalHistory.slice(-TERMINAL_HISTORY_MAX) };
}

export function decodeWorkspace(raw: unknown): Decoded<SavedWorkspace> {
  const { fields, dropped } = envelope(raw, 'editor tabs', WORKSPACE_FORMAT);
  if (!fields) return { value: undefined, dropped };
  const rawTabs = Array.isArray(fields.tabs) ? fields.tabs : [];
  const tabs = rawTabs.flatMap((t): SavedTab[] => {
    if (!isObject(t) || typeof t.title !== 'string' || typeof t.text !== 'string') return [];
    const path = typeof t.path === 'string' ? t.path : undefined;
    const savedText = typeof t.savedText === 'string' ? t.savedText : undefined;
    return [{ title: t.title, path, text: t.text, savedText }];
  });
  if (tabs.length < rawTabs.length || !Array.isArray(fields.tabs)) dropped.push(`${Array.isArray(fields.tabs) ? rawTabs.length - tabs.length : 'all'} editor tab(s) (unreadable)`);
  const active = Number.isInteger(fields.active) ? Math.max(0, Math.min(tabs.length - 1, fields.active as number)) : 0;
  const history = isStringArray(fields.terminalHistory) ? fields.terminalHistory.slice(-TERMINAL_HISTORY_MAX) : [];
  if (!isStringArray(fields.terminalHistory)) dropped.push("the terminal's line history (unreadable)");
  return { value: { tabs, active, terminalHistory: history }, dropped };
}

export function encodeProgress(progress: SavedProgress): unknown {
  return { format: LESSONS_FORMAT, ...progress };
}

/** Lesson progress: odd entries are skipped one by one rather than dropping everything. */
export function decodeProgress(raw: unknown): Decoded<SavedProgress> {
  const { fields, dropped } = envelope(raw, 'lesson progress', LESSONS_FORMAT);
  if (!fields) return { value: undefined, dropped };
  return { value: progressFrom(fields), dropped };
}

function progressFrom(fields: Fields): SavedProgress {
  const done = isObject(fields.done) ? fields.done : {};
  const counts = Object.entries(done).filter((e): e is [string, number] => Number.isInteger(e[1]) && (e[1] as number) >= 0);
  return { language: fields.language === 'ko' ? 'ko' : 'en', done: Object.fromEntries(counts) };
}

/** Where lesson progress lived before the IndexedDB store (read once, then removed). */
export const LEGACY_PROGRESS_KEY = 'kubelab.lessons.v1';

/** Lesson progress from the localStorage key of earlier versions (format 0: no envelope). */
export function migrateLegacyProgress(json: string | null): SavedProgress | undefined {
  if (json === null) return undefined;
  try {
    const raw: unknown = JSON.parse(json);
    return isObject(raw) ? progressFrom(raw) : undefined;
  } catch {
    return undefined;
  }
}
