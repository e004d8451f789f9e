// Every HTML artifact (faq, press, e-mail; every recipient) of several incidents, checked by real
// tools: the W3C Nu Html Checker, and axe-core (WCAG 2.1 A/AA) in Chromium at phone width — plus
// the page's own promises: self-contained, no sideways scroll, lang, title, headings, landmarks.
/* global document */ // describePage and runAxe run inside the browser.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { decodeHTML } from 'entities';
import {
  axeSource,
  browserMissing,
  javaMissing,
  requireTool,
  runVnu,
  sharedChromium,
} from '../browser.js';
import { INDEX_SET, renderArtifactSet } from './artifact-set.js';

const ORIGIN = 'http://faq-artifact.invalid';
const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

let set;
let checked; // the Nu Html Checker's run over the set, started as soon as the set is written
before(async () => {
  // Chromium starts while the set renders; Java (vnu) and Chromium (axe) then check it side by side.
  // A failure is reported by the tests that await these (a handler here keeps it from being
  // an unhandled rejection before then).
  if (!browserMissing()) sharedChromium().catch(() => {});
  set = await renderArtifactSet();
  const { distinct } = identicalArtifacts();
  if (!javaMissing()) (checked = runVnu(distinct.map((i) => set.html[i].path))).catch(() => {});
  if (!browserMissing()) inspectAll().catch(() => {});
});
after(async () => {
  await checked?.catch(() => {}); // the set's files stay until vnu has read them
  set?.cleanup();
});

test('the artifact set covers several incidents, languages and every variant', (t) => {
  t.diagnostic(`${set.html.length} HTML artifacts from ${set.sources.length} incident files`);
  assert.deepEqual(set.problems, []);
  const variants = new Set(set.html.map((h) => h.variant));
  const langs = new Set(set.html.map((h) => h.lang));
  // leicht (test/fixtures/leicht), the data-protection notice (a fixture with data_protection)
  // and the final report (resolved fixtures): their pages are checked too.
  for (const v of ['faq', 'press', 'email', 'leicht', 'datenschutz', 'report', 'banner'])
    assert.ok(variants.has(v), `no ${v} HTML`);
  for (const l of ['de', 'en']) assert.ok(langs.has(l), `no ${l} HTML`);
  assert.ok(set.sources.length >= 3, 'several incidents');
  // An incident over weeks (test/fixtures/attack-multi-day): the services table is checked too.
  assert.ok(
    set.html.some((h) => h.variant === 'faq' && /<caption>[^<]+<\/caption>/.test(h.text)),
    'a FAQ with a captioned services table',
  );
  // Customers' kits (test/fixtures/customers-regional): each notice page and kit banner too.
  for (const v of ['notice', 'banner'])
    assert.ok(
      set.html.some((h) => h.variant === v && /\/customers\/[a-z-]+\//.test(h.rel)),
      `no kit ${v}`,
    );
  // Mail merge: one e-mail page per recipient.
  assert.ok(
    set.html.filter((h) => /^email\.[a-z]+\.[^.]+\.html$/.test(h.rel.split('/').pop())).length >= 2,
  );
});

/**
 * The one `<link>` a page may have: the FAQ's feed, the file next to it (`feed.de.atom`; the index's
 * `index.de.atom`), which
 * the browser does not load. Returns the page without it, and what was wrong with it.
 */
function withoutFeedLink(h) {
  const feed =
    /<link rel="alternate" type="application\/atom\+xml" href="([^"]*)" title="[^"<>]*">\n/g;
  const links = [...h.text.matchAll(feed)];
  const bad = [];
  if (links.length > 1) bad.push(`${h.rel}: ${links.length} feed links`);
  // The index across incidents links its own feed, index.<lang>.atom.
  const own = h.variant === 'index' ? `index.${h.lang}.atom` : `feed.${h.lang}.atom`;
  if (links.length > 0 && !['faq', 'index'].includes(h.variant))
    bad.push(`${h.rel}: a feed link on a ${h.variant}`);
  for (const [, href] of links) if (href !== own) bad.push(`${h.rel}: feed link to ${href}`);
  if (links.length > 0 && h.text.indexOf(links[0][0]) > h.text.indexOf('</head>'))
    bad.push(`${h.rel}: feed link outside <head>`);
  return { text: h.text.replace(feed, ''), bad, count: links.length };
}

