// The archive (issue 15 §3): `--archive` and `publish.archive` keep every approved version under
// <id>/archive/<updated>/, byte for byte and never rewritten; the same `updated` with another text
// is refused with nothing written; the FAQ page links the earlier versions; drafts are not archived.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, listFiles, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';
const DAY1 = '2026-11-26T15:00';
const DAY2 = '2026-11-27T10:00';
const example = readFileSync(EXAMPLE, 'utf8');
const FAQ_ONLY = ['--variant', 'faq,press', '--lang', 'de,en'];

/** The example at another `updated` (approved at it), with `replace` applied to its text. */
function version(updated, replace = (s) => s) {
  return replace(example.replaceAll(DAY1, updated));
}

function setup(t) {
  const dir = tempDir(t, 'faq-archive-');
  const file = join(dir, 'incident.yaml');
  const out = join(dir, 'out');
  const render = (text, args = []) => {
    writeFileSync(file, text);
    return runInProcess(['render', file, '-o', out, ...FAQ_ONLY, ...args], {
      env: { FAQ_CACHE: '0' },
    });
  };
  const snapshot = () => listFiles(out).map((f) => [f, readFileSync(join(out, f))]);
  return { dir, out, render, snapshot };
}

test('day 1, then day 2 with --archive: day 1 stays byte-identical under archive/, the page links it', async (t) => {
  const { dir, out, render } = setup(t);
  assert.equal((await render(version(DAY1), ['--archive'])).code, 0);
  const day1 = join(dir, 'day1');
  cpSync(join(out, ID), day1, { recursive: true });
  const r = await render(version(DAY2), ['--archive']);
  assert.equal(r.code, 0, r.stderr);
  const folder = join(out, ID);
  for (const f of listFiles(day1).filter((f) => !f.startsWith('archive/') && f !== 'manifest.json'))
    assert.deepEqual(
      readFileSync(join(folder, 'archive/2026-11-26T1500', f)),
      readFileSync(join(day1, f)),
      `${f} of day 1 is archived as it was published`,
    );
  const page = readFileSync(join(folder, 'faq.de.html'), 'utf8');
  assert.match(page, /<h2 id="earlier-title">Frühere Stände<\/h2>/);
  assert.match(
    page,
    /<a href="archive\/2026-11-26T1500\/faq\.de\.html"><time datetime="2026-11-26T15:00\+01:00">26\. November 2026, 15:00 Uhr<\/time><\/a>/,
  );
  assert.match(
    readFileSync(join(folder, 'faq.en.html'), 'utf8'),
    /Earlier versions.*\n.*\n<li><a href="archive\/2026-11-26T1500\/faq\.en\.html">/,
  );
  assert.doesNotMatch(
    readFileSync(join(folder, 'press.de.html'), 'utf8'),
    /earlier-title/,
    'only the FAQ page lists them',
  );
  // Day 2's own copy reads without the links: it does not depend on what else is archived.
  const copy = readFileSync(join(folder, 'archive/2026-11-27T1000/faq.de.html'), 'utf8');
  assert.doesNotMatch(copy, /earlier-title/);
  assert.equal(copy, page.replace(/<nav class="toc earlier"[\s\S]*?<\/nav>\n/, ''));
  const manifest = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  assert.deepEqual(
    manifest.archive.map((v) => [v.updated, v.path, v.artifacts.length]),
    [
      ['2026-11-26T15:00+01:00', 'archive/2026-11-26T1500', 12],
      ['2026-11-27T10:00+01:00', 'archive/2026-11-27T1000', 12],
    ],
  );
  for (const v of manifest.archive)
    for (const a of v.artifacts)
      assert.equal(readFileSync(join(folder, v.path, a.path)).length, a.bytes);
  assert.ok(
    !manifest.artifacts.some((a) => a.path.startsWith('archive/')),
    'artifacts stay the current files',
  );
});

