import { toIsoString, type LocalDate } from '../incident/dates.js';
import type { Incident, Recipient } from '../incident/incident.js';
import type { Localized } from '../incident/schema.js';
import { withoutUndefined } from '../shared.js';
import { formatDate, formatDateTime } from '../lang/dates.js';
import { orgForms, type OrgForms } from '../lang/grammar.js';
import { demoteHeadings, escapeMarkdown, neutralizeHtml } from './escape.js';

/** A date as templates use it: `{{updated.text}}` in sentences, `.iso` for machines. */
export interface DateView {
  text: string;
  /** The day alone, without a time: "26. November 2026" (a press release's dateline). */
  date: string;
  iso: string;
}

/**
 * What a template sees. Every string is Markdown, ready to be placed: plain values from the
 * incident file are escaped, Markdown values made safe. Missing values are absent keys, so a
 * template that uses one without `{{#if}}` fails in strict mode instead of printing nothing.
 */
export interface ViewModel {
  lang: string;
  id: string;
  updated: DateView;
  org: OrgForms & {
    name: string;
    about?: string;
    city?: string;
    website?: string;
    contact?: { name?: string; email?: string; phone?: string };
  };
  status: string;
  phase: string;
  is: Record<string, boolean>;
  incident: {
    detected: DateView;
    crisisTeam?: DateView;
    findingsExpected?: DateView;
    measures: Record<string, boolean>;
    hasMeasures: boolean;
    affected: string[];
  };
  options: { cancelAppointments: boolean };
  questions: { question: string; answer: string }[];
  press: { headline?: string };
  email: {
    subject?: string;
    salutation?: string;
    signature?: string;
    from?: { name?: string; email: string };
  };
  recipient?: { name: string; email?: string; salutation?: string; answer?: string };
}

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

/** Builds the template data for one language (and one recipient, for mail merge). */
export function buildViewModel(incident: Incident, lang: string, recipient?: Recipient): ViewModel {
  const plain = (v: Localized): string => escapeMarkdown(pickText(v, lang, incident.lang));
  const markdown = (v: Localized): string =>
    demoteHeadings(neutralizeHtml(pickText(v, lang, incident.lang)));
  const opt = <T, R>(v: T | undefined, f: (x: T) => R): R | undefined =>
    v === undefined ? undefined : f(v);
  const date = (d: LocalDate): DateView => ({
    text: formatDateTime(d, lang),
    date: formatDate(d, lang),
    iso: toIsoString(d),
  });
  const org = incident.organization;
  const inc = incident.incident;
  const name = escapeMarkdown(org.name);
  return withoutUndefined({
    lang,
    id: incident.id,
    updated: date(incident.updated),
    org: withoutUndefined({
      ...orgForms(lang, name, org.gender, opt(org.genitive, escapeMarkdown)),
      name,
      about: opt(org.about, markdown),
      city: opt(org.city, escapeMarkdown),
      website: org.website,
      contact: opt(org.contact, (c) =>
        withoutUndefined({
          name: opt(c.name, escapeMarkdown),
          email: c.email,
          phone: opt(c.phone, escapeMarkdown),
        }),
      ),
    }),
    status: inc.status,
    phase: inc.phase,
    is: { [inc.status]: true, [inc.phase]: true },
    incident: withoutUndefined({
      detected: date(inc.detected),
      crisisTeam: opt(inc.crisisTeam, date),
      findingsExpected: opt(inc.findingsExpected, date),
      measures: Object.fromEntries(inc.measures.map((m) => [m, true])),
      hasMeasures: inc.measures.length > 0,
      affected: inc.affected.map(plain),
    }),
    options: { cancelAppointments: incident.options.cancelAppointments },
    questions: incident.questions.map((q) => ({
      question: plain(q.question),
      answer: markdown(q.answer),
    })),
    press: withoutUndefined({ headline: opt(incident.press.headline, plain) }),
    email: withoutUndefined({
      subject: opt(incident.email.subject, plain),
      salutation: opt(incident.email.salutation, plain),
      signature: opt(incident.email.signature, markdown),
      from: incident.email.from,
    }),
    recipient: opt(recipient, (r) =>
      withoutUndefined({
        name: escapeMarkdown(r.name),
        email: r.email,
        salutation: opt(r.salutation, plain),
        answer: opt(r.answer, markdown),
      }),
    ),
  });
}
