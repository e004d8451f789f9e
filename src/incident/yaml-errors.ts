// The YAML parser's errors in the words of the person who made the mistake, at the line where it
// was made: a missing colon, a colon inside a text, a forgotten "-", an unclosed quote, a paragraph
// indented too little, a tab. The parser reports these as jargon ("Nested mappings are not allowed
// in compact mappings"), often on a later line and as a cascade of follow-on errors.
import { isScalar, visit, type Document, type YAMLError } from 'yaml';
import { fixQuotedLine, SourceLines } from './yaml-lines.js';

/** One problem of the YAML syntax, at an offset of the source. */
export interface YamlProblem {
  offset: number;
  message: string;
  hint?: string;
  /** Later layout errors below this line (and indented as far) follow from this one. */
  cascade?: { line: number; indent: number; all?: boolean };
}

const LAYOUT = new Set(['BAD_INDENT', 'MULTILINE_IMPLICIT_KEY', 'MISSING_CHAR']);

/**
 * The parser's errors to report, each with better words where there are some: the first error of
 * a cascade only (a tab, an unclosed quote or a missing colon throws off the lines after it).
 */
export function explainYamlErrors(
  doc: Document.Parsed,
  text: string,
  errors: readonly YAMLError[],
): { error: YAMLError; problem?: YamlProblem }[] {
  const tabs = errors.filter((e) => e.code === 'TAB_AS_INDENT');
  // A tab shifts every line after it: the parser's other errors are its consequences.
  const relevant = tabs.length > 0 ? tabs : errors;
  const lines = new SourceLines(text);
  const out: { error: YAMLError; problem?: YamlProblem }[] = [];
  const seen = new Set<string>();
  const explainedAt = new Set<number>();
  let cascade: YamlProblem['cascade'];
  for (const error of relevant) {
    const at = error.pos[0];
    // The parser often reports one mistake twice, at the same place (under two codes).
    if (explainedAt.has(at)) continue;
    if (cascade && lines.lineOf(at) > cascade.line) {
      if (cascade.all || (LAYOUT.has(error.code) && lines.isWithin(at, cascade))) continue;
    }
    const problem = error.code === 'TAB_AS_INDENT' ? undefined : explainOne(doc, lines, error, at);
    if (!problem) {
      out.push({ error });
      continue;
    }
    const key = `${problem.offset} ${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (problem.cascade) cascade = problem.cascade;
    explainedAt.add(at);
    out.push({ error, problem });
  }
  return out;
}

function explainOne(
  doc: Document.Parsed,
  lines: SourceLines,
  error: YAMLError,
  at: number,
): YamlProblem | undefined {
  if (error.code === 'MISSING_CHAR' && /closing .*quote/i.test(error.message))
    return explainUnclosedQuote(doc, lines, at);
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY') return explainColonInText(lines, at);
  if (LAYOUT.has(error.code)) return explainLayout(doc, lines, at);
  return undefined;
}

/** At the opening quote, with the line closed as the hint. */
function explainUnclosedQuote(
  doc: Document.Parsed,
  lines: SourceLines,
  at: number,
): YamlProblem | undefined {
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (!range || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      if (range[0] <= at && at <= range[2] && (start === undefined || range[0] > start))
        start = range[0];
    },
  });
  if (start === undefined) return undefined;
  const line = lines.lineOf(start);
  const quote = lines.text(line)[start - lines.start(line)] === "'" ? "'" : '"';
  return {
    offset: start,
    message: `the quote ${quote} opened here is not closed`,
    hint: `end the text with ${quote} on the same line: ${lines.text(line).trim()}${quote}`,
    cascade: { line, indent: 0, all: true },
  };
}

/** `question: Achtung: Sind meine Daten …` — the second colon starts a key to YAML. */
function explainColonInText(lines: SourceLines, at: number): YamlProblem | undefined {
  const line = lines.lineOf(at);
  const fixed = fixQuotedLine(lines.text(line));
  if (!fixed) return undefined;
  if (!/:(\s|$)/.test(SourceLines.withoutComment(lines.text(line)).slice(fixed.valueAt))) {
    // No colon in this text: the next line, indented further, continues it as a key.
    const next = lines.nextContentLine(line);
    if (next === undefined) return undefined;
    const indent = SourceLines.indentOf(lines.text(next));
    return {
      offset: lines.start(next) + indent,
      message: 'this line is indented further than the keys above it',
      hint: 'indent keys of the same group by the same number of spaces',
      cascade: { line: next, indent },
    };
  }
  return {
    offset: lines.start(line) + fixed.valueAt,
    message: `the text after "${fixed.key}:" contains ": ", which YAML reads as the start of another key`,
    hint: `put the text in quotes: ${fixed.line.trim()}`,
  };
}

/** Indentation and colons: the parser's error is often on a later line than the mistake. */
function explainLayout(doc: Document.Parsed, lines: SourceLines, at: number): YamlProblem {
  const line = lines.lineOf(lines.nextNonSpace(at));
  const here = lines.text(line);
  const indent = SourceLines.indentOf(here);
  const offset = lines.start(line) + indent;
  const prev = lines.previousContentLine(line);
  const prevText = prev === undefined ? '' : lines.text(prev);
  const cascade = { line, indent };
  if (prev !== undefined && isInBlockText(doc, lines, prev) && !SourceLines.isKeyLine(here)) {
    return {
      offset,
      message: 'this line is indented less than the text above it, so that text ends before it',
      hint: 'indent every line of a text after "|" at least as far as its first line',
      cascade: { line, indent: 0, all: true },
    };
  }
  if (!SourceLines.isKeyLine(here) && !SourceLines.isListLine(here)) {
    if (SourceLines.isListLine(prevText) && SourceLines.indentOf(prevText) === indent)
      return {
        offset,
        message: 'this line follows a list entry but does not start with "-"',
        hint: `start each entry of a list with "- ": - ${here.trim()}`,
        cascade,
      };
    return missingColon(offset, here, cascade);
  }
  if (
    prev !== undefined &&
    SourceLines.indentOf(prevText) === indent &&
    !SourceLines.isKeyLine(prevText) &&
    !SourceLines.isListLine(prevText) &&
    !isInBlockText(doc, lines, prev)
  )
    return missingColon(lines.start(prev) + indent, prevText, { line: prev, indent });
  return {
    offset,
    message: 'this line is indented differently from the keys above it',
    hint: 'indent keys of the same group by the same number of spaces',
    cascade,
  };
}

function missingColon(offset: number, text: string, cascade: YamlProblem['cascade']): YamlProblem {
  const words = SourceLines.withoutComment(text).trim();
  const [key, ...rest] = words.split(/\s+/);
  return {
    offset,
    message: `"${words}" has no colon: a key and its value are written "key: value"`,
    hint: `write ${key}: ${rest.length > 0 ? rest.join(' ') : '…'}`,
    cascade,
  };
}

/** Whether a line is part of a block text (`|` or `>`), its header line included. */
function isInBlockText(doc: Document.Parsed, lines: SourceLines, line: number): boolean {
  if (/[|>][-+0-9]*\s*(#.*)?$/.test(lines.text(line))) return true;
  const at = lines.start(line) + SourceLines.indentOf(lines.text(line));
  let found = false;
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || !node.range) return;
      if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return;
      if (node.range[0] < at && at < node.range[1]) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
