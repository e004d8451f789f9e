import { Lexer, type Token, type Tokens } from 'marked';
import { decodeHTML } from 'entities';

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

/** The unsafe link and image targets in a piece of Markdown from the incident file. */
export function findUnsafeLinks(markdown: string): string[] {
  const unsafe: string[] = [];
  for (const token of walk(new Lexer({ gfm: true }).lex(markdown))) {
    if (
      (token.type === 'link' || token.type === 'image') &&
      !isSafeUrl((token as Tokens.Link).href)
    ) {
      unsafe.push((token as Tokens.Link).href);
    }
  }
  return unsafe;
}
