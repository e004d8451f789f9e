import { isDraft } from '../incident/approval.js';
import { toIsoString } from '../incident/dates.js';
import type { Incident } from '../incident/incident.js';
import type { IndexEntry } from '../output/index-entry.js';
import type { Artifact } from '../shared.js';

/** The variants whose page an index links, best first: the FAQ, then the press release. */
const LINKED = ['faq', 'press'];

const rank = (a: Artifact): number => {
  const at = LINKED.indexOf(a.variant);
  return at === -1 ? LINKED.length : at;
};

/**
 * The facts of a rendered incident for the index across incidents: status, phase, `updated`,
 * and per language the page to link — the FAQ page, else the press release, else any HTML page —
 * with the press release's headline as its title when there is one (a FAQ's title is generic).
 */
export function describeIncident(incident: Incident, artifacts: readonly Artifact[]): IndexEntry {
  const pages: IndexEntry['pages'] = {};
  const html = artifacts.filter((a) => a.format === 'html' && !a.recipient);
  for (const lang of [...new Set(html.map((a) => a.lang))].sort()) {
    const own = html.filter((a) => a.lang === lang).sort((a, b) => rank(a) - rank(b));
    const page = own[0]!;
    const headline = own.find((a) => a.variant === 'press') ?? page;
    pages[lang] = { href: page.path, title: headline.title };
  }
  const org = incident.organization;
  const kits = listKits(incident, artifacts);
  return {
    id: incident.id,
    organization: org.name,
    ...(org.website ? { website: org.website } : {}),
    ...(org.contact?.email ? { email: org.contact.email } : {}),
    lang: incident.lang,
    status: incident.incident.status,
    phase: incident.incident.phase,
    updated: toIsoString(incident.updated),
    detected: toIsoString(incident.incident.detected),
    draft: isDraft(incident),
    pages,
    ...(kits.length > 0 ? { kits } : {}),
  };
}

/** Each customer kit rendered: the customer's name and its notice page per language. */
function listKits(
  incident: Incident,
  artifacts: readonly Artifact[],
): NonNullable<IndexEntry['kits']> {
  // A kit's page: its HTML that is no short notice (the banner is a snippet, not a page).
  const pages = artifacts.filter((a) => a.customer && a.format === 'html' && !a.notice);
  return incident.customers.flatMap((customer) => {
    const own = pages.filter((a) => a.customer === customer.slug);
    if (own.length === 0) return [];
    const byLang = Object.fromEntries(
      [...own].sort((a, b) => (a.lang < b.lang ? -1 : 1)).map((a) => [a.lang, a.path]),
    );
    return [{ customer: customer.slug, name: customer.name, pages: byLang }];
  });
}
