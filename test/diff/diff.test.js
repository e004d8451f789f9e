import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { compareFacts } from '../../lib/diff/facts.js';
import { unifiedDiff } from '../../lib/diff/unified.js';
import { buildIncidentJsonSchema } from '../../lib/schema/json-schema.js';
import { EXAMPLE, runCli, runInProcess, tempDir } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');
const FINDINGS = /findings_expected: (\d{4}-\d{2}-\d{2})/;
const MONTHS_DE = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August'];
MONTHS_DE.push('September', 'Oktober', 'November', 'Dezember');
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August'];
MONTHS_EN.push('September', 'October', 'November', 'December');

/** 2026-11-28 → "28. November 2026" / "28 November 2026", computed here, not by faq. */
function longDate(iso, lang) {
  const [y, m, d] = iso.split('-').map(Number);
  return lang === 'de' ? `${d}. ${MONTHS_DE[m - 1]} ${y}` : `${d} ${MONTHS_EN[m - 1]} ${y}`;
}

function addDays(iso, days) {
  return new Date(Date.parse(iso) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The example as old.yaml and an edited copy as new.yaml. */
function versions(t, edit) {
  const dir = tempDir(t);
  const oldFile = join(dir, 'old.yaml');
  const newFile = join(dir, 'new.yaml');
  writeFileSync(oldFile, example);
  const edited = edit(example);
  assert.notEqual(edited, example, 'the edit applies');
  writeFileSync(newFile, edited);
  return { dir, oldFile, newFile };
}

const oldDate = FINDINGS.exec(example)[1];
const newDate = addDays(oldDate, 3);
const moveFindings = (s) => s.replace(FINDINGS, `findings_expected: ${newDate}`);

test('one changed date: a short diff with the old and new date, and the fact line', async (t) => {
  const { dir, oldFile, newFile } = versions(t, moveFindings);
  const r = runCli(['diff', oldFile, newFile]);
  assert.equal(r.code, 1, r.stderr);
  const [before, after] = [longDate(oldDate, 'de'), longDate(newDate, 'de')];
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], `incident.findings_expected: ${before} → ${after}`);
  assert.ok(lines.includes(`--- ${oldFile} (faq.de.txt)`));
  assert.ok(lines.includes(`+++ ${newFile} (faq.de.txt)`));
  const removed = lines.filter((l) => l.startsWith('-') && !l.startsWith('---'));
  const added = lines.filter((l) => l.startsWith('+') && !l.startsWith('+++'));
  assert.ok(removed.length > 0 && removed.length === added.length);
  for (const l of removed) assert.ok(l.includes(before), `removed line has the old date: ${l}`);
  for (const l of added) assert.ok(l.includes(after), `added line has the new date: ${l}`);
  // Not a dump of the document: at most 3 lines of context around each change.
  const full = await runInProcess([
    'render',
    newFile,
    '--variant',
    'faq',
    '--format',
    'txt',
    '--stdout',
  ]);
  // The two headers name the files: their folder (the system's temporary one, of any length)
  // does not count.
  const shown = r.stdout.replaceAll(dir, '');
  assert.ok(shown.length < full.stdout.length / 2, 'much shorter than the document');
  for (const hunk of r.stdout.split(/^@@.*@@$/m).slice(1)) {
    const context = hunk.split('\n').filter((l) => l.startsWith(' '));
    assert.ok(context.length <= 6, `context per hunk: ${context.length}`);
  }
  assert.doesNotMatch(r.stdout, /\u001b\[/, 'no colour when not a terminal');
  assert.equal(r.stderr, '');
});

test('the same text: exit 0 and nothing on stdout, even if comments changed', async (t) => {
  const { oldFile, newFile } = versions(t, (s) => `# reviewed\n${s}`);
  const r = await runInProcess(['diff', oldFile, newFile]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /the faq text \(de, txt\) is the same/);
});

test('a changed fact the variant does not show: exit 0, and the fact is named on stderr', async (t) => {
  const { oldFile, newFile } = versions(t, (s) =>
    s.replace('press: {}', 'press: { headline: Neue Überschrift }'),
  );
  const r = await runInProcess(['diff', oldFile, newFile, '--variant', 'faq']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    /changed facts that it does not show: press\.headline: \(not set\) → "Neue Überschrift"/,
  );
  const press = await runInProcess([
    'diff',
    oldFile,
    newFile,
    '--variant',
    'press',
    '--format',
    'md',
  ]);
  assert.equal(press.code, 1, press.stderr);
  assert.match(press.stdout, /^\+# Neue Überschrift$/m);
});

test('--lang en shows English dates; the e-mail diff includes the subject', async (t) => {
  const { oldFile, newFile } = versions(t, (s) =>
    moveFindings(s).replace(/^updated: \S+/m, 'updated: 2026-11-27T09:30'),
  );
  const r = await runInProcess(['diff', oldFile, newFile, '--variant', 'email', '--lang', 'en']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(
    r.stdout,
    new RegExp(
      `^incident\\.findings_expected: ${longDate(oldDate, 'en')} → ${longDate(newDate, 'en')}$`,
      'm',
    ),
  );
  assert.match(r.stdout, /^updated: .* → 27 November 2026, 09:30$/m);
  assert.match(r.stdout, /^\+Subject: .*27 November 2026, 09:30/m);
  assert.match(r.stdout, /^\+\+\+ .*\(email\.en\.txt\)$/m);
});

test("a mail merge compares every recipient's e-mail; a new recipient is a new file", async (t) => {
  const merge = (names) =>
    example.replace(
      /^email:\n/m,
      `email:\n  recipients:\n${names.map((n) => `    - name: ${n}\n`).join('')}`,
    );
  const dir = tempDir(t);
  writeFileSync(join(dir, 'a.yaml'), merge(['Stadt Aachen']));
  writeFileSync(join(dir, 'b.yaml'), moveFindings(merge(['Stadt Aachen', 'Kreis Düren'])));
  const r = await runInProcess([
    'diff',
    join(dir, 'a.yaml'),
    join(dir, 'b.yaml'),
    '--variant',
    'email',
  ]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^\+\+\+ .*\(email\.de\.stadt-aachen\.txt\)$/m);
  assert.match(r.stdout, /^--- \/dev\/null$/m);
  assert.match(r.stdout, /^\+\+\+ .*\(email\.de\.kreis-dueren\.txt\)$/m);
  assert.match(r.stdout, /^email\.recipients\.1: added$/m);
});

test('the old version can come from stdin, and any file name works without an id', async (t) => {
  const { dir, newFile } = versions(t, moveFindings);
  const noId = example.replace(/^id: .*\n/m, '');
  const orig = join(dir, 'incident.yaml.orig');
  writeFileSync(orig, noId);
  const fromFile = await runInProcess(['diff', orig, newFile]);
  assert.equal(fromFile.code, 1, fromFile.stderr);
  assert.match(fromFile.stdout, /^--- .*incident\.yaml\.orig \(faq\.de\.txt\)$/m);
  const fromStdin = await runInProcess(['diff', '-', newFile], { input: noId });
  assert.equal(fromStdin.code, 1, fromStdin.stderr);
  assert.match(fromStdin.stdout, /^--- <stdin> \(faq\.de\.txt\)$/m);
  const body = (out) => out.replace(/^--- .*\n/m, '');
  assert.equal(body(fromStdin.stdout), body(fromFile.stdout));
});

test('invalid input: diagnostics on stderr, nothing on stdout, exit 2 (never 1)', async (t) => {
  const { dir, oldFile, newFile } = versions(t, (s) =>
    s.replace('status: unknown', 'status: attak'),
  );
  const r = await runInProcess(['diff', oldFile, newFile]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /new\.yaml:\d+:\d+: error: incident\.status: .*did you mean `attack`\?/);
  const brokenOld = join(dir, 'broken.yaml');
  writeFileSync(brokenOld, 'updated: [\n');
  const both = await runInProcess(['diff', brokenOld, newFile]);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /broken\.yaml:\d+:\d+: error/);
  assert.match(both.stderr, /new\.yaml:\d+:\d+: error/, 'all problems of both files at once');
  const missing = await runInProcess(['diff', join(dir, 'nope.yaml'), newFile]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^faq: error: file not found: \S*nope\.yaml \(hint: /m);
});

test('usage errors exit 2', async (t) => {
  const { oldFile, newFile } = versions(t, moveFindings);
  for (const args of [
    ['--variant', 'emial'],
    ['--format', 'html'],
    ['--lang', 'fr'],
  ]) {
    const r = await runInProcess(['diff', oldFile, newFile, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.stdout, '');
  }
  assert.match(
    (await runInProcess(['diff', oldFile, newFile, '--variant', 'emial'])).stderr,
    /did you mean `email`/,
  );
  assert.equal((await runInProcess(['diff', oldFile])).code, 2);
});

test('--quiet: only the exit code', async (t) => {
  const { oldFile, newFile } = versions(t, moveFindings);
  const r = await runInProcess(['diff', oldFile, newFile, '--quiet']);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
  assert.equal((await runInProcess(['diff', oldFile, oldFile, '-q'])).code, 0);
});

test('colour only when asked for by the terminal, and never with NO_COLOR', async (t) => {
  const { oldFile, newFile } = versions(t, moveFindings);
  const forced = await runInProcess(['diff', oldFile, newFile], {
    env: { NO_COLOR: '', FORCE_COLOR: '1' },
  });
  assert.equal(forced.code, 1);
  assert.match(forced.stdout, /\u001b\[31m-/, 'removed lines red');
  assert.match(forced.stdout, /\u001b\[32m\+/, 'added lines green');
  assert.match(forced.stdout, /\u001b\[7m/, 'changed words highlighted');
  const both = await runInProcess(['diff', oldFile, newFile], {
    env: { NO_COLOR: '1', FORCE_COLOR: '1' },
  });
  assert.doesNotMatch(both.stdout, /\u001b\[/);
});

test('compareFacts: defaults count as set, long texts are named, lists and dates are shown', () => {
  const schema = buildIncidentJsonSchema();
  const base = {
    updated: '2026-11-26T15:00',
    organization: { name: 'X', about: 'a'.repeat(80) },
    incident: { status: 'unknown', detected: '2026-11-24', findings_expected: '2026-11-28' },
  };
  const next = JSON.parse(JSON.stringify(base));
  next.incident.phase = 'investigating'; // the default: no change in fact
  next.organization.about = 'b'.repeat(80);
  next.incident.measures = ['shutdown', 'experts'];
  next.incident.detected = '2026-11-23T23:30Z'; // 00:30 in Berlin on the 24th
  const changes = compareFacts(base, next, { lang: 'de', schema }).map(
    (c) => `${c.path}: ${c.change}`,
  );
  assert.deepEqual(changes, [
    'organization.about: changed',
    'incident.detected: 24. November 2026 → 24. November 2026, 00:30 Uhr',
    'incident.measures: [shutdown, crisis_team, experts, forensics] (default) → [shutdown, experts]',
  ]);
  assert.deepEqual(
    compareFacts(base, JSON.parse(JSON.stringify(base)), { lang: 'de', schema }),
    [],
  );
});

test('unifiedDiff: only changed hunks, with three lines of context', () => {
  const lines = Array.from({ length: 40 }, (_, i) => `line ${i + 1}`);
  const changed = [...lines];
  changed[19] = 'line twenty';
  const out = unifiedDiff(
    { name: 'a', text: `${lines.join('\n')}\n` },
    { name: 'b', text: `${changed.join('\n')}\n` },
  );
  assert.equal(
    out,
    [
      '--- a',
      '+++ b',
      '@@ -17,7 +17,7 @@',
      ' line 17',
      ' line 18',
      ' line 19',
      '-line 20',
      '+line twenty',
      ' line 21',
      ' line 22',
      ' line 23',
      '',
    ].join('\n'),
  );
  assert.equal(unifiedDiff({ name: 'a', text: 'x\n' }, { name: 'b', text: 'x\n' }), undefined);
});

test('the fact lines name only what the compared variant shows: no questions for the press release', async (t) => {
  const addQuestion = (s) =>
    moveFindings(s).replace(
      /^questions:.*\n/m,
      (line) => `${line}  - question: Wo bekomme ich Hilfe?\n    answer: Bei der Hotline.\n`,
    );
  const { oldFile, newFile } = versions(t, addQuestion);
  const press = await runInProcess(['diff', oldFile, newFile, '--variant', 'press']);
  assert.equal(press.code, 1, press.stderr);
  const facts = press.stdout.split('\n\n')[0].split('\n');
  assert.deepEqual(facts, [
    `incident.findings_expected: ${longDate(oldDate, 'de')} → ${longDate(newDate, 'de')}`,
  ]);
  const faq = await runInProcess(['diff', oldFile, newFile, '--variant', 'faq']);
  assert.equal(faq.code, 1, faq.stderr);
  assert.match(faq.stdout, /^questions\.1: added$/m, 'the FAQ shows its questions');
});
