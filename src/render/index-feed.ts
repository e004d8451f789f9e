import { writeAtomFeed, type AtomEntry } from '../formats/atom.js';
import { stableId, tagAuthority } from '../formats/feed-ids.js';
import type { IndexEntry } from '../output/index-entry.js';

/** One incident of the index in one language: what its line and its feed entry say. */
export interface IndexItem {
  id: string;
  title: string;
  /** The page to link, relative to the output folder. */
  href: string;
  /** Undefined for a folder whose facts are not known. */
  entry?: IndexEntry;
  status?: string;
  phase?: string;
  updated?: { text: string; iso: string; rfc3339: string };
}

/** The organisation that owns an entry's id: its website's host or e-mail domain, from `detected`. */
function entryId(e: IndexEntry): string {
  const authority = tagAuthority([e.website, e.email]);
  const owner = { day: e.detected.slice(0, 10), name: e.organization };
  return stableId(authority ? { ...owner, authority } : owner, `${e.id}/index`);
}

/**
 * The Atom feed of the index (RFC 4287, written by `formats/atom.ts`): one entry per incident
 * whose facts are known, in the index's order, each with its status, phase and `updated` and a
 * link to its page. Ids stay the same on every render: the feed's from the organisation's name,
 * an entry's from its incident's id. Links are relative to the feed, as the folder is.
 */
export function writeIndexFeed(
  lang: string,
  title: string,
  items: readonly IndexItem[],
  newest: IndexItem | undefined,
  draftLabel: string,
): string {
  const known = items.filter((i) => i.entry && i.updated);
  const organization = newest?.entry?.organization ?? known[0]?.entry?.organization ?? 'faq';
  const entries: AtomEntry[] = known.map((i) => ({
    id: entryId(i.entry!),
    title: i.title,
    updated: i.updated!.rfc3339,
    content: {
      type: 'text',
      value: `${i.status} · ${i.phase} · ${i.updated!.text}${i.entry!.draft ? ` · ${draftLabel}` : ''}`,
    },
    links: [{ href: i.href, type: 'text/html' }],
    categories: [{ term: i.entry!.status }, { term: i.entry!.phase }],
  }));
  return writeAtomFeed({
    id: stableId({ day: '', name: organization }, 'faq-index'),
    title,
    updated: newest?.updated?.rfc3339 ?? '1970-01-01T00:00:00Z',
    lang,
    authors: [{ name: organization }],
    links: [
      { rel: 'self', href: `index.${lang}.atom`, type: 'application/atom+xml' },
      { href: `index.${lang}.html`, type: 'text/html' },
    ],
    entries,
  });
}
