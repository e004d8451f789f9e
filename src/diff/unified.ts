import { diffWordsWithSpace, structuredPatch } from 'diff';

/** Colours for a diff; identity functions when output is not a terminal. */
export interface DiffPaint {
  header(text: string): string;
  hunk(text: string): string;
  removed(text: string): string;
  added(text: string): string;
  /** The changed words inside a removed or added line. */
  removedWord(text: string): string;
  addedWord(text: string): string;
}

export const PLAIN: DiffPaint = {
  header: (t) => t,
  hunk: (t) => t,
  removed: (t) => t,
  added: (t) => t,
  removedWord: (t) => t,
  addedWord: (t) => t,
};

export interface TextVersion {
  /** Shown after `---` / `+++`; `/dev/null` when the text does not exist on that side. */
  name: string;
  text: string;
}

/** Lines of unified context around each change (as `diff -u`). */
export const CONTEXT_LINES = 3;

/**
 * A unified diff of two texts: only the changed hunks with a few lines of context, or undefined
 * when the texts are the same. With colours, changed words inside a changed line stand out.
 */
export function unifiedDiff(
  before: TextVersion,
  after: TextVersion,
  paint: DiffPaint = PLAIN,
): string | undefined {
  if (before.text === after.text) return undefined;
  const patch = structuredPatch(before.name, after.name, before.text, after.text, '', '', {
    context: CONTEXT_LINES,
  });
  if (patch.hunks.length === 0) return undefined;
  const out = [paint.header(`--- ${before.name}`), paint.header(`+++ ${after.name}`)];
  for (const hunk of patch.hunks) {
    out.push(
      paint.hunk(
        `@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`,
      ),
    );
    out.push(...paintLines(hunk.lines, paint));
  }
  return `${out.join('\n')}\n`;
}

function range(start: number, lines: number): string {
  // As GNU diff: an empty range names the line before it.
  const first = lines === 0 ? start - 1 : start;
  return lines === 1 ? `${first}` : `${first},${lines}`;
}

/** Colours lines; a run of removed lines followed by as many added ones is compared word by word. */
function paintLines(lines: string[], paint: DiffPaint): string[] {
  if (paint === PLAIN) return lines;
  const out: string[] = [];
  for (let i = 0; i < lines.length;) {
    const removed = takeRun(lines, i, '-');
    const added = takeRun(lines, i + removed.length, '+');
    if (removed.length > 0 && removed.length === added.length) {
      const pairs = removed.map((line, k) =>
        highlightWords(line.slice(1), added[k]!.slice(1), paint),
      );
      out.push(...pairs.map(([from]) => paint.removed(`-${from}`)));
      out.push(...pairs.map(([, to]) => paint.added(`+${to}`)));
      i += removed.length * 2;
      continue;
    }
    const line = lines[i]!;
    if (line.startsWith('-')) out.push(paint.removed(line));
    else if (line.startsWith('+')) out.push(paint.added(line));
    else out.push(line);
    i++;
  }
  return out;
}

function takeRun(lines: string[], start: number, sign: string): string[] {
  const run: string[] = [];
  for (let i = start; i < lines.length && lines[i]!.startsWith(sign); i++) run.push(lines[i]!);
  return run;
}

function highlightWords(before: string, after: string, paint: DiffPaint): [string, string] {
  let from = '';
  let to = '';
  for (const part of diffWordsWithSpace(before, after)) {
    if (part.removed) from += paint.removedWord(part.value);
    else if (part.added) to += paint.addedWord(part.value);
    else {
      from += part.value;
      to += part.value;
    }
  }
  return [from, to];
}
