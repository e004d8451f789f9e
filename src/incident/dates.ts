/**
 * Dates of the incident file: `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` in the organisation's time zone,
 * or with an explicit offset (`Z`, `+01:00`). Everything is brought to the organisation's local
 * wall-clock time, which is what every artifact shows.
 */
import type { LocalDate } from '../shared.js';
import { ZONE_TABLES, type ZoneTable } from './zone-table.js';

export type { LocalDate };

const DATE_RE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A problem with a date as written: what is wrong, and how to write it instead. */
export interface DateProblem {
  message: string;
  hint?: string;
}

/** The date, with a warning when it is not what it seems (a local time that happens twice). */
export type ParsedDate =
  { ok: true; value: LocalDate; warning?: DateProblem } | ({ ok: false } & DateProblem);

/** Parses a date as written in the incident file and converts it to local time in `timeZone`. */
export function parseIncidentDate(text: string, timeZone: string): ParsedDate {
  const m = DATE_RE.exec(text.trim());
  if (!m) return { ok: false, message: `"${text}" is not a date` };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (year < YEAR_RANGE[0] || year > YEAR_RANGE[1])
    return {
      ok: false,
      message: `${text}: the year must be between ${YEAR_RANGE[0]} and ${YEAR_RANGE[1]}`,
    };
  if (!isValidDay(year, month, day))
    return { ok: false, message: `${text} does not exist in the calendar` };
  if (m[4] === undefined) {
    // The e-mail's Date header carries the offset: the one of that day in the organisation's zone.
    const offset = offsetAt(zonedToUtc(year, month, day, 0, 0, timeZone), timeZone);
    return { ok: true, value: { hasTime: false, year, month, day, hour: 0, minute: 0, offset } };
  }
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (hour > 23 || minute > 59 || second > 59)
    return { ok: false, message: `${text} has an impossible time of day` };
  if (m[7] === undefined)
    return parseLocalTime(text.trim(), [year, month, day, hour, minute], timeZone);
  const offset = parseOffset(m[7]);
  if (offset === undefined) return { ok: false, message: `${text} has an impossible UTC offset` };
  const utc = Date.UTC(year, month - 1, day, hour, minute) - offset * 60_000;
  return { ok: true, value: toLocal(utc, timeZone) };
}

/**
 * A wall-clock time in the organisation's zone. Where the clocks change, a time may not exist
 * (the hour skipped in spring: an error) or exist twice (the hour repeated in autumn: the first
 * one is taken, with a warning naming both offsets).
 */
function parseLocalTime(text: string, wall: number[], timeZone: string): ParsedDate {
  const [year, month, day, hour, minute] = wall as [number, number, number, number, number];
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const offsets = [
    ...new Set([offsetAt(guess - DAY_HALF, timeZone), offsetAt(guess + DAY_HALF, timeZone)]),
  ];
  const fits = offsets.filter((o) => sameWallTime(guess - o * 60_000, wall, timeZone));
  if (fits.length === 0) {
    const after = partsIn(guess - offsets[0]! * 60_000, timeZone);
    return {
      ok: false,
      message: `${text} does not exist in ${timeZone}: the clocks go forward over this time`,
      hint: `write the time after the change, ${formatWallTime(after)}, or give the offset: ${text}${formatOffset(offsets[0]!)}`,
    };
  }
  const value: LocalDate = { hasTime: true, year, month, day, hour, minute, offset: fits[0]! };
  if (fits.length === 1) return { ok: true, value };
  const [first, second] = fits.map(formatOffset) as [string, string];
  return {
    ok: true,
    value,
    warning: {
      message: `${text} happens twice in ${timeZone} (the clocks go back): read as ${first}, the first time, not ${second}`,
      hint: `give the offset to say which: ${text}${first} or ${text}${second}`,
    },
  };
}

/** Further than any clock change is from the next (they are months apart). */
const DAY_HALF = 12 * 3_600_000;

function sameWallTime(utc: number, wall: number[], timeZone: string): boolean {
  const parts = partsIn(utc, timeZone);
  return wall.every((n, i) => parts[i] === n);
}

function formatWallTime([year, month, day, hour, minute]: number[]): string {
  return `${pad(year!, 4)}-${pad(month!)}-${pad(day!)}T${pad(hour!)}:${pad(minute!)}`;
}

