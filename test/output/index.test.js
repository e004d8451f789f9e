// The index across incidents (issue 15 §4): several files rendered into one --out write
// index.html, index.<lang>.md, index.<lang>.atom and index.json listing every incident folder —
// also those of earlier runs, from index.json, checked against each folder's manifest.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, runInProcess, tempDir } from '../helpers.js';
import { feedparserMissing, parseFeeds } from '../feeds/feedparser.js';

const PAGES = ['--variant', 'faq,press', '--format', 'html'];
const fixture = (name) => join(FIXTURES, name, 'incident.yaml');
const A = fixture('attack-investigating');
const R = fixture('malfunction-recovering');
const Z = fixture('unknown-resolved');

function setup(t, env = { FAQ_CACHE: '0' }) {
  const dir = tempDir(t, 'faq-index-');
  const out = join(dir, 'out');
  const render = (files, args = [], more = {}) =>
    runInProcess(['render', ...files, '-o', out, ...PAGES, ...args], { env: { ...env, ...more } });
  const read = (name) => readFileSync(join(out, name), 'utf8');
  const listed = () => JSON.parse(read('index.json')).incidents.map((i) => i.id);
  return { dir, out, render, read, listed };
}

/** An incident file in `dir` made from a fixture with another `updated` (and approval). */
function moved(dir, file, updated) {
  const copy = join(dir, `${updated.replace(/:/g, '')}-${file.split('/').at(-2)}.yaml`);
  writeFileSync(copy, readFileSync(file, 'utf8').replaceAll('2026-03-10T08:15', updated));
  return copy;
}

