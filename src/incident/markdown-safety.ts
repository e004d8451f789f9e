import type { Token, Tokens } from 'marked';
import { decodeHTML } from 'entities';
import { lexText } from './markdown-tokens.js';

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel']);

/**
 * Whether a link target may be published: http(s), mailto, tel or relative. Entities are decoded
 * and control characters and white space removed first, as browsers do, so `javas&#99;ript:` and
 * `java\tscript:` are recognised for what they are.
 */
export function isSafeUrl(href: string): boolean {
  const cleaned = decodeHTML(safeDecodeUri(href)).replace(
    /[\u0000-\u0020\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2064\ufeff]/g,
    '',
  );
  const scheme = /^([^/?#]*?):/.exec(cleaned);
  if (!scheme) return true;
  return SAFE_SCHEMES.has(scheme[1]!.toLowerCase());
}

/**
 * Whether a link names a user before its host (`https://evil.example@good.example/`): readers
 * take the user name for the address. Relative links are read against an http base, so
 * `//evil.example@good.example` counts too.
 */
export function hasUserInfo(href: string): boolean {
  try {
    const url = new URL(href.trim(), 'https://base.invalid/');
    return url.username !== '' || url.password !== '';
  } catch {
    return false;
  }
}

function safeDecodeUri(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    const t = token as Tokens.Generic;
    if (Array.isArray(t.tokens)) yield* walk(t.tokens);
    if (token.type === 'list')
      for (const item of (token as Tokens.List).items) yield* walk(item.tokens);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of [...table.header, ...table.rows.flat()]) yield* walk(cell.tokens);
    }
  }
}

/** A link target that may not be published, and where it stands in the Markdown. */
export interface UnsafeLink {
  href: string;
  offset: number;
  /** `scheme`: not http(s), mailto, tel or relative; `user`: names a user before the host. */
  reason: 'scheme' | 'user';
}

/**
 * Where a Markdown parser could read a link target: after `](` or `](<` (inline links and
 * images), after `]:` (reference definitions, also on the next line) and inside `<…>`
 * (autolinks). Deliberately wider than any one parser, so that a CMS whose parser differs from
 * marked cannot find a link that the check missed.
 */
const DESTINATION =
  /\](?:\(|:)\s*<([^<>\n]*)>|\](?:\(|:)\s*<?([^\s)]+)|<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*)>/g;

/** The unsafe link and image targets in a piece of Markdown from the incident file. */
export function findUnsafeLinks(markdown: string): UnsafeLink[] {
  // By position: the pattern stops a target at `)`, the lexer does not; keep the longer one.
  const found = new Map<number, UnsafeLink>();
  const add = (href: string, offset: number): void => {
    const reason = !isSafeUrl(href) ? 'scheme' : hasUserInfo(href) ? 'user' : undefined;
    if (!reason || (found.get(offset)?.href.length ?? -1) >= href.length) return;
    found.set(offset, { href, offset, reason });
  };
  for (const m of markdown.matchAll(DESTINATION)) {
    const href = (m[1] ?? m[2] ?? m[3])!;
    if (href !== '') add(href, m.index + m[0].indexOf(href));
  }
  for (const token of walk(lexText(markdown))) {
    if (token.type === 'link' || token.type === 'image') {
      const href = (token as Tokens.Link).href;
      add(href, Math.max(markdown.indexOf(href), 0));
    }
  }
  return [...found.values()].sort((a, b) => a.offset - b.offset);
}
