import { orgForms, pastOfIs } from '../lang/grammar.js';
import type { NoticeKind } from '../notices/limits.js';
import type { FieldPath, NoticeFacts, NoticeOverride, Speaker } from '../notices/types.js';
import type { Customer, Incident } from './incident.js';
import { pick } from './notice-facts.js';

// What a customer's short notices (issue 16) are built from: the customer as the speaker (its
// name, its hotline, its website), the facts that concern it (its services; everything works
// again once all of them do) and the provider as the source — each with its key path.

/** The provider's page for the incident: its FAQ page when published, else its website. */
function sourceOf(
  incident: Incident,
  lang: string,
): Pick<Speaker['customerOf'] & {}, 'source' | 'sourcePath'> {
  const base = incident.publish.base_url;
  if (base) {
    const url = new URL(`${incident.id}/faq.${lang}.html`, base.endsWith('/') ? base : `${base}/`);
    return { source: url.href, sourcePath: ['publish', 'base_url'] };
  }
  const website = incident.organization.website;
  return website ? { source: website, sourcePath: ['organization', 'website'] } : {};
}

/** The customer as the speaker of its notices: its short name, when it has one, before a colon. */
export function customerSpeaker(incident: Incident, customer: Customer, lang: string): Speaker {
  const at: FieldPath = ['customers', customer.index];
  const short = customer.short_name;
  const name = short ?? customer.name;
  const { gender } = customer.grammar;
  const org = incident.organization;
  const hours =
    customer.contact?.hours === undefined
      ? undefined
      : pick(customer.contact.hours, lang, incident.lang, [...at, 'contact', 'hours']);
  return {
    name,
    // Sentences name the customer in full, declined by its grammar ("Die Stadt Aachen ist …");
    // the short name stands alone, before a colon ("Aachen: …"), where no article is needed.
    forms: orgForms(lang, customer.name, customer.grammar),
    namePath: [...at, short ? 'short_name' : 'name'],
    ...(short ? {} : { shortNamePath: [...at, 'short_name'] }),
    ...(customer.website ? { website: customer.website, websitePath: [...at, 'website'] } : {}),
    ...(customer.contact
      ? { phone: customer.contact.phone, phonePath: [...at, 'contact', 'phone'], isHotline: true }
      : {}),
    ...(hours ? { hours: hours.text, hoursPath: hours.path } : {}),
    isAdministration: true,
    customerOf: {
      gender,
      was: pastOfIs(lang, gender),
      provider: org.short_name ?? org.name,
      providerPath: ['organization', org.short_name ? 'short_name' : 'name'],
      ...(org.short_name ? {} : { providerShortPath: ['organization', 'short_name'] }),
      ...sourceOf(incident, lang),
    },
  };
}

/**
 * The facts of the customer's notices in `lang`: the incident's status and dates, the customer's
 * own services; resolved once every one of them works again (as its citizen notice says).
 */
export function readCustomerNoticeFacts(
  incident: Incident,
  customer: Customer,
  lang: string,
): NoticeFacts {
  const { status, phase, findings_expected } = incident.incident;
  const services = customer.services.map((s) => {
    const service = incident.services[s.service]!;
    const name = pick(service.name, lang, incident.lang, ['services', s.service, 'name']).text;
    return { name, state: service.state };
  });
  const allRestored = services.every((s) => s.state === 'restored');
  return {
    lang,
    status,
    phase: allRestored ? 'resolved' : phase,
    updated: incident.updated,
    ...(findings_expected ? { findingsExpected: findings_expected } : {}),
    services,
    servicesPath: ['customers', customer.index, 'services'],
    // The appointments and the newest update are the provider's words to its own audience.
    cancelAppointments: false,
  };
}

/** A customer's notices are built-in; of the file's settings only the SMS parts apply. */
export function readCustomerNoticeOverride(incident: Incident, kind: NoticeKind): NoticeOverride {
  const entry = incident.notices[kind] as { segments?: number };
  return { segments: entry.segments ?? 1 };
}
