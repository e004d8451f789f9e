// The short notices (issue 14) as a user gets them: built-in wording for every status and phase
// in the speaker's voice, the file's own texts counted exactly (one over the limit fails at its
// line, at the limit passes), the field that made a built-in text too long, --stdout, --json,
// the draft mark and --release, the spoken hotline text and the banner snippet.
import assert from 'node:assert/strict';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import { FIXTURES, runInProcess, tempDir } from '../helpers.js';
import { renderFiles } from '../../lib/index.js';

const BASE = `lang: de
updated: 2026-11-26T15:00
approval: { by: Pressestelle, at: 2026-11-26T15:00 }
organization:
  name: regio iT
  website: https://www.regioit.de
incident:
  status: attack
  phase: investigating
  detected: 2026-11-24
  findings_expected: 2026-11-28
contacts:
  hotline: { phone: '+49 241 41359-999', hours: Mo–Fr 8–18 Uhr }
`;

function writeIncident(t, yaml, name = 'notice-test') {
  const file = join(tempDir(t), `${name}.yaml`);
  writeFileSync(file, yaml);
  return file;
}

/** The line (1-based) of the first line of `yaml` that contains `needle`. */
const lineOf = (yaml, needle) => yaml.split('\n').findIndex((l) => l.includes(needle)) + 1;

async function noticesOf(file, langs) {
  const outcome = await renderFiles({
    files: [file],
    variants: ['sms', 'social', 'banner', 'phone'],
    ...(langs ? { langs } : {}),
    dryRun: true,
  });
  return Object.fromEntries(
    outcome.artifacts.map((a) => [
      a.path.split('/').pop(),
      { text: new TextDecoder().decode(a.content), notice: a.notice },
    ]),
  );
}

test('an own SMS of exactly 160 GSM-7 characters passes; 161 fails at its line with the count', async (t) => {
  const at = `regio iT: ${'x'.repeat(150)}`;
  const ok = writeIncident(t, `${BASE}notices:\n  sms:\n    text: '${at}'\n`);
  const r = await runInProcess(['render', ok, '--variant', 'sms', '--stdout']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, at, '--stdout prints exactly the text to paste');
  const yaml = `${BASE}notices:\n  sms:\n    text: '${at}y'\n`;
  const over = writeIncident(t, yaml);
  const bad = await runInProcess(['check', over]);
  assert.equal(bad.code, 1);
  assert.match(
    bad.stderr,
    new RegExp(
      `:${lineOf(yaml, 'text:')}:11: error: notices\\.sms\\.text: sms: 161 of 160 characters \\(GSM-7, 1 part; needs 2\\)`,
    ),
  );
  const render = await runInProcess(['render', over, '-o', tempDir(t)]);
  assert.equal(render.code, 1, 'nothing is cut: the render fails');
});

test('one "ć" makes the SMS UCS-2 (70); more parts with notices.sms.segments', async (t) => {
  const text = `regio iT: ć${'x'.repeat(59)}`;
  assert.equal([...text].length, 70);
  const ok = writeIncident(t, `${BASE}notices:\n  sms:\n    text: '${text}'\n`);
  assert.equal((await runInProcess(['check', ok])).code, 0);
  const yaml = `${BASE}notices:\n  sms:\n    text: '${text}x'\n`;
  const bad = await runInProcess(['check', writeIncident(t, yaml)]);
  assert.match(bad.stderr, /sms: 71 of 70 characters \(UCS-2, 1 part; needs 2\)/);
  const two = `${BASE}notices:\n  sms:\n    text: '${text}x'\n    segments: 2\n`;
  assert.equal((await runInProcess(['check', writeIncident(t, two)])).code, 0);
});

