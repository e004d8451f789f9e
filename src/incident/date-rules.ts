import type { z } from 'zod';
import type { KeyPath } from './locate.js';
import { compareDates, isKnownTimeZone, parseIncidentDate, type LocalDate } from './dates.js';
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
    severity?: 'warning';
    needle?: string | RegExp;
    /** A character of the text value at `path`, by its offset into the value. */
    within?: { value: string; offset: number };
  },
) => void;

/** The dates of an incident file, parsed, with what the rules need besides. */
export interface DateFacts {
  updated?: LocalDate;
  detected?: LocalDate;
  crisisTeam?: LocalDate;
  findingsExpected?: LocalDate;
  phase: string;
  hasFindings: boolean;
}

/** SPEC §2 rules: nothing before `detected`; findings promised while investigating. */
export function checkDateRules(d: DateFacts, report: Report): void {
  if (d.detected) {
    if (d.crisisTeam && compareDates(d.crisisTeam, d.detected) < 0) {
      report(
        ['incident', 'crisis_team'],
        'the crisis team cannot be formed before the activity was detected',
        'check incident.crisis_team and incident.detected',
      );
    }
    if (d.findingsExpected && compareDates(d.findingsExpected, d.detected) < 0) {
      report(
        ['incident', 'findings_expected'],
        'findings cannot be expected before the activity was detected',
        'check incident.findings_expected and incident.detected',
      );
    }
    if (d.updated && compareDates(d.updated, d.detected) < 0) {
      report(
        ['updated'],
        '"updated" (Stand) is before incident.detected',
        'set updated to the time of this update',
      );
    }
  }
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
    if (!result.ok) report(path, result.message, DATE_HINT);
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
    if (!result.ok) report(path, result.message, DATE_HINT);
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