test('the same updated with a changed text is refused at updated: exit 1, nothing written', async (t) => {
  const { render, snapshot } = setup(t);
  assert.equal((await render(version(DAY1), ['--archive'])).code, 0);
  const before = snapshot();
  const changed = version(DAY1, (s) => s.replace('E-Government-Portale', 'E-Government-Portal'));
  const r = await render(changed, ['--archive']);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /incident\.yaml:8:10: error: updated: you changed the text without changing `updated`: faq\.de\.html, faq\.de\.md, faq\.de\.txt and \d+ more differ from the version archived in archive\/2026-11-26T1500\/ \(hint: set `updated` to the time of this change; the version of 2026-11-26T15:00\+01:00 stays as it was published\)/,
  );
  assert.deepEqual(snapshot(), before, 'nothing written');
  // Rendered again unchanged, the version is accepted (same hashes), and nothing in it moves.
  const again = await render(version(DAY1), ['--archive']);
  assert.equal(again.code, 0, again.stderr);
  assert.deepEqual(snapshot(), before);
});

test('publish.archive in the file archives; a draft is not archived; a render without it keeps the archive', async (t) => {
  const { out, render } = setup(t);
  const withKey = (s) => `${s}\npublish:\n  archive: true\n`;
  assert.equal((await render(version(DAY1, withKey))).code, 0);
  assert.ok(existsSync(join(out, ID, 'archive/2026-11-26T1500/faq.de.html')));
  // A draft (approval older than updated) is published nowhere: it is not archived.
  const draft = version(DAY2, (s) =>
    withKey(
      s.replace(
        `approval: { by: Pressestelle, at: ${DAY2} }`,
        `approval: { by: Pressestelle, at: ${DAY1} }`,
      ),
    ),
  );
  assert.equal((await render(draft)).code, 0);
  assert.deepEqual(
    JSON.parse(readFileSync(join(out, ID, 'manifest.json'), 'utf8')).archive.map((v) => v.path),
    ['archive/2026-11-26T1500'],
  );
  assert.match(readFileSync(join(out, ID, 'faq.de.html'), 'utf8'), /ENTWURF[\s\S]*earlier-title/);
  // Without archiving, the archive is kept as it is (never lost by a render), and still linked.
  assert.equal((await render(version(DAY2))).code, 0);
  assert.ok(existsSync(join(out, ID, 'archive/2026-11-26T1500/faq.de.html')));
  assert.ok(!existsSync(join(out, ID, 'archive/2026-11-27T1000')));
});

test('an archived file changed by hand stops the run: nothing is rewritten', async (t) => {
  const { out, render, snapshot } = setup(t);
  assert.equal((await render(version(DAY1), ['--archive'])).code, 0);
  writeFileSync(join(out, ID, 'archive/2026-11-26T1500/faq.de.md'), 'edited\n');
  const before = snapshot();
  const r = await render(version(DAY2), ['--archive']);
  assert.equal(r.code, 1);
  assert.match(
    r.stderr,
    /faq\.de\.md was changed or removed after it was archived; nothing was changed/,
  );
  assert.deepEqual(snapshot(), before);
});

test('files without an archive render as before: no archive folder, no archive in the manifest', async (t) => {
  const { out, render } = setup(t);
  assert.equal((await render(version(DAY1))).code, 0);
  assert.ok(!existsSync(join(out, ID, 'archive')));
  const manifest = JSON.parse(readFileSync(join(out, ID, 'manifest.json'), 'utf8'));
  assert.equal('archive' in manifest, false);
  assert.doesNotMatch(readFileSync(join(out, ID, 'faq.de.html'), 'utf8'), /earlier/);
});

test('the render cache knows --archive: a cached folder is archived when it is asked for', async (t) => {
  const dir = tempDir(t, 'faq-archive-cache-');
  const out = join(dir, 'out');
  const env = { FAQ_CACHE_DIR: join(dir, 'cache') };
  const render = (args) =>
    runInProcess(['render', EXAMPLE, '-o', out, ...FAQ_ONLY, ...args], { env });
  assert.equal((await render([])).code, 0);
  assert.equal((await render(['--archive'])).code, 0);
  assert.ok(existsSync(join(out, ID, 'archive/2026-11-26T1500/faq.de.html')));
});
