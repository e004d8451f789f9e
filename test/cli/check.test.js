import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, runCli, runInProcess, tempDir } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');

/** Writes a variant of the example and returns its path and the line (1-based) of a marker. */
function variantOf(t, name, edit) {
  const dir = tempDir(t);
  const file = join(dir, `${name}.yaml`);
  const text = edit(example);
  assert.notEqual(text, example, 'the edit changed the file');
  writeFileSync(file, text);
  return { dir, file, text };
}

function lineOf(text, needle) {
  return text.split('\n').findIndex((l) => l.includes(needle)) + 1;
}

test('check accepts the example', () => {
  const r = runCli(['check', EXAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /1 file OK/);
});

const CASES = [
  [
    'typo in a key',
    (s) => s.replace('  status: unknown', '  stauts: unknown'),
    'stauts',
    /error: incident\.stauts: unknown key "stauts" \(hint: did you mean `status`\?\)/,
  ],
  [
    'wrong enum value',
    (s) => s.replace('status: unknown', 'status: angriff'),
    'angriff',
    /error: incident\.status: text "angriff" is not one of unknown, attack, malfunction/,
  ],
  [
    'impossible date',
    (s) => s.replace('detected: 2026-11-24', 'detected: 2026-02-30'),
    '2026-02-30',
    /error: incident\.detected: 2026-02-30 does not exist in the calendar/,
  ],
  [
    'duplicate key',
    (s) => s.replace('  city: Aachen', '  city: Aachen\n  city: Köln'),
    'city: Köln',
    /error: duplicate key/,
  ],
  [
    'crisis team before detection',
    (s) => s.replace('crisis_team: 2026-11-24', 'crisis_team: 2026-11-20'),
    '2026-11-20',
    /error: incident\.crisis_team: the crisis team cannot be formed before/,
  ],
  [
    'findings before detection',
    (s) => s.replace('findings_expected: 2026-11-28', 'findings_expected: 2026-11-01'),
    '2026-11-01',
    /error: incident\.findings_expected: findings cannot be expected before/,
  ],
  [
    'updated before detection',
    (s) => s.replace('updated: 2026-11-26T15:00', 'updated: 2026-11-20T15:00'),
    '2026-11-20T15:00',
    /error: updated: "updated" \(Stand\) is before/,
  ],
  [
    'wrong type',
    (s) => s.replace('cancel_appointments: true', 'cancel_appointments: ja'),
    'cancel_appointments: ja',
    /error: options\.cancel_appointments: expected true or false, found text "ja"/,
  ],
];

for (const [name, edit, marker, message] of CASES) {
  test(`check reports ${name} at its line, and render writes nothing`, async (t) => {
    const { dir, file, text } = variantOf(t, name.replace(/ /g, '-'), edit);
    const r = await runInProcess(['check', file]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    const line = lineOf(text, marker);
    assert.match(
      r.stderr,
      new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}:\\d+: `, 'm'),
      r.stderr,
    );
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    const out = join(dir, 'out');
    const rendered = await runInProcess(['render', file, '-o', out]);
    assert.equal(rendered.code, 1);
    assert.equal(existsSync(out), false, 'nothing written');
  });
}

test('a missing findings_expected while investigating points at the incident block', async (t) => {
  const { file, text } = variantOf(t, 'no-findings', (s) =>
    s.replace(/ {2}findings_expected: .*\n/, ''),
  );
  const r = await runInProcess(['check', file]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    new RegExp(
      `:${lineOf(text, 'status: unknown')}:\\d+: error: incident\\.findings_expected is required while phase is investigating`,
    ),
  );
});

test('all problems of all files are reported at once', async (t) => {
  const a = variantOf(t, 'a', (s) =>
    s.replace('status: unknown', 'status: x').replace('lang: de', 'lang: fr'),
  );
  const b = variantOf(t, 'b', (s) => s.replace('  name: regio iT', '  nmae: regio iT'));
  const r = await runInProcess(['check', a.file, b.file, EXAMPLE]);
  assert.equal(r.code, 1);
  const lines = r.stderr
    .trim()
    .split('\n')
    .filter((l) => /: error: /.test(l));
  assert.ok(
    lines.some((l) => l.startsWith(a.file) && /incident\.status/.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => l.startsWith(a.file) && /lang/.test(l)),
    r.stderr,
  );
  assert.ok(
    lines.some((l) => l.startsWith(b.file) && /nmae.*did you mean `name`/.test(l)),
    r.stderr,
  );
});

test('a promised date that has passed is a warning; --strict makes it fail', async (t) => {
  const { file } = variantOf(t, 'stale', (s) =>
    s.replace('updated: 2026-11-26T15:00', 'updated: 2026-11-29T09:00'),
  );
  const r = await runInProcess(['check', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(
    r.stderr,
    /: warning: incident\.findings_expected: the promised date for findings is before "updated"/,
  );
  const strict = await runInProcess(['check', '--strict', file]);
  assert.equal(strict.code, 1);
  const json = await runInProcess(['check', '--json', file]);
  assert.equal(json.code, 0);
  const report = JSON.parse(json.stdout);
  assert.equal(report.version, 1);
  assert.equal(report.ok, true);
  assert.equal(report.diagnostics[0].severity, 'warning');
  assert.equal(typeof report.diagnostics[0].line, 'number');
  assert.equal(typeof report.diagnostics[0].col, 'number');
});

test('check --json lists errors with line and column', async (t) => {
  const { file, text } = variantOf(t, 'json', (s) => s.replace('status: unknown', 'status: atack'));
  const r = await runInProcess(['check', '--json', file]);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.diagnostics.map((d) => [d.path, d.line, d.severity]),
    [['incident.status', lineOf(text, 'status: atack'), 'error']],
  );
  assert.equal(report.diagnostics[0].hint, 'did you mean `attack`?');
});