test('several files into one --out: index files, ongoing first, each with status, phase, updated and a link', async (t) => {
  const { dir, out, render, read } = setup(t);
  const r = await render([moved(dir, Z, '2026-03-12T09:00'), A, R]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    readdirSync(out)
      .filter((n) => n.startsWith('index'))
      .sort(),
    ['index.de.atom', 'index.de.html', 'index.de.md', 'index.html', 'index.json'],
  );
  assert.equal(read('index.html'), read('index.de.html'));
  const md = read('index.de.md');
  const order = [...md.matchAll(/^### \[.*\]\(([^/]+)\/faq\.de\.html\)$/gm)].map((m) => m[1]);
  // Ongoing first (the same `updated`: by id), then the resolved one although it is the newest.
  assert.deepEqual(order, ['attack-investigating', 'malfunction-recovering', 'unknown-resolved']);
  assert.match(md, /^Stand: 12\. März 2026, 09:00 Uhr$/m);
  assert.match(
    md,
    /## Laufende Vorfälle[\s\S]*Dataport: Cyberangriff, in Untersuchung\. Stand: 10\. März 2026, 08:15 Uhr/,
  );
  assert.match(md, /Südwestfalen-IT: technische Störung, Wiederanlauf\./);
  assert.match(
    md,
    /## Abgeschlossene Vorfälle\n\n### \[IT-Störung der Stadtwerke Beispielstadt: IT-Systeme wieder in Betrieb\]\(unknown-resolved\/faq\.de\.html\)\n\nStadtwerke Beispielstadt: Ursache noch offen, behoben\. Stand: 12\. März 2026, 09:00 Uhr/,
  );
  for (const href of [...read('index.de.html').matchAll(/href="([^"#]+)"/g)].map((m) => m[1]))
    assert.ok(existsSync(join(out, href)), `${href} is in the folder`);
  const json = JSON.parse(read('index.json'));
  assert.deepEqual(
    json.incidents.map((i) => [i.id, i.status, i.phase, i.updated, i.draft]),
    [
      ['attack-investigating', 'attack', 'investigating', '2026-03-10T08:15+01:00', false],
      ['malfunction-recovering', 'malfunction', 'recovering', '2026-03-10T08:15+01:00', false],
      ['unknown-resolved', 'unknown', 'resolved', '2026-03-12T09:00+01:00', false],
    ],
  );
  // The same run again gives the same bytes (nothing in the index depends on the clock).
  const before = ['index.de.html', 'index.de.atom', 'index.json'].map(read);
  assert.equal((await render([moved(dir, Z, '2026-03-12T09:00'), A, R])).code, 0);
  assert.deepEqual(['index.de.html', 'index.de.atom', 'index.json'].map(read), before);
});

test('the index feed parses without errors, one entry per incident, stable ids, escaped titles', async (t) => {
  const { dir, render, read } = setup(t);
  const hostile = join(dir, 'hostile.yaml');
  writeFileSync(
    hostile,
    readFileSync(A, 'utf8')
      .replace('id: attack-investigating', 'id: hostile-title')
      .replace(/^( {2}name: ).*$/m, "$1'Data <script>alert(1)</script> & Co'"),
  );
  assert.equal((await render([hostile, R, Z])).code, 0);
  const atom = read('index.de.atom');
  assert.doesNotMatch(atom, /<script>/);
  assert.doesNotMatch(read('index.de.html'), /<script>alert/);
  const missing = feedparserMissing();
  if (missing) return t.skip(missing);
  const [feed] = parseFeeds([atom]);
  assert.equal(feed.bozo, false, feed.bozo_exception);
  assert.equal(feed.version, 'atom10');
  assert.equal(feed.entries.length, 3);
  assert.ok(feed.entries.some((e) => e.title.includes('Data <script>alert(1)</script> & Co')));
  assert.deepEqual(
    feed.entries.map((e) => e.updated),
    ['2026-03-10T08:15:00+01:00', '2026-03-10T08:15:00+01:00', '2026-03-10T08:15:00+01:00'],
  );
  assert.equal(new Set(feed.entries.map((e) => e.id)).size, 3);
  assert.equal((await render([hostile, R, Z])).code, 0);
  assert.equal(read('index.de.atom'), atom, 'ids and bytes stable across renders');
});

test('one file into a folder with an index: the index lists every incident folder, updated', async (t) => {
  const { dir, out, render, read, listed } = setup(t);
  assert.equal((await render([A, R])).code, 0);
  const r = await render([moved(dir, Z, '2026-03-12T09:00')]);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(listed(), [
    'attack-investigating',
    'malfunction-recovering',
    'unknown-resolved',
  ]);
  assert.match(read('index.de.md'), /Stand: 12\. März 2026, 09:00 Uhr/);
  // A folder re-rendered alone keeps its place with its new facts; the others keep theirs.
  assert.equal((await render([moved(dir, A, '2026-03-13T10:00')])).code, 0);
  const json = JSON.parse(read('index.json'));
  assert.deepEqual(
    json.incidents.map((i) => [i.id, i.updated]),
    [
      ['attack-investigating', '2026-03-13T10:00+01:00'],
      ['malfunction-recovering', '2026-03-10T08:15+01:00'],
      ['unknown-resolved', '2026-03-12T09:00+01:00'],
    ],
  );
  // Rendered again unchanged: the index files are not rewritten.
  const inodes = () =>
    readdirSync(out)
      .filter((n) => n.startsWith('index'))
      .map((n) => [n, statSync(join(out, n)).ino]);
  const before = inodes();
  assert.equal((await render([moved(dir, A, '2026-03-13T10:00')])).code, 0);
  assert.deepEqual(inodes(), before);
});

test('one file into a folder without an index writes no index, as before', async (t) => {
  const { out, render } = setup(t);
  assert.equal((await render([A])).code, 0);
  assert.equal((await render([R])).code, 0);
  assert.deepEqual(readdirSync(out).sort(), ['attack-investigating', 'malfunction-recovering']);
});

test('a folder rendered alone before the index is listed without facts, and said so', async (t) => {
  const { render, read, listed } = setup(t);
  assert.equal((await render([A])).code, 0);
  const r = await render([R, Z]);
  assert.equal(r.code, 0);
  assert.match(
    r.stderr,
    /^faq: the index lists attack-investigating without status and phase: render its incident file into .* once$/m,
  );
  assert.deepEqual(listed(), [
    'malfunction-recovering',
    'unknown-resolved',
    'attack-investigating',
  ]);
  assert.match(
    read('index.de.md'),
    /## Weitere Vorfälle\n\n### \[attack-investigating\]\(attack-investigating\/faq\.de\.html\)/,
  );
  const again = await render([A]);
  assert.doesNotMatch(again.stderr, /without status/);
  assert.doesNotMatch(read('index.de.md'), /Weitere Vorfälle/);
});

test('an index.html that faq did not write is never replaced: the index is left out, with a note', async (t) => {
  const { out, render } = setup(t);
  assert.equal((await render([A])).code, 0);
  writeFileSync(join(out, 'index.html'), '<p>our own site</p>\n');
  const r = await render([R, Z]);
  assert.equal(r.code, 0);
  assert.match(
    r.stderr,
    /index\.html was not written by faq, so the index of the incidents was not written/,
  );
  assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), '<p>our own site</p>\n');
  assert.equal(existsSync(join(out, 'index.json')), false);
});

test("with the render cache too: a site's own index.html is left, with the note, on every run", async (t) => {
  const { out, render } = setup(t, { FAQ_CACHE_DIR: join(tempDir(t), 'cache') });
  assert.equal((await render([A])).code, 0);
  writeFileSync(join(out, 'index.html'), '<p>our own site</p>\n');
  for (let run = 0; run < 3; run++) {
    const r = await render([R, Z]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /index\.html was not written by faq/, `run ${run + 1}`);
    assert.equal(readFileSync(join(out, 'index.html'), 'utf8'), '<p>our own site</p>\n');
  }
});

test('the render cache and threads: an all-cached run starts the index; threads give the same bytes', async (t) => {
  const { dir, out, render, read } = setup(t, { FAQ_CACHE_DIR: join(tempDir(t), 'cache') });
  assert.equal((await render([A])).code, 0);
  assert.equal((await render([R])).code, 0);
  // Both from the cache now: nothing rendered, but the index is started with their facts.
  const r = await render([A, R], [], { FAQ_TIMING: '1' });
  assert.match(r.stderr, /2 from the cache/);
  assert.deepEqual(
    JSON.parse(read('index.json')).incidents.map((i) => [i.id, i.phase]),
    [
      ['attack-investigating', 'investigating'],
      ['malfunction-recovering', 'recovering'],
    ],
  );
  const serial = read('index.json');
  rmSync(out, { recursive: true });
  const threaded = await render([A, R], [], { FAQ_CACHE: '0', FAQ_WORKERS: '1' });
  assert.equal(threaded.code, 0, threaded.stderr);
  assert.equal(read('index.json'), serial);
  assert.ok(dir);
});

test("each incident's customer kits are listed under it, in index.json too, also from the render cache", async (t) => {
  const { out, read } = setup(t);
  const C = fixture('customers-regional');
  const env = { FAQ_CACHE_DIR: join(tempDir(t), 'cache') };
  const render = (more = {}) =>
    runInProcess(['render', C, A, '-o', out, '--variant', 'faq,press,notice', '--format', 'html'], {
      env: { ...env, ...more },
    });
  assert.equal((await render()).code, 0);
  const first = ['index.de.md', 'index.de.html', 'index.json'].map(read);
  const md = first[0];
  const kits = (slugs) =>
    slugs.map(([slug, name]) => `- [${name}](customers-regional/customers/${slug}/notice.de.html)`);
  assert.ok(
    md.includes(
      [
        'regio iT: Ursache noch offen, in Untersuchung. Stand: 26. November 2026, 15:00 Uhr',
        '',
        'Hinweise für Kunden:',
        '',
        ...kits([
          ['stadt-aachen', 'Stadt Aachen'],
          ['kreis-dueren', 'Kreis Düren'],
          ['schulamt-fuer-die-staedteregion-aachen', 'Schulamt für die StädteRegion Aachen'],
          ['stadtwerke-eschweiler', 'Stadtwerke Eschweiler'],
          ['monschau', 'Monschau'],
        ]),
        '',
        '### [Cyberangriff auf Dataport',
      ].join('\n'),
    ),
    md,
  );
  // The customer without a kit is not listed; an incident without customers looks as before.
  assert.doesNotMatch(md, /Roetgen/);
  assert.match(md, /Dataport: Cyberangriff, in Untersuchung\. Stand: 10\. März 2026, 08:15 Uhr\n$/);
  for (const href of [...first[1].matchAll(/href="([^"#]+)"/g)].map((m) => m[1]))
    assert.ok(existsSync(join(out, href)), `${href} is in the folder`);
  const json = JSON.parse(first[2]);
  assert.deepEqual(json.incidents[0].kits[3], {
    customer: 'stadtwerke-eschweiler',
    name: 'Stadtwerke Eschweiler',
    pages: { de: 'customers-regional/customers/stadtwerke-eschweiler/notice.de.html' },
  });
  assert.equal(json.incidents[1].kits, undefined);
  // Again, both from the cache: the index still lists the kits, byte for byte.
  rmSync(join(out, 'index.json'));
  rmSync(join(out, 'index.html'));
  for (const name of ['index.de.md', 'index.de.html', 'index.de.atom']) rmSync(join(out, name));
  const cached = await render({ FAQ_TIMING: '1' });
  assert.match(cached.stderr, /2 from the cache/);
  assert.deepEqual(['index.de.md', 'index.de.html', 'index.json'].map(read), first);
});