test('each banner is one element with role="status" and inline style, no script or handler', () => {
  const banners = set.html.filter((h) => h.variant === 'banner');
  assert.ok(banners.length >= 3);
  for (const h of banners) {
    const html = h.snippet.trim();
    assert.match(html, /^<div role="status" lang="[a-z]+" style="[^"]+">[\s\S]*<\/div>$/, h.rel);
    assert.equal(html.match(/<div\b/g).length, 1, `${h.rel}: one element`);
    assert.doesNotMatch(html, /<script|<style|<[a-z][^>]*\s(on[a-z]+|class|id)\s*=/i, h.rel);
  }
});

test('no HTML artifact references anything outside itself (but the FAQ its feed)', () => {
  const bad = [];
  let feedLinks = 0;
  for (const h of set.html) {
    const { text, bad: wrongLink, count } = withoutFeedLink(h);
    bad.push(...wrongLink);
    feedLinks += count;
    const external = [
      /<(link|img|iframe|frame|object|embed|video|audio|source|track|base)\b/i,
      /<script\b(?![^>]*type="application\/ld\+json")/i,
      /@import|url\(/i,
      /<[a-z][^>]*\s(src|srcset|poster|background)=/i,
    ].find((re) => re.test(text));
    if (external) bad.push(`${h.rel}: matches ${external}`);
  }
  assert.deepEqual(bad, []);
  // Every FAQ page of the set links its feed (the set renders the feeds too), and the index its own.
  assert.equal(feedLinks, set.html.filter((h) => ['faq', 'index'].includes(h.variant)).length);
});

test('the Nu Html Checker finds no error in any HTML artifact', async (t) => {
  if (!requireTool(t, javaMissing())) return;
  const r = await checked;
  assert.ok(r.stderr.trim().startsWith('{'), `vnu did not report JSON: ${r.stderr.slice(0, 500)}`);
  const { messages } = JSON.parse(r.stderr);
  // vnu read each text once (identicalArtifacts): a message names every artifact with that text.
  const { firstOf } = identicalArtifacts();
  const same = (path) => {
    const i = set.html.findIndex((h) => path.endsWith(h.path));
    return set.html.filter((_, j) => j !== i && firstOf[j] === i).map((h) => h.rel);
  };
  const errors = messages.map((m) => {
    const also = same(decodeURIComponent(m.url));
    return `${m.url.slice(m.url.lastIndexOf(set.out) + set.out.length + 1)}${also.length ? ` (and ${also.join(', ')})` : ''}:${m.lastLine}: ${m.type}: ${m.message} «${m.extract ?? ''}»`;
  });
  assert.deepEqual(errors, []);
  assert.equal(r.status, 0);
});

/**
 * A tab that shows one artifact after another. The first is loaded from a fake origin; each next
 * one is written into the same document (document.open/write/close, what page.setContent does):
 * a navigation costs Chromium a new document, and with it ~0.15 s of CPU per artifact, which
 * writing does not. The tab keeps its origin, so a relative reference is still a request to it;
 * every request after the first page's own is recorded and refused (`requests`, emptied per
 * artifact by the caller), and axe (an init script of the context) stays in the window. On the
 * whole artifact set, navigating and writing found the same facts, violations and requests.
 */
function artifactTab(page) {
  let own; // the URL of the first page, fulfilled once
  let requests = [];
  return {
    async open(h, into) {
      requests = into;
      if (own === undefined) {
        own = `${ORIGIN}/${h.rel}`;
        await page.route('**', (route) => {
          const asked = route.request().url();
          if (asked === own) {
            own = null;
            return route.fulfill({ body: h.text, contentType: 'text/html; charset=utf-8' });
          }
          requests.push(asked);
          return route.abort();
        });
        await page.goto(own, { waitUntil: 'load' });
        return;
      }
      // A global an injected script would set, from the artifact before.
      await page.evaluate(() => delete globalThis.__pwned);
      await page.setContent(h.text, { waitUntil: 'load' });
    },
  };
}

/** axe's violations, as lines; only they leave the page (the whole result is ~30 KB of JSON a run). */
async function runAxe(page, runOnly) {
  return page.evaluate(
    async (options) =>
      (await globalThis.axe.run(document, options)).violations.map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
      ),
    { runOnly, resultTypes: ['violations'] },
  );
}

