import type { LocalDate } from '../shared.js';

// Dates, times, phone numbers and addresses as a notice says them: short in writing, and in the
// hotline announcement as a speaker reads them aloud.

const WEEKDAYS: Record<string, readonly string[]> = {
  de: ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<string, readonly string[]> = {
  de: 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(
    ' ',
  ),
  en: 'January February March April May June July August September October November December'.split(
    ' ',
  ),
};

const pad = (n: number): string => String(n).padStart(2, '0');
const pick = (table: Record<string, readonly string[]>, lang: string) => table[lang] ?? table.en!;

/** The weekday of a calendar date (0 = Sunday). */
function weekday(d: LocalDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** "26.11., 15:00 Uhr" / "26 Nov, 15:00": the "Stand" of a short text. */
export function writeShortDate(d: LocalDate, lang: string): string {
  const day =
    lang === 'de'
      ? `${d.day}.${d.month}.`
      : `${d.day} ${pick(MONTHS, lang)[d.month - 1]!.slice(0, 3)}`;
  if (!d.hasTime) return day;
  const time = `${pad(d.hour)}:${pad(d.minute)}`;
  return lang === 'de' ? `${day}, ${time} Uhr` : `${day}, ${time}`;
}

/** "Donnerstag, den 26. November" / "Thursday, 26 November". */
export function speakDate(d: LocalDate, lang: string): string {
  const name = pick(WEEKDAYS, lang)[weekday(d)]!;
  const month = pick(MONTHS, lang)[d.month - 1]!;
  return lang === 'de' ? `${name}, den ${d.day}. ${month}` : `${name}, ${d.day} ${month}`;
}

/** "15 Uhr", "15 Uhr 30" / "3 pm", "3:30 pm"; undefined for a date without a time. */
export function speakTime(d: LocalDate, lang: string): string | undefined {
  if (!d.hasTime) return undefined;
  if (lang === 'de') return d.minute === 0 ? `${d.hour} Uhr` : `${d.hour} Uhr ${d.minute}`;
  const hour = d.hour % 12 === 0 ? 12 : d.hour % 12;
  const suffix = d.hour < 12 ? 'am' : 'pm';
  return d.minute === 0 ? `${hour} ${suffix}` : `${hour}:${pad(d.minute)} ${suffix}`;
}

/** The date with its time: "Donnerstag, den 26. November, 15 Uhr". */
export function speakDateTime(d: LocalDate, lang: string): string {
  const time = speakTime(d, lang);
  if (!time) return speakDate(d, lang);
  return lang === 'de' ? `${speakDate(d, lang)}, um ${time}` : `${speakDate(d, lang)}, at ${time}`;
}

/**
 * A phone number to be read aloud: its digits one by one, in the blocks it is written in, the
 * blocks apart ("0 2 4 1, 4 1 3 5 9, 9 9 9"). A German number is said in its national form.
 */
export function speakPhone(phone: string, lang: string): string {
  let written = phone.trim();
  if (lang === 'de') written = written.replace(/^\+49[\s/-]*(?:\(0\)\s*)?/, '0');
  const blocks = written
    .replace(/\(0\)/g, '')
    .split(/[\s/–-]+/)
    .map((block) => block.replace(/[^\d+]/g, ''))
    .filter((block) => block !== '');
  const plus = lang === 'de' ? 'plus' : 'plus';
  return blocks
    .map((block) => [...block].map((ch) => (ch === '+' ? plus : ch)).join(' '))
    .join(', ');
}

const DAY_NAMES: Record<string, Record<string, string>> = {
  de: {
    Mo: 'Montag',
    Di: 'Dienstag',
    Mi: 'Mittwoch',
    Do: 'Donnerstag',
    Fr: 'Freitag',
    Sa: 'Samstag',
    So: 'Sonntag',
  },
  en: {
    Mon: 'Monday',
    Tue: 'Tuesday',
    Wed: 'Wednesday',
    Thu: 'Thursday',
    Fri: 'Friday',
    Sat: 'Saturday',
    Sun: 'Sunday',
  },
};

/** Opening hours as said: "Mo–Fr 8–18 Uhr" → "Montag bis Freitag 8 bis 18 Uhr". */
export function speakHours(hours: string, lang: string): string {
  const days = DAY_NAMES[lang] ?? {};
  const to = lang === 'de' ? ' bis ' : ' to ';
  return hours
    .replace(/\b([A-Z][a-z]{1,2})\.?(?=[\s–-]|$)/g, (m, day: string) => days[day] ?? m)
    .replace(/\s*[–-]\s*/g, to)
    .replace(/(\d{1,2})[:.]00\b/g, '$1');
}

/** The address of a website as said: host and path, no scheme, no "www." ("regioit.de/stoerung"). */
export function speakWebsite(website: string): string {
  const url = new URL(website);
  const path = url.pathname === '/' ? '' : url.pathname.replace(/\/$/, '');
  return `${url.host.replace(/^www\./, '')}${path}`;
}
