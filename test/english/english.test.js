// English: a full translation of every variant, English dates, texts picked per language, and
// an error (never a German sentence) when a text lacks the requested language.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { simpleParser } from 'mailparser';
import { FORMATS } from '../../lib/formats/registry.js';
import { EXAMPLE, LEFTOVER, ROOT, fixture, listFiles, runInProcess, tempDir } from '../helpers.js';

/**
 * Files per language of an incident without recipients and without `data_protection`: one per
 * format of each variant it has (variants.json `when`: the final report only once resolved; not
 * leicht, which needs `renderedWith: leicht`).
 */
function filesPerLanguage(status, phase) {
  return (
    Object.values(JSON.parse(readFileSync(join(ROOT, 'templates', 'variants.json'), 'utf8')))
      .filter(
        ({ when = {}, renderedWith, perCustomer }) =>
          when.has === undefined &&
          renderedWith === undefined &&
          !perCustomer &&
          (when.status ?? [status]).includes(status) &&
          (when.phase ?? [phase]).includes(phase),
      )
      // Formats rendered only when asked for (mbox) are not in a default render.
      .reduce((sum, variant) => sum + variant.formats.filter((f) => !FORMATS[f].optIn).length, 0)
  );
}
/** The files written once per incident whatever the languages (status.json). */
const FILES_ONCE = Object.values(
  JSON.parse(readFileSync(join(ROOT, 'templates', 'variants.json'), 'utf8')),
)
  .filter((v) => v.perLanguage === false)
  .reduce((sum, v) => sum + v.formats.length, 0);

const COUNCIL = fixture('english-council-attack', 'incident.yaml');

/** German words and forms that must not appear in English output. */
const GERMAN = [
  /\bStand\b/,
  /\bund\b/,
  /\bwir\b/i,
  /\bSie\b/,
  /\bder\b/,
  /\bdie\b/i,
  /\bdas\b/i,
  /\bist\b/,
  /\bnicht\b/,
  /\bbei\b/,
  /\bUhr\b/,
  /Sehr geehrte/,
  /Störung/,
  /Pressekontakt|Telefon|Über |Mit freundlichen|Häufig/,
  /[äöüÄÖÜß]/,
  /\b(Januar|Februar|März|Mai|Juni|Juli|Oktober|Dezember)\b/,
  /\b\d{1,2}\. [A-Z][a-z]+ \d{4}/, // "24. November 2026"
];

function assertEnglish(text, where) {
  for (const word of GERMAN) assert.doesNotMatch(text, word, `${where}: German ${word}`);
  assert.doesNotMatch(text, LEFTOVER, where);
}

