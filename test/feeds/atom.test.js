// The Atom writer (src/formats/atom.ts) alone: escaping, dates, required elements, and what an
// independent parser (feedparser) reads from it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeAtomFeed } from '../../lib/formats/atom.js';
import { parseIncidentDate, toRfc3339String } from '../../lib/incident/dates.js';
import { stableId, tagAuthority } from '../../lib/formats/feed-ids.js';
import { htmlDangers } from '../hostile/inspect.js';
import { feedparserMissing, parseFeeds } from './feedparser.js';

const HOSTILE = '</content><script>alert(1)</script><a href="javascript:x()" onclick="y()">&amp;';

function sampleFeed(overrides = {}) {
  return {
    id: 'tag:example.org,2026-11-24:demo/feed.de',
    title: 'Beispiel & Co: <Neuigkeiten>',
    updated: '2026-11-26T15:00:00+01:00',
    lang: 'de',
    authors: [{ name: 'Stadt "Beispiel"', email: 'presse@example.org' }],
    links: [{ href: 'https://example.org/demo/faq.de.html?a=1&b=2', type: 'text/html' }],
    entries: [
      {
        id: 'tag:example.org,2026-11-24:demo/de/2026-11-26T15:00',
        title: 'Stand: 26. November 2026',
        updated: '2026-11-26T15:00:00+01:00',
        content: { type: 'html', value: `<p>${HOSTILE.replace(/</g, '&lt;')}</p>` },
        categories: [{ term: 'attack', label: 'Cyberangriff' }],
      },
      {
        id: 'tag:example.org,2026-11-24:demo/de/2026-11-25T09:30',
        title: HOSTILE,
        updated: '2026-11-25T09:30:00+01:00',
        content: { type: 'text', value: HOSTILE },
      },
    ],
    ...overrides,
  };
}

test('writes no markup of its own from values: every < of a value is escaped', () => {
  const xml = writeAtomFeed(sampleFeed());
  assert.doesNotMatch(xml, /<script|<a |onclick="|<\/content><script/);
  assert.match(xml, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  assert.match(xml, /href="https:\/\/example.org\/demo\/faq.de.html\?a=1&amp;b=2"/);
  assert.match(xml, /<name>Stadt &quot;Beispiel&quot;<\/name>/);
  // Characters XML cannot carry at all are dropped, not written.
  const odd = writeAtomFeed(sampleFeed({ title: 'a\u0001b\uFFFEc' }));
  assert.match(odd, /<title>abc<\/title>/);
});

test('is deterministic and refuses what RFC 4287 would not accept', () => {
  assert.equal(writeAtomFeed(sampleFeed()), writeAtomFeed(sampleFeed()));
  assert.throws(() => writeAtomFeed(sampleFeed({ authors: [] })), /needs an author/);
  assert.throws(() => writeAtomFeed(sampleFeed({ updated: '2026-11-26T15:00+01:00' })), /RFC 3339/);
  assert.throws(() => writeAtomFeed(sampleFeed({ updated: '2026-11-26' })), /RFC 3339/);
});

test('ids: tag: URIs from the website or the e-mail domain, else a name-based urn:uuid', () => {
  assert.equal(tagAuthority(['https://www.Example.org/x', 'a@b.de']), 'www.example.org');
  assert.equal(tagAuthority([undefined, 'presse@regioit.de']), 'regioit.de');
  assert.equal(tagAuthority(['http://localhost/']), undefined);
  const owner = { authority: 'example.org', day: '2026-11-24', name: 'X' };
  assert.equal(stableId(owner, 'a b/ü'), 'tag:example.org,2026-11-24:a%20b/%C3%BC');
  const bare = stableId({ day: '2026-11-24', name: 'X' }, 'a');
  assert.match(
    bare,
    /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );
  assert.equal(bare, stableId({ day: '2026-11-24', name: 'X' }, 'a'));
  assert.notEqual(bare, stableId({ day: '2026-11-24', name: 'Y' }, 'a'));
});

test('feedparser reads it as Atom 1.0 without errors, values as written', (t) => {
  const missing = feedparserMissing();
  if (missing) return t.skip(missing);
  const [parsed] = parseFeeds([writeAtomFeed(sampleFeed())]);
  assert.equal(parsed.bozo, false, parsed.bozo_exception);
  assert.equal(parsed.version, 'atom10');
  assert.equal(parsed.feed.title, 'Beispiel & Co: <Neuigkeiten>');
  assert.equal(parsed.feed.language, 'de');
  assert.equal(parsed.entries.length, 2);
  assert.equal(parsed.entries[1].title, HOSTILE);
  assert.equal(parsed.entries[1].content[0].type, 'text/plain');
  assert.equal(parsed.entries[0].content[0].type, 'text/html');
  // The hostile text arrives as text: no element, handler or javascript: link.
  assert.match(parsed.entries[0].content[0].value, /&lt;script>alert/);
  assert.deepEqual(htmlDangers(parsed.entries[0].content[0].value), []);
  assert.deepEqual(parsed.entries[0].updated_parsed.slice(0, 5), [2026, 11, 26, 14, 0]);
});

test('dates: RFC 3339 with seconds and the local offset of that day, midnight for a day', () => {
  const tz = 'Europe/Berlin';
  const at = (text) => toRfc3339String(parseIncidentDate(text, tz).value);
  assert.equal(at('2026-11-26T15:00'), '2026-11-26T15:00:00+01:00');
  assert.equal(at('2026-07-01T09:05'), '2026-07-01T09:05:00+02:00');
  assert.equal(at('2026-07-01'), '2026-07-01T00:00:00+02:00');
  assert.equal(
    toRfc3339String(parseIncidentDate('2026-03-01T10:00', 'America/New_York').value),
    '2026-03-01T10:00:00-05:00',
  );
});
