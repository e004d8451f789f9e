import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, LEFTOVER, listFiles, runCli, runInProcess, tempDir } from '../helpers.js';

test('render writes every artifact of the example and a manifest', (t) => {
  const out = tempDir(t);
  const r = runCli(['render', EXAMPLE, '--out', out, '--variant', 'faq']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /wrote 3 files/);
  assert.deepEqual(listFiles(out), [
    'regio-it-2026-11/faq.de.html',
    'regio-it-2026-11/faq.de.md',
    'regio-it-2026-11/faq.de.txt',
    'regio-it-2026-11/manifest.json',
  ]);
  const manifest = JSON.parse(readFileSync(join(out, 'regio-it-2026-11', 'manifest.json'), 'utf8'));
  assert.equal(manifest.artifacts.length, 3);
  for (const a of manifest.artifacts) {
    const bytes = readFileSync(join(out, 'regio-it-2026-11', a.path));
    assert.equal(a.bytes, bytes.length);
    assert.match(a.sha256, /^[0-9a-f]{64}$/);
    assert.doesNotMatch(bytes.toString('utf8'), LEFTOVER, a.path);
  }
});

test('two renders of the same input are byte-identical', async (t) => {
  const a = tempDir(t);
  const b = tempDir(t);
  assert.equal((await runInProcess(['render', EXAMPLE, '-o', a])).code, 0);
  assert.equal((await runInProcess(['render', EXAMPLE, '-o', b])).code, 0);
  for (const file of listFiles(a)) {
    assert.ok(readFileSync(join(a, file)).equals(readFileSync(join(b, file))), file);
  }
});

test('a failing render writes nothing, and keeps the previous output', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const file = join(dir, 'incident.yaml');
  writeFileSync(file, readFileSync(EXAMPLE, 'utf8'));
  assert.equal((await runInProcess(['render', file, '-o', out])).code, 0);
  const before = listFiles(out).map((f) => [f, readFileSync(join(out, f))]);
  writeFileSync(file, readFileSync(EXAMPLE, 'utf8').replace('status: unknown', 'status: attak'));
  const r = await runInProcess(['render', file, '-o', out]);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /incident\.yaml:\d+:\d+: error: incident\.status: .*did you mean `attack`\?/,
  );
  assert.deepEqual(
    listFiles(out),
    before.map(([f]) => f),
  );
  for (const [f, bytes] of before) assert.ok(readFileSync(join(out, f)).equals(bytes), f);
  const fresh = join(dir, 'fresh');
  assert.equal((await runInProcess(['render', file, '-o', fresh])).code, 1);
  assert.equal(existsSync(fresh), false);
});

test('--stdout prints exactly one artifact, and lists the choices otherwise', async () => {
  const one = await runInProcess([
    'render',
    EXAMPLE,
    '--variant',
    'faq',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(one.code, 0, one.stderr);
  assert.match(one.stdout, /^Häufig gestellte Fragen\n/);
  const many = await runInProcess(['render', EXAMPLE, '--variant', 'faq', '--stdout']);
  assert.equal(many.code, 2);
  assert.equal(many.stdout, '');
  assert.match(many.stderr, /faq\.de\.html/);
  assert.match(many.stderr, /faq\.de\.txt/);
});

test('unknown variant, format or language is a usage error listing the valid values', async () => {
  for (const [flag, value, valid] of [
    ['--variant', 'faqs', /did you mean `faq`/],
    ['--format', 'pdf', /valid: html, md, txt, eml/],
    ['--lang', 'fr', /valid: de, en/],
  ]) {
    const r = await runInProcess(['render', EXAMPLE, flag, value, '--stdout']);
    assert.equal(r.code, 2, `${flag} ${value}`);
    assert.match(r.stderr, valid);
  }
});
