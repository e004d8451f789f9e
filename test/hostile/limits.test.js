// The hostile corpus, part 2: inputs too big, endless or odd to keep as fixture files are made
// here — a 30 MB file, an endless device, a file one byte over the limit, 80 000 unknown keys, a
// folder, a missing file, a path through a file (FIFOs: special-files.test.js). Each: exit 1, one line naming the file, no stack
// trace, no output; and nothing hangs (every run has a timeout that fails the test).
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, runInProcess, tempDir } from '../helpers.js';

const LIMIT = 1024 * 1024;
const example = readFileSync(EXAMPLE, 'utf8');

/** Runs check and render on `file`; both must fail with one diagnostic matching `message`. */
async function assertRefused(t, file, message, { at = '1:1', timeout = 20_000 } = {}) {
  const out = join(tempDir(t), 'out');
  for (const args of [
    ['check', file],
    ['render', file, '-o', out],
  ]) {
    const r = await runInProcess(args, { timeout });
    assert.equal(r.signal, null, `${args[0]} finished within ${timeout} ms`);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stdout, '');
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stderr);
    // A file that cannot be read has no position (`at: null`): its message names it.
    const start = at === null ? 'faq: error: ' : `${file}:${at}: error: `;
    assert.ok(lines[0].startsWith(start), lines[0]);
    if (at === null) assert.ok(lines[0].includes(file), lines[0]);
    assert.match(lines[0], message);
    assert.equal(existsSync(out), false);
  }
}

test('a 30 MB file is refused by its size, before it is read', async (t) => {
  const file = join(tempDir(t), 'huge.yaml');
  writeFileSync(file, '');
  truncateSync(file, 30 * 1024 * 1024); // sparse: 30 MB of zero bytes that are never read
  await assertRefused(
    t,
    file,
    /file is larger than 1024 KiB, the limit for incident files \(30720 KiB\)/,
  );
});

test('an endless input (/dev/zero) is refused before it is read: it is no regular file', async (t) => {
  if (!existsSync('/dev/zero')) return t.skip('no /dev/zero on this system');
  await assertRefused(t, '/dev/zero', /is a device, not a regular file/, { at: null });
});

test('one byte over the limit is refused; exactly at the limit is read', async (t) => {
  const dir = tempDir(t);
  const padded = (size) => {
    const head = example.replace('id: regio-it-2026-11', 'id: at-the-limit');
    return `${head}\n#${'x'.repeat(size - Buffer.byteLength(head) - 3)}\n`;
  };
  const over = join(dir, 'over.yaml');
  writeFileSync(over, padded(LIMIT + 1));
  assert.equal(readFileSync(over).length, LIMIT + 1);
  await assertRefused(t, over, /larger than 1024 KiB/);
  const at = join(dir, 'at.yaml');
  writeFileSync(at, padded(LIMIT));
  assert.equal(readFileSync(at).length, LIMIT);
  const r = await runInProcess(['check', at]);
  assert.equal(r.code, 0, r.stderr);
});

test('80 000 unknown keys: the first 100 problems and how many more, quickly', async (t) => {
  const file = join(tempDir(t), 'keys.yaml');
  const keys = Array.from({ length: 80_000 }, (_, i) => `k${i}: 1`).join('\n');
  writeFileSync(file, `${example}\n${keys}\n`);
  assert.ok(readFileSync(file).length < LIMIT);
  const r = await runInProcess(['check', file], { timeout: 30_000 });
  assert.equal(r.signal, null, 'finished within the timeout');
  assert.equal(r.code, 1);
  const lines = r.stderr.split('\n').filter(Boolean);
  assert.equal(lines.length, 101);
  assert.match(lines.at(-1), /error: 79900 more problems not shown/);
});

test('80 000 keys in one mapping do not make the duplicate check quadratic', async (t) => {
  const file = join(tempDir(t), 'dup.yaml');
  const keys = Array.from({ length: 80_000 }, (_, i) => `  k${i}: 1`).join('\n');
  assert.ok(keys.length < LIMIT - example.length - 100);
  writeFileSync(file, `${example}\nextra:\n${keys}\n  k5: again\n`);
  const r = await runInProcess(['check', file], { timeout: 30_000 });
  assert.equal(r.signal, null, 'finished within the timeout');
  assert.equal(r.code, 1);
  assert.match(r.stderr, /error: duplicate key "k5"/);
});

test('a folder, a missing file and a path through a file are refused by name', async (t) => {
  const dir = tempDir(t);
  await assertRefused(t, dir, /is a folder, not an incident file/, { at: null });
  await assertRefused(
    t,
    join(dir, 'missing.yaml'),
    /^faq: error: file not found: \S+missing\.yaml /,
    {
      at: null,
    },
  );
  const file = join(dir, 'a-file');
  writeFileSync(file, 'x');
  await assertRefused(
    t,
    join(file, 'incident.yaml'),
    /file not found: \S+ \(a part of the path is a file\)/,
    { at: null },
  );
});

test('an unreadable file is refused (skipped as root, who can read anything)', async (t) => {
  if (process.getuid?.() === 0) return t.skip('running as root: permissions do not apply');
  const file = join(tempDir(t), 'secret.yaml');
  writeFileSync(file, example, { mode: 0o000 });
  await assertRefused(t, file, /file cannot be read: \S+ \(permission denied\)/, { at: null });
});

test('a UTF-8 byte order mark and CRLF line endings are fine', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'bom.yaml');
  writeFileSync(file, `\ufeff${example.replace(/\n/g, '\r\n')}`);
  const r = await runInProcess([
    'render',
    file,
    '-o',
    join(dir, 'out'),
    '--variant',
    'faq',
    '--format',
    'txt',
  ]);
  assert.equal(r.code, 0, r.stderr);
  const txt = readFileSync(join(dir, 'out', 'regio-it-2026-11', 'faq.de.txt'), 'utf8');
  assert.doesNotMatch(txt, /\ufeff|\r/);
  // Positions still count from the first visible character.
  const broken = join(dir, 'bom-broken.yaml');
  writeFileSync(broken, `\ufeff${example.replace('status: unknown', 'status: unknwn')}`);
  const line = example.split('\n').findIndex((l) => l.includes('status: unknown')) + 1;
  const c = await runInProcess(['check', broken]);
  assert.match(c.stderr, new RegExp(`bom-broken\\.yaml:${line}:11: error: incident\\.status`));
});

test('an alias bomb in a folder of good files stops only its own file', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'in'));
  const bomb = join(dir, 'in', 'bomb.yaml');
  writeFileSync(
    bomb,
    readFileSync('test/fixtures/hostile/rejected/alias-bomb-billion-laughs/incident.yaml'),
  );
  const r = await runInProcess(['check', EXAMPLE, bomb], { timeout: 20_000 });
  assert.equal(r.code, 1);
  assert.equal(r.stderr.split('\n').filter(Boolean).length, 1, r.stderr);
  assert.match(r.stderr, /bomb\.yaml:3:8: error: YAML aliases expand too far/);
});
