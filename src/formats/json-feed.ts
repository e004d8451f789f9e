import { buildFeedModel } from './feed-model.js';
import type { RenderedDocument } from './types.js';

/**
 * `feed.<lang>.json`: the same entries as the Atom feed as a JSON Feed 1.1
 * (https://jsonfeed.org/version/1.1): written here, because the `feed` package writes 1.0.
 * Only fields of the 1.1 spec, with their 1.1 names (`authors`, `language`).
 */
export function render(doc: RenderedDocument): string {
  const feed = buildFeedModel(doc);
  const author = {
    name: feed.author.name,
    ...(feed.author.uri ? { url: feed.author.uri } : {}),
  };
  const data = {
    version: 'https://jsonfeed.org/version/1.1',
    title: feed.title,
    ...(feed.pageUrl ? { home_page_url: feed.pageUrl } : {}),
    ...(feed.selfUrl ? { feed_url: feed.selfUrl('json') } : {}),
    language: feed.lang,
    authors: [author],
    items: feed.items.map((item) => ({
      id: item.id,
      ...(feed.pageUrl ? { url: feed.pageUrl } : {}),
      title: item.title,
      content_html: item.html,
      content_text: item.text,
      date_published: item.updated,
      date_modified: item.updated,
      ...(item.tags.length > 0 ? { tags: item.tags } : {}),
      language: feed.lang,
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}