/** `+02:00` */
function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.floor(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

function parseOffset(text: string): number | undefined {
  if (text === 'Z') return 0;
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(text);
  if (!m) return undefined;
  const hours = Number(m[2]);
  const minutes = Number(m[3]);
  if (hours > 14 || minutes > 59) return undefined;
  return (m[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

/** Years an incident can plausibly have; "0026-11-24" is a typo, not antiquity. */
export const YEAR_RANGE = [1990, 2199] as const;

function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The build's table of the zone, if it holds for this Node's time-zone data (see zone-table.ts). */
function tableOf(timeZone: string): ZoneTable | undefined {
  return ZONE_TABLES.find((t) => t.zone === timeZone && t.tz === process.versions.tz);
}

/** The zone's offset at `utc` from its table, or undefined outside the years it covers. */
function tableOffset(utc: number, timeZone: string): number | undefined {
  const table = tableOf(timeZone);
  if (!table || !(utc >= table.from && utc < table.to)) return undefined;
  // The last change at or before `utc` (binary search).
  let low = 0;
  let high = table.changes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (table.changes[mid]![0] <= utc) low = mid + 1;
    else high = mid;
  }
  return low === 0 ? table.offset : table.changes[low - 1]![1];
}

/** The wall-clock `[year, month, day, hour, minute]` of an instant in a time zone. */
export function partsIn(utc: number, timeZone: string): number[] {
  const offset = tableOffset(utc, timeZone);
  if (offset !== undefined) {
    const wall = new Date(utc + offset * 60_000);
    return [
      wall.getUTCFullYear(),
      wall.getUTCMonth() + 1,
      wall.getUTCDate(),
      wall.getUTCHours(),
      wall.getUTCMinutes(),
    ];
  }
  return partsFromIcu(utc, timeZone);
}

/** `partsIn` as ICU gives it (also what the build computes the zone tables from). */
export function partsFromIcu(utc: number, timeZone: string): number[] {
  let fmt = formatters.get(timeZone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(timeZone, fmt);
  }
  const out: Record<string, number> = {};
  for (const p of fmt.formatToParts(new Date(utc)))
    if (p.type !== 'literal') out[p.type] = Number(p.value);
  return [out.year ?? 0, out.month ?? 0, out.day ?? 0, out.hour ?? 0, out.minute ?? 0];
}

function offsetAt(utc: number, timeZone: string): number {
  const [y, mo, d, h, mi] = partsIn(utc, timeZone) as [number, number, number, number, number];
  return Math.round((Date.UTC(y, mo - 1, d, h, mi) - utc) / 60_000);
}

function toLocal(utc: number, timeZone: string): LocalDate {
  const [year, month, day, hour, minute] = partsIn(utc, timeZone) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { hasTime: true, year, month, day, hour, minute, offset: offsetAt(utc, timeZone) };
}

/** The UTC instant of a wall-clock time in a zone (the earlier one in a DST overlap). */
function zonedToUtc(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const guess = Date.UTC(year, month - 1, day, hour, minute);
  const first = guess - offsetAt(guess, timeZone) * 60_000;
  return guess - offsetAt(first, timeZone) * 60_000;
}

/** Whether a time zone name is known to this Node.js. */
export function isKnownTimeZone(timeZone: string): boolean {
  const known = knownZones.get(timeZone);
  if (known !== undefined) return known;
  if (tableOf(timeZone)) return true;
  let ok = true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
  } catch {
    ok = false;
  }
  knownZones.set(timeZone, ok);
  return ok;
}

/** Creating a formatter to test a zone costs more than the rest of a date check: once per zone. */
const knownZones = new Map<string, boolean>();

/** Milliseconds since the epoch (UTC) of a local date; date-only values count as local midnight. */
export function toEpoch(d: LocalDate): number {
  return Date.UTC(d.year, d.month - 1, d.day, d.hour, d.minute) - d.offset * 60_000;
}

/**
 * Orders two dates. When either has no time, only the calendar days are compared, so that
 * `findings_expected: 2026-11-28` is not "before" `updated: 2026-11-28T15:00`.
 */
export function compareDates(a: LocalDate, b: LocalDate): number {
  if (!a.hasTime || !b.hasTime) {
    return a.year - b.year || a.month - b.month || a.day - b.day;
  }
  return toEpoch(a) - toEpoch(b);
}

const pad = (n: number, width = 2): string => String(Math.abs(n)).padStart(width, '0');

/** The machine-readable form for `<time datetime>`, JSON-LD and e-mail headers. */
export function toIsoString(d: LocalDate): string {
  const date = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  if (!d.hasTime) return date;
  return `${date}T${pad(d.hour)}:${pad(d.minute)}${formatOffset(d.offset)}`;
}

/**
 * RFC 3339 `date-time` with seconds and the local offset, as Atom and JSON Feed want it:
 * "2026-11-26T15:00:00+01:00"; a date-only value is local midnight (its offset is that day's).
 */
export function toRfc3339String(d: LocalDate): string {
  const date = `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
  return `${date}T${pad(d.hour)}:${pad(d.minute)}:00${formatOffset(d.offset)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_ABBR = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/**
 * The e-mail `Date` header (RFC 5322) in the organisation's local time with its offset, as a mail
 * client would write it: "Thu, 26 Nov 2026 15:00:00 +0100".
 */
export function toRfc5322Date(d: LocalDate): string {
  const weekday = WEEKDAYS[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()];
  const sign = d.offset < 0 ? '-' : '+';
  const offset = `${sign}${pad(Math.floor(Math.abs(d.offset) / 60))}${pad(Math.abs(d.offset) % 60)}`;
  return `${weekday}, ${pad(d.day)} ${MONTH_ABBR[d.month - 1]} ${d.year} ${pad(d.hour)}:${pad(d.minute)}:00 ${offset}`;
}