/** Facts about the open page that the structure tests assert on. */
function describePage() {
  const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((h) => ({
    level: Number(h.tagName[1]),
    text: h.textContent.trim(),
    inNav: Boolean(h.closest('nav')),
    inMain: Boolean(h.closest('main')),
  }));
  const skip = document.querySelector('a.skip');
  const time = document.querySelector('time[datetime]');
  return {
    lang: document.documentElement.lang,
    bodyClass: document.body.className,
    title: document.title.trim(),
    scrollWidth: document.documentElement.scrollWidth,
    headings,
    landmarks: {
      header: document.querySelectorAll('body > header').length,
      main: document.querySelectorAll('main').length,
      footer: document.querySelectorAll('body > footer').length,
      nav: document.querySelectorAll('nav').length,
    },
    skipTarget: skip ? Boolean(document.querySelector(skip.getAttribute('href'))) : undefined,
    firstFocus: (() => {
      const first = document.querySelector('a[href], button, input, select, textarea');
      return first ? first.className : undefined;
    })(),
    time: time ? { datetime: time.getAttribute('datetime'), text: time.textContent } : undefined,
    scripts: [...document.scripts].map((s) => s.type),
    pwned: globalThis.__pwned === true,
  };
}

/**
 * Artifacts with the same bytes (a banner two incidents share; e-mails of recipients whose
 * differences do not show in the HTML) are checked once: a page's facts, axe's findings and
 * vnu's messages depend on its bytes alone. `distinct`: the index of each text's first artifact;
 * `firstOf[i]`: that index for artifact i.
 */
function identicalArtifacts() {
  const first = new Map();
  const firstOf = set.html.map((h, i) =>
    first.has(h.text) ? first.get(h.text) : (first.set(h.text, i), i),
  );
  return { distinct: [...first.values()], firstOf };
}

let inspected;
/** Visits every artifact once at 375 px (a few tabs at a time): axe light and dark, requests, facts. */
async function inspectAll() {
  inspected ??= (async () => {
    const browser = await sharedChromium();
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } });
    // axe-core is compiled into each tab the context opens, before the first page's content (an
    // init script); the artifacts written into the tab after it find it still there.
    await context.addInitScript({ content: axeSource() });
    const dialogs = [];
    const results = new Array(set.html.length);
    const { distinct, firstOf } = identicalArtifacts();
    let next = 0;
    const worker = async () => {
      const page = await context.newPage();
      const tab = artifactTab(page);
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        return d.dismiss();
      });
      while (next < distinct.length) {
        const i = distinct[next++];
        const h = set.html[i];
        const requests = [];
        await page.emulateMedia({ colorScheme: 'light' });
        await tab.open(h, requests);
        const facts = await page.evaluate(describePage);
        const violations = await runAxe(page, { type: 'tag', values: WCAG });
        // The dark palette must keep its contrast too.
        await page.emulateMedia({ colorScheme: 'dark' });
        const dark = await runAxe(page, { type: 'rule', values: ['color-contrast'] });
        results[i] = { h, facts, requests, violations, dark: dark.map((v) => `dark: ${v}`) };
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await context.close();
    set.html.forEach((h, i) => (results[i] ??= { ...results[firstOf[i]], h }));
    return { results, dialogs };
  })();
  return inspected;
}

test('axe-core finds no WCAG 2.1 A/AA violation in any HTML artifact, light or dark', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  const { results } = await inspectAll();
  const found = results.flatMap((r) => [...r.violations, ...r.dark].map((v) => `${r.h.rel}: ${v}`));
  assert.deepEqual(found, []);
  assert.equal(results.length, set.html.length);
});

test('every HTML artifact is self-contained, fits 375 px, and has lang and a title', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  const { results, dialogs } = await inspectAll();
  const bad = [];
  for (const { h, facts, requests } of results) {
    if (requests.length) bad.push(`${h.rel}: requests ${requests.join(', ')}`);
    if (facts.scrollWidth > 375) bad.push(`${h.rel}: ${facts.scrollWidth}px wide at 375px`);
    if (facts.lang !== h.lang) bad.push(`${h.rel}: lang="${facts.lang}"`);
    if (!facts.title) bad.push(`${h.rel}: empty <title>`);
    if (facts.scripts.some((type) => type !== 'application/ld+json'))
      bad.push(`${h.rel}: script types ${facts.scripts}`);
    if (facts.pwned) bad.push(`${h.rel}: injected script ran`);
  }
  assert.deepEqual(bad, []);
  assert.deepEqual(dialogs, [], 'no alert() from injected content');
});

