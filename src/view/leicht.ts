import type { Incident } from '../incident/incident.js';
import type { Localized } from '../incident/schema.js';
import { formatFullDate } from '../lang/dates.js';
import { withoutUndefined } from '../shared.js';
import { escapeMarkdown } from './escape.js';
import { pickText, type Shown } from './values.js';

/**
 * What the page in Leichte Sprache (`templates/de/leicht.md.hbs`) sees besides the usual view:
 * every date in full ("Donnerstag, 26. November 2026"), names replaced by their `leicht.names`,
 * and the organisation's own texts from `leicht:`. Strings are Markdown, escaped like the view's.
 */
export interface LeichtView {
  /** The organisation's name (or its name in Leichte Sprache). */
  org: string;
  updated: string;
  detected: string;
  crisisTeam?: string;
  findingsExpected?: string;
  emailUnreachableSince?: string;
  affected: string[];
  /** Any of the built-in measures (its own measures are not in Leichte Sprache). */
  hasMeasures: boolean;
  services: { name: string; is: Record<string, boolean>; since?: string }[];
  /** The hotline's number and `tel:` link (from the view's contacts). */
  hotline?: { phone: string; href: string };
  hotlineHours?: string;
  about?: string;
  questions: { question: string; answer: string }[];
  checkedBy?: string;
}

/** A name as the leicht page says it: its `leicht.names` entry, else as written (in German). */
export function leichtName(incident: Incident, written: string): string {
  return incident.leicht?.names.find((n) => n.name === written)?.leicht ?? written;
}

/** The German text of a value of the file (validation made sure that it exists). */
const german = (incident: Incident, value: unknown) =>
  pickText(value as Localized, 'de', incident.lang);

/** The leicht view of an incident shown in German (`shown`: its values as templates see them). */
export function buildLeichtView(
  incident: Incident,
  shown: Shown<Incident>,
  hotline: LeichtView['hotline'],
): LeichtView {
  const inc = incident.incident;
  const name = (value: unknown) => escapeMarkdown(leichtName(incident, german(incident, value)));
  const full = (d: Parameters<typeof formatFullDate>[0] | undefined) =>
    d === undefined ? undefined : formatFullDate(d);
  const hours = incident.contacts?.hotline?.hours;
  return withoutUndefined({
    org: escapeMarkdown(leichtName(incident, incident.organization.name)),
    updated: formatFullDate(incident.updated),
    detected: formatFullDate(inc.detected),
    crisisTeam: full(inc.crisis_team),
    findingsExpected: full(inc.findings_expected),
    emailUnreachableSince: full(incident.contacts?.email_unreachable_since),
    affected: inc.affected.map(name),
    hasMeasures: inc.measures.length > 0,
    services: incident.services.map((s) =>
      withoutUndefined({ name: name(s.name), is: { [s.state]: true }, since: full(s.since) }),
    ),
    hotline: hotline && { phone: hotline.phone, href: hotline.href },
    hotlineHours: hours === undefined ? undefined : name(hours),
    about: shown.leicht?.about,
    questions: shown.leicht?.questions ?? [],
    checkedBy: shown.leicht?.checked_by,
  });
}
