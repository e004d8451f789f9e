// Issue 15, part 1: feed.<lang>.atom and feed.<lang>.json per incident, from the update log.
// Rendered in process; the Atom feeds are read by feedparser (an independent parser, one Python
// process for the whole file) and the JSON Feeds checked field by field against JSON Feed 1.1.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { TextDecoder } from 'node:util';
import { renderFiles } from '../../lib/api.js';
import { htmlDangers } from '../hostile/inspect.js';
import { FIXTURES, tempDir } from '../helpers.js';
import { feedparserMissing, parseFeeds } from './feedparser.js';
import { jsonFeedProblems } from './json-feed-spec.js';

// Updates across the change from summer to winter time, one of them date-only, one listed twice
// at the same minute, in any order; published under a base URL; German and English.
const MULTI = `
id: dst-multi
lang: de
updated: 2026-10-27T08:00
approval: { by: Pressestelle, at: 2026-10-27T08:00 }
organization:
  name: Stadt Beispiel
  website: https://www.beispiel.example
  contact: { email: presse@beispiel.example }
publish: { base_url: https://status.beispiel.example/krise }
incident:
  status: attack
  phase: recovering
  detected: 2026-10-23T22:15
  findings_expected: 2026-10-30
updates:
  - at: 2026-10-25
    text: { de: Am Sonntag ruht die Arbeit nicht., en: Work goes on on Sunday. }
  - at: 2026-10-26T09:00
    phase: recovering
    text: { de: "Der **Wiederanlauf** beginnt.", en: "The **restart** begins." }
  - at: 2026-10-24T12:00
    status: attack
    text: { de: Ein Angriff ist bestätigt., en: An attack is confirmed. }
  - at: 2026-10-26T09:00
    text: { de: Ein zweiter Eintrag zur selben Minute., en: A second entry at the same minute. }
`;

/** Renders incident texts in memory; returns each artifact's text by "id/file". */
async function renderTexts(t, texts, options = {}) {
  const dir = tempDir(t);
  const files = texts.map((text, i) => {
    const file = join(dir, `incident-${i}.yaml`);
    writeFileSync(file, text);
    return file;
  });
  const { artifacts } = await renderFiles({ files, dryRun: true, ...options });
  return new Map(artifacts.map((a) => [a.path, new TextDecoder().decode(a.content)]));
}

test('Atom: one entry per update, newest first, dates with the local offset, links to the page', async (t) => {
  const out = await renderTexts(t, [MULTI], { langs: ['de', 'en'] });
  const json = JSON.parse(out.get('dst-multi/feed.de.json'));
  assert.deepEqual(
    json.items.map((i) => i.date_published),
    [
      '2026-10-26T09:00:00+01:00',
      '2026-10-26T09:00:00+01:00',
      '2026-10-25T00:00:00+02:00',
      '2026-10-24T12:00:00+02:00',
    ],
  );
  assert.equal(new Set(json.items.map((i) => i.id)).size, 4, 'ids unique, also at the same minute');
  assert.equal(json.home_page_url, 'https://status.beispiel.example/krise/dst-multi/faq.de.html');
  assert.equal(json.feed_url, 'https://status.beispiel.example/krise/dst-multi/feed.de.json');
  assert.match(json.items[0].content_html, /<strong>Wiederanlauf<\/strong>/);
  assert.deepEqual(json.items[0].tags, ['recovering']);
  const atom = out.get('dst-multi/feed.en.atom');
  assert.match(
    atom,
    /<link rel="self" type="application\/atom\+xml" href="https:\/\/status.beispiel.example\/krise\/dst-multi\/feed.en.atom"\/>/,
  );
  assert.match(atom, /<id>tag:www.beispiel.example,2026-10-23:dst-multi\/feed.en<\/id>/);
  const missing = feedparserMissing();
  if (missing) return t.skip(missing);
  const [de, en] = parseFeeds([out.get('dst-multi/feed.de.atom'), atom]);
  for (const feed of [de, en]) {
    assert.equal(feed.bozo, false, feed.bozo_exception);
    assert.equal(feed.version, 'atom10');
    assert.equal(feed.entries.length, 4);
  }
  assert.equal(en.feed.language, 'en');
  assert.equal(en.entries[3].title, 'As of: 24 October 2026, 12:00');
  // feedparser gives UTC: 12:00 summer time is 10:00 UTC, 09:00 winter time 08:00 UTC.
  assert.deepEqual(
    en.entries.map((e) => e.updated_parsed.slice(0, 5).join('-')),
    ['2026-10-26-8-0', '2026-10-26-8-0', '2026-10-24-22-0', '2026-10-24-10-0'],
  );
  const alternate = en.links.find((l) => l.rel === 'alternate');
  assert.equal(alternate.href, 'https://status.beispiel.example/krise/dst-multi/faq.en.html');
  assert.equal(en.entries[0].links[0].href, alternate.href);
});

