// Whole artifacts of the example against golden files. `UPDATE_GOLDEN=1 npm test` rewrites them;
// review the diff like code.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, ROOT, listFiles, runCli, tempDir } from '../helpers.js';

const GOLDEN = join(ROOT, 'test', 'golden', 'example');
/** Every language the example is rendered in. */
const LANGS = ['de', 'en'];

test('the example renders exactly its golden files', (t) => {
  const out = tempDir(t);
  const r = runCli(['render', EXAMPLE, '-o', out, '--lang', LANGS.join(',')]);
  assert.equal(r.code, 0, r.stderr);
  const rendered = listFiles(out);
  if (process.env.UPDATE_GOLDEN) {
    rmSync(GOLDEN, { recursive: true, force: true });
    for (const file of rendered) {
      mkdirSync(dirname(join(GOLDEN, file)), { recursive: true });
      writeFileSync(join(GOLDEN, file), readFileSync(join(out, file)));
    }
    t.diagnostic(`golden files rewritten: ${rendered.length}`);
    return;
  }
  assert.deepEqual(
    rendered,
    listFiles(GOLDEN),
    'the set of artifacts changed (UPDATE_GOLDEN=1 to accept)',
  );
  for (const file of rendered) {
    const actual = readFileSync(join(out, file), 'utf8');
    const expected = readFileSync(join(GOLDEN, file), 'utf8');
    assert.equal(
      actual,
      expected,
      `${file} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
    );
  }
});
