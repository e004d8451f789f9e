// `faq check` and `faq render` on the page in Leichte Sprache: own texts checked at their line and
// column, names of the file as warnings with a hint, a template's own sentence as an error; which
// files and languages get the page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkIncident, renderFiles } from '../../lib/api.js';
import { FIXTURES, overlay, runInProcess, tempDir } from '../helpers.js';

const FIXTURE = join(FIXTURES, 'leicht', 'incident.yaml');

const file = (extra, head = '') => `id: leicht-check
lang: de
updated: 2026-11-26T15:00
${head}organization:
  name: Stadt Musterstadt
  kind: administration
incident:
  status: attack
  phase: recovering
  detected: 2026-11-24
${extra}`;

const check = async (text) =>
  (await checkIncident('x.yaml', { source: Buffer.from(text) })).diagnostics.map(
    (d) => `${d.line}:${d.col} ${d.severity} ${d.path}: ${d.message}`,
  );

test('own texts: every rule broken is reported at its line and column', async () => {
  const long =
    'Wir haben heute und morgen und übermorgen sehr viel Arbeit mit den vielen Computern hier jetzt';
  const found = await check(
    file(`leicht:
  about: |
    Wir helfen z.B. bei Pässen; und bei Autos.
    ${long}.
    ${long} und dort und da und hier noch mehr.
  questions:
    - question: Was würde passieren?
      answer: Die Daten werden geprüft. Das Ende des Tages kommt.
`),
  );
  assert.deepEqual(found, [
    '13:16 error leicht.about: Leichte Sprache: abbreviation "z.B."',
    '13:31 error leicht.about: Leichte Sprache: semicolon',
    '14:5 warning leicht.about: Leichte Sprache: sentence of 16 words (more than 15): "Wir haben heute und morgen und übermorgen sehr …"',
    '15:5 error leicht.about: Leichte Sprache: sentence of 24 words (more than 20): "Wir haben heute und morgen und übermorgen sehr …"',
    '17:21 warning leicht.questions.0.question: Leichte Sprache: subjunctive "würde"',
    '18:25 warning leicht.questions.0.answer: Leichte Sprache: passive "werden …"',
    '18:50 warning leicht.questions.0.answer: Leichte Sprache: genitive "des"',
  ]);
});

test('a name of the file that breaks a rule is a warning at the name, with a leicht.names hint', async () => {
  const text = file(`  affected: [Kfz-Zulassung]
leicht:
  checked_by: Prüf·gruppe
`);
  const r = await checkIncident('x.yaml', { source: Buffer.from(text) });
  assert.deepEqual(
    r.diagnostics.map((d) => [d.line, d.col, d.severity, d.path, d.hint]),
    [
      [
        11,
        14,
        'warning',
        'incident.affected.0',
        'write it in Leichte Sprache for the page: leicht: { names: [{ name: "Kfz-Zulassung", leicht: … }] }',
      ],
    ],
  );
  assert.match(r.diagnostics[0].message, /abbreviation "Kfz" in "- Kfz-Zulassung"/);
  // Named in Leichte Sprache, the page says the new name and nothing is found.
  const named = text.replace(
    '  checked_by',
    '  names: [{ name: Kfz-Zulassung, leicht: Auto-Anmeldung }]\n  checked_by',
  );
  assert.deepEqual(await check(named), []);
  // A long name makes its sentence too long: the warning is at the name.
  const long = file(`contacts:
  hotline: { phone: '0800 1', hours: 'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag von 8 Uhr' }
leicht: {}
`);
  const [finding] = await check(long);
  assert.match(
    finding,
    /^12:39 warning contacts\.hotline\.hours: on the page in Leichte Sprache: sentence of 16 words/,
  );
});

test('without leicht: a file is checked as before (no page, no warnings about its names)', async () => {
  assert.deepEqual(
    await check(file('  affected: [Kfz-Zulassung, Lernplattformen der Schulen]\n')),
    [],
  );
});

