import { writeAtomFeed, type AtomEntry, type AtomLink } from './atom.js';
import { buildFeedModel } from './feed-model.js';
import type { RenderedDocument } from './types.js';

/**
 * `feed.<lang>.atom`: the incident's update log as an Atom 1.0 feed (RFC 4287), newest first.
 * Links to the FAQ page (and to itself) when the file says where it is published.
 */
export function render(doc: RenderedDocument): string {
  const feed = buildFeedModel(doc);
  const page: AtomLink[] = feed.pageUrl ? [{ href: feed.pageUrl, type: 'text/html' }] : [];
  const self: AtomLink[] = feed.selfUrl
    ? [{ rel: 'self', href: feed.selfUrl('atom'), type: 'application/atom+xml' }]
    : [];
  return writeAtomFeed({
    id: feed.id,
    title: feed.title,
    updated: feed.updated,
    lang: feed.lang,
    authors: [feed.author],
    links: [...page, ...self],
    entries: feed.items.map((item): AtomEntry => ({
      id: item.id,
      title: item.title,
      updated: item.updated,
      published: item.updated,
      ...(feed.pageUrl ? { links: [{ href: feed.pageUrl, type: 'text/html' }] } : {}),
      categories: item.tags.map((term) => ({ term })),
      content: { type: 'html', value: item.html },
    })),
  });
}
