// Markdown fields are bounded before any parser sees them (issue 10, findings 8 and 9): nesting,
// emphasis and code marks per paragraph, lazy quote lines, addresses run together. Each shape
// here crashed marked or took seconds to minutes before.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import fc from 'fast-check';
import { Lexer } from 'marked';
import { checkIncident } from '../../lib/api.js';
import { findMarkdownLimit, MAX_NESTING } from '../../lib/incident/markdown-limits.js';
import { EXAMPLE } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');
const ANSWER = / {4}answer:\n {6}de: \|\n(?: {8}.*\n)+ {6}en: \|\n(?: {8}.*\n)+/;

/** The example with the first question's answer replaced by `yaml` (the lines after `answer:`). */
function withAnswer(yaml) {
  const text = example.replace(ANSWER, `    answer:${yaml}\n`);
  assert.notEqual(text, example);
  return text;
}

async function check(text) {
  return checkIncident('limits.yaml', { source: Buffer.from(text) });
}

/** The line number (1-based) in `text` of the first line that contains `needle`. */
const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

test('2,000 nested block quotes are a diagnostic at the ninth ">", not a crash', async () => {
  const text = withAnswer(` ${JSON.stringify(`${'> '.repeat(2000)}Text`)}`);
  const { diagnostics, incident } = await check(text);
  assert.equal(incident, undefined);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  const [d] = diagnostics;
  assert.equal(d.path, 'questions.0.answer');
  assert.match(d.message, /nested more than 8 levels/);
  assert.ok(d.hint);
  const line = lineOf(text, '    answer: "> > ');
  assert.equal(d.line, line);
  // `    answer: "` is 13 characters; eight "> " come before the ninth ">".
  assert.equal(d.col, 13 + 16 + 1);
});

test('a 500-level nested list is a diagnostic on the line of the ninth level', async () => {
  const list = Array.from({ length: 500 }, (_, i) => `${'  '.repeat(i)}- level ${i + 1}`);
  const text = withAnswer(` |\n${list.map((l) => `      ${l}`).join('\n')}`);
  assert.ok(text.length > 250_000);
  const { diagnostics } = await check(text);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  assert.match(diagnostics[0].message, /nested more than 8 levels/);
  assert.equal(diagnostics[0].line, lineOf(text, '- level 9'));
  assert.equal(diagnostics[0].col, 6 + 16 + 1);
});

test('quotes and lists count together, in every Markdown field and language', async () => {
  const deep = JSON.stringify('> - > - > - > - > - text');
  for (const [field, path] of [
    ['about', 'organization.about.de'],
    ['signature', 'email.signature.de'],
  ]) {
    const block = new RegExp(`(\\n {2}${field}:.*\\n {4}de: )\\|\\n(?: {6}.*\\n|\\n)+`);
    const text = example.replace(block, `$1${deep}\n`);
    assert.notEqual(text, example);
    const { diagnostics } = await check(text);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.match(diagnostics[0].message, /nested more than 8 levels/);
    assert.equal(diagnostics[0].path, path);
  }
});

test('eight levels, deep code in a fence and everyday Markdown pass', async () => {
  const eight = '> - > - > - > - eight levels';
  const fenced = [
    '```yaml',
    ...Array.from({ length: 20 }, (_, i) => `${'  '.repeat(i)}- k${i}:`),
    '```',
  ];
  const text = withAnswer(
    ` |\n${[eight, '', ...fenced, '', '**fett**, _kursiv_, `code` und snake_case_namen'].map((l) => `      ${l}`).join('\n')}`,
  );
  const { diagnostics, incident } = await check(text);
  assert.deepEqual(diagnostics, []);
  assert.ok(incident);
});

test('too many emphasis marks, lazy quote lines or run-together addresses are bounded', () => {
  const cases = [
    ['*a '.repeat(2000) + '**b'.repeat(2000), /more than 100 emphasis marks/],
    ['~~a '.repeat(2000) + '~~'.repeat(2000), /more than 100 emphasis marks/],
    [Array.from({ length: 1500 }, (_, i) => '`'.repeat(i + 1) + ' a ').join(''), /code marks/],
    ['> - a\nb\n'.repeat(16000), /block quote goes on without ">"/],
    ['http://a.b/(x'.repeat(8000), /web addresses in one word/],
    ['*[a '.repeat(2000) + 'x' + '](u)*'.repeat(2000), /emphasis marks/],
  ];
  for (const [markdown, message] of cases) {
    const problem = findMarkdownLimit(markdown);
    assert.ok(problem, `${markdown.slice(0, 30)}… is bounded`);
    assert.match(problem.message, message);
  }
  // A hundred of each is fine, and so are marks in separate paragraphs and escaped marks.
  assert.equal(findMarkdownLimit('*a* '.repeat(50)), undefined);
  assert.equal(findMarkdownLimit('*a*\n\n'.repeat(500)), undefined);
  assert.equal(findMarkdownLimit('\\* '.repeat(500)), undefined);
  assert.equal(findMarkdownLimit('- a\n'.repeat(500)), undefined, 'list markers are not marks');
});

/** Levels of block quotes and list items in marked's tokens. */
function depthOf(tokens) {
  let max = 0;
  const visit = (list, depth) => {
    for (const t of list ?? []) {
      const d = depth + (t.type === 'blockquote' || t.type === 'list_item' ? 1 : 0);
      max = Math.max(max, d);
      visit(t.tokens, d);
      if (t.type === 'list') visit(t.items, depth);
    }
  };
  visit(tokens, 0);
  return max;
}

test('property: Markdown within the limits nests at most twice as deep in marked', () => {
  // The scan follows CommonMark; marked differs on odd input, so its depth is bounded, not equal.
  const piece = fc.constantFrom(
    '> ',
    '>',
    '- ',
    '* ',
    '1. ',
    '2) ',
    ' ',
    '  ',
    '    ',
    '\t',
    'a',
    '```',
    '~~~',
    '',
  );
  const line = fc.array(piece, { maxLength: 16 }).map((a) => a.join(''));
  const markdown = fc.array(line, { maxLength: 20 }).map((a) => a.join('\n'));
  fc.assert(
    fc.property(markdown, (text) => {
      if (findMarkdownLimit(text)) return true;
      let tokens;
      try {
        tokens = new Lexer({ gfm: true }).lex(text);
      } catch {
        return true; // marked's own TypeError on a few shapes: validation reports it (below)
      }
      return depthOf(tokens) <= 2 * MAX_NESTING;
    }),
    { numRuns: 1000, seed: 10 },
  );
});

test('Markdown that marked cannot parse is a diagnostic, not an internal error', async () => {
  const text = withAnswer(` ${JSON.stringify('- a\n  > -\n  b')}`);
  const { diagnostics } = await check(text);
  assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
  assert.match(diagnostics[0].message, /Markdown parser cannot read/);
  assert.equal(diagnostics[0].line, lineOf(text, 'answer: "- a'));
});
