// Sentences of a German text, for the rules of Leichte Sprache (leicht-rules.ts): where each one
// starts and ends in the text as written, so a finding can be shown at its line and column.

/** One sentence: its text and where it stands in the text it was taken from. */
export interface Sentence {
  text: string;
  start: number;
  end: number;
}

const MONTHS = 'Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember';

/** Abbreviations whose period ends no sentence: the rules name them, whole. */
const DOTTED =
  /(?:^|[^\p{L}])(?:[zudoZUDO]|[zudoZUDO]\.\s?[bBaAäÄhHUu]|evtl|bzw|usw|ca|ggf|inkl|zzgl|bspw|vgl|sog|etc|Nr|Tel|Str|Abs|Std|Min|Mo|Di|Mi|Do|Fr|Sa|So)$/u;

/**
 * Markdown with its markup replaced by spaces, so that offsets stay those of the text as written:
 * emphasis, code marks, link targets and HTML tags vanish; a list item, a heading, a quote and a
 * hard line break start a new paragraph (a line break is put where the marker was).
 */
export function blankMarkdown(markdown: string): string {
  const spaces = (s: string) => s.replace(/[^\n]/g, ' ');
  return markdown
    .replace(/\]\([^)\n]*\)/g, spaces)
    .replace(/<[^>\n]*>/g, spaces)
    .replace(/[*_`[\]]/g, ' ')
    .replace(/\\(?=\n)/g, '\n')
    .replace(/\\(?=[^\n])/g, ' ')
    .replace(/^([ \t]*)(?:[-+>]|#{1,6}|\d+[.)])(?=[ \t])/gm, (_m, indent: string) => `${indent}\n`)
    .replace(/^[ \t]*(?:---+|\*\*\*+|___+)[ \t]*$/gm, spaces);
}

/**
 * Whether the period at `at` ends the sentence: not after an abbreviation ("z. B.", "evtl."),
 * and not after a day's number before its month ("26. November").
 */
function endsSentence(text: string, at: number): boolean {
  if (text[at] !== '.') return true;
  const before = text.slice(Math.max(0, at - 8), at);
  if (DOTTED.test(before)) return false;
  if (/(?:^|[^\p{N}])\p{N}{1,2}$/u.test(before))
    return !new RegExp(`^\\.\\s+(?:${MONTHS})(?![\\p{L}])`, 'u').test(text.slice(at, at + 14));
  return true;
}

/**
 * The sentences of a text: a paragraph (lines up to a blank line) is split after ".", "!", "?"
 * and ":" before the paragraph's end, each followed by a space; a line break inside a paragraph is
 * a space. `perLine`: every line is a paragraph of its own (plain text, one sentence per line).
 */
export function splitSentences(text: string, options: { perLine?: boolean } = {}): Sentence[] {
  const sentences: Sentence[] = [];
  const paragraph = options.perLine ? /[^\n]+/g : /\S(?:[^\n]|\n(?![ \t]*\n))*/g;
  for (const block of text.matchAll(paragraph)) {
    const base = block.index;
    let start = 0;
    const body = block[0];
    for (const end of body.matchAll(/[.!?:]+(?=\s|$)|$/g)) {
      const stop = end.index + end[0].length;
      const isEnd = end[0] === '' || endsSentence(body, end.index);
      if (!isEnd || (end[0].endsWith(':') && stop < body.length)) continue;
      pushSentence(sentences, body, base, start, stop);
      start = stop;
      if (end[0] === '') break;
    }
  }
  return sentences;
}

function pushSentence(list: Sentence[], body: string, base: number, from: number, to: number) {
  const raw = body.slice(from, to);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!/[\p{L}\p{N}]/u.test(text)) return;
  list.push({ text, start: base + from + lead, end: base + from + lead + text.length });
}

/**
 * The words of a sentence: runs of letters or digits; a number written in groups ("+49 241
 * 41359-0", "15:00") is one word.
 */
export function countWords(sentence: string): number {
  let count = 0;
  let inNumber = false;
  for (const token of sentence.split(/\s+/)) {
    if (!/[\p{L}\p{N}]/u.test(token)) continue;
    const isNumber = !/\p{L}/u.test(token);
    if (!(isNumber && inNumber)) count += 1;
    inNumber = isNumber;
  }
  return count;
}