test('ids stay the same across renders and when a text is corrected', async (t) => {
  const ids = (text) => [...text.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
  const first = await renderTexts(t, [MULTI]);
  const again = await renderTexts(t, [MULTI]);
  const corrected = await renderTexts(t, [
    MULTI.replace('Ein Angriff ist bestätigt.', 'Ein Angriff wurde bestätigt.'),
  ]);
  const atom = first.get('dst-multi/feed.de.atom');
  assert.equal(again.get('dst-multi/feed.de.atom'), atom, 'byte-identical');
  assert.equal(ids(atom).length, 5);
  assert.deepEqual(ids(corrected.get('dst-multi/feed.de.atom')), ids(atom));
  const jsonIds = JSON.parse(first.get('dst-multi/feed.de.json')).items.map((i) => i.id);
  assert.deepEqual(jsonIds, ids(atom).slice(1), 'the JSON Feed has the same entry ids');
});

test('JSON Feed 1.1, field by field, for every fixture and the multi-update case', async (t) => {
  const fixtures = [
    'attack-multi-day',
    'draft-de',
    'unknown-investigating',
    'english-council-attack',
  ];
  const { readFileSync } = await import('node:fs');
  const texts = fixtures.map((f) => readFileSync(join(FIXTURES, f, 'incident.yaml'), 'utf8'));
  const out = await renderTexts(t, [MULTI, ...texts]);
  const feeds = [...out].filter(([path]) => path.endsWith('.json') && /\/feed\./.test(path));
  assert.equal(feeds.length, fixtures.length + 1);
  for (const [path, text] of feeds) {
    const feed = JSON.parse(text);
    assert.deepEqual(jsonFeedProblems(feed), [], path);
    assert.ok(feed.items.length >= 1, `${path}: at least one item`);
    for (const item of feed.items) {
      assert.ok(item.content_html && item.content_text, `${path}: both contents`);
      assert.equal(item.language, feed.language);
    }
  }
  // The checker itself catches what JSON Feed 1.0 or a careless writer would write.
  const bad = {
    version: 'https://jsonfeed.org/version/1',
    title: 't',
    author: {},
    items: [{ id: 1, date_published: '2026-10-26T09:00+01:00' }],
  };
  assert.deepEqual(jsonFeedProblems(bad), [
    'feed.version: invalid value "https://jsonfeed.org/version/1"',
    'feed.author: not a field of JSON Feed 1.1',
    'feed.items[0].id: invalid value 1',
    'feed.items[0].date_published: invalid value "2026-10-26T09:00+01:00"',
    'feed.items[0].id: required, a string',
    'feed.items[0]: needs content_html or content_text',
  ]);
});

test('an incident without updates: one entry, its current state in the words of the template', async (t) => {
  const out = await renderTexts(t, [
    MULTI.replace(/updates:[^]*$/, '').replace(
      '  status: attack\n  phase: recovering\n',
      '  status: unknown\n',
    ),
  ]);
  const json = JSON.parse(out.get('dst-multi/feed.de.json'));
  assert.equal(json.items.length, 1);
  assert.equal(json.items[0].date_published, '2026-10-27T08:00:00+01:00');
  assert.match(
    json.items[0].content_text,
    /^Aktuelle Lage: Ob ein Cyberangriff oder eine Fehlfunktion vorliegt, ist noch offen\./,
  );
  assert.deepEqual(json.items[0].tags, ['unknown', 'investigating']);
});

test('a draft says so: every entry title and content, like every other draft', async (t) => {
  const out = await renderTexts(t, [MULTI.replace(/^approval:.*$/m, '')]);
  const json = JSON.parse(out.get('dst-multi/feed.de.json'));
  assert.match(json.title, /^\[ENTWURF\] /);
  for (const item of json.items) {
    assert.match(item.title, /^\[ENTWURF\] Stand: /);
    assert.match(item.content_text, /^ENTWURF – nicht veröffentlichen\n\n/);
    assert.match(item.content_html, /^<p><strong>ENTWURF – nicht veröffentlichen<\/strong><\/p>/);
  }
  assert.match(out.get('dst-multi/feed.de.atom'), /<title>\[ENTWURF\] Stand: /);
});

// The hostile corpus (test/fixtures/hostile/rendered): its Markdown fields become updates too.
const CORPUS = join(FIXTURES, 'hostile', 'rendered');
const MARKDOWN_KEYS = new Set(['about', 'answer', 'text', 'signature', 'alternatives', 'note']);

/** Every Markdown text of a parsed incident file (in every language). */
function markdownTexts(node, key = '') {
  if (typeof node === 'string') return MARKDOWN_KEYS.has(key) ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((n) => markdownTexts(n, key));
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) =>
      ['de', 'en'].includes(k) ? markdownTexts(v, key) : markdownTexts(v, k),
    );
  return [];
}

