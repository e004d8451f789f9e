// The notice to the people affected (issue 17, GDPR Art. 34): the `datenschutz` variant exists
// only with `data_protection`, holds every item Art. 34(2) requires by reference to Art. 33(3)
// (b)–(d) plus advice, as a table in HTML and headed sections in md/txt; a missing item is an
// error naming the article; the FAQ asks "Sind meine Daten betroffen?" and links the notice.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { checkIncident, renderFiles } from '../../lib/api.js';
import { EXAMPLE, fixture, htmlText, runInProcess, tempDir } from '../helpers.js';

const CONFIRMED = fixture('data-breach-confirmed', 'incident.yaml');
const SUSPECTED = fixture('data-breach-suspected', 'incident.yaml');

async function render(files, options = {}) {
  const outcome = await renderFiles({ files, dryRun: true, ...options });
  return new Map(outcome.artifacts.map((a) => [a.path, Buffer.from(a.content).toString('utf8')]));
}

/** The file with one change at a key path (undefined deletes it), written to a temp folder. */
function changed(t, file, path, value) {
  const doc = parseDocument(readFileSync(file, 'utf8'));
  if (value === undefined) doc.deleteIn(path);
  else doc.setIn(path, value);
  const out = join(tempDir(t), 'incident.yaml');
  writeFileSync(out, String(doc));
  return out;
}

