// Bounds on the Markdown of the incident file, checked by one linear scan before any Markdown
// parser sees the text: marked recurses once per level of nesting (2,000 nested quotes exhaust
// the stack) and does quadratic work on some shapes (hundreds of nested lists, many unclosed
// emphasis marks in a paragraph, block quotes continued by many lines without `>`).

/** Levels of block quotes and lists, counted together, that a Markdown field may nest. */
export const MAX_NESTING = 8;
/** Emphasis marks (runs of `*`, `_`, `~`) per paragraph; code marks (runs of `` ` ``) likewise. */
const MAX_MARKS = 100;
/** Times a block quote may continue on a line without `>` ("lazy" lines). */
const MAX_LAZY_QUOTE_LINES = 20;
/** Web addresses (`://`, `www.`) run together in one word, without a space between them. */
const MAX_ADDRESSES_PER_WORD = 5;

/** Where a Markdown field goes beyond a limit: an offset into the field's text. */
export interface MarkdownLimitProblem {
  offset: number;
  message: string;
  hint: string;
}

type Container = { kind: 'quote' } | { kind: 'item'; width: number };

interface ScanState {
  stack: Container[];
  fence?: { char: string; length: number; depth: number };
  /** The previous line was paragraph text, so a line may continue it lazily. */
  paragraph: boolean;
  wasLazy: boolean;
  lazyQuotes: number;
  emphasis: number;
  code: number;
}

const LIST_MARKER = /^(?:[-+*]|\d{1,9}[.)])(?= |$)/;
const THEMATIC_BREAK = /^(?:(?:\* *){3,}|(?:- *){3,}|(?:_ *){3,})$/;
// A backtick fence's info string has no backtick (else the line is text with code spans).
const FENCE = /^ {0,3}(`{3,}(?!.*`)|~{3,})/;

/**
 * The first place where a Markdown field nests or repeats beyond what a parser can take in
 * bounded time, or undefined. Linear in the length of the text.
 */
export function findMarkdownLimit(markdown: string): MarkdownLimitProblem | undefined {
  const state: ScanState = {
    stack: [],
    paragraph: false,
    wasLazy: false,
    lazyQuotes: 0,
    emphasis: 0,
    code: 0,
  };
  let start = 0;
  for (const raw of markdown.split('\n')) {
    const problem = scanLine(expandTabs(raw.replace(/\r$/, '')), state);
    if (problem) return { ...problem, offset: start + Math.min(problem.offset, raw.length) };
    start += raw.length + 1;
  }
  return undefined;
}

function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const c of line) out += c === '\t' ? ' '.repeat(4 - (out.length % 4)) : c;
  return out;
}

const spacesAt = (line: string, pos: number): number => {
  let n = 0;
  while (line[pos + n] === ' ') n++;
  return n;
};

/** Continues the open containers on this line; returns how many and where their content starts. */
function matchContainers(line: string, stack: Container[], blank: boolean): [number, number] {
  let pos = 0;
  let matched = 0;
  for (const c of stack) {
    const indent = spacesAt(line, pos);
    if (c.kind === 'quote') {
      // Any indentation: marked is more lenient than CommonMark here, and more is safer.
      if (line[pos + indent] !== '>') break;
      pos += indent + 1;
      if (line[pos] === ' ') pos++;
    } else if (!blank) {
      if (indent < c.width) break;
      pos += c.width;
    }
    matched++;
  }
  return [matched, pos];
}

