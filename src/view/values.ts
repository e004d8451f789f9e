import type { z } from 'zod';
import { toIsoString, type LocalDate } from '../incident/dates.js';
import type { FieldKind } from '../incident/fields.js';
import type { Incident, Recipient } from '../incident/incident.js';
import { IncidentSchema, RecipientSchema, type Localized } from '../incident/schema.js';
import { isShownBy, type Variant } from '../shared.js';
import { mapFields } from '../incident/walk.js';
import { formatDate, formatDateTime } from '../lang/dates.js';
import { closeOpenFence, demoteHeadings, escapeMarkdown, neutralizeHtml } from './escape.js';

/** A date as templates use it: `{{updated.text}}` in sentences, `.iso` for machines. */
export interface DateView {
  text: string;
  /** The day alone, without a time: "26. November 2026" (a press release's dateline). */
  date: string;
  iso: string;
}

/** One user-facing service; `is.down` / `is.limited` / `is.restored` for `{{#if}}`. */
export interface ServiceView {
  name: string;
  state: string;
  is: Record<string, boolean>;
  since?: DateView;
  note?: string;
  /** The note on one line, `|` escaped: a Markdown table cell. */
  noteCell?: string;
}

type LocalizedValue = z.$brand<'LocalizedText'> | z.$brand<'LocalizedMarkdown'>;

/** `T` as templates see it: each text in one language, each date with its forms. */
export type Shown<T> = T extends LocalDate
  ? DateView
  : T extends LocalizedValue
    ? string
    : T extends string | number | boolean
      ? T
      : T extends readonly (infer U)[]
        ? Shown<U>[]
        : T extends object
          ? { [K in keyof T]: Shown<T[K]> }
          : T;

/** The text of a localized value in one language; validation made sure it exists. */
export function pickText(value: Localized, lang: string, fileLang: string): string {
  if (typeof value === 'string') {
    if (lang !== fileLang) throw new Error(`no '${lang}' text`);
    return value;
  }
  const text = (value as Record<string, string | undefined>)[lang];
  if (text === undefined) throw new Error(`no '${lang}' text`);
  return text;
}

type Show = (value: unknown, lang: string, fileLang: string) => unknown;

/**
 * How each kind of value reaches a template, as Markdown ready to be placed: plain text escaped,
 * Markdown made safe, dates in the language's forms. Slugs, URLs, e-mail addresses, time zones
 * and choices are shown as written: the schema allows no Markdown syntax that matters in them.
 */
const SHOW: Record<FieldKind, Show> = {
  text: (v) => escapeMarkdown(v as string),
  'localized-text': (v, lang, fileLang) => escapeMarkdown(pickText(v as Localized, lang, fileLang)),
  'localized-markdown': (v, lang, fileLang) =>
    closeOpenFence(demoteHeadings(neutralizeHtml(pickText(v as Localized, lang, fileLang)))),
  date: (v, lang) => ({
    text: formatDateTime(v as LocalDate, lang),
    date: formatDate(v as LocalDate, lang),
    iso: toIsoString(v as LocalDate),
  }),
  slug: (v) => v,
  url: (v) => v,
  email: (v) => v,
  'time-zone': (v) => v,
  choice: (v) => v,
  flag: (v) => v,
  count: (v) => v,
};

// A mail merge builds one view per recipient from the same incident: its values are shown once
// per language (and variant, when it omits some). Views only read them.
const shownIncidents = new WeakMap<Incident, Map<string, Shown<Incident>>>();

/**
 * The incident's values (without the recipients) as templates see them in `lang`. A text that
 * `variant` omits may lack the language (validation did not ask for it): it is left out.
 */
export function showIncident(incident: Incident, lang: string, variant?: Variant): Shown<Incident> {
  let byLang = shownIncidents.get(incident);
  if (!byLang) shownIncidents.set(incident, (byLang = new Map()));
  const key = `${lang} ${variant?.omits?.join(',') ?? ''}`;
  let shown = byLang.get(key);
  if (!shown) {
    const data = { ...incident, email: { ...incident.email, recipients: [] } };
    shown = mapFields(IncidentSchema, data, (kind, value, path) =>
      variant && !isShownBy(variant, path) && !hasLanguage(kind, value, lang, incident.lang)
        ? undefined
        : SHOW[kind](value, lang, incident.lang),
    ) as Shown<Incident>;
    byLang.set(key, shown);
  }
  return shown;
}

function hasLanguage(kind: FieldKind, value: unknown, lang: string, fileLang: string): boolean {
  if (kind !== 'localized-text' && kind !== 'localized-markdown') return true;
  if (typeof value === 'string') return lang === fileLang;
  return (value as Record<string, unknown>)[lang] !== undefined;
}

/** One recipient's values as templates see them in `lang`. */
export function showRecipient(recipient: Recipient, lang: string, fileLang: string) {
  return mapFields(RecipientSchema, recipient, (kind, value) =>
    SHOW[kind](value, lang, fileLang),
  ) as Shown<Recipient>;
}

/** Markdown on one line for a GFM table cell: line breaks become spaces, `|` ends no cell. */
export function toTableCell(markdown: string): string {
  return markdown
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/(?<=(?:^|[^\\])(?:\\\\)*)\|/g, '\\|');
}

/** "+49 241 41359-999" → "tel:+4924141359999" (RFC 3966: the digits, a leading "+"). */
export function toTelHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' : ''}${digits.replace(/\+/g, '')}`;
}
