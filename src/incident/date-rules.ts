import type { z } from 'zod';
import type { KeyPath } from './locate.js';
import {
  compareDates,
  isKnownTimeZone,
  parseIncidentDate,
  toEpoch,
  type LocalDate,
} from './dates.js';
import { DATE_PATTERN, DEFAULT_TIMEZONE, IncidentSchema } from './schema.js';
import { mapFields, visitFields } from './walk.js';

export { DEFAULT_TIMEZONE };

const DATE_HINT = 'write YYYY-MM-DD or YYYY-MM-DDTHH:MM';

/** Reports one problem at a key path (validate.ts turns it into a positioned diagnostic). */
export type Report = (
  path: KeyPath,
  message: string,
  hint?: string,
  options?: {
    key?: boolean;
    severity?: 'warning' | 'error';
    needle?: string | RegExp;
    /** A character of the text value at `path`, by its offset into the value. */
    within?: { value: string; offset: number };
  },
) => void;

/** What the rules need besides the dates: the settled phase, and whether findings are promised. */
export interface DateFacts {
  phase: string;
  hasFindings: boolean;
  /** The machine's clock (ms since the epoch), for "updated" in the future; none: not checked. */
  now?: number;
}

/** Further apart than an incident plausibly lasts before an update: "2025" for "2026"? */
export const MAX_DAYS_DETECTED_BEFORE_UPDATED = 60;
const DAY = 86_400_000;

type Bound = 'notBefore' | 'notAfter';

/**
 * What a date out of its bounds means, for the fields whose message says more than the generic
 * one (keyed by the field's schema path, `updates.[].at`).
 */
const WORDING: Record<string, Partial<Record<Bound, [string, string]>>> = {
  updated: {
    notBefore: [
      '"updated" (Stand) is before incident.detected',
      'set updated to the time of this update',
    ],
  },
  'incident.crisis_team': {
    notBefore: [
      'the crisis team cannot be formed before the activity was detected',
      'check incident.crisis_team and incident.detected',
    ],
  },
  'incident.findings_expected': {
    notBefore: [
      'findings cannot be expected before the activity was detected',
      'check incident.findings_expected and incident.detected',
    ],
  },
  'updates.[].at': {
    notBefore: [
      'this update is before incident.detected',
      'check the date of the update and incident.detected',
    ],
    notAfter: [
      'this update is after "updated" (Stand): a log entry cannot lie in the future',
      'check the date of the update, or set updated to the time of this update',
    ],
  },
};

function wordingOf(path: KeyPath, bound: Bound): [string, string] {
  const field = path.map((p) => (typeof p === 'number' ? '[]' : p)).join('.');
  const own = WORDING[field]?.[bound];
  if (own) return own;
  const key = path.join('.');
  return bound === 'notBefore'
    ? [`${key} is before incident.detected`, `check ${key} and incident.detected`]
    : [
        `${key} is after "updated" (Stand): this version would state what has not happened yet`,
        `check ${key}, or set updated to the time of this version`,
      ];
}

/**
 * SPEC §2 rules: every date within the bounds its declaration names (`fields.ts`: not before
 * `incident.detected`, not after `updated`); findings promised while investigating.
 */
export function checkDateRules(parsed: unknown, d: DateFacts, report: Report): void {
  const data = parsed as { updated?: LocalDate; incident?: { detected?: LocalDate } };
  const anchors = { notBefore: data.incident?.detected, notAfter: data.updated };
  checkPlausibleDates(
    { updated: data.updated, detected: data.incident?.detected, now: d.now },
    report,
  );
  visitFields(IncidentSchema, parsed, ['date'], (value, path, _kind, field) => {
    for (const bound of ['notBefore', 'notAfter'] as const) {
      const anchor = anchors[bound];
      if (!field.bounds?.[bound] || !anchor || !isDate(value)) continue;
      const order = compareDates(value, anchor);
      if (bound === 'notBefore' ? order < 0 : order > 0) report(path, ...wordingOf(path, bound));
    }
  });
  const findingsExpected = (parsed as { incident?: { findings_expected?: LocalDate } }).incident
    ?.findings_expected;
  checkFindings({ ...d, findingsExpected, updated: data.updated }, report);
}

