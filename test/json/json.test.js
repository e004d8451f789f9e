import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FORMATS } from '../../lib/formats/registry.js';
import { EXAMPLE, ROOT, listFiles, runInProcess, tempDir } from '../helpers.js';

const VARIANTS = Object.keys(
  JSON.parse(readFileSync(join(ROOT, 'templates', 'variants.json'), 'utf8')),
);

const example = readFileSync(EXAMPLE, 'utf8');

function write(t, name, text) {
  const dir = tempDir(t);
  const file = join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

/** Several problems at once: a YAML-level one in one file, schema and rule errors in another. */
function brokenFiles(t) {
  const a = write(
    t,
    'a.yaml',
    example
      .replace('status: unknown', 'status: attak')
      .replace('  city: Aachen', '  stadt: Aachen')
      .replace('detected: 2026-11-24', 'detected: 2026-02-30'),
  );
  const b = write(t, 'b.yaml', 'updated: 2026-11-26\nupdated: 2026-11-27\n');
  const c = write(
    t,
    'c.yaml',
    example.replace('crisis_team: 2026-11-24', 'crisis_team: 2026-11-20'),
  );
  return [a.file, b.file, c.file];
}

test('check --json: version 1, and line and column for every diagnostic', async (t) => {
  const files = brokenFiles(t);
  const r = await runInProcess(['check', '--json', ...files]);
  assert.equal(r.code, 1);
  assert.equal(r.stderr, '', 'the data is on stdout, nothing else is printed');
  const report = JSON.parse(r.stdout);
  assert.equal(report.version, 1);
  assert.equal(report.ok, false);
  assert.deepEqual(
    report.files.map((f) => f.file),
    files,
  );
  assert.ok(report.diagnostics.length >= 5, `${report.diagnostics.length} diagnostics`);
  for (const d of report.diagnostics) {
    assert.ok(files.includes(d.file), d.file);
    assert.ok(Number.isInteger(d.line) && d.line >= 1, `line of ${d.message}`);
    assert.ok(Number.isInteger(d.col) && d.col >= 1, `col of ${d.message}`);
    assert.match(d.severity, /^(error|warning)$/);
    assert.equal(typeof d.path, 'string');
    assert.equal(typeof d.message, 'string');
  }
  // The positions are those of the offending keys and values.
  const lines = readFileSync(files[0], 'utf8').split('\n');
  const at = (path) => report.diagnostics.find((d) => d.file === files[0] && d.path === path);
  const stadt = at('organization.stadt');
  assert.equal(lines[stadt.line - 1].indexOf('stadt') + 1, stadt.col);
  const status = at('incident.status');
  assert.equal(lines[status.line - 1].indexOf('attak') + 1, status.col);
  const dup = report.diagnostics.find((d) => d.file === files[1]);
  assert.equal(dup.line, 2);
});

test('check --json on good files: ok true with the ids', async () => {
  const r = await runInProcess(['check', '--json', EXAMPLE]);
  assert.equal(r.code, 0, r.stderr);
  const report = JSON.parse(r.stdout);
  assert.deepEqual(report, {
    version: 1,
    ok: true,
    files: [{ file: EXAMPLE, id: 'regio-it-2026-11', errors: 0, warnings: 0 }],
    diagnostics: [],
  });
});

test('render --json: every written artifact with path, bytes and sha256', async (t) => {
  const out = join(tempDir(t), 'out');
  const r = await runInProcess(['render', EXAMPLE, '-o', out, '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const report = JSON.parse(r.stdout);
  assert.equal(report.version, 1);
  assert.equal(report.ok, true);
  assert.equal(report.out, out);
  assert.deepEqual(report.diagnostics, []);
  const written = listFiles(out).filter((f) => !f.endsWith('manifest.json'));
  assert.equal(report.artifacts.length, written.length);
  for (const a of report.artifacts) {
    assert.ok(existsSync(a.path), a.path);
    const bytes = readFileSync(a.path);
    assert.equal(a.bytes, bytes.length);
    assert.equal(a.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(a.id, 'regio-it-2026-11');
    const ext = FORMATS[a.format].ext;
    assert.ok(
      a.path.endsWith(a.variant === 'status' ? '/status.json' : `.${a.lang}.${ext}`),
      a.path,
    );
    assert.ok(VARIANTS.includes(a.variant), a.variant);
  }
  const manifest = JSON.parse(readFileSync(join(out, 'regio-it-2026-11', 'manifest.json')));
  assert.deepEqual(
    manifest.artifacts.map((m) => m.sha256).sort(),
    report.artifacts.map((a) => a.sha256).sort(),
  );
});

test('render --json on invalid input: ok false with positioned diagnostics, nothing written', async (t) => {
  const files = brokenFiles(t);
  const out = join(tempDir(t), 'out');
  const r = await runInProcess(['render', ...files, '-o', out, '--json']);
  assert.equal(r.code, 1);
  const report = JSON.parse(r.stdout);
  assert.equal(report.version, 1);
  assert.equal(report.ok, false);
  assert.deepEqual(report.artifacts, []);
  assert.ok(report.diagnostics.length >= 5);
  for (const d of report.diagnostics) assert.ok(d.line >= 1 && d.col >= 1);
  assert.equal(existsSync(out), false);
});

test('render --json with --stdout is a usage error', async () => {
  const r = await runInProcess(['render', EXAMPLE, '--json', '--stdout']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--json and --stdout cannot be combined/);
});

const WARNING = (s) => s.replace(/^updated: \S+/m, 'updated: 2026-11-29T10:00');

test('--quiet: render and check print nothing on success, even with warnings', async (t) => {
  const { dir, file } = write(t, 'w.yaml', WARNING(example));
  const loud = await runInProcess(['check', file]);
  assert.equal(loud.code, 0);
  assert.match(loud.stderr, /warning: incident\.findings_expected/);
  for (const args of [
    ['check', file, '--quiet'],
    ['render', file, '-o', join(dir, 'out'), '--quiet'],
    ['render', file, '-o', join(dir, 'out'), '-q', '--variant', 'faq'],
  ]) {
    const r = await runInProcess(args);
    assert.equal(r.code, 0, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
    assert.equal(r.stderr, '', args.join(' '));
  }
  assert.ok(listFiles(join(dir, 'out')).length > 0, 'it rendered');
});

test('--quiet still prints errors (and only errors), and what --strict fails on', async (t) => {
  const { file } = write(t, 'e.yaml', WARNING(example).replace('status: unknown', 'status: attak'));
  for (const command of ['check', 'render']) {
    const r = await runInProcess([command, file, '--quiet']);
    assert.equal(r.code, 1, command);
    assert.match(r.stderr, /error: incident\.status/, command);
    assert.doesNotMatch(r.stderr, /warning/, command);
  }
  const { file: warned } = write(t, 'w.yaml', WARNING(example));
  const strict = await runInProcess(['check', warned, '--quiet', '--strict']);
  assert.equal(strict.code, 1);
  assert.match(strict.stderr, /warning: incident\.findings_expected/);
});
