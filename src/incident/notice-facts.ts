import { orgForms } from '../lang/grammar.js';
import type { NoticeKind } from '../notices/limits.js';
import type { FieldPath, NoticeFacts, NoticeOverride, Speaker } from '../notices/types.js';
import type { Incident } from './incident.js';
import { orderNewestFirst } from './status.js';

// What the short notices of an incident are built from: its facts, the organisation as the
// speaker, and the file's own texts — each with the key path it is written at, for messages.

/** A localized value in `lang` (validation made sure it exists), and the path it is at. */
export function pick(value: unknown, lang: string, fileLang: string, path: FieldPath) {
  if (typeof value === 'string') return { text: value, path };
  const text =
    (value as Record<string, string | undefined>)[lang] ??
    (value as Record<string, string | undefined>)[fileLang];
  return { text: text ?? '', path: [...path, lang] };
}

/** Markdown as plain text for a spoken sentence: links as their text, no emphasis or markup. */
export function plainFromMarkdown(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/^\s{0,3}(?:#{1,6}\s+|[-*+]\s+|\d+[.)]\s+|>\s?)/gm, '')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The incident's facts in `lang`, as the notices read them. */
export function readNoticeFacts(incident: Incident, lang: string): NoticeFacts {
  const fileLang = incident.lang;
  const { status, phase, findings_expected, affected } = incident.incident;
  const newest = orderNewestFirst(incident.updates)[0];
  const update = newest === undefined ? undefined : incident.updates[newest]!;
  const services =
    incident.services.length > 0
      ? incident.services.map((s, i) => ({
          name: pick(s.name, lang, fileLang, ['services', i, 'name']).text,
          state: s.state,
        }))
      : affected.map((a, i) => ({
          name: pick(a, lang, fileLang, ['incident', 'affected', i]).text,
          state: 'down' as const,
        }));
  return {
    lang,
    status,
    phase,
    updated: incident.updated,
    ...(findings_expected ? { findingsExpected: findings_expected } : {}),
    ...(update
      ? {
          latestUpdate: {
            at: update.at,
            text: plainFromMarkdown(
              pick(update.text, lang, fileLang, ['updates', newest!, 'text']).text,
            ),
            path: ['updates', newest!, 'text'],
          },
        }
      : {}),
    services,
    servicesPath: incident.services.length > 0 ? ['services'] : ['incident', 'affected'],
    cancelAppointments: incident.options.cancel_appointments,
  };
}

/** The organisation as the speaker of its notices: its short name when it has one. */
export function organizationSpeaker(incident: Incident, lang: string): Speaker {
  const org = incident.organization;
  const short = org.short_name;
  const name = short ?? org.name;
  // The declared forms belong to the full name; a short name takes the gender alone.
  const grammar = short ? { gender: org.grammar.gender } : org.grammar;
  const hotline = incident.contacts?.hotline;
  const hours =
    hotline?.hours === undefined
      ? undefined
      : pick(hotline.hours, lang, incident.lang, ['contacts', 'hotline', 'hours']);
  return {
    name,
    forms: orgForms(lang, name, grammar),
    namePath: short ? ['organization', 'short_name'] : ['organization', 'name'],
    ...(short ? {} : { shortNamePath: ['organization', 'short_name'] }),
    ...(org.website ? { website: org.website, websitePath: ['organization', 'website'] } : {}),
    ...(hotline
      ? { phone: hotline.phone, phonePath: ['contacts', 'hotline', 'phone'], isHotline: true }
      : org.contact?.phone
        ? { phone: org.contact.phone, phonePath: ['organization', 'contact', 'phone'] }
        : {}),
    ...(hours ? { hours: hours.text, hoursPath: hours.path } : {}),
    isAdministration: org.kind === 'administration',
  };
}

/** The file's own text for a notice in `lang` (`notices.<kind>.text`), and its SMS parts. */
export function readNoticeOverride(
  incident: Incident,
  kind: NoticeKind,
  lang: string,
): NoticeOverride {
  const entry = incident.notices[kind] as { text?: unknown; segments?: number };
  const segments = entry.segments ?? 1;
  const base: FieldPath = ['notices', kind, 'text'];
  if (entry.text === undefined) return { segments };
  const own = pick(entry.text, lang, incident.lang, base);
  return {
    text: own.text,
    textPath: own.path,
    segments,
    segmentsPath: ['notices', kind, 'segments'],
  };
}