test('an own post: X counts a URL 23, so 280 weighted pass and 281 fail at the line of the text', async (t) => {
  // 20 characters that X counts as 23 (Bluesky as 20: the post must fit all three).
  const url = 'https://regioit.de/s';
  const fill = (n) => `regio iT: ${'x'.repeat(n - 10 - 1 - 23)} ${url}`;
  const ok = writeIncident(t, `${BASE}notices:\n  social:\n    text: '${fill(280)}'\n`);
  assert.equal((await runInProcess(['check', ok])).code, 0);
  const yaml = `${BASE}notices:\n  social:\n    text: '${fill(281)}'\n`;
  const bad = await runInProcess(['check', writeIncident(t, yaml)]);
  assert.match(
    bad.stderr,
    new RegExp(
      `:${lineOf(yaml, 'text:')}:\\d+: error: notices\\.social\\.text: social: 281 of 280 weighted characters \\(X\\)`,
    ),
  );
});

test('a built-in SMS made too long by a long name fails at the name, with a short_name hint', async (t) => {
  const long = `Kommunales Gebietsrechenzentrum ${'Nordrheinwestfalen '.repeat(6).trim()}`;
  const yaml = BASE.replace(
    'name: regio iT',
    `name: ${long}\n  grammar: { gender: neuter, forms: { nom: das ${long}, gen: des ${long}, dat: dem ${long}, acc: das ${long} } }`,
  );
  const r = await runInProcess(['check', writeIncident(t, yaml)]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    new RegExp(
      `:${lineOf(yaml, 'name: Kommunales')}:\\d+: error: organization\\.name: sms: \\d+ of 160 characters .*shortest built-in wording \\(de\\) \\(hint: a shorter name for notices in organization\\.short_name`,
    ),
  );
  const short = yaml.replace('  website:', '  short_name: KGRZ\n  website:');
  const file = writeIncident(t, short);
  assert.equal((await runInProcess(['check', file])).code, 0);
  const notices = await noticesOf(file);
  assert.match(notices['sms.de.txt'].text, /^KGRZ: Cyberangriff/);
});

