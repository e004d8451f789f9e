import { compareDates, type LocalDate } from './dates.js';
import type { Report } from './date-rules.js';
import type { KeyPath, Position } from './locate.js';
import { PHASES, STATUSES, type Phase, type Status } from './schema.js';

/** The phase of a file that neither writes `incident.phase` nor has an update that sets one. */
export const DEFAULT_PHASE: Phase = 'investigating';

/** An update as the rules need it: its parsed date (undefined if it did not parse) and changes. */
export interface UpdateFacts {
  at?: LocalDate;
  /** `at` as written, for messages. */
  written: string;
  status?: Status;
  phase?: Phase;
}

/** What `incident:` writes itself (from the YAML, not from a default). */
export interface WrittenState {
  status?: Status;
  phase?: Phase;
}

/**
 * The indexes of `updates`, newest first. Equal dates keep the file's order, so the one listed
 * first counts as the newer (validate.ts warns about equal dates).
 */
export function orderNewestFirst(updates: readonly { at?: LocalDate | undefined }[]): number[] {
  return updates
    .map((u, i) => ({ at: u.at, i }))
    .sort((a, b) => (a.at && b.at ? compareDates(b.at, a.at) : 0) || a.i - b.i)
    .map(({ i }) => i);
}

/** The index of the newest update (with a date that parsed) that sets `key`. */
export function newestThatSets(
  updates: readonly (WrittenState & { at?: LocalDate | undefined })[],
  key: 'status' | 'phase',
): number | undefined {
  return orderNewestFirst(updates).find(
    (i) => updates[i]!.at !== undefined && updates[i]![key] !== undefined,
  );
}

/**
 * The one status and phase of the incident. An update's `status` / `phase` records a change; the
 * newest such update decides, and `incident.status` / `incident.phase`, when written, must agree
 * with it. Without either, the status is missing (an error) and the phase is investigating.
 */
export function settleState(
  written: WrittenState,
  updates: readonly UpdateFacts[],
  report: Report,
  locateAt: (path: KeyPath) => Position,
): { status: Status; phase: Phase } {
  const settle = <K extends 'status' | 'phase'>(key: K): WrittenState[K] => {
    const newest = newestThatSets(updates, key);
    if (newest === undefined) return written[key];
    const fromUpdate = updates[newest]![key];
    const own = written[key];
    if (own !== undefined && own !== fromUpdate) {
      const { line } = locateAt(['updates', newest, key]);
      report(
        ['incident', key],
        `incident.${key} is ${own}, but the newest update that sets a ${key} says ${fromUpdate}`,
        `that update is the one at ${updates[newest]!.written} (line ${line}); write \`${key}: ${fromUpdate}\`, or leave incident.${key} out: the newest update decides`,
      );
    }
    return fromUpdate;
  };
  const status = settle('status');
  const phase = settle('phase') ?? DEFAULT_PHASE;
  if (status === undefined) reportMissingStatus(report);
  return { status: status ?? 'unknown', phase };
}

/** Neither `incident.status` nor an update gives the status (the words of zod-issues.ts). */
export function reportMissingStatus(report: Report): void {
  report(
    ['incident'],
    'incident.status is required',
    `add \`status:\` with one of ${STATUSES.join(', ')} — or give it to the update that established it`,
  );
}

/**
 * What `incident:` writes, read from the YAML data: the schema fills in `phase: investigating`
 * when it is left out, so the parsed file cannot tell "written" from "defaulted".
 */
export function writtenState(data: unknown): WrittenState {
  const incident = isRecord(data) && isRecord(data.incident) ? data.incident : {};
  const pick = <T extends string>(value: unknown, values: readonly T[]): T | undefined =>
    values.find((v) => v === value);
  const status = pick(incident.status, STATUSES);
  const phase = pick(incident.phase, PHASES);
  return { ...(status ? { status } : {}), ...(phase ? { phase } : {}) };
}

/** Whether raw data (a file that failed the schema) lacks a status everywhere. */
export function lacksStatus(data: unknown): boolean {
  if (!isRecord(data) || !isRecord(data.incident) || data.incident.status !== undefined)
    return false;
  const updates = Array.isArray(data.updates) ? data.updates : [];
  return !updates.some((u) => isRecord(u) && u.status !== undefined);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
