// `prepare` (scripts/build.mjs --if-stale) skips the build only while lib/ is the build of exactly
// the current sources: any changed input, or a missing or changed output, builds again.
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  hashBuildInputs,
  isBuildCurrent,
  removeBuildStamp,
  writeBuildStamp,
} from '../../scripts/build-stamp.mjs';
import { tempDir } from '../helpers.js';

function write(root, path, text) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A checkout whose lib/ was just built and stamped. */
function builtCheckout(t) {
  const root = tempDir(t, 'faq-stamp-');
  write(root, 'src/cli.ts', 'await main(process.argv);\n');
  write(root, 'templates/de/faq.md.hbs', '# FAQ\n');
  write(root, 'package.json', '{ "name": "faq" }\n');
  write(root, 'package-lock.json', '{}\n');
  for (const out of ['lib/index.js', 'lib/batch-worker.cjs']) write(root, out, '');
  write(root, 'lib/cli.cjs', 'bundle');
  recordBundle(root);
  writeBuildStamp(root, hashBuildInputs(root));
  return root;
}

function recordBundle(root) {
  const { size, mtimeMs } = statSync(join(root, 'lib/cli.cjs'));
  write(root, 'lib/cli-meta.json', JSON.stringify({ cli: { size, mtimeMs }, replies: {} }));
}

test('a stamped build of unchanged sources is current', (t) => {
  assert.equal(isBuildCurrent(builtCheckout(t)), true);
});

test('a changed, added or removed input makes the build stale', (t) => {
  const root = builtCheckout(t);
  write(root, 'templates/de/faq.md.hbs', '# FAQ, edited\n');
  assert.equal(isBuildCurrent(root), false, 'edited template');
  write(root, 'templates/de/faq.md.hbs', '# FAQ\n');
  assert.equal(isBuildCurrent(root), true, 'the same text again');
  write(root, 'src/new.ts', 'export {};\n');
  assert.equal(isBuildCurrent(root), false, 'added source');
  rmSync(join(root, 'src/new.ts'));
  write(root, 'package-lock.json', '{ "lockfileVersion": 3 }\n');
  assert.equal(isBuildCurrent(root), false, 'other dependencies');
});

test('a missing or replaced output makes the build stale', (t) => {
  const missing = builtCheckout(t);
  rmSync(join(missing, 'lib/batch-worker.cjs'));
  assert.equal(isBuildCurrent(missing), false, 'missing worker bundle');

  const replaced = builtCheckout(t);
  write(replaced, 'lib/cli.cjs', 'another bundle');
  assert.equal(isBuildCurrent(replaced), false, 'bundle not the recorded one');
});

test('without a stamp (never built, or a build that did not finish) the build is stale', (t) => {
  const root = builtCheckout(t);
  removeBuildStamp(root);
  assert.equal(isBuildCurrent(root), false);
  assert.equal(isBuildCurrent(tempDir(t, 'faq-stamp-empty-')), false);
});
