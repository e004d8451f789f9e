// Formats and variants are registry entries: a variant is an entry of variants.json (checked as
// bad input when broken), a format an entry of src/formats/registry.ts; the CLI's help and the
// preview list what the registry holds.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { FORMATS, FORMAT_NAMES } from '../../lib/formats/registry.js';
import { TemplateStore } from '../../lib/render/templates.js';
import { readVariants } from '../../lib/render/variants.js';
import { InputError } from '../../lib/shared.js';
import { EXAMPLE, ROOT, overlay, runInProcess } from '../helpers.js';

const BUILTIN_VARIANTS = JSON.parse(readFileSync(join(ROOT, 'templates/variants.json'), 'utf8'));
const SMS =
  '{{org.name}}: {{#if is.resolved}}Die IT-Störung ist behoben.{{else}}IT-Störung seit {{incident.detected.text}}.{{/if}}\n';

/** variants.json of an overlay: the built-in variants and `extra`. */
function withVariants(t, extra, files = {}) {
  const variants = JSON.stringify({ ...BUILTIN_VARIANTS, ...extra });
  return overlay(t, { 'variants.json': variants, ...files });
}

async function renderWith(templates, options = {}) {
  return renderFiles({ files: [EXAMPLE], templates, dryRun: true, ...options });
}

async function problemOf(promise) {
  const error = await promise.then(
    () => assert.fail('rendered'),
    (e) => e,
  );
  assert.ok(error instanceof InputError, String(error));
  return error.diagnostics[0];
}

test('a plain-text variant is one entry and one template per language, with no layout', async (t) => {
  const templates = withVariants(t, { sms: { formats: ['txt'] } }, { 'de/sms.md.hbs': SMS });
  const outcome = await renderWith(templates, { variants: ['sms'] });
  assert.deepEqual(
    outcome.artifacts.map((a) => a.path),
    ['regio-it-2026-11/sms.de.txt'],
  );
  assert.match(
    Buffer.from(outcome.artifacts[0].content).toString('utf8'),
    /^regio iT: IT-Störung seit /,
  );
});

test('maxLength: a plain text longer than the variant allows fails the render, naming the file', async (t) => {
  const files = { 'de/sms.md.hbs': SMS };
  const fits = withVariants(t, { sms: { formats: ['txt'], maxLength: 160 } }, files);
  const text = (await renderWith(fits, { variants: ['sms'] })).artifacts[0];
  const length = [...Buffer.from(text.content).toString('utf8').trimEnd()].length;
  assert.ok(length <= 160, `${length} characters`);
  const tight = withVariants(t, { sms: { formats: ['txt'], maxLength: length - 1 } }, files);
  const problem = await problemOf(renderWith(tight, { variants: ['sms'] }));
  assert.equal(problem.file, 'regio-it-2026-11/sms.de.txt');
  assert.equal(problem.message, `${length} characters, but the sms variant allows ${length - 1}`);
  const exact = withVariants(t, { sms: { formats: ['txt'], maxLength: length } }, files);
  assert.equal((await renderWith(exact, { variants: ['sms'] })).artifacts.length, 1);
});

const BROKEN = [
  [{ formats: ['html'] }, /^variant "x" needs "layout"$/, undefined],
  [
    { formats: ['txt', 'pdf'] },
    /^variant "x" has an unknown format "pdf"$/,
    /valid: html, md, txt, eml, mbox, atom, jsonfeed, status/,
  ],
  [{ formats: ['txt'], perRecepient: true }, /unknown setting "perRecepient"$/, /`perRecipient`/],
  [{ formats: ['txt'], scope: 'folder' }, /"scope" must be "incident"/, undefined],
  [{ formats: ['txt'], maxLength: '160' }, /"maxLength" must be a whole number/, undefined],
  [{ formats: [] }, /needs "formats" \(a list\)/, undefined],
  [
    { formats: ['txt', 'atom'] },
    /^variant "x" mixes formats of its template \(txt\) with formats built from the facts \(atom\)$/,
    /make two variants/,
  ],
  [{ formats: ['atom'], page: 'fqa' }, /"page" names "fqa", which is no other variant$/, /faq/],
  [{ formats: ['atom'], page: 'x' }, /"page" names "x", which is no other variant$/, undefined],
  [{ formats: ['status'], perLanguage: 'no' }, /"perLanguage" must be true or false/, undefined],
];

for (const [entry, message, hint] of BROKEN) {
  test(`variants.json entry ${JSON.stringify(entry)} is bad input at the file`, (t) => {
    const store = new TemplateStore(withVariants(t, { x: entry }));
    const error = (() => {
      try {
        readVariants(store);
      } catch (e) {
        return e;
      }
      return assert.fail('accepted');
    })();
    assert.ok(error instanceof InputError);
    const [d] = error.diagnostics;
    assert.match(d.file, /variants\.json$/);
    assert.match(d.message, message);
    if (hint) assert.match(d.hint, hint);
  });
}

test('the built-in variants name only registered formats, and a layout where one is needed', () => {
  const variants = readVariants(new TemplateStore());
  assert.ok(Object.keys(variants).length >= 3);
  for (const [name, variant] of Object.entries(variants))
    for (const format of variant.formats) {
      assert.ok(FORMATS[format], `${name}: ${format}`);
      // A notice's HTML is a snippet of its own (the banner), in no layout.
      if (FORMATS[format].needsLayout && !variant.notice)
        assert.ok(variant.layout, `${name} needs a layout`);
    }
});

test('every format entry says what it produces and loads a module that renders it', async () => {
  assert.deepEqual(FORMAT_NAMES, [
    'html',
    'md',
    'txt',
    'eml',
    'mbox',
    'atom',
    'jsonfeed',
    'status',
  ]);
  for (const [name, format] of Object.entries(FORMATS)) {
    assert.match(format.ext, /^[a-z0-9]+$/, name);
    assert.match(format.mediaType, /^[a-z]+\/[a-z0-9.+-]+(; charset=utf-8)?$/, name);
    for (const input of format.inputs ?? []) assert.ok(FORMATS[input], `${name} input ${input}`);
    assert.equal(typeof (await format.load()).render, 'function', name);
  }
  assert.equal(typeof (await FORMATS.eml.load()).unavailable, 'function');
});

test('faq render --help lists the variants of variants.json and the registered formats', async () => {
  const r = await runInProcess(['render', '--help']);
  assert.equal(r.code, 0, r.stderr);
  const names = Object.keys(BUILTIN_VARIANTS).join(',\\s+');
  assert.match(
    r.stdout,
    new RegExp(`--variant <list> +variants to render, comma-separated\\s+\\(${names}\\)`),
  );
  assert.match(
    r.stdout,
    new RegExp(
      `--format <list> +formats to render, comma-separated\\s+\\(${FORMAT_NAMES.join(',\\s+')}\\)`,
    ),
  );
  const diff = await runInProcess(['diff', '--help']);
  const diffable = FORMAT_NAMES.filter((name) => FORMATS[name].diffable);
  assert.deepEqual(diffable, ['md', 'txt']);
  assert.match(diff.stdout, /choices: "md",\s+"txt"/);
});
