import type { Incident, Recipient } from '../incident/incident.js';
import { collectHeadings, inlineText, lexMarkdown } from '../formats/markdown.js';
import type { RenderedDocument } from '../formats/types.js';
import type { Variant } from '../shared.js';
import { buildViewModel } from '../view/model.js';
import type { TemplateEngine } from './engine.js';

/** Collapses the blank lines that template logic leaves, so the Markdown reads as written. */
export function normalizeMarkdown(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

/** One variant in one language (and for one recipient): its template rendered to Markdown. */
export function buildDocument(
  incident: Incident,
  variant: { name: string; config: Variant },
  lang: string,
  engine: TemplateEngine,
  options: { wrap?: number; recipient?: Recipient },
): RenderedDocument {
  const { recipient } = options;
  const view = buildViewModel(incident, lang, recipient);
  const full = normalizeMarkdown(engine.get(`${lang}/${variant.name}.md.hbs`, 'markdown')(view));
  const allTokens = lexMarkdown(full);
  const first = allTokens.find((t) => t.type !== 'space');
  const title =
    first?.type === 'heading' && first.depth === 1
      ? inlineText(first.tokens)
      : incident.organization.name;
  const markdown =
    variant.config.titleIsSubject && first?.type === 'heading'
      ? normalizeMarkdown(full.slice(full.indexOf(first.raw) + first.raw.length))
      : full;
  const tokens = markdown === full ? allTokens : lexMarkdown(markdown);
  return {
    incident,
    variant: variant.name,
    config: variant.config,
    lang,
    ...(recipient ? { recipient } : {}),
    view,
    title,
    markdown,
    tokens,
    headings: collectHeadings(tokens),
    labels: engine.store.labels(lang),
    layouts: {
      html: (name) => engine.get(`layouts/${name}.html.hbs`, 'html'),
      css: (name) => engine.store.read(`layouts/${name}.css`)?.text ?? '',
    },
    ...(options.wrap ? { wrap: options.wrap } : {}),
    produced: new Map(),
  };
}