/** The headed sections of a Markdown text: heading → the text up to the next heading. */
function sections(md) {
  const parts = md.split(/^#{2,3} /m).slice(1);
  return new Map(parts.map((p) => [p.slice(0, p.indexOf('\n')), p.slice(p.indexOf('\n'))]));
}

const ITEMS = {
  de: {
    data: 'Welche Daten sind betroffen?',
    consequences: 'Welche Folgen kann das für Sie haben?',
    measures: 'Was haben wir getan, und was tun wir noch?',
    advice: 'Was können Sie tun?',
    dpo: 'An wen können Sie sich wenden?',
  },
  en: {
    data: 'Which data is affected?',
    consequences: 'What could this mean for you?',
    measures: 'What have we done, and what are we still doing?',
    advice: 'What can you do?',
    dpo: 'Whom can you contact?',
  },
};

test('the notice holds each Art. 34 item under its heading, in German and English', async () => {
  const all = await render([CONFIRMED], { langs: ['de', 'en'], variants: ['datenschutz'] });
  const cases = {
    de: ['Geburtsdaten', 'gefälschten Schreiben', 'Zugänge aller Beschäftigten', 'Lastschriften'],
    en: ['Dates of birth', 'fake letters', 'access of all staff', 'direct debits'],
  };
  for (const lang of ['de', 'en']) {
    const md = all.get(`data-breach-confirmed/datenschutz.${lang}.md`);
    const s = sections(md);
    const [data, consequences, measures, own] = cases[lang];
    assert.match(s.get(ITEMS[lang].data), new RegExp(data), lang);
    assert.match(s.get(ITEMS[lang].consequences), new RegExp(consequences), lang);
    assert.match(s.get(ITEMS[lang].measures), new RegExp(measures), lang);
    // The built-in advice (passwords, bank statements, phishing), then the file's own.
    const advice = s.get(ITEMS[lang].advice);
    for (const word of lang === 'de'
      ? [/Passwörter/, /Kontoauszüge/, /Betrüger/]
      : [/passwords/, /bank statements/, /Fraudsters/])
      assert.match(advice, word, lang);
    assert.match(advice, new RegExp(own), lang);
    const dpo = s.get(ITEMS[lang].dpo);
    assert.match(dpo, /Datenschutzbeauftragte der Stadt Musterstadt/);
    assert.match(dpo, /mailto:datenschutz@musterstadt\.example/);
    assert.match(dpo, /tel:\+495555123400/);
    assert.match(dpo, /Rathausplatz 1/);
    assert.match(dpo, /DS-2026-041/);
    assert.match(md, /Landesbeauftragte für Datenschutz/);
    // md and txt: headed sections, no table.
    assert.doesNotMatch(md, /^\|/m);
    if (lang === 'en') {
      // Besides the names as written (DPO, address, authority), not a German word.
      const text = md.replace(
        /Datenschutzbeauftragte der Stadt Musterstadt|Rathausplatz 1, 55555 Musterstadt|Landesbeauftragte für Datenschutz und Informationsfreiheit|Stadt Musterstadt/g,
        '',
      );
      for (const german of [/[äöüß]/i, /\b(und|Sie|wir|der|die|das|nicht|Uhr)\b/])
        assert.doesNotMatch(text, german);
    }
    const txt = all.get(`data-breach-confirmed/datenschutz.${lang}.txt`);
    assert.match(txt, new RegExp(`^${ITEMS[lang].consequences.replace(/[?,]/g, '.')}$`, 'm'));
  }
});

test('in HTML the items are one table: each item a row header beside its text', async () => {
  const all = await render([CONFIRMED], { langs: ['de'], formats: ['html'] });
  const html = all.get('data-breach-confirmed/datenschutz.de.html');
  const table = html.slice(html.indexOf('<table'), html.indexOf('</table>'));
  for (const item of Object.values(ITEMS.de)) {
    const row = table.indexOf(`<th scope="row">${item}</th>`);
    assert.ok(row > 0, item);
  }
  assert.match(
    table,
    /<th scope="row">Welche Folgen kann das für Sie haben\?<\/th>\n<td><p>Unbefugte/,
  );
  assert.match(table, /<td><ul>\n<li>Namen und Anschriften<\/li>/);
  // Row headers are no headings any more: no h3 left, and the contents of md are all there.
  assert.doesNotMatch(html, /<h3/);
  assert.match(htmlText(html), /DS-2026-041/);
});

test('a suspected breach says plainly that it is not known yet, and when the next information follows', async () => {
  const all = await render([SUSPECTED]);
  const md = all.get('data-breach-suspected/datenschutz.de.md');
  assert.match(
    md,
    /\*\*Das Wichtigste:\*\* Wir wissen noch nicht, ob .* personenbezogene Daten abgeflossen sind\./,
  );
  assert.match(md, /Am 28\. November 2026, 12:00 Uhr informieren wir Sie erneut\./);
  assert.match(md, /### Welche Daten könnten betroffen sein\?/);
  assert.doesNotMatch(md, /Schutz personenbezogener Daten verletzt/);
  // The confirmed notice says the opposite, and no "not yet".
  const confirmed = (await render([CONFIRMED])).get('data-breach-confirmed/datenschutz.de.md');
  assert.match(confirmed, /Schutz personenbezogener Daten verletzt/);
  assert.doesNotMatch(confirmed, /noch nicht|erneut/);
});

test('a missing required item is an error at data_protection naming its article', async (t) => {
  const cases = [
    [
      ['data_protection', 'dpo'],
      /Art\. 33\(3\)\(b\): the DPO's contact \(data_protection\.dpo\) is missing/,
    ],
    [['data_protection', 'dpo', 'email'], /Art\. 33\(3\)\(b\)/, SUSPECTED],
    [['data_protection', 'consequences'], /Art\. 33\(3\)\(c\): the likely consequences/],
    [['data_protection', 'measures'], /Art\. 33\(3\)\(d\): the measures taken or proposed/],
    [['data_protection', 'categories'], /Art\. 34\(2\): the nature of the breach/],
  ];
  for (const [path, message, file = CONFIRMED] of cases) {
    const edited = changed(t, file, path, undefined);
    const lines = readFileSync(edited, 'utf8').split('\n');
    const keyLine = lines.findIndex((l) => l.startsWith('data_protection:')) + 1;
    const result = await checkIncident(edited);
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    assert.equal(errors.length, 1, `${path.join('.')}: ${JSON.stringify(errors)}`);
    assert.equal(errors[0].path, 'data_protection');
    assert.match(errors[0].message, message);
    assert.equal(errors[0].line, keyLine);
  }
  // The CLI says it on one line with file:line:col and a hint; exit 1, nothing written.
  const out = tempDir(t);
  const r = await runInProcess([
    'render',
    changed(t, CONFIRMED, ['data_protection', 'dpo'], undefined),
    '-o',
    out,
  ]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /incident\.yaml:\d+:1: error: data_protection: Art\. 33\(3\)\(b\): .* \(hint: add `dpo:/,
  );
});

test('a suspected breach without the date of the next information is an error', async (t) => {
  const file = changed(t, SUSPECTED, ['incident', 'phase'], 'recovering');
  const result = await checkIncident(
    changed(t, file, ['incident', 'findings_expected'], undefined),
  );
  const error = result.diagnostics.find((d) => d.severity === 'error');
  assert.equal(error?.path, 'data_protection.breach');
  assert.match(error.message, /next information follows.*incident\.findings_expected/);
});

test('without data_protection there is no notice, and --variant datenschutz is a usage error saying why', async (t) => {
  const all = await render([EXAMPLE]);
  assert.ok(![...all.keys()].some((p) => p.includes('datenschutz')));
  // The example asks "Sind meine Daten betroffen?" itself; nothing links a notice.
  assert.ok(![...all.values()].some((text) => /datenschutz\.de\.html/.test(text)));
  const out = tempDir(t);
  const r = await runInProcess(['render', EXAMPLE, '-o', out, '--variant', 'datenschutz']);
  assert.equal(r.code, 2);
  assert.match(
    r.stderr,
    /^faq: error: the datenschutz variant needs `data_protection`, which .*example\.yaml does not have \(hint: .*\)\n$/,
  );
});

test('the FAQ asks "Sind meine Daten betroffen?" from the same fields and links the notice', async () => {
  const all = await render([CONFIRMED, SUSPECTED], { langs: undefined });
  const faq = sections(all.get('data-breach-confirmed/faq.de.md')).get(
    'Sind meine Daten betroffen?',
  );
  assert.match(faq, /Namen und Anschriften, Geburtsdaten, Bankverbindungen für Lastschriften\./);
  assert.match(faq, /\[Hinweis zum Datenschutz\]\(datenschutz\.de\.html\)/);
  const suspected = sections(all.get('data-breach-suspected/faq.de.md')).get(
    'Sind meine Daten betroffen?',
  );
  assert.match(
    suspected,
    /Das wissen wir noch nicht\..*Zählerstände\. Am 28\. November 2026, 12:00 Uhr/,
  );
  const en = await render([CONFIRMED], { langs: ['en'], variants: ['faq'], formats: ['html'] });
  assert.match(
    en.get('data-breach-confirmed/faq.en.html'),
    /<h2 id="[^"]+">Is my data affected\?<\/h2>[\s\S]*?<a href="datenschutz\.en\.html">/,
  );
});

test('the file asking the same question itself replaces the generated one', async (t) => {
  const file = changed(
    t,
    CONFIRMED,
    ['questions'],
    [
      {
        question: { de: 'Sind *meine* Daten betroffen', en: 'Is my data affected?' },
        answer: 'Eigene Antwort.',
      },
    ],
  );
  const all = await render([file], { variants: ['faq'], formats: ['md'] });
  const md = all.get('data-breach-confirmed/faq.de.md');
  assert.equal(md.match(/^## Sind \\?\*?meine/gm)?.length, 1, md);
  assert.match(md, /Eigene Antwort\./);
  assert.doesNotMatch(md, /datenschutz\.de\.html/);
});

test('the notice for every status, phase and breach holds every required item', async (t) => {
  const dir = tempDir(t);
  const files = [];
  for (const status of ['unknown', 'attack', 'malfunction'])
    for (const phase of ['investigating', 'recovering', 'resolved'])
      for (const breach of ['suspected', 'confirmed']) {
        const n = files.length;
        const doc = parseDocument(readFileSync(CONFIRMED, 'utf8'));
        doc.setIn(['id'], `case-${n}`);
        doc.setIn(['incident', 'status'], status);
        doc.setIn(['incident', 'phase'], phase);
        doc.deleteIn(['updates']);
        if (status === 'unknown') doc.deleteIn(['incident', 'confirmed']);
        doc.setIn(['data_protection', 'breach'], breach);
        doc.setIn(['data_protection', 'categories'], [`Kategorie ${n}`]);
        doc.setIn(['data_protection', 'consequences'], `Folge ${n}.`);
        doc.setIn(['data_protection', 'measures'], `Maßnahme ${n}.`);
        doc.setIn(['data_protection', 'dpo'], { name: `DSB ${n}`, phone: `+49 ${n}` });
        const file = join(dir, `case-${n}.yaml`);
        writeFileSync(file, String(doc));
        files.push(file);
      }
  const all = await render(files, { variants: ['datenschutz'], formats: ['md'] });
  assert.equal(all.size, files.length);
  for (const [path, md] of all) {
    const n = /case-(\d+)/.exec(path)[1];
    const s = sections(md);
    const data = s.get(ITEMS.de.data) ?? s.get('Welche Daten könnten betroffen sein?');
    assert.match(data, new RegExp(`Kategorie ${n}\\b`), path);
    assert.match(s.get(ITEMS.de.consequences), new RegExp(`Folge ${n}\\.`), path);
    assert.match(s.get(ITEMS.de.measures), new RegExp(`Maßnahme ${n}\\.`), path);
    assert.match(s.get(ITEMS.de.advice), /Passwörter.*\n.*Kontoauszüge.*\n.*Betrüger/, path);
    assert.match(s.get(ITEMS.de.dpo), new RegExp(`DSB ${n}\\.[\\s\\S]*tel:\\+49${n}\\)`), path);
  }
});
