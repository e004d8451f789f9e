import { escapeUTF8 } from 'entities';

/** A person of an Atom feed (RFC 4287 §3.2): the organisation that publishes. */
export interface AtomPerson {
  name: string;
  email?: string;
  uri?: string;
}

/** An `atom:link` (RFC 4287 §4.2.7). */
export interface AtomLink {
  href: string;
  /** Default "alternate". */
  rel?: string;
  type?: string;
  hreflang?: string;
  title?: string;
}

/** Text or HTML: HTML is written escaped (`type="html"`), never as markup of the feed itself. */
export interface AtomText {
  type: 'text' | 'html';
  value: string;
}

/** One `atom:entry`: an update of an incident, or an incident in an index. */
export interface AtomEntry {
  /** A stable IRI (tag: or URL) that never changes for this entry. */
  id: string;
  title: string;
  /** RFC 3339 with seconds and offset: "2026-11-26T15:00:00+01:00". */
  updated: string;
  published?: string;
  content: AtomText;
  summary?: AtomText;
  links?: AtomLink[];
  categories?: { term: string; label?: string }[];
}

/** An Atom 1.0 feed (RFC 4287). Entries are written in the order given. */
export interface AtomFeed {
  id: string;
  title: string;
  /** RFC 3339 with seconds and offset; the newest entry's `updated`, usually. */
  updated: string;
  /** `xml:lang` of the feed. */
  lang?: string;
  subtitle?: string;
  /** At least one: RFC 4287 wants an author on the feed unless every entry has one. */
  authors: AtomPerson[];
  links?: AtomLink[];
  entries: AtomEntry[];
}

/** RFC 3339 `date-time` as Atom requires it: seconds and an offset (or Z) are not optional. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

// Characters XML 1.0 does not allow at all, even escaped (the incident file refuses them too).
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|\p{Cs}/gu;

/** Text for XML content or a quoted attribute: `& < > " '` escaped, forbidden characters dropped. */
export function escapeXml(text: string): string {
  return escapeUTF8(text.replace(NOT_XML, ''));
}

function checkDate(what: string, value: string): string {
  if (!RFC3339.test(value))
    throw new Error(`atom: ${what} "${value}" is not an RFC 3339 date-time`);
  return value;
}

function element(name: string, value: string, indent: string): string {
  return `${indent}<${name}>${escapeXml(value)}</${name}>\n`;
}

function textElement(name: string, text: AtomText, indent: string): string {
  return `${indent}<${name} type="${text.type}">${escapeXml(text.value)}</${name}>\n`;
}

function attributes(values: Record<string, string | undefined>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v!)}"`)
    .join('');
}

function link(l: AtomLink, indent: string): string {
  const { href, rel = 'alternate', type, hreflang, title } = l;
  return `${indent}<link${attributes({ rel, type, hreflang, href, title })}/>\n`;
}

function person(p: AtomPerson, indent: string): string {
  const inner = `  ${indent}`;
  return (
    `${indent}<author>\n${element('name', p.name, inner)}` +
    (p.email ? element('email', p.email, inner) : '') +
    (p.uri ? element('uri', p.uri, inner) : '') +
    `${indent}</author>\n`
  );
}

function writeEntry(e: AtomEntry): string {
  const i = '    ';
  return (
    `  <entry>\n${element('id', e.id, i)}${element('title', e.title, i)}` +
    element('updated', checkDate('entry updated', e.updated), i) +
    (e.published ? element('published', checkDate('entry published', e.published), i) : '') +
    (e.links ?? []).map((l) => link(l, i)).join('') +
    (e.categories ?? [])
      .map((c) => `${i}<category${attributes({ term: c.term, label: c.label })}/>\n`)
      .join('') +
    (e.summary ? textElement('summary', e.summary, i) : '') +
    textElement('content', e.content, i) +
    '  </entry>\n'
  );
}

/**
 * An Atom 1.0 document (RFC 4287) for a feed: every value escaped, HTML content as escaped text
 * (`type="html"`), dates checked to be RFC 3339 with an offset. Deterministic: the same feed gives
 * the same bytes (no generator version, no clock). Throws on a feed that would be invalid (no
 * author, a date without seconds or offset): that is a bug of the caller, not a user's mistake.
 */
export function writeAtomFeed(feed: AtomFeed): string {
  if (feed.authors.length === 0) throw new Error('atom: a feed needs an author');
  const i = '  ';
  return (
    '<?xml version="1.0" encoding="utf-8"?>\n' +
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.lang ? attributes({ 'xml:lang': feed.lang }) : ''}>\n` +
    element('id', feed.id, i) +
    element('title', feed.title, i) +
    (feed.subtitle ? element('subtitle', feed.subtitle, i) : '') +
    element('updated', checkDate('feed updated', feed.updated), i) +
    feed.authors.map((p) => person(p, i)).join('') +
    (feed.links ?? []).map((l) => link(l, i)).join('') +
    feed.entries.map(writeEntry).join('') +
    '</feed>\n'
  );
}
