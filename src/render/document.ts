import type { Token, Tokens } from 'marked';
import type { Customer, Incident, Recipient } from '../incident/incident.js';
import { collectHeadings, inlineText, lexMarkdown } from '../formats/markdown.js';
import type { RenderedDocument } from '../formats/types.js';
import type { Variant } from '../shared.js';
import { buildViewModel, type ViewModel } from '../view/model.js';
import { isDraft } from '../incident/approval.js';
import type { TemplateEngine } from './engine.js';

/**
 * The marks of a draft, from labels.json (`draft`, `draftSubject`). A template folder without
 * them still marks its drafts, in English: a draft must never look like a release.
 */
function draftMarker(labels: Record<string, string>): { banner: string; subject: string } {
  return {
    banner: labels.draft ?? 'DRAFT – do not publish',
    subject: labels.draftSubject ?? '[DRAFT]',
  };
}

/** Collapses the blank lines that template logic leaves, so the Markdown reads as written. */
export function normalizeMarkdown(text: string): string {
  return `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

const BLOCK_START = /^(?:[ \t]*(?:[-*+>|#]|\d+[.)])|[ \t]{4})/;

/**
 * Every line break inside a paragraph kept as a hard break (`\` at the line's end), for a
 * variant with `lineBreaks` (Leichte Sprache: one sentence per line, in every format).
 */
export function keepLineBreaks(markdown: string): string {
  const lines = markdown.split('\n');
  return lines
    .map((line, i) => {
      const next = lines[i + 1];
      const joins = line !== '' && next !== undefined && next !== '' && !BLOCK_START.test(next);
      return joins && !line.startsWith('#') && !line.endsWith('\\') ? `${line}\\` : line;
    })
    .join('\n');
}

/**
 * The document's title (its first heading, else the organisation's name) and its Markdown: for an
 * e-mail, without the heading, which is the subject. `bodyStart` is where that Markdown starts in
 * `full` (before normalising it again).
 */
export function splitSubject(
  full: string,
  config: Variant,
  incident: Incident,
): { title: string; markdown: string; tokens: Token[]; bodyStart: number } {
  // The subject's heading is the first block: lexed alone, so that only the body is lexed in
  // full (not the whole text and then the body again). Not when a link reference definition
  // could give the heading a link only the whole text resolves.
  if (config.titleIsSubject && !LINK_DEFINITION.test(full)) {
    const end = full.indexOf('\n\n');
    const first = lexMarkdown(end < 0 ? full : full.slice(0, end + 1)).find(
      (t) => t.type !== 'space',
    );
    if (first?.type === 'heading') return splitAfter(full, first as Tokens.Heading, incident);
  }
  const allTokens = lexMarkdown(full);
  const first = allTokens.find((t) => t.type !== 'space');
  if (config.titleIsSubject && first?.type === 'heading')
    return splitAfter(full, first as Tokens.Heading, incident);
  const title = titleOf(
    first?.type === 'heading' ? (first as Tokens.Heading) : undefined,
    incident,
  );
  return { title, markdown: full, tokens: allTokens, bodyStart: 0 };
}

/** The title: a first-level heading's text, else the organisation's name. */
function titleOf(heading: Tokens.Heading | undefined, incident: Incident): string {
  return heading?.depth === 1 ? inlineText(heading.tokens) : incident.organization.name;
}

/** What any link reference definition (`[label]: url`) has; rare in other text. */
const LINK_DEFINITION = /\]:/;

/** The subject (a first-level heading, else the organisation's name) and the body after it. */
function splitAfter(
  full: string,
  heading: Tokens.Heading,
  incident: Incident,
): { title: string; markdown: string; tokens: Token[]; bodyStart: number } {
  const title = titleOf(heading, incident);
  // The heading's raw text may or may not hold the blank lines after it: normalising trims them.
  const bodyStart = full.indexOf(heading.raw) + heading.raw.length;
  const markdown = normalizeMarkdown(full.slice(bodyStart));
  return { title, markdown, tokens: lexMarkdown(markdown), bodyStart };
}

/** For whom a document is (a recipient, a customer), and how its text is laid out. */
export interface DocumentOptions {
  wrap?: number;
  recipient?: Recipient;
  /** A kit's document; default: the recipient's customer. */
  customer?: Customer;
  earlier?: RenderedDocument['earlier'];
}

/** One variant in one language (and for one recipient): its template rendered to Markdown. */
export function buildDocument(
  incident: Incident,
  variant: { name: string; config: Variant },
  lang: string,
  engine: TemplateEngine,
  options: DocumentOptions,
): RenderedDocument {
  const customer = options.customer ?? options.recipient?.customer;
  const view = buildViewModel(incident, lang, options.recipient, variant.config, customer);
  return buildDocumentFromView(incident, variant, lang, engine, options, view);
}

/** The same from a view model built already (the mail merge builds one per recipient cheaply). */
export function buildDocumentFromView(
  incident: Incident,
  variant: { name: string; config: Variant },
  lang: string,
  engine: TemplateEngine,
  options: DocumentOptions,
  view: ViewModel,
): RenderedDocument {
  const { recipient, customer } = options;
  const written = normalizeMarkdown(engine.get(`${lang}/${variant.name}.md.hbs`, 'markdown')(view));
  const full = variant.config.lineBreaks ? keepLineBreaks(written) : written;
  const { title, markdown, tokens } = splitSubject(full, variant.config, incident);
  const labels = engine.store.labels(lang);
  const draft = isDraft(incident) ? draftMarker(labels) : undefined;
  return {
    incident,
    variant: variant.name,
    config: variant.config,
    lang,
    ...(recipient ? { recipient } : {}),
    ...(customer ? { customer } : {}),
    view,
    title: draft && variant.config.titleIsSubject ? `${draft.subject} ${title}` : title,
    ...(draft ? { draft: draft.banner } : {}),
    markdown,
    tokens,
    headings: collectHeadings(tokens),
    labels,
    layouts: {
      html: (name) => engine.get(`layouts/${name}.html.hbs`, 'html'),
      css: (name) => engine.store.read(`layouts/${name}.css`)?.text ?? '',
    },
    ...(options.wrap ? { wrap: options.wrap } : {}),
    ...(options.earlier?.length ? { earlier: options.earlier } : {}),
    produced: new Map(),
  };
}

/**
 * A variant built from the incident's facts (feeds, status.json) has no template of its own: its
 * document's Markdown is the current state in the template's words, `partials/status-line.md.hbs`
 * ("**Aktuelle Lage:** …", empty when the templates have no such partial), and its title the
 * feed's ("regio iT: Neuigkeiten zur IT-Störung", marked when it is a draft).
 */
export function buildFactsDocument(
  incident: Incident,
  variant: { name: string; config: Variant },
  lang: string,
  engine: TemplateEngine,
): RenderedDocument {
  const view = buildViewModel(incident, lang, undefined, variant.config);
  const hasStatusLine = engine.store.partials(lang).includes('status-line');
  const markdown = hasStatusLine
    ? normalizeMarkdown(engine.get(`${lang}/partials/status-line.md.hbs`, 'markdown')(view))
    : '';
  const tokens = lexMarkdown(markdown);
  const labels = engine.store.labels(lang);
  const draft = isDraft(incident) ? draftMarker(labels) : undefined;
  const title = `${incident.organization.name}: ${labels.feedTitle ?? 'Updates on the IT disruption'}`;
  return {
    incident,
    variant: variant.name,
    config: variant.config,
    lang,
    view,
    title: draft ? `${draft.subject} ${title}` : title,
    ...(draft ? { draft: draft.banner } : {}),
    markdown,
    tokens,
    headings: [],
    labels,
    layouts: { html: () => () => '', css: () => '' },
    produced: new Map(),
  };
}
