import {
  extractQuestions,
  faqPageData,
  serializeJsonForScript,
  specialAnnouncementData,
} from './json-ld.js';
import type { Token } from 'marked';
import { markPage } from './draft.js';
import { tableItemSections } from './item-table.js';
import { inlineCss } from './inline-css.js';
import { renderHtmlBody, type Heading } from './markdown.js';
import { renderPageBody, splitFooter } from './page-body.js';
import type { RenderedDocument } from './types.js';

/** The data an HTML layout (`templates/layouts/<layout>.html.hbs`) receives. */
export interface LayoutData {
  lang: string;
  variant: string;
  title: string;
  labels: Record<string, string>;
  organization: string;
  updated: { text: string; iso: string };
  body: string;
  toc: { id: string; text: string }[];
  /** Serialised JSON-LD blocks, safe inside `<script>`. */
  jsonLd: string[];
  /** The web page's parts (layout `page` only). */
  page?: {
    lead: string;
    sections: string;
    /** The template shows the "Stand" itself; otherwise the page header does. */
    hasUpdated: boolean;
    /** investigating | recovering | resolved: the status box is calm green once resolved. */
    phase: string;
    website?: { href: string; text: string };
    /** The template's closing lines after its last `---` (e.g. the hotline), as HTML. */
    footer?: string;
    /** Links to the archived earlier versions, newest first (FAQ page with an archive only). */
    earlier?: RenderedDocument['earlier'];
  };
  /** The feed next to the page: `<link rel="alternate">` in the head and a Subscribe link. */
  feed?: { href: string; type: string; title: string };
  css: string;
}

/** The page's structured data: FAQPage for a FAQ, and a SpecialAnnouncement for every page. */
function structuredData(
  doc: RenderedDocument,
  tokens: RenderedDocument['tokens'],
  summary: string | undefined,
): string[] {
  const org = doc.incident.organization;
  const publisher = { name: org.name, ...(org.website ? { url: org.website } : {}) };
  const common = { lang: doc.lang, title: doc.title, updated: doc.view.updated.iso, publisher };
  const blocks: object[] = [];
  if (doc.config.faqPage)
    blocks.push(faqPageData({ ...common, questions: extractQuestions(tokens) }));
  const posted = doc.view.latestUpdate?.at.iso;
  if (summary) blocks.push(specialAnnouncementData({ ...common, posted, text: summary }));
  return blocks.map(serializeJsonForScript);
}

/** The tokens and headings the page shows: a variant's item sections as tables (`itemTable`). */
function pageTokens(doc: RenderedDocument): { tokens: Token[]; headings: Heading[] } {
  if (!doc.config.itemTable) return { tokens: doc.tokens, headings: doc.headings };
  const columns: [string, string] = [
    doc.labels.item ?? 'Item',
    doc.labels.itemContent ?? 'Details',
  ];
  return tableItemSections(doc.tokens, doc.headings, columns);
}

function pageData(doc: RenderedDocument): Pick<LayoutData, 'body' | 'toc' | 'jsonLd' | 'page'> {
  const updated = doc.view.updated;
  const { tokens, headings } = pageTokens(doc);
  const { body, footer } = splitFooter(tokens);
  const parts = renderPageBody(body, headings, {
    updatedLabel: doc.labels.updated ?? '',
    updated,
  });
  const toc = headings.filter((h) => h.depth === 2).map(({ id, text }) => ({ id, text }));
  const website = doc.incident.organization.website;
  return {
    body: parts.lead + parts.sections,
    // A FAQ is navigated by its questions; a press release is read from the top.
    toc: doc.config.faqPage && toc.length > 1 ? toc : [],
    jsonLd: structuredData(doc, body, parts.summary),
    page: {
      lead: parts.lead,
      sections: parts.sections,
      hasUpdated: parts.hasUpdated,
      phase: doc.incident.incident.phase,
      ...(doc.earlier?.length ? { earlier: doc.earlier } : {}),
      ...(footer.length ? { footer: renderHtmlBody(footer, []).trimEnd() } : {}),
      ...(website
        ? {
            website: {
              href: website,
              text: website.replace(/^https?:\/\//, '').replace(/\/$/, ''),
            },
          }
        : {}),
    },
  };
}

function layoutData(doc: RenderedDocument): LayoutData {
  const { incident, config } = doc;
  const style = config.style ? `\n${doc.layouts.css(config.style)}` : '';
  const css = doc.layouts.css(layoutOf(doc)) + style;
  return {
    lang: doc.lang,
    variant: doc.variant,
    title: doc.title,
    labels: doc.labels,
    organization: incident.organization.name,
    updated: { text: doc.view.updated.text, iso: doc.view.updated.iso },
    ...(config.layout === 'page'
      ? pageData(doc)
      : { body: renderHtmlBody(doc.tokens, doc.headings), toc: [], jsonLd: [] }),
    ...(doc.subscribe
      ? { feed: { ...doc.subscribe, title: doc.labels.subscribeTitle ?? 'Feed (Atom)' } }
      : {}),
    css,
  };
}

/** The variant's layout; variants.json is checked to name one for every variant with html. */
function layoutOf(doc: RenderedDocument): string {
  if (!doc.config.layout) throw new Error(`variant ${doc.variant} has no layout`);
  return doc.config.layout;
}

/** The page from the document's Markdown and its layout (a draft's banner first), before the e-mail's CSS is inlined. */
export function layOutPage(doc: RenderedDocument): string {
  return markPage(doc, doc.layouts.html(layoutOf(doc))(layoutData(doc)));
}

/** A standalone page (or an e-mail's HTML part) from the document's Markdown and its layout. */
export async function render(doc: RenderedDocument): Promise<string> {
  const page = layOutPage(doc);
  if (doc.config.layout !== 'email') return page;
  // Mail clients drop <style>; inline it.
  return inlineCss(page);
}