test('--json reports each notice with its counts and limits', async (t) => {
  const file = writeIncident(t, BASE);
  const r = await runInProcess([
    'render',
    file,
    '--variant',
    'sms,social',
    '--json',
    '-o',
    tempDir(t),
  ]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  const sms = report.artifacts.find((a) => a.variant === 'sms');
  assert.equal(sms.notice.kind, 'sms');
  assert.deepEqual(Object.keys(sms.notice.counts[0]).sort(), [
    'count',
    'encoding',
    'fits',
    'limit',
    'parts',
    'rule',
    'unit',
  ]);
  assert.equal(sms.notice.counts[0].limit, 160);
  const social = report.artifacts.find((a) => a.variant === 'social');
  assert.deepEqual(
    social.notice.counts.map((c) => [c.rule, c.limit]),
    [
      ['x', 280],
      ['bluesky', 300],
      ['mastodon', 500],
    ],
  );
  assert.ok(social.notice.counts.every((c) => c.fits && c.count > 50));
});

test('a draft notice starts with "ENTWURF:" / "DRAFT:", and --release refuses it', async (t) => {
  const draft = BASE.replace(/^approval:.*\n/m, '');
  const file = writeIncident(t, draft);
  const notices = await noticesOf(file);
  for (const name of ['sms.de.txt', 'social.de.txt', 'banner.de.txt', 'phone.de.txt'])
    assert.match(notices[name].text, /^ENTWURF: regio iT|^ENTWURF: Sie hören/, name);
  assert.match(
    notices['banner.de.html'].text,
    /^<div [^>]*><strong>ENTWURF:<\/strong> <strong>regio iT:<\/strong>/,
  );
  const r = await runInProcess(['render', file, '--variant', 'sms', '--release', '-o', tempDir(t)]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /approv/i);
});

test('the hotline text is written to be spoken: weekday dates, "15 Uhr", digits in groups, no URL, ≤ 150 words', async (t) => {
  const yaml = BASE.replace(
    'incident:',
    'updates:\n  - at: 2026-11-26T15:00\n    text: Die **Kfz-Zulassung** ist [wieder offen](https://example.org).\nincident:',
  );
  const { 'phone.de.txt': de } = await noticesOf(writeIncident(t, yaml));
  const text = de.text;
  assert.match(text, /Stand dieser Ansage: Donnerstag, den 26\. November, um 15 Uhr\./);
  assert.match(text, /am Samstag, den 28\. November bekannt/);
  assert.match(text, /0 2 4 1, 4 1 3 5 9, 9 9 9, Montag bis Freitag 8 bis 18 Uhr/);
  assert.match(text, /im Internet unter regioit\.de\./);
  assert.match(
    text,
    /Neu seit Donnerstag, den 26\. November, um 15 Uhr: Die Kfz-Zulassung ist wieder offen\./,
  );
  assert.doesNotMatch(text, /https?:|www\.|\*\*|\]\(/);
  assert.ok(text.split(/\s+/).length <= 150);
  assert.deepEqual(
    de.notice.counts.map((c) => c.rule),
    ['phone'],
  );
});

test('the banner is one element with role="status", inline style only, no script or handler, text escaped', async (t) => {
  const yaml = BASE.replace('name: regio iT', `name: 'regio <b onclick="x()">Süd</b> & Co'`);
  const { 'banner.de.html': banner, 'banner.de.txt': txt } = await noticesOf(
    writeIncident(t, yaml),
  );
  const html = banner.text.trim();
  assert.match(html, /^<div role="status" lang="de" style="[^"<>]+">[\s\S]*<\/div>$/);
  assert.equal(html.match(/<div\b/g).length, 1, 'one element');
  assert.doesNotMatch(html, /<script|<style|<[a-z][^>]*\s(on[a-z]+|class)\s*=/i);
  assert.match(
    html,
    /<strong>regio &lt;b onclick=&quot;x\(\)&quot;&gt;Süd&lt;\/b&gt; &amp; Co:<\/strong>/,
  );
  assert.match(
    html,
    /<a href="https:\/\/www\.regioit\.de" style="[^"]+">https:\/\/www\.regioit\.de<\/a>/,
  );
  assert.match(txt.text, /^regio <b onclick="x\(\)">Süd<\/b> & Co: Cyberangriff\./);
});

test('an own text with a placeholder is refused: the text is sent as written', async (t) => {
  const yaml = `${BASE}notices:\n  banner:\n    text: 'Stand {{updated}}: alles gut'\n`;
  const r = await runInProcess(['check', writeIncident(t, yaml)]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    new RegExp(`:${lineOf(yaml, 'text:')}:\\d+: error: notices\\.banner\\.text contains "\\{\\{"`),
  );
});

const STATE = {
  unknown: /IT-Störung|IT disruption/,
  attack: /Cyberangriff|cyber attack/i,
  malfunction: /Fehlfunktion|malfunction/i,
};

test('every status × phase fixture: each notice names the speaker, the state and the website or hotline, and fits', async () => {
  const names = readdirSync(FIXTURES).filter((n) =>
    /^(unknown|attack|malfunction)-(investigating|recovering|resolved)$/.test(n),
  );
  assert.equal(names.length, 9);
  for (const name of names) {
    const file = join(FIXTURES, name, 'incident.yaml');
    const notices = await noticesOf(file);
    const status = name.split('-')[0];
    for (const [path, { text, notice }] of Object.entries(notices)) {
      const where = `${name}/${path}`;
      assert.ok(
        notice.counts.every((c) => c.fits),
        where,
      );
      assert.match(text, STATE[status], where);
      assert.doesNotMatch(text, /\{\{|\}\}|DATUM|OPTION:|undefined|NaN/, where);
      if (path.endsWith('.html')) continue;
      assert.ok(text.length > 40, where);
      assert.match(
        text,
        /(https?:\/\/\S+|\+?\d[\d -]{5,}|\d( \d)+)/,
        `${where}: a website or a number`,
      );
    }
  }
});
