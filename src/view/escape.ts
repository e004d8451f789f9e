import type { Tokens } from 'marked';
import { lexText } from '../incident/markdown-tokens.js';

/**
 * Escapes plain text for use inside Markdown, so that it reads back as the same text under any
 * CommonMark parser, GFM included: inline syntax is always escaped, block syntax where the text
 * starts, and what GFM would turn into a link by itself (`https://…`, `www.…`, `name@host`) is
 * broken up with escapes, because a bare URL swallows the backslashes that follow it.
 */
export function escapeMarkdown(text: string): string {
  const inline = text
    .replace(/[\\`*_[\]<>&|~#@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/(www)\./gi, '$1\\.');
  // A value may open a line: "1. Mai", "- x", "+ y", "= z", "> q" would start blocks there.
  return inline.replace(/^(\d+)([.)])/, '$1\\$2').replace(/^([-+=>])/, '\\$1');
}

/** Autolinks that stay links: http(s), mailto, tel and plain e-mail addresses. */
const AUTOLINK =
  /^<(?:https?:\/\/|mailto:|tel:)[^\s<>]*>|^<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*>/;

/**
 * Makes Markdown from the incident file safe to publish: raw HTML is turned into text (shown as
 * written, never interpreted), so the Markdown artifact cannot carry tags into a CMS either.
 * Safe autolinks (`<https://…>`, `<mailto:…>`) stay links; link targets were checked on
 * validation.
 *
 * Every other `<` becomes `&lt;`, which every CommonMark parser reads as the text `<` and none
 * as the start of a tag — unlike `\<`, whose backslash a GFM bare URL in front of it swallows
 * (`https://x.example\<img onerror=…>`). That holds inside code spans too, where it shows as
 * `&lt;`: telling code spans apart exactly would take a whole CommonMark parser (a span can
 * open on an earlier line, GFM tables split cells before code spans are found), and a wrong
 * guess would let a tag through.
 */
export function neutralizeHtml(markdown: string): string {
  let out = '';
  for (let i = 0; i < markdown.length; i++) {
    const c = markdown[i]!;
    const next = markdown[i + 1];
    if (c === '\\' && next === '<') {
      out += '&lt;';
      i++;
    } else if (c === '\\' && next !== undefined) {
      out += c + next;
      i++;
    } else if (c === '<') {
      const auto = AUTOLINK.exec(markdown.slice(i, i + 2048));
      if (auto) {
        out += auto[0];
        i += auto[0].length - 1;
      } else out += '&lt;';
    } else out += c;
  }
  return out;
}

/**
 * Headings in a Markdown field (`## …` in an answer) would become questions of their own: an
 * entry in the page's contents, a Question in the JSON-LD, a heading out of order. They are
 * kept as bold paragraphs instead.
 */
export function demoteHeadings(markdown: string): string {
  const tokens = lexText(markdown);
  if (!tokens.some((t) => t.type === 'heading')) return markdown;
  return tokens
    .map((t) => {
      if (t.type !== 'heading') return t.raw;
      const ending = /\n*$/.exec(t.raw)?.[0] ?? '';
      return `**${(t as Tokens.Heading).text.trim()}**${ending || '\n'}${ending.length < 2 ? '\n' : ''}`;
    })
    .join('');
}

/** A code fence opened at the start of a line of a Markdown field (inside no list or quote). */
const TOP_FENCE = /^ {0,3}(`{3,}|~{3,})/m;

/**
 * A Markdown field is rendered as it reads on its own: a code fence it opens and never closes ends
 * where the field ends. Left open, it would turn the rest of the template into code (the next
 * section and its date; an e-mail's signature). Fences inside a list or quote end with it anyway.
 */
export function closeOpenFence(markdown: string): string {
  if (!TOP_FENCE.test(markdown)) return markdown;
  const last = lexText(markdown)
    .filter((t) => t.type !== 'space')
    .at(-1);
  const fence = last?.type === 'code' ? TOP_FENCE.exec(last.raw)?.[1] : undefined;
  if (!last || !fence) return markdown;
  const lines = last.raw.replace(/\n+$/, '').split('\n');
  const closing = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
  if (lines.length > 1 && closing.test(lines.at(-1)!)) return markdown;
  return `${markdown.replace(/\n*$/, '\n')}${fence}\n`;
}
