// The render cache is a shortcut and never fails a run: when `.faq-cache` (or FAQ_CACHE_DIR) is
// a file, a folder faq may not write, or holds something that is not a file, the render goes on
// without it — same output, same messages, exit 0.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { renderFiles } from '../../lib/index.js';
import { EXAMPLE, listFiles, runCli, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';
const WROTE = (out) => `faq: wrote 18 files to ${out}/${ID}/\n`;

/** The name of an output folder's cache file (src/render/cache.ts). */
const cacheName = (out) =>
  `render-${createHash('sha256').update(resolve(out)).update('\0').digest('hex').slice(0, 16)}.json`;

/** Renders the example in process with FAQ_CACHE_DIR set; restores the environment. */
async function renderWithCacheDir(t, cacheDir, out = join(tempDir(t), 'out')) {
  const saved = process.env.FAQ_CACHE_DIR;
  process.env.FAQ_CACHE_DIR = cacheDir;
  t.after(() => {
    if (saved === undefined) delete process.env.FAQ_CACHE_DIR;
    else process.env.FAQ_CACHE_DIR = saved;
  });
  const outcome = await renderFiles({ files: [EXAMPLE], out });
  assert.equal(outcome.artifacts.length, 18);
  assert.equal(listFiles(join(out, ID)).length, 19, 'eighteen artifacts and the manifest');
  return out;
}

test('FAQ_CACHE_DIR naming a file: the render writes its output and does not fail', async (t) => {
  const file = join(tempDir(t), 'not-a-folder');
  writeFileSync(file, 'mine\n');
  await renderWithCacheDir(t, file);
  assert.equal(readFileSync(file, 'utf8'), 'mine\n', 'the file is left as it was');
});

test('FAQ_CACHE_DIR below a file, or a cache file that is a folder: no cache, no failure', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'file'), '');
  await renderWithCacheDir(t, join(dir, 'file', 'cache'));
  // Where the cache file of this output folder goes, a folder stands.
  const cacheDir = join(dir, 'cache');
  const out = join(dir, 'out');
  mkdirSync(join(cacheDir, cacheName(out)), { recursive: true });
  await renderWithCacheDir(t, cacheDir, out);
  await renderWithCacheDir(t, cacheDir, out);
  assert.ok(statSync(join(cacheDir, cacheName(out))).isDirectory());
});

test('a file named .faq-cache in the working folder: exit 0, the usual message', async (t) => {
  const cwd = tempDir(t);
  writeFileSync(join(cwd, '.faq-cache'), '');
  for (let run = 0; run < 2; run++) {
    const r = await runInProcess(['render', EXAMPLE, '-o', 'out'], {
      cwd,
      env: { FAQ_CACHE_DIR: '' },
    });
    assert.deepEqual([r.code, r.stdout, r.stderr], [0, '', WROTE('out')]);
  }
});

test(
  'a FIFO where the cache file goes, or among the overlay templates, does not block the render',
  {
    skip: process.platform === 'win32',
  },
  (t) => {
    const cwd = tempDir(t);
    const out = join(cwd, 'out');
    const cacheDir = join(cwd, 'cache');
    mkdirSync(cacheDir);
    const name = `render-${createHash('sha256').update(resolve(out)).update('\0').digest('hex').slice(0, 16)}.json`;
    execFileSync('mkfifo', [join(cacheDir, name)]);
    const overlay = join(cwd, 'overlay');
    mkdirSync(overlay);
    execFileSync('mkfifo', [join(overlay, 'notes')]);
    for (const args of [[], ['--templates', overlay]]) {
      const r = runCli(['render', EXAMPLE, '-o', out, ...args], {
        cwd,
        env: { FAQ_CACHE_DIR: cacheDir },
        timeout: 20_000,
      });
      assert.equal(r.signal, null, 'the render finished');
      assert.deepEqual([r.code, r.stderr], [0, WROTE(out)]);
    }
  },
);
