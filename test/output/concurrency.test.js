// Parallel renders into the same output folder (issue 10, finding 2): one run at a time holds the
// folder's lock; after any number of concurrent runs exactly one complete version is in place,
// and a run that loses says so (exit 1), never ENOTEMPTY, never an internal error.
import assert from 'node:assert/strict';
import { fork } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { writeArtifacts } from '../../lib/output/write.js';
import { EXAMPLE, ROOT, startCli, tempDir } from '../helpers.js';

const WRITER = join(ROOT, 'test', 'fixtures', 'writer', 'concurrent-writer.js');
const ID = 'regio-it-2026-11';

/** The folder holds exactly what its manifest lists, each file with its listed hash. */
function assertComplete(dir) {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
  assert.ok(manifest.artifacts.length > 0, 'the manifest lists files');
  assert.deepEqual(
    readdirSync(dir).sort(),
    [...manifest.artifacts.map((a) => a.path), 'manifest.json'].sort(),
  );
  for (const a of manifest.artifacts) {
    const bytes = readFileSync(join(dir, a.path));
    assert.equal(createHash('sha256').update(bytes).digest('hex'), a.sha256, a.path);
  }
  return manifest;
}

function startWriters(t, count) {
  const writers = Array.from({ length: count }, () => fork(WRITER, { stdio: 'ignore' }));
  t.after(() => writers.forEach((w) => w.kill()));
  const ready = writers.map((w) => new Promise((done) => w.once('message', done)));
  return { writers, ready: Promise.all(ready) };
}

function ask(writer, message) {
  return new Promise((done) => {
    writer.once('message', done);
    writer.send(message);
  });
}

test('10 parallel writes × 50 rounds: one complete version every time, the others lose cleanly', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const { writers, ready } = startWriters(t, 10);
  await ready;
  let lost = 0;
  for (let round = 0; round < 50; round++) {
    const results = await Promise.all(writers.map((w) => ask(w, { out, round, files: 8 })));
    const won = results.filter((r) => r.ok);
    for (const r of results.filter((r) => !r.ok)) {
      assert.equal(r.name, 'LockedError', `round ${round}: ${r.name}: ${r.message}`);
      assert.match(
        r.message,
        /^another faq run \(process \d+\) is writing to .*; this run wrote nothing$/,
      );
    }
    lost += results.length - won.length;
    assert.ok(won.length >= 1, `round ${round}: some run wins`);
    assert.deepEqual(readdirSync(out), ['a'], `round ${round}: only the incident folder`);
    assertComplete(join(out, 'a'));
    // Every file of the folder is from one run: one of the winners of this round.
    const tags = new Set(
      readdirSync(join(out, 'a'))
        .filter((f) => f !== 'manifest.json')
        .map((f) => readFileSync(join(out, 'a', f), 'utf8').split(' ')[0]),
    );
    assert.equal(tags.size, 1, `round ${round}: one version, not a mix`);
    assert.ok(
      won.some((r) => tags.has(r.tag)),
      `round ${round}: the version of a winner`,
    );
    assert.equal(existsSync(join(dir, '.out.faq-work')), false, 'no work folder left');
  }
  t.diagnostic(`${lost} of 500 writes lost the race and said so`);
});

test('parallel CLI renders of the same incident: exit 0 or 1 with a clear message, one complete folder', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const runs = Array.from({ length: 5 }, () => {
    const child = startCli(
      ['render', EXAMPLE, '-o', out, '-q', '--variant', 'faq', '--format', 'txt'],
      { env: { FAQ_CACHE: '0' } },
    );
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    return new Promise((done) => child.on('exit', (code) => done({ code, stderr })));
  });
  const results = await Promise.all(runs);
  for (const r of results) {
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
    if (r.code === 0) assert.equal(r.stderr, '');
    else
      assert.match(
        r.stderr,
        /^faq: error: another faq run \(process \d+\) is writing to .*out; this run wrote nothing \(hint: run again when it has finished; if no faq is running, delete .*lock\)\n$/,
      );
  }
  assert.ok(results.some((r) => r.code === 0));
  assert.deepEqual(readdirSync(out), [ID]);
  assert.equal(assertComplete(join(out, ID)).id, ID);
  assert.deepEqual(readdirSync(dir), [basename(out)], 'no work folder left');
});

test('nothing to write (every incident from the render cache): no lock is taken, no work folder made', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const report = await writeArtifacts(out, new Map());
  assert.equal(report.previousRunComplete, true);
  assert.deepEqual(readdirSync(dir), ['out']);
});
