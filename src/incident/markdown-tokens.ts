import { Lexer, type Token } from 'marked';

/**
 * marked's tokens of one Markdown text of the incident file, lexed once for every stage that
 * reads them: the safety check of validation (`markdown-safety.ts`) and the view's escaping
 * (`view/escape.ts`, which lexes the same text again unless it had raw HTML to neutralise). Lexing
 * is a pure function of the text, so the tokens are the same whichever stage lexed first; no
 * reader may change them. The cache is keyed by the text and emptied when full: a batch keeps the
 * last incidents' texts, a mail merge's thousands of answers never more than MAX_TEXTS.
 */
const cache = new Map<string, readonly Token[]>();
const MAX_TEXTS = 512;

/** The tokens of a Markdown text (GFM), from the cache when it was lexed already. */
export function lexText(markdown: string): readonly Token[] {
  let tokens = cache.get(markdown);
  if (!tokens) {
    tokens = new Lexer({ gfm: true }).lex(markdown);
    if (cache.size >= MAX_TEXTS) cache.clear();
    cache.set(markdown, tokens);
  }
  return tokens;
}
