// Tables and the page's closing lines, marked up from what the Markdown says (issue 12): a bold
// line before a table is its caption, the text format aligns columns or lists rows, the lines
// after the template's last `---` become the web page's footer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lexMarkdown, renderHtmlBody, renderText } from '../../lib/formats/markdown.js';
import { splitFooter } from '../../lib/formats/page-body.js';

const TABLE =
  '| Dienst | Zustand |\n| --- | --- |\n| Bürgerbüro | wieder verfügbar |\n| Kfz | eingeschränkt |\n';
const html = (md) => renderHtmlBody(lexMarkdown(md));
const text = (md, wrap) => renderText(lexMarkdown(md), wrap);

test('a bold line right before a table is its caption; the first column then holds row headers', () => {
  const out = html(`**Stand der Dienste:**\n\n${TABLE}`);
  assert.match(out, /^<table>\n<caption>Stand der Dienste<\/caption>\n<thead>/);
  assert.doesNotMatch(out, /<p>/, 'the caption paragraph is not repeated');
  assert.equal(out.match(/<th scope="col">/g).length, 2);
  assert.match(out, /<tr>\n<th scope="row">Bürgerbüro<\/th>\n<td>wieder verfügbar<\/td>\n<\/tr>/);
});

test('a table without a bold line has column headers only', () => {
  const out = html(`Ein Satz.\n\n${TABLE}`);
  assert.match(out, /<p>Ein Satz\.<\/p>/);
  assert.doesNotMatch(out, /<caption>|scope="row"/);
  assert.equal(out.match(/<th scope="col">/g).length, 2);
  // Bold inside a sentence is no caption either.
  assert.doesNotMatch(html(`Ein **fetter** Satz:\n\n${TABLE}`), /<caption>/);
});

test('in text a narrow table is aligned columns under a rule', () => {
  assert.equal(
    text(TABLE),
    'Dienst      Zustand\n----------  ----------------\nBürgerbüro  wieder verfügbar\nKfz         eingeschränkt\n',
  );
});

test('in text a table wider than 80 columns (or --wrap) is a list: "first: other – cells"', () => {
  const wide = `| Dienst | Zustand | Hinweis |\n| --- | --- | --- |\n| Kfz-Zulassung | eingeschränkt | ${'Nur mit Termin. '.repeat(5).trim()} |\n| Bürgerbüro | wieder verfügbar |  |\n`;
  assert.equal(
    text(wide),
    `- Kfz-Zulassung: eingeschränkt – ${'Nur mit Termin. '.repeat(5).trim()}\n- Bürgerbüro: wieder verfügbar\n`,
  );
  const wrapped = text(TABLE, 20);
  assert.match(wrapped, /^- Bürgerbüro: wieder\n {2}verfügbar\n- Kfz: eingeschränkt\n$/);
});

test('a phone link reads as its number in text; the page links it', () => {
  const md = 'Hotline: [+49 241 41359-999](tel:+4924141359999)';
  assert.equal(text(md), 'Hotline: +49 241 41359-999\n');
  assert.match(html(md), /<a href="tel:\+4924141359999">\+49 241 41359-999<\/a>/);
});

test('the lines after the last --- are the footer only when they open with a bold label', () => {
  const footer = splitFooter(lexMarkdown('# T\n\nText.\n\n---\n\n**Hotline:** 0241 1\n'));
  assert.equal(footer.footer.length, 1);
  assert.equal(footer.body.filter((t) => t.type === 'hr').length, 0);
  for (const md of [
    '# T\n\nText.\n\n---\n\nEin Absatz eines Nutzers.\n',
    '# T\n\n---\n\n**Fett:** und danach\n\n## Frage\n',
    '# T\n\nText ohne Linie.\n',
  ]) {
    const split = splitFooter(lexMarkdown(md));
    assert.deepEqual(split.footer, [], md);
    assert.equal(split.body.length, lexMarkdown(md).length, md);
  }
});
