import { parseIncidentDate, toIsoString } from '../incident/dates.js';
import type { Phase, Status } from '../incident/schema.js';
import { newestThatSets } from '../incident/status.js';
import { formatDateTime } from '../lang/dates.js';

/** One fact that differs between two versions of an incident file, ready to print. */
export interface FactChange {
  /** Key path as in diagnostics: `incident.findings_expected`, `questions.0.answer`. */
  path: string;
  /** `28. November 2026 → 1. Dezember 2026`, or `changed` / `added` / `removed` for long texts. */
  change: string;
}

type Data = Record<string, unknown>;

/** How one side's dates are read and shown. */
export interface ListSide {
  timezone: string;
}

const MAX_EXCERPT = 50;

/**
 * `data` with `incident.status` / `incident.phase` filled in from the newest update that sets one
 * when the file leaves them out: the facts compared are the settled ones (status.ts), so moving
 * the status from `incident:` into an update is no change, and an update that changes it is one.
 */
export function withSettledState(data: unknown, timezone: string): unknown {
  if (!isObject(data) || !isObject(data.incident) || !Array.isArray(data.updates)) return data;
  const updates = data.updates.map((u) => {
    const item = isObject(u) ? u : {};
    return {
      at: typeof item.at === 'string' ? parsed(item.at, timezone) : undefined,
      status: item.status as Status | undefined,
      phase: item.phase as Phase | undefined,
    };
  });
  const incident = { ...data.incident };
  for (const key of ['status', 'phase'] as const) {
    const newest = newestThatSets(updates, key);
    if (incident[key] === undefined && newest !== undefined) incident[key] = updates[newest]![key];
  }
  return { ...data, incident };
}

/** The facts of a keyed list (`services` by name, `updates` by date), or undefined for others. */
export function compareKeyedList(
  key: string,
  a: unknown,
  b: unknown,
  sides: readonly [ListSide, ListSide],
  lang: string,
): FactChange[] | undefined {
  if (key !== 'services' && key !== 'updates') return undefined;
  const [before, after] = [listOf(a), listOf(b)];
  return key === 'services'
    ? compareServices(before, after, sides, lang)
    : compareUpdates(before, after, sides, lang);
}

/** `services: Kfz-Zulassung down → limited`, `… added (down)`, `… removed`. */
function compareServices(
  a: Data[],
  b: Data[],
  sides: readonly [ListSide, ListSide],
  lang: string,
): FactChange[] {
  const byName = (list: Data[]) => new Map(list.map((s) => [textIn(s.name, lang), s]));
  const [before, after] = [byName(a), byName(b)];
  const changes: string[] = [];
  for (const [name, s] of after) {
    const old = before.get(name);
    if (!old) {
      changes.push(`${name} added (${String(s.state)})`);
      continue;
    }
    const parts: string[] = [];
    if (old.state !== s.state) parts.push(`${String(old.state)} → ${String(s.state)}`);
    if (!same(old.since, s.since))
      parts.push(
        `since ${showDate(old.since, sides[0], lang)} → ${showDate(s.since, sides[1], lang)}`,
      );
    if (!same(old.note, s.note)) parts.push(`note ${presence(old.note, s.note)}`);
    if (parts.length > 0) changes.push(`${name} ${parts.join(', ')}`);
  }
  for (const name of before.keys()) if (!after.has(name)) changes.push(`${name} removed`);
  return changes.map((change) => ({ path: 'services', change }));
}

/** `updates: new 27. November 2026, 09:00 Uhr: "…"`, `… changed`, `… removed`. */
function compareUpdates(
  a: Data[],
  b: Data[],
  sides: readonly [ListSide, ListSide],
  lang: string,
): FactChange[] {
  const byDate = (list: Data[], side: ListSide) =>
    new Map(list.map((u) => [instantOf(u.at, side), u]));
  const [before, after] = [byDate(a, sides[0]), byDate(b, sides[1])];
  const changes: string[] = [];
  for (const [at, u] of after) {
    const old = before.get(at);
    const when = showDate(u.at, sides[1], lang);
    if (!old) changes.push(`new ${when}: ${excerpt(textIn(u.text, lang))}`);
    else if (!same({ ...old, at }, { ...u, at })) changes.push(`${when} changed`);
  }
  for (const [at, u] of before)
    if (!after.has(at)) changes.push(`${showDate(u.at, sides[0], lang)} removed`);
  return changes.map((change) => ({ path: 'updates', change }));
}

function listOf(value: unknown): Data[] {
  return Array.isArray(value) ? value.filter(isObject) : [];
}

function parsed(text: string, timezone: string) {
  const result = parseIncidentDate(text, timezone);
  return result.ok ? result.value : undefined;
}

/** The same moment written two ways (`09:00` and `08:00Z`) is the same update. */
function instantOf(at: unknown, side: ListSide): string {
  const date = typeof at === 'string' ? parsed(at, side.timezone) : undefined;
  return date ? toIsoString(date) : String(at);
}

function showDate(value: unknown, side: ListSide, lang: string): string {
  if (value === undefined) return '(not set)';
  const date = typeof value === 'string' ? parsed(value, side.timezone) : undefined;
  return date ? formatDateTime(date, lang) : String(value);
}

/** A localized value in `lang`, else in the first language it has. */
function textIn(value: unknown, lang: string): string {
  if (typeof value === 'string') return value;
  if (!isObject(value)) return String(value);
  const text = value[lang] ?? Object.values(value)[0];
  return typeof text === 'string' ? text : '';
}

function excerpt(text: string): string {
  const line = text.trim().split(/\r?\n/, 1)[0] ?? '';
  return `"${line.length > MAX_EXCERPT ? `${line.slice(0, MAX_EXCERPT).trimEnd()}…` : line}"`;
}

function presence(a: unknown, b: unknown): string {
  return a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isObject(value: unknown): value is Data {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
