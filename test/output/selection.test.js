// A selection that produces no files would replace an incident's folder with an empty one: it is
// a usage error (exit 2) naming why, and nothing is touched (issue 10, finding 3).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { InputError, UsageError } from '../../lib/shared.js';
import { EXAMPLE, FIXTURES, listFiles, runInProcess, tempDir } from '../helpers.js';

// In process, the render cache would be kept in the working folder (the repository). The
// setting goes with this file's tests (npm test runs other files in the same process).
const savedCache = process.env.FAQ_CACHE;
before(() => (process.env.FAQ_CACHE = '0'));
after(() => {
  if (savedCache === undefined) delete process.env.FAQ_CACHE;
  else process.env.FAQ_CACHE = savedCache;
});

function snapshot(dir) {
  return listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]);
}

/** An output folder with a first render in it, and a templates overlay with this variants.json. */
async function setUp(t, variants) {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  await renderFiles({ files: [EXAMPLE], out, variants: ['faq'], formats: ['txt'] });
  const templates = join(dir, 'templates');
  mkdirSync(templates);
  if (variants) writeFileSync(join(templates, 'variants.json'), variants);
  return { out, templates, before: snapshot(out) };
}

async function assertNothingProduced(options, pattern) {
  await assert.rejects(renderFiles({ files: [EXAMPLE], ...options }), (error) => {
    assert.ok(error instanceof UsageError, String(error));
    assert.match(error.message, pattern);
    assert.match(error.message, /; nothing was written$/);
    return true;
  });
}

test('--variant faq --format eml: exit 2 naming why, the previous output untouched', async (t) => {
  const { out, before } = await setUp(t);
  const r = await runInProcess([
    'render',
    EXAMPLE,
    '-o',
    out,
    '--variant',
    'faq',
    '--format',
    'eml',
  ]);
  assert.equal(r.code, 2, r.stderr);
  assert.equal(
    r.stderr,
    'faq: error: the selection produces no files: variant faq is made as html, md, txt, but --format asks for eml; nothing was written (hint: choose formats that the chosen variants are made in)\n',
  );
  assert.deepEqual(snapshot(out), before);
});

test('an overlay variants.json that is {}: a usage error, nothing touched', async (t) => {
  const { out, templates, before } = await setUp(t, '{}');
  await assertNothingProduced(
    { out, templates },
    /^the templates of .*templates define no variants, so there is nothing to render/,
  );
  assert.deepEqual(snapshot(out), before);
});

test('mistyped formats in an overlay variants.json: refused, nothing touched', async (t) => {
  const { out, templates, before } = await setUp(
    t,
    '{ "faq": { "formats": ["htm", "text"], "layout": "page" } }',
  );
  await assert.rejects(renderFiles({ files: [EXAMPLE], out, templates }), (error) => {
    assert.ok(error instanceof InputError, String(error));
    assert.match(error.message, /variant "faq" has an unknown format "htm"/);
    return true;
  });
  assert.deepEqual(snapshot(out), before);
});

test('the success line names the folder, with a singular for one file', async (t) => {
  const dir = tempDir(t);
  const r = await runInProcess(
    ['render', EXAMPLE, '-o', '.', '--variant', 'faq', '--format', 'txt'],
    {
      cwd: dir,
      env: { FAQ_CACHE: '0' },
    },
  );
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, 'faq: wrote 1 file to regio-it-2026-11/\n');
});

test('the success line names up to three folders; a larger batch is counted, not listed', async (t) => {
  const dir = tempDir(t);
  const fixtures = [
    'attack-resolved',
    'malfunction-resolved',
    'unknown-resolved',
    'attack-recovering',
  ];
  const files = fixtures.map((name) => join(FIXTURES, name, 'incident.yaml'));
  const args = ['--variant', 'faq', '--format', 'txt', '--lang', 'de', '-o', 'out'];
  const options = { cwd: dir, env: { FAQ_CACHE: '0' } };
  const three = await runInProcess(['render', ...files.slice(0, 3), ...args], options);
  assert.equal(three.code, 0, three.stderr);
  assert.match(
    three.stderr,
    /^faq: wrote 3 files to out\/[^,\s]+\/, out\/[^,\s]+\/, out\/[^,\s]+\/$/m,
  );
  const four = await runInProcess(['render', ...files, ...args], options);
  assert.equal(four.code, 0, four.stderr);
  assert.equal(four.stderr.split('\n').at(-2), 'faq: wrote 4 files to 4 incident folders in out/');
});
