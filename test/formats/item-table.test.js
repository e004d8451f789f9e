// The notice's items as one table in HTML (variants.json `itemTable`, issue 17): a `##` section
// made only of `###` sections becomes a table with the `###` headings as row headers.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { tableItemSections } from '../../lib/formats/item-table.js';
import { collectHeadings, lexMarkdown, renderHtmlBody } from '../../lib/formats/markdown.js';

function tableOf(md) {
  const tokens = lexMarkdown(md);
  const result = tableItemSections(tokens, collectHeadings(tokens), ['Frage', 'Antwort']);
  return { ...result, html: renderHtmlBody(result.tokens, result.headings) };
}

test('a section of ### sections is a table: headings as row headers, their blocks beside them', () => {
  const md =
    '# Titel\n\n## Angaben\n\n### Was?\n\nEin Satz.\n\n- a\n- b\n\n### Wer?\n\nIch.\n\n## Danach\n\nText.\n';
  const { html, headings } = tableOf(md);
  assert.deepEqual(
    headings.map((h) => h.text),
    ['Titel', 'Angaben', 'Danach'],
  );
  assert.match(
    html,
    /<h2 id="angaben">Angaben<\/h2>\n<table>\n<thead>\n<tr>\n<th scope="col">Frage<\/th>/,
  );
  assert.match(
    html,
    /<tr>\n<th scope="row">Was\?<\/th>\n<td><p>Ein Satz\.<\/p>\n<ul>\n<li>a<\/li>\n<li>b<\/li>\n<\/ul><\/td>\n<\/tr>/,
  );
  assert.match(html, /<th scope="row">Wer\?<\/th>\n<td><p>Ich\.<\/p><\/td>/);
  assert.match(html, /<\/table>\n<h2 id="danach">Danach<\/h2>\n<p>Text\.<\/p>/);
  assert.doesNotMatch(html, /<h3/);
});

test('a section with text before its first ### heading, or a deeper heading, stays as it is', () => {
  for (const md of [
    '## Angaben\n\nVorweg.\n\n### Was?\n\nSatz.\n',
    '## Angaben\n\n### Was?\n\n#### Genauer\n\nSatz.\n',
    '## Angaben\n\nNur Text.\n',
  ]) {
    const { html, headings } = tableOf(md);
    assert.doesNotMatch(html, /<table/, md);
    assert.equal(headings.length, md.match(/^#/gm).length, md);
  }
});