function checkFindings(
  d: DateFacts & { findingsExpected?: LocalDate | undefined; updated?: LocalDate | undefined },
  report: Report,
): void {
  if (d.phase === 'investigating' && !d.hasFindings) {
    report(
      ['incident'],
      'incident.findings_expected is required while phase is investigating',
      'add `findings_expected: YYYY-MM-DD`, or set phase to recovering or resolved',
    );
  }
  if (
    d.phase !== 'resolved' &&
    d.findingsExpected &&
    d.updated &&
    compareDates(d.findingsExpected, d.updated) < 0
  ) {
    report(
      ['incident', 'findings_expected'],
      'the promised date for findings is before "updated": this update would publish a date that has passed',
      'move findings_expected to a future date, or change the phase',
      { severity: 'warning' },
    );
  }
}

/** Dates that are possible but most likely typos: warnings, since an incident may be unusual. */
function checkPlausibleDates(
  d: {
    updated?: LocalDate | undefined;
    detected?: LocalDate | undefined;
    now?: number | undefined;
  },
  report: Report,
): void {
  if (d.detected && isDate(d.detected) && d.updated && isDate(d.updated)) {
    const days = Math.floor((toEpoch(d.updated) - toEpoch(d.detected)) / DAY);
    if (days > MAX_DAYS_DETECTED_BEFORE_UPDATED)
      report(
        ['incident', 'detected'],
        `incident.detected is ${days} days before "updated": a typo in the year?`,
        'check the year of incident.detected and of updated',
        { severity: 'warning' },
      );
  }
  if (d.updated && isDate(d.updated) && d.now !== undefined) {
    const ahead = toEpoch(d.updated) - d.now;
    if (ahead > DAY)
      report(
        ['updated'],
        `"updated" is ${Math.floor(ahead / DAY) || 1} day${ahead >= 2 * DAY ? 's' : ''} ahead of this computer's clock: a typo in the date?`,
        "set updated to the time of this update (and check the computer's date)",
        { severity: 'warning' },
      );
  }
}

function isDate(value: unknown): value is LocalDate {
  return typeof value === 'object' && value !== null && 'year' in value && 'hasTime' in value;
}

/** The file's dates parsed in `timezone`; a date that cannot be is reported and left out. */
export function parseDates(
  data: unknown,
  timezone: string,
  report: Report,
  schema: z.ZodType = IncidentSchema,
): unknown {
  return mapFields(schema, data, (kind, value, path) => {
    if (kind !== 'date' || typeof value !== 'string') return value;
    const result = parseIncidentDate(value, timezone);
    if (!result.ok) report(path, result.message, result.hint ?? DATE_HINT);
    else if (result.warning)
      report(path, result.warning.message, result.warning.hint, { severity: 'warning' });
    return result.ok ? result.value : undefined;
  });
}

/**
 * When the schema fails, the rules do not run; impossible dates (2026-02-30) are still reported,
 * so that one `faq check` shows every problem at once.
 */
export function checkRawDates(data: unknown, report: Report): void {
  const org = isRecord(data) && isRecord(data.organization) ? data.organization : {};
  const zone = org.timezone;
  const timezone = typeof zone === 'string' && isKnownTimeZone(zone) ? zone : DEFAULT_TIMEZONE;
  visitFields(IncidentSchema, data, ['date'], (text, path) => {
    if (typeof text !== 'string' || !new RegExp(DATE_PATTERN).test(text)) return;
    const result = parseIncidentDate(text, timezone);
    if (!result.ok) report(path, result.message, result.hint ?? DATE_HINT);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
