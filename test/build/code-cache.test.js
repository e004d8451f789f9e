// bin/faq.js runs lib/cli.cjs through V8's code cache: the output never depends on it, a broken
// cache is rejected and rewritten, and an edited bundle is neither served from the build's
// records nor from a cache made for the old one.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, ROOT, listFiles, tempDir } from '../helpers.js';

/** A copy of the installation (timestamps kept, so the build's records still match). */
function install(t) {
  const dir = tempDir(t, 'faq-install-');
  for (const part of ['bin', 'lib', 'templates', 'package.json'])
    cpSync(join(ROOT, part), join(dir, part), { recursive: true, preserveTimestamps: true });
  return dir;
}

function faq(dir, args, env = {}) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'faq.js'), ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FAQ_CACHE: '0', ...env },
  });
}

function render(t, dir, env) {
  const out = tempDir(t, 'faq-cc-out-');
  const r = faq(dir, ['render', EXAMPLE, '-o', out, '--json'], env);
  assert.equal(r.status, 0, r.stderr);
  const files = Object.fromEntries(
    listFiles(out).map((f) => [f, readFileSync(join(out, f), 'utf8')]),
  );
  return {
    files,
    stdout: r.stdout.replaceAll(out, '<out>'),
    stderr: r.stderr.replaceAll(out, '<out>'),
  };
}

/** The code cache files of the running Node version. */
const cacheFiles = (dir) => {
  try {
    return readdirSync(join(dir, 'lib', '.code-cache')).filter((f) =>
      f.endsWith(`-${process.version}-${process.arch}.bin`),
    );
  } catch {
    return [];
  }
};

/**
 * What a render of the example gives: the same in every copy of the installation (the first test
 * proves it does not depend on the cache), so the tests below compare with one render.
 */
let expected;
function good(t, dir) {
  expected ??= render(t, dir);
  return expected;
}

test('the output is the same with and without the code cache', (t) => {
  const dir = install(t);
  const withCache = good(t, dir);
  assert.equal(cacheFiles(dir).length, 1, `a code cache for Node ${process.version}`);
  const again = render(t, dir);
  const without = render(t, dir, { FAQ_CODE_CACHE: '0' });
  assert.deepEqual(again, withCache);
  assert.deepEqual(without, withCache);
});

test('a broken code cache is rejected and rewritten', (t) => {
  const dir = install(t);
  const output = good(t, dir);
  const [name] = cacheFiles(dir);
  assert.ok(name, 'the build or the first run made a code cache');
  const path = join(dir, 'lib', '.code-cache', name);
  writeFileSync(path, 'not a V8 code cache');
  assert.deepEqual(render(t, dir), output);
  assert.ok(readFileSync(path).length > 10_000, 'the cache was written again');
  const bytes = readFileSync(path);
  bytes.fill(7, 64, 4096);
  writeFileSync(path, bytes);
  assert.deepEqual(render(t, dir), output);
});

test('an edited bundle runs as it is: no recorded help, no cache made for the old one', (t) => {
  const dir = install(t);
  const output = good(t, dir);
  appendFileSync(join(dir, 'lib', 'cli.cjs'), '\n// edited after the build\n');
  const before = cacheFiles(dir);
  assert.deepEqual(render(t, dir), output);
  assert.deepEqual(cacheFiles(dir), before, 'no code cache for a bundle the build did not make');
  // --help now comes from the bundle itself, and says the same.
  const help = faq(dir, ['--help']);
  assert.equal(help.status, 0);
  assert.equal(help.stdout, faq(ROOT, ['--help']).stdout);
});
