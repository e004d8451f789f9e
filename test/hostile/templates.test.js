// A broken --templates folder is bad input (exit 1, file:line:col), never an internal error: the
// overlay is written by the organisation, often in a hurry, and is read like an incident file.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, runInProcess, tempDir } from '../helpers.js';

const CASES = [
  ['variants.json', '{ "faq": ', /variants\.json:1:\d+: error: invalid JSON/],
  [
    'variants.json',
    '{ "faq": { "formats": "html" } }',
    /variants\.json:1:1: error: variant "faq" needs "formats" \(a list\) and "layout"/,
  ],
  ['de/labels.json', '{\n  "skip": "x",\n  oops\n}', /labels\.json:3:3: error: invalid JSON/],
  [
    'de/faq.md.hbs',
    '# Titel\n\n{{#if org.city}}\nohne Ende\n',
    /faq\.md\.hbs:\d+:\d+: error: template syntax/,
  ],
  ['layouts/page.css/', null, /page\.css:1:1: error: template cannot be read \(EISDIR\)/],
];

for (const [rel, text, message] of CASES) {
  test(`broken template overlay: ${rel}`, async (t) => {
    const dir = tempDir(t);
    const templates = join(dir, 'templates');
    const target = join(templates, rel);
    if (text === null) mkdirSync(target, { recursive: true });
    else {
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, text);
    }
    const out = join(dir, 'out');
    const r = await runInProcess([
      'render',
      EXAMPLE,
      '-o',
      out,
      '--templates',
      templates,
      '--variant',
      'faq',
    ]);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stderr, message);
    assert.doesNotMatch(r.stderr, /internal error|^\s+at /m);
    assert.equal(existsSync(out), false);
  });
}

test('a --templates folder that does not exist is a usage error', async (t) => {
  const out = join(tempDir(t), 'out');
  const r = await runInProcess(['render', EXAMPLE, '-o', out, '--templates', 'no-such-folder']);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /^faq: error: --templates: no folder no-such-folder/);
  assert.equal(existsSync(out), false);
});