test('a tab that writes the next artifact still sees its requests and its scripts', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  const browser = await sharedChromium();
  const context = await browser.newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const tab = artifactTab(page);
  const first = [];
  await tab.open({ rel: 'a/first.html', text: '<!DOCTYPE html><title>a</title><p>a</p>' }, first);
  const second = [];
  const hostile =
    '<!DOCTYPE html><title>b</title><img src="x.png"><script>globalThis.__pwned = true</script>';
  await tab.open({ rel: 'b/second.html', text: hostile }, second);
  assert.deepEqual(first, []);
  assert.deepEqual(second, ['http://faq-artifact.invalid/a/x.png']);
  assert.equal((await page.evaluate(describePage)).pwned, true);
  await tab.open({ rel: 'c/third.html', text: '<!DOCTYPE html><title>c</title>' }, []);
  assert.equal((await page.evaluate(describePage)).pwned, false, 'reset for the next artifact');
});

test('pages have one h1, headings in order, landmarks, a skip link and the Stand as <time>', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  const { results } = await inspectAll();
  // A banner is a snippet: its page is the minimal one around it, with no landmarks of ours.
  const pages = results.filter((r) => r.h.variant !== 'email' && r.h.variant !== 'banner');
  assert.ok(pages.length > 0);
  const bad = [];
  for (const { h, facts } of pages) {
    const where = h.rel;
    const levels = facts.headings.map((x) => x.level);
    if (levels.filter((l) => l === 1).length !== 1) bad.push(`${where}: ${levels} (one h1)`);
    if (levels[0] !== 1) bad.push(`${where}: first heading is h${levels[0]}`);
    levels.forEach((l, i) => {
      if (i > 0 && l > levels[i - 1] + 1) bad.push(`${where}: h${levels[i - 1]} → h${l}`);
    });
    if (!facts.headings.find((x) => x.level === 1)?.inMain) bad.push(`${where}: h1 not in main`);
    const { header, main, footer, nav } = facts.landmarks;
    if (header !== 1 || main !== 1 || footer !== 1)
      bad.push(`${where}: landmarks ${JSON.stringify(facts.landmarks)}`);
    if (nav > 0 && facts.skipTarget !== true) bad.push(`${where}: nav without a working skip link`);
    if (nav > 0 && facts.firstFocus !== 'skip')
      bad.push(`${where}: skip link is not the first link`);
    if (h.variant === 'faq' && nav !== 1) bad.push(`${where}: FAQ without its list of questions`);
    if (!/^phase-(investigating|recovering|resolved)$/.test(facts.bodyClass))
      bad.push(`${where}: body class "${facts.bodyClass}"`);
    if (
      !facts.time ||
      !/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$/.test(facts.time.datetime)
    )
      bad.push(`${where}: Stand without <time datetime>: ${JSON.stringify(facts.time)}`);
  }
  assert.deepEqual(bad, []);
});

