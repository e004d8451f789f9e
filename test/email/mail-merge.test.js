// Mail merge: one e-mail set per recipient, each with its own To, salutation and answer, and no
// answer leaking into another recipient's files (or into the FAQ and the press release).
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { LEFTOVER, fixture, listFiles, runInProcess, tempDir } from '../helpers.js';

const FILE = fixture('mail-merge-three', 'incident.yaml');
const SLUGS = ['stadt-dueren', 'staedteregion-aachen', 'stadtwerke-eschweiler'];
const ANSWERS = {
  'stadt-dueren': 'ANTWORT-DUEREN',
  'staedteregion-aachen': 'ANTWORT-STAEDTEREGION',
};
const SALUTATIONS = {
  'stadt-dueren': 'Sehr geehrte Frau Özdemir,',
  'staedteregion-aachen': 'Sehr geehrter Herr Müller,',
  'stadtwerke-eschweiler': 'Sehr geehrte Kundinnen und Kunden,',
};

async function renderMerge(t, file = FILE, args = []) {
  const out = tempDir(t);
  const r = await runInProcess(['render', file, '-o', out, ...args]);
  assert.equal(r.code, 0, r.stderr);
  return join(out, 'mail-merge-three');
}

test('three recipients give three e-mail sets and no e-mail without a recipient', async (t) => {
  const dir = await renderMerge(t);
  const emails = listFiles(dir).filter((f) => f.startsWith('email.'));
  assert.deepEqual(
    emails,
    SLUGS.flatMap((s) => ['eml', 'html', 'md', 'txt'].map((ext) => `email.de.${s}.${ext}`)).sort(),
  );
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  const recipients = manifest.artifacts
    .filter((a) => a.variant === 'email')
    .map((a) => a.recipient);
  assert.deepEqual([...new Set(recipients)].sort(), [...SLUGS].sort());
});

test('each recipient gets its own salutation and only its own answer, in every format', async (t) => {
  const dir = await renderMerge(t);
  for (const file of listFiles(dir)) {
    const text = readFileSync(join(dir, file), 'utf8');
    const eml = file.endsWith('.eml');
    // Quoted-printable may break a line anywhere: undo soft breaks before searching.
    const body = eml ? text.replace(/=\r\n/g, '') : text;
    for (const [slug, answer] of Object.entries(ANSWERS)) {
      const own = file.startsWith(`email.de.${slug}.`);
      assert.equal(body.includes(answer), own, `${answer} in ${file}`);
    }
    assert.doesNotMatch(text, LEFTOVER, file);
  }
  for (const slug of SLUGS) {
    const txt = readFileSync(join(dir, `email.de.${slug}.txt`), 'utf8');
    assert.ok(txt.startsWith(`${SALUTATIONS[slug]}\n\n`), `${slug}: ${txt.slice(0, 40)}`);
    for (const [other, salutation] of Object.entries(SALUTATIONS))
      if (other !== slug) assert.ok(!txt.includes(salutation), `${slug} has ${other}'s salutation`);
  }
});

test('the individual answer is Markdown: bold in HTML, plain in text, after the apology', async (t) => {
  const dir = await renderMerge(t);
  const txt = readFileSync(join(dir, 'email.de.stadt-dueren.txt'), 'utf8');
  const html = readFileSync(join(dir, 'email.de.stadt-dueren.html'), 'utf8');
  assert.match(txt, /\n\nZu Ihrer Frage nach den Kfz-Zulassungen: Die Zulassungsstelle Düren/);
  assert.doesNotMatch(txt, /\*\*/);
  assert.match(html, /<strong[^>]*>Kfz-Zulassungen<\/strong>/);
  const apology = txt.indexOf('Wir bedauern die Unannehmlichkeiten');
  const answer = txt.indexOf('Zu Ihrer Frage');
  const outlook = txt.indexOf('Wir rechnen damit');
  assert.ok(
    apology > 0 && apology < answer && answer < outlook,
    'where the seed answers individually',
  );
});

test('salutation falls back: recipient → email.salutation → the language default', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'mail-merge-three.yaml');
  writeFileSync(
    file,
    readFileSync(FILE, 'utf8').replace(
      /^ {2}salutation: Sehr geehrte Kundinnen und Kunden,\n/m,
      '',
    ),
  );
  const out = await renderMerge(t, file, ['--variant', 'email', '--format', 'txt']);
  assert.match(
    readFileSync(join(out, 'email.de.stadtwerke-eschweiler.txt'), 'utf8'),
    /^Sehr geehrte Damen und Herren,\n\n/,
  );
  assert.match(
    readFileSync(join(out, 'email.de.stadt-dueren.txt'), 'utf8'),
    /^Sehr geehrte Frau Özdemir,\n\n/,
  );
});

test('--stdout with several recipients is a usage error that lists each recipient file', async () => {
  const many = await runInProcess([
    'render',
    FILE,
    '--variant',
    'email',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(many.code, 2);
  assert.equal(many.stdout, '');
  for (const slug of SLUGS) assert.match(many.stderr, new RegExp(`email\\.de\\.${slug}\\.txt`));
});
