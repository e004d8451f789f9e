// The hostile corpus, part 3: test/fixtures/hostile/rendered/<case>/ holds valid incident files
// full of HTML, Markdown, mustaches and Unicode tricks. Rendered by the built CLI, no artifact
// may carry a script, an event handler or a dangerous link, and every plain value must come out
// literally: verbatim in text, as text in HTML, as text when CommonMark parses the Markdown.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { LEFTOVER, ROOT, listFiles, runInProcess } from '../helpers.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  commonMarkTexts,
  elementText,
  htmlBodyText,
  htmlDangers,
  markdownDangers,
} from './inspect.js';

const CORPUS = join(ROOT, 'test', 'fixtures', 'hostile', 'rendered');
const CASES = readdirSync(CORPUS).sort();
const NAME = '<script>alert(1)</script> Müller & Söhne "IT" <b>GmbH</b>';

let out;
const artifacts = new Map(); // "case/file" → text
before(async () => {
  out = mkdtempSync(join(tmpdir(), 'faq-injection-'));
  for (const name of CASES) {
    const r = await runInProcess(['render', join(CORPUS, name, 'incident.yaml'), '-o', out]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
  }
  for (const rel of listFiles(out)) artifacts.set(rel, readFileSync(join(out, rel), 'utf8'));
});
after(() => rmSync(out, { recursive: true, force: true }));

const of = (id, file) => {
  const text = artifacts.get(`${id}/${file}`);
  assert.ok(text !== undefined, `${id}/${file} was rendered`);
  return text;
};
const withExt = (ext) => [...artifacts].filter(([rel]) => rel.endsWith(ext));

test('the corpus renders every variant and format', () => {
  assert.ok(CASES.length >= 5);
  for (const name of CASES)
    for (const file of ['faq.de.html', 'faq.de.md', 'faq.de.txt', 'press.de.html']) of(name, file);
  assert.ok(withExt('.eml').length >= CASES.length, 'an e-mail per case');
});

test('no HTML artifact has a script (but JSON-LD), a handler, a frame or a dangerous link', () => {
  const html = withExt('.html');
  assert.ok(html.length >= 15);
  for (const [rel, text] of html) assert.deepEqual(htmlDangers(text), [], rel);
});

test('the HTML parts of the .eml files are as clean as the .html files', async () => {
  for (const [rel, text] of withExt('.eml')) {
    const mail = await simpleParser(text);
    assert.ok(mail.html, `${rel} has an HTML part`);
    assert.deepEqual(htmlDangers(mail.html), [], rel);
  }
});

test('no Markdown artifact carries raw HTML or a dangerous link, read by CommonMark or GFM', () => {
  const md = withExt('.md');
  assert.ok(md.length >= 15);
  for (const [rel, text] of md) assert.deepEqual(markdownDangers(text), [], rel);
});

test('no artifact contains a placeholder that the incident file does not contain itself', () => {
  for (const [rel, text] of artifacts) {
    if (rel.endsWith('manifest.json') || rel.startsWith('mustaches-in-values/')) continue;
    assert.doesNotMatch(text, LEFTOVER, rel);
  }
});

test('issue 4: the organisation name comes out exactly as written, in every format', async () => {
  const id = 'organization-name-with-html';
  assert.ok(of(id, 'faq.de.txt').includes(NAME), 'txt: verbatim');
  assert.ok(of(id, 'press.de.txt').includes(NAME));
  for (const file of ['faq.de.html', 'press.de.html']) {
    const page = of(id, file);
    assert.ok(elementText(page, '<title>').includes(NAME), `${file}: <title>`);
    assert.equal(elementText(page, '<p class="org">').trim(), NAME, `${file}: masthead`);
    assert.ok(htmlBodyText(page).includes(NAME), `${file}: body`);
    const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page);
    if (ld)
      assert.ok(JSON.stringify(JSON.parse(ld[1])).includes(JSON.stringify(NAME).slice(1, -1)));
  }
  for (const file of ['faq.de.md', 'press.de.md']) {
    const blocks = commonMarkTexts(of(id, file));
    assert.ok(
      blocks.some((b) => b.includes(NAME)),
      `${file}: CommonMark reads the name as text`,
    );
  }
  const eml = [...artifacts].find(([rel]) => rel.startsWith(`${id}/`) && rel.endsWith('.eml'));
  const mail = await simpleParser(eml[1]);
  assert.ok(mail.text.includes(NAME), 'eml text part');
  assert.ok(htmlBodyText(mail.html).includes(NAME), 'eml HTML part');
  assert.equal(mail.from.value[0].name, `${NAME} – Pressestelle`);
});

