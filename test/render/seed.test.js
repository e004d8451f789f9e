// The organisation's own template (../shared/seed) must come out verbatim for its situation:
// status unknown, phase investigating, cancel_appointments true — every paragraph, placeholders filled.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, ROOT, flat, htmlText, runInProcess, tempDir } from '../helpers.js';

const SEED_PATHS = [
  join(ROOT, '..', 'shared', 'seed', 'faq-template.de.txt'),
  join(ROOT, 'test', 'fixtures', 'seed', 'faq-template.de.txt'),
];
const seedPath = SEED_PATHS.find((p) => existsSync(p));

/** The seed's paragraphs with DATUM filled in for incidents/example.yaml and OPTION: resolved. */
function expectedParagraphs() {
  const dates = [
    '24. November 2026',
    '28. November 2026',
    '24. November 2026',
    '28. November 2026',
  ];
  let n = 0;
  return readFileSync(seedPath, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && line !== '[Individuell beantworten]')
    .map((line) => line.replace(/DATUM/g, () => dates[n++]).replace('OPTION: ', ''));
}

test('the German FAQ of the example contains every seed paragraph verbatim, in every format', async (t) => {
  assert.ok(seedPath, 'seed template found');
  const out = tempDir(t);
  const r = await runInProcess(['render', EXAMPLE, '-o', out, '--variant', 'faq', '--lang', 'de']);
  assert.equal(r.code, 0, r.stderr);
  const dir = join(out, 'regio-it-2026-11');
  const texts = {
    md: flat(readFileSync(join(dir, 'faq.de.md'), 'utf8')),
    txt: flat(readFileSync(join(dir, 'faq.de.txt'), 'utf8')),
    html: htmlText(readFileSync(join(dir, 'faq.de.html'), 'utf8')),
  };
  const paragraphs = expectedParagraphs();
  assert.equal(paragraphs.length, 14);
  for (const [format, text] of Object.entries(texts)) {
    for (const paragraph of paragraphs)
      assert.ok(text.includes(flat(paragraph)), `${format} lacks: ${paragraph}`);
  }
});

test('the OPTION sentence appears only when the option is set', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'no-option.yaml');
  const source = readFileSync(EXAMPLE, 'utf8').replace(
    'cancel_appointments: true',
    'cancel_appointments: false',
  );
  assert.notEqual(source, readFileSync(EXAMPLE, 'utf8'));
  writeFileSync(file, source);
  const r = await runInProcess([
    'render',
    file,
    '--variant',
    'faq',
    '--format',
    'txt',
    '--lang',
    'de',
    '--stdout',
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stdout, /Wenn Sie einen Termin haben/);
  assert.match(r.stdout, /Evtl\. sind diese derzeit nicht oder nur eingeschränkt erreichbar\.\n/);
});
