// An installation built by one user (root in a Docker image, `npm install -g`) works for every
// other user: the V8 code cache in lib/ is read-only for them, and any failure to read or write
// it — or the render cache — falls back silently to the normal path. Run as `nobody`, so only
// where the tests run as root.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, ROOT, tempDir } from '../helpers.js';

const NOBODY = 65534;
const canSwitch =
  process.getuid?.() === 0 &&
  spawnSync('setpriv', ['--reuid=nobody', '--regid=nogroup', '--clear-groups', 'true']).status ===
    0;
const skip = canSwitch ? false : 'needs root and setpriv to run faq as nobody';

/** A world-readable copy of the installation, as `npm install -g` run by root leaves it. */
function install(t) {
  const dir = tempDir(t, 'faq-install-');
  chmodSync(dir, 0o755);
  for (const part of ['bin', 'lib', 'templates', 'package.json'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  cpSync(EXAMPLE, join(dir, 'example.yaml'));
  return dir;
}

/** A working folder (and temp folder) that belongs to nobody. */
function home(t) {
  const dir = tempDir(t, 'faq-nobody-');
  chownSync(dir, NOBODY, NOBODY);
  return dir;
}

function asNobody(dir, cwd, args, env = {}) {
  const r = spawnSync(
    'setpriv',
    [
      '--reuid=nobody',
      '--regid=nogroup',
      '--clear-groups',
      process.execPath,
      join(dir, 'bin', 'faq.js'),
      ...args,
    ],
    {
      cwd,
      encoding: 'utf8',
      timeout: 60_000,
      env: { PATH: process.env.PATH, NO_COLOR: '1', TMPDIR: cwd, HOME: cwd, ...env },
    },
  );
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function checkExample(dir, cwd) {
  const check = asNobody(dir, cwd, ['check', join(dir, 'example.yaml')]);
  assert.deepEqual([check.code, check.stderr], [0, 'faq: 1 file OK\n'], 'check');
}

function runEveryCommand(dir, cwd) {
  const incident = join(dir, 'example.yaml');
  checkExample(dir, cwd);
  const render = asNobody(dir, cwd, ['render', incident, '-o', 'out']);
  assert.equal(render.code, 0, render.stderr);
  assert.match(render.stderr, /^faq: wrote 18 files to out\/regio-it-2026-11\/\n$/);
  assert.ok(existsSync(join(cwd, 'out', 'regio-it-2026-11', 'manifest.json')));
  const schema = asNobody(dir, cwd, ['schema']);
  assert.deepEqual([schema.code, schema.stderr], [0, '']);
  assert.equal(JSON.parse(schema.stdout).title, 'faq incident file');
  const help = asNobody(dir, cwd, ['--help']);
  assert.deepEqual([help.code, help.stderr], [0, '']);
  assert.match(help.stdout, /^Usage: faq /m);
  const version = asNobody(dir, cwd, ['--version']);
  assert.deepEqual([version.code, version.stderr], [0, '']);
  assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
}

test(
  'the build leaves its code cache readable by everyone, and other users start from it',
  { skip },
  (t) => {
    const cache = join(ROOT, 'lib', '.code-cache');
    assert.equal(statSync(cache).mode & 0o777, 0o755);
    for (const name of readdirSync(cache))
      assert.equal(statSync(join(cache, name)).mode & 0o777, 0o644, name);
    const dir = install(t);
    const cwd = home(t);
    checkExample(dir, cwd);
    const own = readdirSync(cwd).filter((name) => name.startsWith('faq-code-cache-'));
    assert.deepEqual(own, [], 'the installation’s cache served, no private one was made');
  },
);

test('every command works for another user when the code cache is theirs alone', { skip }, (t) => {
  const dir = install(t);
  // As builds before this fix left it: a folder only its owner may enter.
  chmodSync(join(dir, 'lib', '.code-cache'), 0o700);
  const cwd = home(t);
  runEveryCommand(dir, cwd);
  // A render cache folder this user may not write (root's, world-readable): rendered without it.
  const rootsCache = tempDir(t, 'faq-roots-cache-');
  chmodSync(rootsCache, 0o755);
  const render = asNobody(dir, cwd, ['render', join(dir, 'example.yaml'), '-o', 'out2'], {
    FAQ_CACHE_DIR: rootsCache,
  });
  assert.deepEqual(
    [render.code, render.stderr],
    [0, 'faq: wrote 18 files to out2/regio-it-2026-11/\n'],
  );
  // A later run starts from the private cache an earlier one wrote.
  assert.ok(existsSync(join(cwd, `faq-code-cache-${NOBODY}`)));
  checkExample(dir, cwd);
});