test('plain-text fields with Markdown and HTML syntax stay literal', async () => {
  const id = 'markdown-syntax-in-plain-text';
  const values = [
    '*Stadt* _werke_ [Link](javascript:alert(1)) `code` # 1. > | ~~x~~ \\ &amp; <u>',
    '# Überschrift',
    '> Zitat',
    '[x]: javascript:alert(1)',
    'https://x.example<img src=x onerror=alert(1)> www.y.example a@b.example',
    '<!-- Kommentar --> <![CDATA[x]]> <?php echo 1 ?>',
    '![Bild](data:image/png;base64,AAAA)',
    '\\*keine\\* Betonung\\',
    '<img src=x onerror=alert(1)> & "Fragen" mit *Sternen*?',
  ];
  const txt = of(id, 'faq.de.txt');
  const html = htmlBodyText(of(id, 'faq.de.html'));
  const md = commonMarkTexts(of(id, 'faq.de.md'));
  for (const value of values) {
    assert.ok(txt.includes(value), `txt: ${value}`);
    assert.ok(html.includes(value), `html: ${value}`);
    assert.ok(
      md.some((b) => b.includes(value)),
      `md: ${value}`,
    );
  }
  const headline = '<h1>Schlagzeile</h1> & ** Meldung **';
  assert.ok(of(id, 'press.de.txt').startsWith(`${headline}\n`));
  assert.ok(elementText(of(id, 'press.de.html'), '<title>').startsWith(headline));
  assert.equal(commonMarkTexts(of(id, 'press.de.md'))[0], headline);
  assert.ok(of(id, 'press.de.txt').includes('1. Mai, '), 'dateline: a list marker stays text');

  const eml = [...artifacts].find(([rel]) => rel.startsWith(`${id}/`) && rel.endsWith('.eml'));
  const mail = await simpleParser(eml[1]);
  assert.equal(mail.subject, 'Betreff <b>fett</b> & "Zitat" =?UTF-8?B?SGFsbG8=?=');
  assert.equal(mail.to.value[0].name, 'Stadt <b>X</b> & "Y" <evil@example.org>');
  assert.equal(mail.to.value[0].address, 'it@x.example');
  assert.equal(mail.to.value.length, 1, 'the name cannot add a recipient');
  assert.ok(mail.text.startsWith('+ Liebe Stadt X,\n'), 'salutation literal');
});

test('values that look like template code are printed, not run', () => {
  const id = 'mustaches-in-values';
  const txt = of(id, 'faq.de.txt');
  for (const value of [
    '{{org.name}} {{{body}}} GmbH',
    '{{incident.detected.text}}',
    '{{#if true}}ja{{/if}}',
    'Was bedeutet {{updated.text}}?',
    '{{updated.iso}} ist kein Platzhalter, sondern Text.',
    "{{constructor.constructor 'return process'}}",
  ])
    assert.ok(txt.includes(value), value);
  assert.ok(of(id, 'press.de.txt').includes('{{> page}}, '), 'city');
  assert.ok(of(id, 'press.de.txt').startsWith('Meldung {{id}}\n'), 'headline');
});

test('raw HTML in Markdown fields is shown as text, and safe links stay links', () => {
  const id = 'raw-html-in-markdown';
  const txt = of(id, 'faq.de.txt');
  for (const text of [
    "<script>alert('about')</script>",
    '<img src=x onerror="alert(\'img\')">',
    '<a href="javascript:alert(\'a\')">Klick</a>',
    "<details open ontoggle=alert('details')><summary>x</summary></details>",
  ])
    assert.ok(txt.includes(text), text);
  const page = of(id, 'faq.de.html');
  assert.ok(htmlBodyText(page).includes("<script>alert('about')</script>"));
  assert.match(page, /<a href="mailto:datenschutz@regioit\.example">Kontakt<\/a>/);
  assert.match(page, /<a href="tel:\+492414135900">Hotline<\/a>/);
  assert.match(page, /<a href="\/datenschutz">relativ<\/a>/);
});

test('emoji, joiners where a script needs them and combining marks are kept as they are', () => {
  const id = 'unicode-tricks';
  const name = 'regio iT txt.exe 🛡️ Z\u0351\u0350a\u0337lgo 👨\u200D👩\u200D👧';
  assert.ok(of(id, 'faq.de.txt').includes(name.trim()));
  assert.equal(elementText(of(id, 'faq.de.html'), '<p class="org">').trim(), name.trim());
  assert.ok(commonMarkTexts(of(id, 'faq.de.md')).some((b) => b.includes(name.trim())));
});
