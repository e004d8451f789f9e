import { Lexer, Marked, type Token, type Tokens } from 'marked';
import { decodeHTMLStrict, escapeUTF8 } from 'entities';
import { isSafeUrl } from '../incident/markdown-safety.js';
import { slugify } from '../incident/slug.js';
import {
  captionTables,
  renderTableHtml,
  renderTableText,
  type BlockCell,
  type CaptionedTable,
} from './table.js';
import { linkTarget } from './link-text.js';

/** Parses the Markdown a template produced; every format reads these tokens. */
export function lexMarkdown(markdown: string): Token[] {
  return new Lexer({ gfm: true }).lex(markdown);
}

const escapeHtml = (text: string): string => escapeUTF8(text);

/**
 * Code as its author wrote it: neutralizeHtml turns every `<` of a Markdown field into `&lt;`,
 * also inside code, where Markdown shows entities literally. The HTML and text formats undo that
 * (and escape again for HTML); only the .md artifact keeps `&lt;`.
 */
const codeText = (text: string): string => text.replace(/&lt;/g, '<');

/** A heading of the document, with the id its HTML anchor gets. */
export interface Heading {
  depth: number;
  text: string;
  id: string;
}

/** The headings in order, with unique ids derived from their text. */
export function collectHeadings(tokens: readonly Token[]): Heading[] {
  const used = new Map<string, number>();
  return tokens
    .filter((t): t is Tokens.Heading => t.type === 'heading')
    .map((t) => {
      const text = inlineText(t.tokens);
      const base = slugify(text) || 'section';
      const n = (used.get(base) ?? 0) + 1;
      used.set(base, n);
      return { depth: t.depth, text, id: n === 1 ? base : `${base}-${n}` };
    });
}

/**
 * HTML for the body of a page or e-mail. marked does not sanitise, so this renderer does: raw
 * HTML is shown as text, links must have a safe target, images become their alt text (pages are
 * self-contained), and headings get the ids of `collectHeadings`.
 */
export function renderHtmlBody(
  tokens: Token[],
  headings: readonly Heading[] = collectHeadings(tokens),
): string {
  let headingIndex = 0;
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      html: ({ text }) => escapeHtml(text),
      image: ({ text }) => escapeHtml(text),
      codespan: ({ text }) => `<code>${escapeHtml(codeText(text))}</code>`,
      code: ({ text }) => `<pre><code>${escapeHtml(codeText(text))}</code></pre>\n`,
      link({ href, title, tokens: inner }) {
        const label = this.parser.parseInline(inner);
        if (!isSafeUrl(href)) return label;
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
        return `<a href="${escapeHtml(href)}"${titleAttr}>${label}</a>`;
      },
      table(token) {
        const cell = (c: BlockCell): string =>
          c.blocks ? this.parser.parse(c.tokens).trimEnd() : this.parser.parseInline(c.tokens);
        return renderTableHtml(token as CaptionedTable, cell, escapeHtml);
      },
      heading({ tokens: inner, depth }) {
        const id = headings[headingIndex++]?.id;
        return `<h${depth}${id ? ` id="${id}"` : ''}>${this.parser.parseInline(inner)}</h${depth}>\n`;
      },
    },
  });
  return marked.parser(captionTables(tokens, (inner) => inlineText(inner)));
}

/** The plain text of inline tokens: no markup, no entities. */
export function inlineText(
  tokens: readonly Token[] | undefined,
  options: { links?: boolean } = {},
): string {
  let out = '';
  for (const token of tokens ?? []) {
    const t = token as Tokens.Generic;
    switch (token.type) {
      case 'escape':
        out += t.text;
        break;
      case 'codespan':
        out += codeText(String(t.text));
        break;
      case 'br':
        out += '\n';
        break;
      case 'image':
        out += decodeHTMLStrict(t.text);
        break;
      case 'link': {
        const label = inlineText(t.tokens, options);
        const href = (token as Tokens.Link).href;
        const target = options.links && isSafeUrl(href) ? linkTarget(label, href) : undefined;
        out += target === undefined ? label : `${label} (${target})`;
        break;
      }
      default:
        // A line break inside a paragraph's text is a soft break: a space, not a new line.
        out += Array.isArray(t.tokens)
          ? inlineText(t.tokens, options)
          : decodeHTMLStrict(String(t.text ?? t.raw ?? '')).replace(/[ \t]*\n[ \t]*/g, ' ');
    }
  }
  return out;
}

/** The widest a table's aligned columns may be in text without --wrap; wider tables become lists. */
const TABLE_WIDTH = 80;

/** Plain text for pasting into a mail: paragraphs separated by blank lines, no markup. */
export function renderText(tokens: readonly Token[], wrap?: number): string {
  return `${joinTextBlocks(tokens, wrap).trim()}\n`;
}

/** The blocks' plain text, separated by one blank line: renderText before the ends are trimmed. */
export function joinTextBlocks(tokens: readonly Token[], wrap?: number): string {
  const blocks = tokens.flatMap((t) => blockText(t, '', wrap));
  return blocks.join('\n\n').replace(/\n{3,}/g, '\n\n');
}

function blockText(token: Token, indent: string, wrap: number | undefined): string[] {
  const t = token as Tokens.Generic;
  const fill = (text: string, first = indent, rest = indent): string =>
    wrapText(text, wrap, first, rest);
  switch (token.type) {
    case 'space':
      return [];
    case 'heading':
    case 'paragraph':
      return [fill(inlineText(t.tokens, { links: true }))];
    case 'text':
      return [
        fill(
          Array.isArray(t.tokens)
            ? inlineText(t.tokens, { links: true })
            : decodeHTMLStrict(String(t.text)),
        ),
      ];
    case 'list': {
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      return [
        list.items
          .map((item, i) => {
            const marker = list.ordered ? `${start + i}. ` : '- ';
            const inner = item.tokens
              .flatMap((c) => blockText(c, `${indent}${' '.repeat(marker.length)}`, wrap))
              .join('\n');
            return `${indent}${marker}${inner.slice(indent.length + marker.length)}`;
          })
          .join('\n'),
      ];
    }
    case 'blockquote':
      return [
        (t.tokens as Token[])
          .flatMap((c) => blockText(c, indent, wrap))
          .join('\n\n')
          .replace(/^/gm, '> '),
      ];
    case 'code':
      return [codeText(String(t.text)).replace(/^/gm, indent)];
    case 'hr':
      return [`${indent}----`];
    case 'table': {
      const cell = (c: Tokens.TableCell): string => inlineText(c.tokens, { links: true });
      return [renderTableText(token as Tokens.Table, cell, indent, wrap ?? TABLE_WIDTH, fill)];
    }
    case 'html':
      return [fill(String(t.text).trim())];
    default:
      return Array.isArray(t.tokens) ? [fill(inlineText(t.tokens, { links: true }))] : [];
  }
}

/** Joins soft line breaks, and wraps at `width` columns when asked (never inside a word). */
export function wrapText(
  text: string,
  width: number | undefined,
  first = '',
  rest = first,
): string {
  const lines = text.split('\n');
  return lines
    .map((line, i) => {
      const lead = i === 0 ? first : rest;
      if (!width) return lead + line;
      const words = line.split(/ +/).filter(Boolean);
      const out: string[] = [];
      let current = lead;
      for (const word of words) {
        if (current.trim() && current.length + 1 + word.length > width) {
          out.push(current);
          current = rest + word;
        } else current = current.trim() ? `${current} ${word}` : lead + word;
      }
      out.push(current);
      return out.join('\n');
    })
    .join('\n');
}
