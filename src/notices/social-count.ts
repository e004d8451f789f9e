// Post lengths as the three networks count them:
// - X: twitter-text's configuration v3 (maxWeightedTweetLength 280, scale 100, defaultWeight 200,
//   transformedURLLength 23, emojiParsingEnabled): the text NFC-normalised; a URL counts 23; an
//   emoji (a whole sequence) counts 2; a code point in U+0000–U+10FF, U+2000–U+200D,
//   U+2010–U+201F or U+2032–U+2037 counts 1; every other code point counts 2.
// - Bluesky: 300 graphemes (Intl.Segmenter), URLs as written.
// - Mastodon: 500 graphemes, each http(s) URL counting 23.

const X_RANGES: readonly [number, number][] = [
  [0, 4351],
  [8192, 8205],
  [8208, 8223],
  [8242, 8247],
];
const URL_LENGTH = 23;

/** Characters a URL does not end with (twitter-text's path ending rule, simplified). */
const URL_TRAILING = /[.,;:!?'")\]}>*]+$/;

/** Top-level domains that make a name without "http" a URL on X: every two-letter (country) one, and these. */
const GENERIC_TLDS =
  'com|org|net|info|biz|edu|gov|int|mil|eu|app|dev|io|online|site|nrw|ruhr|koeln|cologne|berlin|hamburg|bayern|saarland|bund|gmbh|shop|news|social|cloud|digital|city|museum';

const SCHEME_URL = /https?:\/\/[^\s<>"]+/giu;
const BARE_URL = new RegExp(
  `(?<![\\p{L}\\p{N}@._/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+(?:[a-z]{2}|${GENERIC_TLDS})(?![\\p{L}\\p{N}_-])(?:[/?#][^\\s<>"]*)?`,
  'giu',
);

/** [start, end) of each URL in `text` (UTF-16 offsets), in order, without trailing punctuation. */
export function findUrls(text: string, withoutScheme: boolean): [number, number][] {
  const found: [number, number][] = [];
  const add = (start: number, raw: string): void => {
    const trimmed = raw.replace(URL_TRAILING, '');
    const end = start + trimmed.length;
    if (!found.some(([s, e]) => start < e && end > s)) found.push([start, end]);
  };
  for (const m of text.matchAll(SCHEME_URL)) add(m.index, m[0]);
  if (withoutScheme) for (const m of text.matchAll(BARE_URL)) add(m.index, m[0]);
  return found.sort((a, b) => a[0] - b[0]);
}

// Both built only when a text needs them: creating the segmenter loads ICU's break rules, and
// the emoji expression (a class of thousands of sequences) is compiled when it is created; the two
// were a third of the start-up of a cold render that counts a few plain German sentences.
let graphemes: Intl.Segmenter | undefined;
let emoji: RegExp | undefined;

/**
 * Text whose every character is a grapheme of its own next to any other of these: printable ASCII,
 * line feed and tab, Latin-1, typographic dashes, quotes, bullet and ellipsis, and the euro sign
 * (grapheme break classes Other and Control, none of them CR, Prepend, Extend, ZWJ, a spacing
 * mark, Hangul or a regional indicator, so Unicode's rules break between any two of them).
 * test/notices/counting.test.js checks every one against Intl.Segmenter.
 */
export const SINGLE_GRAPHEMES =
  /^[\t\n\x20-\x7E\xA0-\xFF\u2013\u2014\u2018-\u201E\u2022\u2026\u20AC]*$/;

/** A whole emoji sequence (skin tone, ZWJ family, flag, keycap) is one emoji. */
export const EMOJI_SOURCE = '^\\p{RGI_Emoji}$';

/**
 * Every emoji sequence has a character outside ASCII with the Emoji property, or a keycap or
 * emoji variation selector (checked for every code point against the full expression by
 * test/notices/counting.test.js): without one, a text has no emoji to look for.
 */
export const MAY_BE_EMOJI = /[^\P{Emoji}\x00-\x7F]|\u20E3|\uFE0F/u;

function isEmoji(segment: string): boolean {
  if (!MAY_BE_EMOJI.test(segment)) return false;
  emoji ??= new RegExp(EMOJI_SOURCE, 'v');
  return emoji.test(segment);
}

/** The grapheme clusters of `text` with their UTF-16 offsets. */
function segmentsOf(text: string): Iterable<{ segment: string; index: number }> {
  if (SINGLE_GRAPHEMES.test(text)) return [...text].map((segment, index) => ({ segment, index }));
  graphemes ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  return graphemes.segment(text);
}

/** The number of grapheme clusters (what a reader sees as one character). */
export function countGraphemes(text: string): number {
  return SINGLE_GRAPHEMES.test(text) ? text.length : [...segmentsOf(text)].length;
}

/** X's weighted length (twitter-text v3, see above). */
export function countX(text: string): number {
  const normalized = text.normalize('NFC');
  const urls = findUrls(normalized, true);
  let weight = 0;
  let url = 0;
  for (const { segment, index } of segmentsOf(normalized)) {
    while (url < urls.length && urls[url]![1] <= index) url += 1;
    const inUrl = url < urls.length && urls[url]![0] <= index;
    if (inUrl) {
      if (urls[url]![0] === index) weight += URL_LENGTH * 100;
      continue;
    }
    if (isEmoji(segment)) {
      weight += 200;
      continue;
    }
    for (const ch of segment) weight += weightOf(ch.codePointAt(0)!);
  }
  return weight / 100;
}

function weightOf(codePoint: number): number {
  return X_RANGES.some(([start, end]) => codePoint >= start && codePoint <= end) ? 100 : 200;
}

/** Mastodon's length: graphemes, each http(s) URL counting 23. */
export function countMastodon(text: string): number {
  let rest = '';
  let from = 0;
  let urls = 0;
  for (const [start, end] of findUrls(text, false)) {
    rest += text.slice(from, start);
    from = end;
    urls += 1;
  }
  rest += text.slice(from);
  return countGraphemes(rest) + urls * URL_LENGTH;
}

/** Bluesky's length: graphemes, URLs as written. */
export function countBluesky(text: string): number {
  return countGraphemes(text);
}