test('the index over four incidents (one with customer kits) is checked with the pages and lists ongoing first, newest first', async (t) => {
  const index = set.html.filter((h) => h.variant === 'index');
  assert.deepEqual(
    index.map((h) => h.rel),
    ['index-set/index.de.html'],
  );
  // The checks above (Nu Html Checker, axe light and dark, structure) ran over it too.
  const ids = [...index[0].text.matchAll(/<h3 id="[^"]*"><a href="([^/"]+)\//g)].map((m) => m[1]);
  assert.deepEqual(ids, [
    'customers-regional',
    'malfunction-recovering',
    'attack-investigating',
    'unknown-resolved',
  ]);
  // The incident with customers lists its kits: each customer's notice page, checked with it.
  assert.equal(
    [
      ...index[0].text.matchAll(
        /<li><a href="customers-regional\/customers\/[a-z-]+\/notice\.de\.html">/g,
      ),
    ].length,
    5,
  );
  assert.deepEqual(INDEX_SET.map(([id]) => id).sort(), [...ids].sort());
  const sections = [...index[0].text.matchAll(/<h2 id="[^"]*">([^<]+)<\/h2>/g)].map((m) => m[1]);
  assert.deepEqual(sections, ['Laufende Vorfälle', 'Abgeschlossene Vorfälle']);
  if (!requireTool(t, browserMissing())) return;
  const { results } = await inspectAll();
  const checked = results.find((r) => r.h.variant === 'index');
  assert.deepEqual([...checked.violations, ...checked.dark], []);
  assert.deepEqual(checked.requests, [], 'self-contained');
  assert.deepEqual(
    checked.facts.headings.filter((h) => h.level === 3).map((h) => h.text.split(':')[0]),
    [
      'IT-Störung der regio iT',
      'Technische Störung der Südwestfalen-IT',
      'Cyberangriff auf Dataport',
      'IT-Störung der Stadtwerke Beispielstadt',
    ],
  );
});

/** What the page's HTML says, read without a browser: JSON-LD blocks, h2 texts, the Stand. */
function readPage(html) {
  const text = (s) => decodeHTML(s.replace(/<[^>]+>/g, ''));
  return {
    jsonLd: [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
      (m) => JSON.parse(m[1]),
    ),
    questions: [...html.matchAll(/<h2 id="([^"]+)">([\s\S]*?)<\/h2>/g)]
      .filter((m) => m[1] !== 'toc-title')
      .map((m) => text(m[2])),
    stand: /<time datetime="([^"]+)">/.exec(html)?.[1],
  };
}

test('the FAQ page carries FAQPage JSON-LD with every question and a non-empty answer', () => {
  const faqs = set.html.filter((h) => h.variant === 'faq');
  assert.ok(faqs.length >= 3);
  for (const h of faqs) {
    const page = readPage(h.text);
    const faqPage = page.jsonLd.find((d) => d['@type'] === 'FAQPage');
    assert.ok(faqPage, `${h.rel}: no FAQPage`);
    assert.equal(faqPage['@context'], 'https://schema.org');
    assert.equal(faqPage.inLanguage, h.lang);
    assert.ok(page.questions.length >= 4, `${h.rel}: ${page.questions}`);
    assert.deepEqual(
      faqPage.mainEntity.map((q) => q.name),
      page.questions,
      `${h.rel}: every question of the page, in order`,
    );
    for (const q of faqPage.mainEntity) {
      assert.equal(q['@type'], 'Question');
      assert.equal(q.acceptedAnswer['@type'], 'Answer');
      assert.ok(q.acceptedAnswer.text.trim().length > 20, `${h.rel}: "${q.name}" has no answer`);
    }
    const announcement = page.jsonLd.find((d) => d['@type'] === 'SpecialAnnouncement');
    assert.ok(announcement?.text, `${h.rel}: SpecialAnnouncement with the status line`);
    assert.equal(announcement.datePosted, page.stand);
  }
  for (const h of set.html.filter((x) => x.variant === 'press')) {
    const page = readPage(h.text);
    assert.deepEqual(
      page.jsonLd.map((d) => d['@type']),
      ['SpecialAnnouncement'],
      h.rel,
    );
    assert.ok(page.jsonLd[0].text.length > 20, h.rel);
  }
});

test('a question with </script> cannot break out of the JSON-LD', () => {
  const edge = set.html.find((h) => h.variant === 'faq' && h.text.includes('alert(1)'));
  assert.ok(edge, 'the edge-case incident was rendered');
  // Two script elements (FAQPage, SpecialAnnouncement), and no other "</script" anywhere.
  assert.equal(edge.text.match(/<script/gi).length, 2);
  assert.equal(edge.text.match(/<\/script/gi).length, 2);
  const page = readPage(edge.text);
  const faqPage = page.jsonLd.find((d) => d['@type'] === 'FAQPage');
  const question = '</script><script>alert(1)</script> Ist das sicher?';
  assert.ok(page.questions.includes(question), page.questions.join(' | '));
  const entry = faqPage.mainEntity.find((q) => q.name === question);
  assert.ok(entry, faqPage.mainEntity.map((q) => q.name).join(' | '));
  assert.match(entry.acceptedAnswer.text, /<script>alert\(2\)<\/script>/);
  // In the browser (test above) no script other than the JSON-LD exists and no alert() fires.
});
