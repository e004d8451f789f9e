import assert from 'node:assert/strict';
import { test } from 'node:test';
import { demoteHeadings } from '../../lib/view/escape.js';
import { collectHeadings, lexMarkdown } from '../../lib/formats/markdown.js';

test('headings in Markdown fields become bold paragraphs, so they add no questions', () => {
  const md =
    '## Unterüberschrift\n\nText.\n\nSetext\n======\n\n```\n# code\n```\n\n- ## in a list\n';
  // Extra blank lines are harmless: the rendered document collapses them.
  const out = demoteHeadings(md).replace(/\n{3,}/g, '\n\n');
  assert.deepEqual(collectHeadings(lexMarkdown(out)), []);
  assert.match(out, /^\*\*Unterüberschrift\*\*\n\nText\.\n\n\*\*Setext\*\*\n\n```\n# code\n```\n/);
  assert.equal(demoteHeadings('Nur Text.'), 'Nur Text.');
});
