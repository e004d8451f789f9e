import type { LocalDate } from '../shared.js';

/** Month names kept here rather than taken from ICU, so output is the same on every Node version. */
const MONTHS: Record<string, readonly string[]> = {
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** The long, human form of a date: "24. November 2026" / "24 November 2026". */
export function formatDate(d: LocalDate, lang: string): string {
  const month = MONTHS[lang]?.[d.month - 1];
  if (!month) return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
  return lang === 'de' ? `${d.day}. ${month} ${d.year}` : `${d.day} ${month} ${d.year}`;
}

/** The date with its time when one was given: "24. November 2026, 09:30 Uhr" / "24 November 2026, 09:30". */
export function formatDateTime(d: LocalDate, lang: string): string {
  if (!d.hasTime) return formatDate(d, lang);
  const time = `${pad(d.hour)}:${pad(d.minute)}`;
  return `${formatDate(d, lang)}, ${lang === 'de' ? `${time} Uhr` : time}`;
}

const WEEKDAYS_DE = [
  'Sonntag',
  'Montag',
  'Dienstag',
  'Mittwoch',
  'Donnerstag',
  'Freitag',
  'Samstag',
];

/**
 * The date in full, as Leichte Sprache writes it: "Donnerstag, 26. November 2026", and with a
 * time of day "Donnerstag, 26. November 2026 um 15:00 Uhr" (German only).
 */
export function formatFullDate(d: LocalDate): string {
  const weekday = WEEKDAYS_DE[new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay()]!;
  const day = `${weekday}, ${formatDate(d, 'de')}`;
  return d.hasTime ? `${day} um ${pad(d.hour)}:${pad(d.minute)} Uhr` : day;
}
