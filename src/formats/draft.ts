import { escapeUTF8 } from 'entities';
import { escapeMarkdown } from '../view/escape.js';
import type { RenderedDocument } from './types.js';

// The marks of a draft (RenderedDocument.draft), in one place for every format and for the mail
// merge, which assembles its e-mails from parts.

/** Markdown: the first line says it is a draft. */
export function markMarkdown(doc: RenderedDocument, markdown: string): string {
  return doc.draft ? `**${escapeMarkdown(doc.draft)}**\n\n${markdown}` : markdown;
}

/** Plain text: the first line says it is a draft. */
export function markText(doc: RenderedDocument, text: string): string {
  return doc.draft ? `${doc.draft}\n\n${text}` : text;
}

/**
 * The banner's style, inline: it works in any layout, in the e-mail and in print (black on light
 * yellow in a dashed red frame, also on a dark page), and published pages keep their style sheet.
 */
const DRAFT_STYLE =
  'margin:0 0 1em;padding:0.75em 1em;border:3px dashed #b00020;background:#fff3cd;color:#000;font-size:1.125em;text-align:center';

/**
 * The banner's start tag, the same in every language: the build records what juice makes of it
 * (src/formats/known-styles.ts), so that a draft's e-mail is inlined without juice too.
 */
export const DRAFT_BANNER_TAG = `<p class="draft" role="note" style="${DRAFT_STYLE}">`;

/**
 * HTML: a banner first in the body, put here rather than in each layout so that no layout (an
 * overlay's included) can leave it out. Its text, not a colour, says what it is.
 */
export function markPage(doc: RenderedDocument, page: string): string {
  if (!doc.draft) return page;
  const banner = `${DRAFT_BANNER_TAG}<strong>${escapeUTF8(doc.draft)}</strong></p>`;
  const body = /<body\b[^>]*>/i.exec(page);
  if (body) {
    const end = body.index + body[0].length;
    return `${page.slice(0, end)}\n${banner}${page.slice(end)}`;
  }
  const doctype = /^\s*<!doctype[^>]*>/i.exec(page);
  const at = doctype ? doctype[0].length : 0;
  return `${page.slice(0, at)}\n${banner}\n${page.slice(at)}`;
}
