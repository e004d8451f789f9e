// Readers for the injection tests: what an HTML file or a Markdown text would *do* once parsed —
// its tags, attributes and links, and its text — independent of how faq produced it.
import { Parser as CommonMark } from 'commonmark';
import { decodeHTML } from 'entities';
import { Lexer } from 'marked';

const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/i;
const UNSAFE_TAGS = /^(?:script|iframe|object|embed|frame|frameset|applet|base|form|svg|math)$/i;

/** A URL as a browser reads it: entities decoded, control characters and white space removed. */
export function browserUrl(value) {
  return decodeHTML(value).replace(/[\u0000-\u0020\u007f]/g, '');
}

/**
 * The tags of an HTML document that faq wrote. Its text never holds a raw `<` (every one is
 * escaped), so every `<` followed by a letter starts a real tag; JSON-LD escapes `<` as \u003c.
 */
export function htmlTags(html) {
  const tags = [];
  const tag =
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?)*)\s*\/?>/g;
  const attr = /([^\s=>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?/g;
  for (const m of html.matchAll(tag)) {
    const attrs = {};
    for (const a of (m[2] ?? '').matchAll(attr))
      attrs[a[1].toLowerCase()] = a[2] ?? a[3] ?? a[4] ?? '';
    tags.push({ name: m[1].toLowerCase(), attrs });
  }
  return tags;
}

/** What in an HTML document could run code or load something: one line per finding. */
export function htmlDangers(html) {
  const found = [];
  for (const { name, attrs } of htmlTags(html)) {
    if (name === 'script' && attrs.type !== 'application/ld+json') found.push(`<script>`);
    else if (name !== 'script' && UNSAFE_TAGS.test(name)) found.push(`<${name}>`);
    if (name === 'meta' && 'http-equiv' in attrs) found.push(`<meta http-equiv>`);
    for (const [key, value] of Object.entries(attrs)) {
      if (/^on/i.test(key)) found.push(`<${name} ${key}>`);
      if (/^(?:href|src|action|formaction|xlink:href|srcset|poster|background|data)$/.test(key)) {
        if (DANGEROUS_SCHEME.test(browserUrl(value))) found.push(`<${name} ${key}="${value}">`);
      }
    }
  }
  return found;
}

/** The visible text of an HTML fragment or of a document's body: tags removed, entities decoded. */
export function htmlBodyText(html) {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return decodeHTML(
    body
      .replace(/<script[\s\S]*?<\/script>/gi, ' ')
      .replace(/<style[\s\S]*?<\/style>/gi, ' ')
      .replace(/<[^>]+>/g, ''),
  );
}

/** The text of the first element matching `open` (e.g. `<title>`, `<p class="org">`). */
export function elementText(html, open) {
  const start = html.indexOf(open);
  if (start < 0) return undefined;
  const name = /^<([a-z0-9]+)/i.exec(open)[1];
  const end = html.indexOf(`</${name}>`, start);
  return decodeHTML(html.slice(start + open.length, end).replace(/<[^>]+>/g, ''));
}

/** Parses Markdown with the CommonMark reference parser (commonmark.js). */
export function parseCommonMark(markdown) {
  return new CommonMark().parse(markdown);
}

/** Raw HTML and link targets CommonMark finds in a Markdown text. */
export function markdownDangers(markdown) {
  const found = [];
  const walker = parseCommonMark(markdown).walker();
  for (let e = walker.next(); e; e = walker.next()) {
    if (!e.entering) continue;
    const node = e.node;
    if (node.type === 'html_inline' || node.type === 'html_block')
      found.push(`commonmark ${node.type}: ${node.literal}`);
    if (
      (node.type === 'link' || node.type === 'image') &&
      DANGEROUS_SCHEME.test(browserUrl(node.destination))
    )
      found.push(`commonmark ${node.type} to ${node.destination}`);
  }
  // GFM as marked reads it, too: bare URLs, tables.
  const visit = (tokens) => {
    for (const t of tokens ?? []) {
      if (t.type === 'html') found.push(`marked html: ${t.raw}`);
      if ((t.type === 'link' || t.type === 'image') && DANGEROUS_SCHEME.test(browserUrl(t.href)))
        found.push(`marked ${t.type} to ${t.href}`);
      visit(t.tokens);
      for (const item of t.items ?? []) visit(item.tokens);
      if (t.type === 'table')
        for (const cell of [...t.header, ...t.rows.flat()]) visit(cell.tokens);
    }
  };
  visit(new Lexer({ gfm: true }).lex(markdown));
  return found;
}

/** The text of every block (paragraph, heading, list item paragraph) as CommonMark reads it. */
export function commonMarkTexts(markdown) {
  const blocks = [];
  let current;
  const walker = parseCommonMark(markdown).walker();
  for (let e = walker.next(); e; e = walker.next()) {
    const node = e.node;
    if (node.type === 'paragraph' || node.type === 'heading') {
      if (e.entering) current = '';
      else {
        blocks.push(current);
        current = undefined;
      }
    } else if (e.entering && current !== undefined) {
      if (node.type === 'text' || node.type === 'code') current += node.literal;
      else if (node.type === 'softbreak') current += ' ';
      else if (node.type === 'linebreak') current += '\n';
    }
  }
  return blocks;
}