test('hostile corpus: no script, handler or javascript: link survives into a feed', async (t) => {
  const { parse, stringify } = await import('yaml');
  const { readdirSync, readFileSync } = await import('node:fs');
  const texts = readdirSync(CORPUS)
    .sort()
    .map((name) => {
      const data = parse(readFileSync(join(CORPUS, name, 'incident.yaml'), 'utf8'));
      const hostile = markdownTexts(data);
      data.updates = [
        ...(data.updates ?? []),
        ...hostile.map((text) => ({ at: data.updated, text })),
      ];
      return stringify(data);
    });
  assert.ok(texts.length >= 5);
  const out = await renderTexts(t, texts);
  const atoms = [...out].filter(([path]) => path.endsWith('.atom'));
  const jsons = [...out].filter(([path]) => /\/feed\.[a-z]+\.json$/.test(path));
  assert.equal(atoms.length, texts.length);
  let entries = 0;
  for (const [path, text] of jsons)
    for (const item of JSON.parse(text).items) {
      entries++;
      assert.deepEqual(htmlDangers(item.content_html), [], path);
    }
  assert.ok(entries > 10, `the corpus's Markdown went through (${entries} entries)`);
  // The feed document itself: its only elements are Atom's, no attribute is a handler.
  for (const [path, text] of atoms) assert.deepEqual(htmlDangers(text), [], path);
  const missing = feedparserMissing();
  if (missing) return t.skip(missing);
  const parsed = parseFeeds(atoms.map(([, text]) => text));
  for (const [i, feed] of parsed.entries()) {
    assert.equal(feed.bozo, false, `${atoms[i][0]}: ${feed.bozo_exception}`);
    for (const entry of feed.entries) assert.deepEqual(htmlDangers(entry.content[0].value), []);
  }
  const named = parsed.find((f) => f.feed.title.includes('<script>alert(1)</script>'));
  assert.ok(named, 'the name with HTML comes out as written, as text');
});

test('the FAQ page links its feed (head and a visible Subscribe link) only when it is rendered', async (t) => {
  const all = await renderTexts(t, [MULTI], { langs: ['de', 'en'] });
  const de = all.get('dst-multi/faq.de.html');
  const head = de.slice(0, de.indexOf('</head>'));
  assert.equal(
    head.match(/<link [^>]*>/g).join(''),
    '<link rel="alternate" type="application/atom+xml" href="feed.de.atom" title="Neuigkeiten als Feed (Atom)">',
  );
  assert.match(de, /<a href="feed.de.atom" type="application\/atom\+xml"[^>]*>Abonnieren<\/a>/);
  assert.match(all.get('dst-multi/faq.en.html'), /<a href="feed.en.atom"[^>]*>Subscribe<\/a>/);
  assert.doesNotMatch(all.get('dst-multi/press.de.html'), /feed\.de\.atom/);
  assert.doesNotMatch(all.get('dst-multi/faq.de.md'), /feed\.de\.atom/);
  // Without the feed in the run, no link to a file that would not be there.
  for (const options of [{ variants: ['faq'] }, { formats: ['html', 'jsonfeed'] }]) {
    const alone = await renderTexts(t, [MULTI], options);
    assert.doesNotMatch(
      alone.get('dst-multi/faq.de.html'),
      /<link|Abonnieren/,
      JSON.stringify(options),
    );
  }
});