function scanLine(line: string, s: ScanState): MarkdownLimitProblem | undefined {
  const blank = line.trim() === '';
  if (blank && !s.fence) {
    s.emphasis = 0;
    s.code = 0;
    s.lazyQuotes = 0;
  }
  const [matched, start] = matchContainers(line, s.stack, blank);
  let pos = start;
  if (s.fence) {
    if (matched >= s.fence.depth) {
      const close = new RegExp(`^ {0,3}${s.fence.char}{${s.fence.length},} *$`);
      if (close.test(line.slice(pos))) s.fence = undefined;
      return undefined;
    }
    s.fence = undefined;
  }
  const rest = line.slice(pos);
  if (!blank && matched < s.stack.length && s.paragraph && !startsContainer(rest)) {
    // A lazy line: the paragraph goes on inside every open container.
    if (s.stack.slice(matched).some((c) => c.kind === 'quote') && !s.wasLazy) {
      s.lazyQuotes++;
      if (s.lazyQuotes > MAX_LAZY_QUOTE_LINES)
        return {
          offset: 0,
          message: `a block quote goes on without ">" more than ${MAX_LAZY_QUOTE_LINES} times`,
          hint: 'start every quoted line with ">", or end the quote with a blank line',
        };
    }
    s.wasLazy = true;
    return countMarks(line, pos, s);
  }
  s.wasLazy = false;
  s.stack.length = matched;
  if (blank) {
    s.paragraph = false;
    return undefined;
  }
  for (;;) {
    const indent = spacesAt(line, pos);
    if (indent >= 4) break;
    const at = pos + indent;
    const marker = line[at] === '>' ? '>' : LIST_MARKER.exec(line.slice(at))?.[0];
    if (marker === undefined || (marker !== '>' && THEMATIC_BREAK.test(line.slice(at).trim())))
      break;
    if (marker === '>') {
      s.stack.push({ kind: 'quote' });
      pos = at + 1 + (line[at + 1] === ' ' ? 1 : 0);
    } else {
      const gap = spacesAt(line, at + marker.length);
      // Content more than four spaces after the marker is indented code, one space in.
      const used = gap > 4 ? 1 : gap;
      s.stack.push({ kind: 'item', width: indent + marker.length + Math.max(used, 1) });
      pos = at + marker.length + used;
    }
    if (s.stack.length > MAX_NESTING)
      return {
        offset: at,
        message: `Markdown nested more than ${MAX_NESTING} levels deep (block quotes and lists together)`,
        hint: `use at most ${MAX_NESTING} levels of ">" and indented lists`,
      };
  }
  const fence = FENCE.exec(line.slice(pos));
  if (fence) {
    s.fence = { char: fence[1]![0]!, length: fence[1]!.length, depth: s.stack.length };
    s.paragraph = false;
    return undefined;
  }
  if (spacesAt(line, pos) >= 4 && !s.paragraph) return undefined; // indented code
  s.paragraph = line.slice(pos).trim() !== '';
  return countMarks(line, pos, s);
}

function startsContainer(text: string): boolean {
  const trimmed = text.trimStart();
  if (text.length - trimmed.length >= 4) return false;
  return trimmed.startsWith('>') || LIST_MARKER.test(trimmed) || FENCE.test(trimmed);
}

const isWordChar = (c: string | undefined): boolean => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Counts emphasis and code marks and run-together web addresses in the inline text of a line. */
function countMarks(line: string, from: number, s: ScanState): MarkdownLimitProblem | undefined {
  for (let i = from; i < line.length; i++) {
    const c = line[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c !== '*' && c !== '_' && c !== '~' && c !== '`') continue;
    let end = i;
    while (line[end + 1] === c) end++;
    const intraword = c === '_' && isWordChar(line[i - 1]) && isWordChar(line[end + 1]);
    if (c === '`') s.code++;
    else if (!intraword) s.emphasis++;
    if (s.emphasis > MAX_MARKS || s.code > MAX_MARKS)
      return {
        offset: i,
        message: `more than ${MAX_MARKS} ${c === '`' ? 'code marks (`)' : 'emphasis marks (*, _, ~)'} in one paragraph`,
        hint: 'split the paragraph with a blank line, or write the marks as \\* \\_ \\~ \\`',
      };
    i = end;
  }
  for (const word of line.slice(from).matchAll(/\S{12,}/g)) {
    const addresses = word[0].match(/:\/\/|www\./gi)?.length ?? 0;
    if (addresses > MAX_ADDRESSES_PER_WORD)
      return {
        offset: word.index + from,
        message: `more than ${MAX_ADDRESSES_PER_WORD} web addresses in one word`,
        hint: 'put a space between web addresses',
      };
  }
  return undefined;
}
