import { basename } from 'node:path';
import { partsIn } from '../incident/dates.js';
import { slugify } from '../incident/slug.js';
import { DEFAULT_TIMEZONE } from '../incident/date-rules.js';

/** Days between "today" and the starter's `findings_expected`: soon, but not yet passed. */
export const FINDINGS_AFTER_DAYS = 3;

/** The file next to an incident file that the editor modeline points to (`faq schema > …`). */
export const SCHEMA_FILE_NAME = 'incident.schema.json';

export interface StarterDates {
  /** `YYYY-MM-DD`, today in the time zone. */
  today: string;
  /** `YYYY-MM-DDTHH:MM`, now in the time zone. */
  now: string;
  /** `YYYY-MM-DD`, a few days after today. */
  findings: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The starter's dates, on the wall clock of `timeZone` (the starter's organization.timezone). */
export function starterDates(clock: Date, timeZone = DEFAULT_TIMEZONE): StarterDates {
  const [year = 0, month = 1, day = 1, hour = 0, minute = 0] = partsIn(clock.getTime(), timeZone);
  const later = new Date(Date.UTC(year, month - 1, day + FINDINGS_AFTER_DAYS));
  const date = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
  return {
    today: date(year, month, day),
    now: `${date(year, month, day)}T${pad(hour)}:${pad(minute)}`,
    findings: date(later.getUTCFullYear(), later.getUTCMonth() + 1, later.getUTCDate()),
  };
}

/** The id for a new file: its name when that is a valid id, else a slug of it. */
export function idForFile(file: string): string {
  const name = basename(file).replace(/\.ya?ml$/i, '');
  if (/^[a-z0-9][a-z0-9-]*$/.test(name) && name.length <= 64) return name;
  return slugify(name) || 'incident';
}

/** How the file is named in the starter's comments: as typed, quoted if a shell needs it. */
function shellWord(file: string): string {
  return /^[\w./@%+=:,-]+$/.test(file) ? file : `'${file.replace(/'/g, `'\\''`)}'`;
}

export interface StarterOptions {
  /** The path the user gave (shown in the comments; its name becomes the id). */
  file: string;
  dates: StarterDates;
  /** Put the editor modeline first (only when the schema file it names exists). */
  withModeline?: boolean;
}

/** Fills a starter template (`templates/<lang>/starter.yaml`): dates, id and file name. */
export function fillStarter(template: string, options: StarterOptions): string {
  const values: Record<string, string> = {
    TODAY: options.dates.today,
    NOW: options.dates.now,
    FINDINGS: options.dates.findings,
    ID: idForFile(options.file),
    FILE: shellWord(options.file),
  };
  const body = template.replace(/__([A-Z]+)__/g, (match, key: string) => values[key] ?? match);
  return options.withModeline
    ? `# yaml-language-server: $schema=./${SCHEMA_FILE_NAME}\n${body}`
    : body;
}
