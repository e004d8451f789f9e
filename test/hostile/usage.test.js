// Usage errors (SPEC §4): exit 2, one line on stderr naming what was wrong and the valid choices,
// nothing on stdout, nothing written.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, runInProcess, tempDir } from '../helpers.js';

const CASES = [
  [
    ['frobnicate'],
    /unknown command 'frobnicate' \(hint: valid: render, check, init, schema, preview, diff, send;/,
  ],
  [['rendr', EXAMPLE], /unknown command 'rendr' \(hint: did you mean `render`\?/],
  [
    ['render', EXAMPLE, '--frob'],
    /unknown option '--frob' \(hint: valid: --out, --variant, --format, --lang, --templates, --stdout, --wrap/,
  ],
  [['check', EXAMPLE, '--jsn'], /unknown option '--jsn' \(hint: did you mean `--json`\?/],
  [
    ['render', EXAMPLE, '--variant', 'flyer'],
    /unknown variant "flyer" \(hint: valid: faq, press, email(, [a-z]+)*\)/,
  ],
  [
    ['render', EXAMPLE, '--variant', 'faq,pres'],
    /unknown variant "pres" \(hint: did you mean `press`\?/,
  ],
  [
    ['render', EXAMPLE, '--format', 'pdf'],
    /unknown format "pdf" \(hint: valid: html, md, txt, eml, mbox, atom, jsonfeed, status\)/,
  ],
  [['render', EXAMPLE, '--lang', 'fr'], /unknown language "fr" \(hint: valid: de, en\)/],
  [['render', EXAMPLE, '--wrap', '5'], /--wrap.*20 to 998/],
  [['render'], /missing required argument 'file'/],
  [['init', '--lang', 'fr'], /Allowed choices are de, en/],
];

for (const [args, message] of CASES) {
  test(`usage error: faq ${args.map((a) => (a === EXAMPLE ? 'example.yaml' : a)).join(' ')}`, async (t) => {
    const out = join(tempDir(t), 'out');
    const r = await runInProcess([
      ...args,
      ...(args[0] === 'render' && args.length > 1 ? ['-o', out] : []),
    ]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    const lines = r.stderr.split('\n').filter(Boolean);
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^faq: error: /);
    assert.match(lines[0], message);
    assert.equal(existsSync(out), false);
  });
}

test('--stdout with several artifacts: exit 2, listing the artifacts to choose from', async () => {
  const r = await runInProcess(['render', EXAMPLE, '--variant', 'faq', '--stdout']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /--stdout prints exactly one artifact, but the selection matches 3/);
  for (const file of ['faq.de.html', 'faq.de.md', 'faq.de.txt'])
    assert.match(r.stderr, new RegExp(file));
  assert.match(r.stderr, /hint: narrow it with --variant, --format and --lang/);
});