test('the German word list catches German text (so the checks below can fail)', async () => {
  const r = await runInProcess([
    'render',
    EXAMPLE,
    '--variant',
    'email',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.throws(() => assertEnglish(r.stdout, 'email.de.txt'), /German/);
  assert.throws(() => assertEnglish('As of 24. November 2026', 'date'), /German/);
});

async function renderTo(t, file, args = []) {
  const out = tempDir(t);
  const r = await runInProcess(['render', file, '-o', out, ...args]);
  assert.equal(r.code, 0, r.stderr);
  return out;
}

/** Readable text of an artifact: .eml bodies decoded, everything else as written. */
async function textOf(path) {
  const bytes = readFileSync(path);
  if (!path.endsWith('.eml')) return bytes.toString('utf8');
  const mail = await simpleParser(bytes);
  return [mail.subject, mail.from.text, mail.to?.text ?? '', mail.text, mail.html].join('\n');
}

test('an English council gets every variant in English, with English dates and no German word', async (t) => {
  const out = await renderTo(t, COUNCIL);
  const dir = join(out, 'english-council-attack');
  const files = listFiles(dir);
  assert.deepEqual(files, [
    'banner.en.html',
    'banner.en.txt',
    'email.en.northbridge-academy.eml',
    'email.en.northbridge-academy.html',
    'email.en.northbridge-academy.md',
    'email.en.northbridge-academy.txt',
    'faq.en.html',
    'faq.en.md',
    'faq.en.txt',
    'feed.en.atom',
    'feed.en.json',
    'manifest.json',
    'phone.en.txt',
    'press.en.html',
    'press.en.md',
    'press.en.txt',
    'sms.en.txt',
    'social.en.txt',
    'status.json',
  ]);
  for (const file of files) assertEnglish(await textOf(join(dir, file)), file);

  const faq = readFileSync(join(dir, 'faq.en.txt'), 'utf8');
  assert.match(faq, /^Frequently asked questions\n\nAs of: 26 November 2026, 15:00\n/);
  assert.match(
    faq,
    /On 24 November 2026, 09:30, our monitoring systems detected unusual activity\./,
  );
  assert.match(
    faq,
    /Yes\. According to the investigations so far, this is a criminal cyber attack\./,
  );
  assert.match(faq, /will know more by 28 November 2026/);
  assert.match(faq, /If you have an appointment, please do not attend it\./);
  assert.match(faq, /\nCan I still pay my council tax\?\n\nYes, by bank transfer\./);

  const press = readFileSync(join(dir, 'press.en.txt'), 'utf8');
  assert.match(press, /^Cyber attack on Northbridge City Council: All IT systems isolated\n/);
  assert.match(
    press,
    /\nNorthbridge, 26 November 2026 – On 24 November 2026, 09:30, Northbridge City Council's monitoring systems/,
  );
  assert.match(
    press,
    /\nAbout Northbridge City Council\n\nNorthbridge City Council provides public services/,
  );
  assert.match(
    press,
    /\nPress contact\n\nNorthbridge City Council, Press Office\nPhone: \+44 1632 960000\nE-mail: press@northbridge\.example\n$/,
  );

  const email = readFileSync(join(dir, 'email.en.northbridge-academy.txt'), 'utf8');
  assert.match(
    email,
    /^Dear Ms Patel,\n\nWe are writing to inform you about the current IT disruption at Northbridge City Council \(as of 26 November 2026, 15:00\)\./,
  );
  assert.match(email, /\n\nYour pupils' coursework on the learning platform is stored separately/);
  assert.match(email, /\n\nKind regards\n\nPress Office\nNorthbridge City Council\n/);
  const html = readFileSync(join(dir, 'email.en.northbridge-academy.html'), 'utf8');
  assert.match(html, /<html lang="en">/);
  assert.match(
    html,
    /<title>Northbridge City Council: Information on the current IT disruption \(as of 26 November 2026, 15:00\)<\/title>/,
  );
  const faqHtml = readFileSync(join(dir, 'faq.en.html'), 'utf8');
  assert.match(faqHtml, /<html lang="en">/);
});

test('a German incident with { de, en } texts renders in English with --lang en, both with --lang de,en', async (t) => {
  const en = join(await renderTo(t, EXAMPLE, ['--lang', 'en']), 'regio-it-2026-11');
  const enFiles = listFiles(en);
  assert.deepEqual(enFiles, [
    'banner.en.html',
    'banner.en.txt',
    'email.en.eml',
    'email.en.html',
    'email.en.md',
    'email.en.txt',
    'faq.en.html',
    'faq.en.md',
    'faq.en.txt',
    'feed.en.atom',
    'feed.en.json',
    'manifest.json',
    'phone.en.txt',
    'press.en.html',
    'press.en.md',
    'press.en.txt',
    'sms.en.txt',
    'social.en.txt',
    'status.json',
  ]);
  const faq = readFileSync(join(en, 'faq.en.txt'), 'utf8');
  assert.match(faq, /\nregio iT is a municipal IT service provider based in Aachen/);
  assert.match(faq, /\n- E-government portals and online appointment booking\n/);
  assert.match(faq, /\nIs my data affected\?\n/);
  assert.match(faq, /As of: 26 November 2026, 15:00\n/);
  const email = readFileSync(join(en, 'email.en.txt'), 'utf8');
  assert.match(email, /\n\nKind regards\n\nYour regio iT team\n$/);
  // The organisation's own data (its name, "Pressestelle") is shown as written; the rest is English.
  for (const file of enFiles) {
    const text = (await textOf(join(en, file))).replaceAll('Pressestelle', '');
    assertEnglish(text, file);
  }

  const both = listFiles(await renderTo(t, EXAMPLE, ['--lang', 'de,en']));
  for (const variant of [
    'faq.de.html',
    'faq.en.html',
    'press.de.txt',
    'press.en.txt',
    'email.de.eml',
    'email.en.eml',
  ])
    assert.ok(both.includes(`regio-it-2026-11/${variant}`), variant);
  // Per language, and once: status.json and the manifest.
  assert.equal(both.length, 2 * filesPerLanguage('unknown', 'investigating') - FILES_ONCE + 1);
});

test('a text missing in the requested language is an error naming the field, and nothing is written', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'incident.yaml');
  writeFileSync(
    file,
    readFileSync(EXAMPLE, 'utf8').replace(
      /( {4}en: \|\n {6}regio iT is a municipal[^\n]*\n\n {6}It runs[^\n]*\n)/,
      '',
    ),
  );
  assert.doesNotMatch(readFileSync(file, 'utf8'), /regio iT is a municipal/);
  const out = join(dir, 'out');
  const r = await runInProcess(['render', file, '-o', out, '--lang', 'de,en']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /incident\.yaml:\d+:\d+: error: organization\.about has no 'en' text/);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.throws(() => listFiles(out), /ENOENT/);

  const german = await runInProcess([
    'render',
    fixture('unknown-investigating', 'incident.yaml'),
    '-o',
    out,
    '--lang',
    'en',
  ]);
  assert.equal(german.code, 1);
  assert.match(german.stderr, /error: incident\.affected\.0 has no 'en' text/);
  assert.match(german.stderr, /error: questions\.0\.answer has no 'en' text/);
  assert.doesNotMatch(german.stderr, /\n\s+at /);
});

const STATUSES = ['unknown', 'attack', 'malfunction'];
const PHASES = ['investigating', 'recovering', 'resolved'];

function englishIncident(status, phase) {
  return `id: en-${status}-${phase}
lang: en
updated: 2026-03-10T08:15
organization:
  name: Riverside Borough
  city: Riverside
  about: Riverside Borough runs the IT of its schools.
  contact: { name: Press Office, email: press@riverside.example }
incident:
  status: ${status}
  phase: ${phase}
  detected: 2026-03-08T22:40
  crisis_team: 2026-03-09
  ${phase === 'resolved' ? '' : 'findings_expected: 2026-03-12'}
  affected: [Online payments]
options:
  cancel_appointments: ${phase !== 'resolved'}
email:
  recipients:
    - name: Riverside School
      email: office@school.example
      answer: Your question about exams is answered separately.
`;
}

for (const status of STATUSES) {
  for (const phase of PHASES) {
    test(`English ${status} × ${phase}: every variant is English and fits the facts`, async (t) => {
      const dir = tempDir(t);
      const file = join(dir, 'incident.yaml');
      writeFileSync(file, englishIncident(status, phase));
      const out = await renderTo(t, file);
      const base = join(out, `en-${status}-${phase}`);
      const files = listFiles(base).filter((f) => f !== 'manifest.json');
      assert.equal(files.length, filesPerLanguage(status, phase));
      if (phase === 'resolved') assert.ok(files.includes('report.en.txt'), 'the final report');
      for (const f of files) {
        const text = await textOf(join(base, f));
        assertEnglish(text, f);
        // The facts are checked in the full texts; a short variant (a text message) may leave some out.
        if (!f.endsWith('.txt') || !/^(faq|press|email)\./.test(f)) continue;
        const maybe =
          /whether this (is|was) an attack or a malfunction|cannot yet rule out|could not rule out|cannot yet be ruled out|could not be ruled out/;
        if (status === 'unknown') assert.match(text, maybe, f);
        else assert.doesNotMatch(text, maybe, f);
        // Told in the past tense once resolved (the wording audit, docs/wording.md).
        const tense = phase === 'resolved' ? 'was' : 'is';
        if (status === 'attack')
          assert.match(text, new RegExp(`This ${tense} a criminal cyber attack\\.`), f);
        if (status === 'malfunction') {
          assert.match(text, /technical malfunction and not a cyber attack/, f);
          assert.doesNotMatch(text, /This (is|was) a criminal cyber attack/, f);
        }
        if (phase === 'investigating') assert.match(text, /12 March 2026/, f);
        if (phase === 'resolved') {
          assert.doesNotMatch(text, /will know more|expect|expected|by \d+ March/, f);
          assert.match(text, /back in operation/, f);
          assert.doesNotMatch(text, /do not attend|not to attend|unavailable:/i, f);
        }
      }
    });
  }
}
