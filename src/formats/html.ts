import { extractQuestions, faqPageData, serializeJsonForScript } from './json-ld.js';
import { renderHtmlBody } from './markdown.js';
import type { Format, RenderedDocument } from './types.js';

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
  jsonLd?: string;
  css: string;
}

function layoutData(doc: RenderedDocument): LayoutData {
  const { incident, config, engine } = doc;
  const css = engine.store.read(`layouts/${config.layout}.css`)?.text ?? '';
  const toc = doc.headings.filter((h) => h.depth === 2).map(({ id, text }) => ({ id, text }));
  const jsonLd = config.faqPage
    ? serializeJsonForScript(
        faqPageData({
          lang: doc.lang,
          title: doc.title,
          updated: doc.view.updated.iso,
          questions: extractQuestions(doc.tokens),
        }),
      )
    : undefined;
  return {
    lang: doc.lang,
    variant: doc.variant,
    title: doc.title,
    labels: doc.labels,
    organization: incident.organization.name,
    updated: { text: doc.view.updated.text, iso: doc.view.updated.iso },
    body: renderHtmlBody(doc.tokens, doc.headings),
    toc: config.layout === 'page' && toc.length > 1 ? toc : [],
    ...(jsonLd ? { jsonLd } : {}),
    css,
  };
}

/** A standalone page (or an e-mail's HTML part) from the document's Markdown and its layout. */
export const html: Format = {
  ext: 'html',
  async render(doc) {
    const page = doc.engine.get(`layouts/${doc.config.layout}.html.hbs`, 'html')(layoutData(doc));
    if (doc.config.layout !== 'email') return page;
    // Mail clients drop <style>; inline it (juice is loaded only when e-mail HTML is rendered).
    const { default: juice } = await import('juice');
    return juice(page, {
      removeStyleTags: true,
      preserveMediaQueries: true,
      preserveFontFaces: false,
      insertPreservedExtraCss: true,
    });
  },
};