test('a sentence of the template itself breaks a rule: an error of the template', async (t) => {
  const templates = overlay(t, {
    'de/leicht.md.hbs': '# Informationen\n\nDas ist z.B. ein Satz des Tages.\n',
  });
  const source = file('leicht: {}\n');
  const out = tempDir(t);
  const incident = join(out, 'x.yaml');
  (await import('node:fs')).writeFileSync(incident, source);
  await assert.rejects(
    renderFiles({ files: [incident], templates, dryRun: true, variants: ['leicht'] }),
    (error) => {
      const messages = error.diagnostics.map((d) => `${d.severity}: ${d.message}`);
      assert.deepEqual(messages, [
        'error: the leicht template breaks a rule of Leichte Sprache: abbreviation "z.B."',
        'error: the leicht template breaks a rule of Leichte Sprache: genitive "des"',
      ]);
      assert.match(
        error.diagnostics[0].hint,
        /Das ist z\.B\. ein Satz des Tages\.": fix de\/leicht\.md\.hbs/,
      );
      return true;
    },
  );
});

test('which files get the page: with leicht:, or asked for by name; never in English', async (t) => {
  const rendered = async (files, options = {}) =>
    (await renderFiles({ files, dryRun: true, ...options })).artifacts.map((a) => a.path);
  const withKey = await rendered([FIXTURE]);
  assert.deepEqual(
    withKey.filter((p) => p.includes('/leicht.')),
    [
      'leicht-musterstadt/leicht.de.html',
      'leicht-musterstadt/leicht.de.md',
      'leicht-musterstadt/leicht.de.txt',
    ],
  );
  const dir = tempDir(t);
  const plain = join(dir, 'plain.yaml');
  (await import('node:fs')).writeFileSync(plain, file('  findings_expected: 2026-11-28\n'));
  assert.ok(!(await rendered([plain])).some((p) => p.includes('/leicht.')), 'no leicht: no page');
  assert.deepEqual(await rendered([plain], { variants: ['leicht'], formats: ['txt'] }), [
    'leicht-check/leicht.de.txt',
  ]);
  // --lang en: the leicht page is simply not among the files; asked for by name it is exit 2.
  const english = join(dir, 'english.yaml');
  (await import('node:fs')).writeFileSync(
    english,
    readFileSync(FIXTURE, 'utf8').replace('lang: de', 'lang: en'),
  );
  const r = await runInProcess([
    'render',
    FIXTURE,
    '--variant',
    'leicht',
    '--lang',
    'en',
    '--stdout',
    '--format',
    'txt',
  ]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(
    r.stderr,
    /variant leicht is written only in de, not in en: there is nothing to render \(hint: add --lang de/,
  );
  const onlyEnglish = await runInProcess([
    'render',
    english,
    '--variant',
    'leicht',
    '-o',
    join(dir, 'out'),
  ]);
  assert.equal(onlyEnglish.code, 2);
  assert.match(
    onlyEnglish.stderr,
    /no leicht text: it is written only in de, and this file is rendered in en/,
  );
});

test('a German file with leicht: renders in de and en: the leicht texts need no English', async () => {
  const text = readFileSync(FIXTURE, 'utf8');
  const r = await checkIncident('x.yaml', {
    source: Buffer.from(text),
    languages: ['de', 'en'],
    variants: [{ formats: ['md'], omits: ['leicht'] }],
  });
  assert.ok(
    r.diagnostics.every((d) => !d.path.startsWith('leicht')),
    JSON.stringify(r.diagnostics),
  );
});

test('the HTML page: lang="de", its own larger type, a line per sentence, lists', async () => {
  const { artifacts } = await renderFiles({
    files: [FIXTURE],
    dryRun: true,
    variants: ['leicht'],
    formats: ['html'],
  });
  const html = Buffer.from(artifacts[0].content).toString('utf8');
  assert.match(html, /^<!DOCTYPE html>\n<html lang="de">/);
  assert.match(html, /body \{\n {2}font-size: 1\.25rem;\n {2}line-height: 1\.8;/);
  assert.match(html, /<p>Eine Prüf-Gruppe hat diesen Text geprüft\.<br>Die Prüf-Gruppe ist: /);
  assert.match(html, /<li>Auto-Anmeldung: geht nicht seit Dienstag, 24\. November 2026\.<\/li>/);
  assert.match(html, /<h2[^>]*>Wer sind wir\?<\/h2>/);
  assert.doesNotMatch(html, /Kfz/, 'the name in Leichte Sprache replaces it');
});
