import type { Token, Tokens } from 'marked';
import { escapeUTF8 } from 'entities';
import { inlineText, renderHtmlBody, type Heading } from './markdown.js';

/** The body of a web page, split where the layout puts the table of contents. */
export interface PageBody {
  /** The title, the "Stand" line, the status line and the introduction: before the first h2. */
  lead: string;
  /** The sections (questions), from the first h2 on. */
  sections: string;
  /** The template already shows the "Stand"; the layout need not repeat it. */
  hasUpdated: boolean;
  /** Plain text of the status line (or of the first paragraph): the announcement's text. */
  summary?: string;
}

interface PageContext {
  updatedLabel: string;
  updated: { text: string; iso: string };
}

/**
 * A wide table scrolls inside its own box on a phone (the page never does); keyboard users need
 * to reach it to scroll it.
 */
const focusableTables = (html: string): string => html.replace(/<table>/g, '<table tabindex="0">');

const isH2 = (t: Token): boolean => t.type === 'heading' && (t as Tokens.Heading).depth >= 2;

/** "Stand: 26. November 2026, 15:00 Uhr": the label and the date, nothing else. */
function isUpdatedLine(p: Tokens.Paragraph, ctx: PageContext): boolean {
  const text = inlineText(p.tokens).trim();
  return text.startsWith(`${ctx.updatedLabel}:`) && text.endsWith(ctx.updated.text);
}

/** "**Aktuelle Lage:** …": a paragraph that opens with a bold label ending in a colon. */
function isStatusLine(p: Tokens.Paragraph): boolean {
  const first = p.tokens[0];
  return (
    first?.type === 'strong' &&
    inlineText((first as Tokens.Strong).tokens)
      .trim()
      .endsWith(':')
  );
}

/**
 * Renders the page body from the template's Markdown. The wording stays in the template; the page
 * only marks up what is there: the "Stand" paragraph gets a `<time datetime>`, and a bold-labelled
 * paragraph right after the title and "Stand" becomes the highlighted status line.
 */
export function renderPageBody(
  tokens: readonly Token[],
  headings: readonly Heading[],
  ctx: PageContext,
): PageBody {
  const split = tokens.findIndex(isH2);
  const leadTokens = split === -1 ? [...tokens] : tokens.slice(0, split);
  const rest = split === -1 ? [] : tokens.slice(split);
  let headingIndex = 0;
  let hasUpdated = false;
  let summary: string | undefined;
  let statusTaken = false;
  const parts: string[] = [];
  for (const token of leadTokens) {
    if (token.type === 'heading') {
      parts.push(renderHtmlBody([token], headings.slice(headingIndex, ++headingIndex)));
      continue;
    }
    if (token.type !== 'paragraph') {
      if (token.type !== 'space') statusTaken = true;
      parts.push(renderHtmlBody([token], []));
      continue;
    }
    const p = token as Tokens.Paragraph;
    let html = renderHtmlBody([p], []);
    if (!hasUpdated && isUpdatedLine(p, ctx)) {
      hasUpdated = true;
      const date = escapeUTF8(ctx.updated.text);
      const at = html.lastIndexOf(date);
      if (html.startsWith('<p>') && at > 0)
        html = `<p class="updated">${html.slice(3, at)}<time datetime="${escapeUTF8(ctx.updated.iso)}">${date}</time>${html.slice(at + date.length)}`;
    } else if (!statusTaken && isStatusLine(p)) {
      statusTaken = true;
      summary = inlineText(p.tokens).trim();
      if (html.startsWith('<p>')) html = `<p class="status">${html.slice(3)}`;
    } else if (isStatusLine(p)) {
      // A later bold-labelled paragraph of the lead ("**Wichtig:** …") is a notice in the same box.
      if (html.startsWith('<p>')) html = `<p class="status notice">${html.slice(3)}`;
    } else {
      statusTaken = true;
      summary ??= inlineText(p.tokens).trim();
    }
    parts.push(html);
  }
  return {
    lead: focusableTables(parts.join('')),
    sections: rest.length
      ? focusableTables(renderHtmlBody([...rest], headings.slice(headingIndex)))
      : '',
    hasUpdated,
    ...(summary ? { summary } : {}),
  };
}

/**
 * The page's footer from the end of the template: the paragraphs after the last thematic break
 * (`---`), when the first of them opens with a bold label ("**Hotline:** …"). The web page shows
 * them in its footer; md and txt keep the rule and the lines where they are.
 */
export function splitFooter(tokens: readonly Token[]): { body: Token[]; footer: Token[] } {
  const at = tokens.findLastIndex((t) => t.type === 'hr');
  const tail = at === -1 ? [] : tokens.slice(at + 1).filter((t) => t.type !== 'space');
  const isFooter =
    tail.length > 0 &&
    tail.every((t) => t.type === 'paragraph') &&
    isStatusLine(tail[0] as Tokens.Paragraph);
  return isFooter ? { body: tokens.slice(0, at), footer: tail } : { body: [...tokens], footer: [] };
}
