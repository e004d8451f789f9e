import { toIsoString, toRfc3339String, type LocalDate } from '../incident/dates.js';
import type { Incident } from '../incident/incident.js';
import { orderNewestFirst } from '../incident/status.js';
import { stableId, tagAuthority, type IdOwner } from './feed-ids.js';
import { lexMarkdown, renderHtmlBody, renderText } from './markdown.js';
import { escapeUTF8 } from 'entities';
import type { RenderedDocument } from './types.js';

/** One entry of an incident's feed: an update of its log, or its current state. */
export interface FeedItem {
  id: string;
  title: string;
  /** RFC 3339 with the organisation's offset. */
  updated: string;
  /** Safe HTML (raw HTML of the file shown as text, only safe links), a draft's banner first. */
  html: string;
  text: string;
  /** What the update established: status and phase codes ("attack", "recovering"). */
  tags: string[];
}

/** What the Atom feed and the JSON Feed of one incident in one language say. */
export interface FeedModel {
  id: string;
  title: string;
  updated: string;
  lang: string;
  author: { name: string; email?: string; uri?: string };
  /** The page the feed belongs to, as published (`publish.base_url`), else the website. */
  pageUrl?: string;
  /** Where this feed file is published, when `publish.base_url` says. */
  selfUrl?: (ext: string) => string;
  /** Newest first. */
  items: FeedItem[];
}

/** The address of a file of this incident under `publish.base_url`, if the file gives one. */
export function publishedUrl(incident: Incident, file: string): string | undefined {
  const base = incident.publish.base_url;
  if (!base) return undefined;
  return new URL(`${incident.id}/${file}`, base.endsWith('/') ? base : `${base}/`).href;
}

/** Who mints the incident's ids: the website's host (or base_url's, or the contact's domain). */
function idOwner(incident: Incident): IdOwner {
  const org = incident.organization;
  const authority = tagAuthority([
    org.website,
    incident.publish.base_url,
    org.contact?.email,
    incident.email.from?.email,
  ]);
  const day = toIsoString({ ...incident.incident.detected, hasTime: false });
  return { ...(authority ? { authority } : {}), day, name: `${org.name}\n${incident.id}` };
}

/** HTML and text of Markdown that the view made safe, with a draft's banner first. */
function contentOf(markdown: string, draft: string | undefined): { html: string; text: string } {
  const tokens = lexMarkdown(markdown);
  const html = renderHtmlBody(tokens, []).trim();
  const text = renderText(tokens).trim();
  if (!draft) return { html, text };
  return {
    html: `<p><strong>${escapeUTF8(draft)}</strong></p>\n${html}`,
    text: `${draft}\n\n${text}`,
  };
}

/** The update log, newest first, each with a stable id (a date written twice gets "-2"). */
function updateItems(
  doc: RenderedDocument,
  owner: IdOwner,
  mark: (t: string) => string,
): FeedItem[] {
  const { incident, lang, view, labels } = doc;
  const seen = new Map<string, number>();
  return orderNewestFirst(incident.updates).map((index, k) => {
    const update = incident.updates[index]!;
    const shown = view.updates[k]!;
    const at = toIsoString(update.at as LocalDate);
    const n = (seen.get(at) ?? 0) + 1;
    seen.set(at, n);
    return {
      id: stableId(owner, `${incident.id}/${lang}/update/${at}${n > 1 ? `-${n}` : ''}`),
      title: mark(`${labels.updated ?? 'As of'}: ${shown.at.text}`),
      updated: toRfc3339String(update.at as LocalDate),
      ...contentOf(shown.text, doc.draft),
      tags: [update.status, update.phase].filter((t) => t !== undefined),
    };
  });
}

/**
 * The feed of one incident in one language: one item per update of the log, newest first; an
 * incident without updates has one item, its current state (the status line) at its "Stand".
 * Every id is derived from facts that do not change between renders.
 */
export function buildFeedModel(doc: RenderedDocument): FeedModel {
  const { incident, lang, view, labels } = doc;
  const owner = idOwner(incident);
  const org = incident.organization;
  const draftSubject = doc.draft ? (labels.draftSubject ?? '[DRAFT]') : undefined;
  const mark = (title: string): string => (draftSubject ? `${draftSubject} ${title}` : title);
  const updated = toRfc3339String(incident.updated);
  let items = updateItems(doc, owner, mark);
  if (items.length === 0) {
    const { status, phase } = incident.incident;
    items = [
      {
        id: stableId(owner, `${incident.id}/${lang}/state/${toIsoString(incident.updated)}`),
        title: mark(`${labels.updated ?? 'As of'}: ${view.updated.text}`),
        updated,
        ...contentOf(doc.markdown, doc.draft),
        tags: [status, phase],
      },
    ];
  }
  const page = doc.config.page;
  const pageUrl = (page && publishedUrl(incident, `${page}.${lang}.html`)) || org.website;
  const stem = doc.config.perLanguage === false ? doc.variant : `${doc.variant}.${lang}`;
  return {
    id: stableId(owner, `${incident.id}/${stem}`),
    title: doc.title,
    updated,
    lang,
    author: {
      name: org.name,
      ...(org.contact?.email ? { email: org.contact.email } : {}),
      ...(org.website ? { uri: org.website } : {}),
    },
    ...(pageUrl ? { pageUrl } : {}),
    ...(incident.publish.base_url
      ? { selfUrl: (ext: string) => publishedUrl(incident, `${stem}.${ext}`)! }
      : {}),
    items,
  };
}
