// The press release: headline, dateline, body from the seed's wording, "Über …", press contact.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, LEFTOVER, runInProcess, tempDir } from '../helpers.js';

/** The press release of the example (or of an edited copy) in one format. */
async function press(t, edit = (s) => s, format = 'txt', lang = 'de') {
  const dir = tempDir(t);
  const file = join(dir, 'incident.yaml');
  writeFileSync(file, edit(readFileSync(EXAMPLE, 'utf8')));
  const r = await runInProcess([
    'render',
    file,
    '--variant',
    'press',
    '--format',
    format,
    '--lang',
    lang,
    '--stdout',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, LEFTOVER);
  return r.stdout;
}

test('the example: headline, Stand, dateline with city and date, seed wording, about, contact', async (t) => {
  const txt = await press(t);
  assert.ok(
    txt.startsWith(
      'IT-Störung der regio iT: Alle IT-Systeme vorsorglich isoliert\n\nStand: 26. November 2026, 15:00 Uhr\n\nAachen, 26. November 2026 – Am 24. November 2026 haben die Monitoring-Systeme der regio iT ungewöhnliche Aktivitäten festgestellt.',
    ),
    txt.slice(0, 300),
  );
  assert.match(
    txt,
    /hat die regio iT alle Systeme isoliert und alle technischen Verbindungen zur Außenwelt getrennt/,
  );
  assert.match(txt, /bis zum 28\. November 2026 wird Näheres erwartet\./);
  assert.match(
    txt,
    /\nDie regio iT hat folgende Maßnahmen ergriffen:\n\n- Herunterfahren aller IT-Systeme:/,
  );
  assert.match(
    txt,
    /- Bildung eines Krisenstabs: Am 24\. November 2026 wurde unverzüglich ein interner Krisenstab gebildet/,
  );
  assert.match(
    txt,
    /Bürgerinnen und Bürger, die einen Termin haben, werden gebeten, diesen nicht wahrzunehmen\./,
  );
  assert.match(
    txt,
    /\nDerzeit nicht verfügbar sind:\n\n- E-Government-Portale und Online-Terminvergabe\n- Lernplattformen der Schulen\n/,
  );
  assert.match(
    txt,
    /\n„Wir bedauern die Unannehmlichkeiten, die diese Vorsichtsmaßnahme verursacht, zutiefst und entschuldigen uns aufrichtig für diese Störung\. .*“, so die regio iT\.\n/,
  );
  assert.match(txt, /\nErste Erkenntnisse werden für den 28\. November 2026 erwartet\./);
  assert.match(txt, /\nAktuelle Informationen: https:\/\/www\.regioit\.de\n/);
  assert.match(
    txt,
    /\nÜber die regio iT\n\nDie regio iT ist ein kommunales IT-Dienstleistungsunternehmen/,
  );
  assert.ok(
    txt.endsWith(
      '\n\nPressekontakt\n\nregio iT, Pressestelle\nTelefon: +49 241 41359-0\nE-Mail: presse@regioit.de\n',
    ),
    txt.slice(-120),
  );
  assert.doesNotMatch(
    txt,
    /Sind meine Daten betroffen/,
    'the FAQ questions are not in the release',
  );
});

test('Markdown: a # headline first, sections as ## headings; HTML: a page titled by the headline', async (t) => {
  const md = await press(t, undefined, 'md');
  assert.ok(md.startsWith('# IT-Störung der regio iT: Alle IT-Systeme vorsorglich isoliert\n\n'));
  assert.match(md, /\n## Über die regio iT\n/);
  assert.match(
    md,
    /\n## Pressekontakt\n\nregio iT, Pressestelle\\\nTelefon: \\\+49 241 41359-0\\\nE-Mail: <presse@regioit\.de>\n$/,
  );
  const html = await press(t, undefined, 'html');
  assert.match(html, /<html lang="de">/);
  assert.match(html, /<title>IT-Störung der regio iT: Alle IT-Systeme vorsorglich isoliert/);
  assert.match(
    html,
    /<h1[^>]*>IT-Störung der regio iT: Alle IT-Systeme vorsorglich isoliert<\/h1>/,
  );
  assert.match(html, /<a href="mailto:presse@regioit\.de">presse@regioit\.de<\/a>/);
});

test('press.headline overrides the headline', async (t) => {
  const txt = await press(t, (s) =>
    s.replace('press: {}', 'press:\n  headline: "Update: regio iT & Partner prüfen Systeme"'),
  );
  assert.ok(
    txt.startsWith('Update: regio iT & Partner prüfen Systeme\n\nStand:'),
    txt.slice(0, 80),
  );
});

test('without city the dateline starts with the date; without about or contact their sections go', async (t) => {
  const txt = await press(t, (s) =>
    s
      .replace(/^ {2}city: Aachen.*\n/m, '')
      .replace(/^ {2}about:[^\n]*\n(?: {4}.*\n|\n)+/m, '')
      .replace(/^ {2}contact:[^\n]*\n(?: {4}.*\n)+/m, ''),
  );
  assert.match(txt, /\n\n26\. November 2026 – Am 24\. November 2026 haben/);
  assert.doesNotMatch(txt, /Aachen, |, 26\. November/);
  assert.doesNotMatch(txt, /Über die regio iT|Pressekontakt|Pressestelle/);
  assert.match(txt, /\nAktuelle Informationen: https:\/\/www\.regioit\.de\n$/);
});

test('German grammar: a masculine name with its genitive, a name without article', async (t) => {
  const kdn = await press(t, (s) =>
    s.replace(
      'name: regio iT # so geschrieben',
      'name: Zweckverband KDN\n  grammar: { gender: masculine, genitive: Zweckverbands KDN } #',
    ),
  );
  assert.match(kdn, /^IT-Störung des Zweckverbands KDN: /);
  assert.match(kdn, /die Monitoring-Systeme des Zweckverbands KDN ungewöhnliche/);
  assert.match(kdn, /hat der Zweckverband KDN alle Systeme isoliert/);
  assert.match(kdn, /\nDer Zweckverband KDN hat folgende Maßnahmen ergriffen:/);
  assert.match(kdn, /“, so der Zweckverband KDN\./);
  assert.match(kdn, /\nÜber den Zweckverband KDN\n/);
  const plural = await press(t, (s) =>
    s.replace(
      'name: regio iT # so geschrieben',
      'name: Stadtwerke Beispielstadt\n  grammar: { gender: plural } #',
    ),
  );
  assert.match(plural, /haben die Stadtwerke Beispielstadt alle Systeme isoliert/);
  assert.match(plural, /\nDie Stadtwerke Beispielstadt haben folgende Maßnahmen/);
  const none = await press(t, (s) =>
    s.replace('name: regio iT # so geschrieben', 'name: Dataport\n  grammar: { gender: none } #'),
  );
  assert.match(none, /^IT-Störung von Dataport: /);
  assert.match(none, /\nDataport hat folgende Maßnahmen/);
  assert.match(none, /\nÜber Dataport\n/);
});

test('the English press release of the example', async (t) => {
  const txt = await press(t, undefined, 'txt', 'en');
  assert.ok(
    txt.startsWith(
      "IT disruption at regio iT: All IT systems isolated as a precaution\n\nAs of: 26 November 2026, 15:00\n\nAachen, 26 November 2026 – On 24 November 2026, regio iT's monitoring systems detected unusual activity.",
    ),
    txt.slice(0, 300),
  );
  assert.match(txt, /\nAbout regio iT\n\nregio iT is a municipal IT service provider/);
  assert.match(
    txt,
    /\nPress contact\n\nregio iT, Pressestelle\nPhone: \+49 241 41359-0\nE-mail: presse@regioit\.de\n$/,
  );
});
