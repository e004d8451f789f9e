// Old output that belongs to another user, in a folder both may write (issue 10, finding 7): a
// clean error (exit 1) before anything is touched — not the new output in place and then an
// internal error. Runs the CLI as `nobody`, so it needs root (skipped otherwise).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BIN, EXAMPLE, listFiles, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';
const isRoot = process.getuid?.() === 0;
const SELECTION = ['--variant', 'faq', '--format', 'txt,md'];

/** Runs the CLI as `nobody`, without the caches (they are another finding's). */
function runAsNobody(args, cwd) {
  const r = spawnSync(
    'setpriv',
    ['--reuid=nobody', '--regid=nogroup', '--clear-groups', process.execPath, BIN, ...args],
    {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FAQ_CODE_CACHE: '0', FAQ_CACHE: '0', DEBUG: '' },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function snapshot(dir) {
  return listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** A shared folder (mode `mode`) holding root's output of the example (rendered in process). */
async function sharedWithRootsOutput(t, mode) {
  const dir = tempDir(t);
  chmodSync(dir, 0o755);
  const out = join(dir, 'shared');
  mkdirSync(out);
  const r = await runInProcess(['render', EXAMPLE, '-o', out, ...SELECTION], {
    env: { FAQ_CACHE: '0' },
  });
  assert.equal(r.code, 0, r.stderr);
  chmodSync(out, mode);
  return { dir, out };
}

for (const [name, mode] of [
  ['a shared folder', 0o777],
  ['a sticky shared folder (like /tmp)', 0o1777],
]) {
  test(
    `another user's output in ${name}: exit 1 before anything is touched`,
    { skip: !isRoot && 'needs root to run as nobody' },
    async (t) => {
      const { dir, out } = await sharedWithRootsOutput(t, mode);
      const before = snapshot(out);
      const r = runAsNobody(['render', EXAMPLE, '-o', out, ...SELECTION], dir);
      assert.equal(r.code, 1, r.stderr);
      assert.equal(
        r.stderr,
        `faq: error: ${out}/${ID} belongs to another user (uid 0) and cannot be replaced by this one; nothing was changed (hint: ask its owner to remove it, or render to another folder with --out)\n`,
      );
      assert.deepEqual(snapshot(out), before);
      assert.deepEqual(readdirSync(out), [ID], 'no work folder left inside');
      assert.deepEqual(readdirSync(dir), ['shared'], 'none next to it');
    },
  );
}

test(
  'in a shared folder, another user renders and re-renders its own output',
  { skip: !isRoot && 'needs root to run as nobody' },
  async (t) => {
    const { dir, out } = await sharedWithRootsOutput(t, 0o1777);
    const other = join(out, 'mine');
    for (let run = 0; run < 2; run++) {
      const r = runAsNobody(['render', EXAMPLE, '-o', other, ...SELECTION], dir);
      assert.equal(r.code, 0, r.stderr);
    }
    assert.deepEqual(readdirSync(join(other, ID)).sort(), [
      'faq.de.md',
      'faq.de.txt',
      'manifest.json',
    ]);
    assert.deepEqual(readdirSync(out).sort(), ['mine', ID], 'its work folder is gone');
  },
);
