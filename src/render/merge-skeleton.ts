import type { Tokens } from 'marked';
import type { Incident } from '../incident/incident.js';
import { layOutPage } from '../formats/html.js';
import { hasContextFreeStyles, inlineCss } from '../formats/inline-css.js';
import { renderText } from '../formats/markdown.js';
import type { RenderedDocument } from '../formats/types.js';
import type { Variant } from '../shared.js';
import type { ViewModel } from '../view/model.js';
import { buildDocumentFromView, normalizeMarkdown, splitSubject } from './document.js';
import type { TemplateEngine } from './engine.js';

/** A text cut where recipients differ: `parts[0] slot[0] parts[1] … parts[n]`. */
export interface Cut {
  parts: string[];
  /** The recipient's field for each place (`salutation`, `answer`, …). */
  slots: string[];
}

export function fillCut(cut: Cut, values: Readonly<Record<string, string>>): string {
  let out = cut.parts[0]!;
  for (let i = 0; i < cut.slots.length; i++) out += values[cut.slots[i]!]! + cut.parts[i + 1]!;
  return out;
}

/**
 * Cuts `text` at each field's `place` (a string that contains its token), where `isAlone` says the
 * place stands as the field must; undefined if a token is not there exactly once in that way.
 */
function cutAt(
  text: string,
  tokens: Readonly<Record<string, string>>,
  place: (token: string) => RegExp,
): Cut | undefined {
  const found: { at: number; length: number; slot: string }[] = [];
  for (const [slot, token] of Object.entries(tokens)) {
    const matches = [...text.matchAll(place(token))];
    if (matches.length !== 1 || text.split(token).length !== 2) return undefined;
    found.push({ at: matches[0]!.index, length: matches[0]![0].length, slot });
  }
  found.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let from = 0;
  for (const { at, length } of found) {
    parts.push(text.slice(from, at));
    from = at + length;
  }
  parts.push(text.slice(from));
  return { parts, slots: found.map((f) => f.slot) };
}

/** `text` cut at every occurrence of each field's token. */
function cutEverywhere(text: string, tokens: Readonly<Record<string, string>>): Cut {
  const fields = Object.keys(tokens);
  if (fields.length === 0) return { parts: [text], slots: [] };
  const pieces = text.split(new RegExp(`(${fields.map((f) => quote(tokens[f]!)).join('|')})`));
  const byToken = new Map(fields.map((f) => [tokens[f]!, f]));
  return {
    parts: pieces.filter((_, n) => n % 2 === 0),
    slots: pieces.filter((_, n) => n % 2 === 1).map((t) => byToken.get(t)!),
  };
}

const quote = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A block of its own in Markdown or text: a blank line (or the start) before, and after it. */
const ownBlock = (token: string): RegExp =>
  new RegExp(`(?<=^|\\n\\n)${quote(token)}(?=\\n\\n|\\n?$)`, 'g');
/** A paragraph of its own in the layout's HTML (before or after inlining its style). */
const ownParagraph = (token: string): RegExp =>
  new RegExp(`(?<=^|\\n)<p(?: [^<>]*)?>${quote(token)}</p>\\n`, 'g');

/**
 * One kind of recipient's e-mail (those with the same fields), rendered once with a token for each
 * field: what every recipient of the kind shares, cut where their own fields go.
 */
export interface Skeleton {
  /** The document rendered with tokens: title, layouts and sender are every recipient's. */
  doc: RenderedDocument;
  /** The token that stands for each field the Markdown shows. */
  tokens: Record<string, string>;
  /** The template's output before it is normalised, cut at every token of every field. */
  raw: Cut;
  /** How much of the full Markdown is the subject heading, which an e-mail's body leaves out. */
  subject: string;
  bodyStart: number;
  markdown: Cut;
  text: Cut;
  /** The page before and after its CSS is inlined; absent when HTML is not made. */
  html?: { page: string; inlined: Cut };
}

export interface MergeContext {
  incident: Incident;
  variant: { name: string; config: Variant };
  lang: string;
  engine: TemplateEngine;
  wrap?: number;
  /** Whether HTML is made (for .html or .eml). */
  needsHtml: boolean;
  /** From how many recipients the template is analysed rather than rendered for each (tests). */
  parseFrom?: number;
}

/**
 * The skeleton for recipients with these fields, or undefined when the template does not show
 * each field as a paragraph of its own (then each recipient's e-mail is rendered in full). A
 * paragraph of its own is text that Markdown, the text and the HTML render alone, the same way
 * wherever it stands — which is what lets a recipient's own paragraphs be put in its place.
 */
export async function buildSkeleton(
  context: MergeContext,
  view: ViewModel,
  fields: Readonly<Record<string, string>>,
): Promise<Skeleton | undefined> {
  const { incident, variant, lang, engine, wrap } = context;
  const tokenView = { ...view, recipient: fields } as ViewModel;
  const doc = buildDocumentFromView(incident, variant, lang, engine, { wrap }, tokenView);
  const rawText = engine.get(`${lang}/${variant.name}.md.hbs`, 'markdown')(tokenView);
  const full = normalizeMarkdown(rawText);
  const { bodyStart } = splitSubject(full, variant.config, incident);
  const tokens = Object.fromEntries(Object.entries(fields).filter(([, t]) => full.includes(t)));
  const subject = full.slice(0, bodyStart);
  const links = (doc.tokens as { links?: object }).links ?? {};
  if (Object.values(fields).some((t) => subject.includes(t) || doc.title.includes(t)))
    return undefined;
  if (Object.keys(links).length > 0) return undefined;
  const paragraphs = new Set(
    doc.tokens.filter((t) => t.type === 'paragraph').map((t) => (t as Tokens.Paragraph).text),
  );
  if (!Object.values(tokens).every((t) => paragraphs.has(t))) return undefined;
  const markdown = cutAt(doc.markdown, tokens, ownBlock);
  const text = cutAt(renderText(doc.tokens, wrap), tokens, ownBlock);
  if (!markdown || !text) return undefined;
  const raw = cutEverywhere(rawText, fields);
  const skeleton: Skeleton = { doc, tokens, raw, subject, bodyStart, markdown, text };
  if (!context.needsHtml) return skeleton;
  // A web page's layout reads more of the Markdown than its paragraphs (summary, questions).
  if (variant.config.layout !== 'email') return undefined;
  const page = layOutPage(doc);
  const used = Object.keys(tokens).length > 0;
  if (used && (!hasContextFreeStyles(page) || !cutAt(page, tokens, ownParagraph))) return undefined;
  const inlined = cutAt(await inlineCss(page), tokens, ownParagraph);
  return inlined ? { ...skeleton, html: { page, inlined } } : undefined;
}
