// Every HTML artifact rendered from the hostile corpus (pages, e-mails, and the HTML parts of the
// .eml files) opened in Chromium with JavaScript on: no dialog may open, and the live DOM may hold
// no javascript:/data:/vbscript: link or source, no on* attribute, no script but JSON-LD, and no
// iframe, object or embed. Also the HTML renderer alone, fed the rejected link vectors and raw
// HTML without validation or escaping first (defence in depth).
/* global document, window, MouseEvent, FocusEvent */ // evaluated inside the browser
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { simpleParser } from 'mailparser';
import YAML from 'yaml';
import { lexMarkdown, renderHtmlBody } from '../../lib/formats/markdown.js';
import { browserMissing, requireTool, sharedChromium } from '../browser.js';
import { ROOT, listFiles, runInProcess } from '../helpers.js';

const HOSTILE = join(ROOT, 'test', 'fixtures', 'hostile');

let out;
const pages = []; // { name, url }
before(async () => {
  out = mkdtempSync(join(tmpdir(), 'faq-injection-browser-'));
  const rendered = join(out, 'rendered');
  for (const name of readdirSync(join(HOSTILE, 'rendered'))) {
    const r = await runInProcess([
      'render',
      join(HOSTILE, 'rendered', name, 'incident.yaml'),
      '-o',
      rendered,
    ]);
    assert.equal(r.code, 0, `${name}: ${r.stderr}`);
  }
  for (const rel of listFiles(rendered)) {
    const file = join(rendered, rel);
    if (rel.endsWith('.html')) pages.push({ name: rel, url: pathToFileURL(file).href });
    if (rel.endsWith('.eml')) {
      const mail = await simpleParser(readFileSync(file));
      const part = join(out, `${rel.replace(/\//g, '_')}.part.html`);
      writeFileSync(part, mail.html);
      pages.push({ name: `${rel} (HTML part)`, url: pathToFileURL(part).href });
    }
  }
  // The renderer on its own: the Markdown of every rejected link case, unvalidated and unescaped.
  const sections = [];
  for (const name of readdirSync(join(HOSTILE, 'rejected')).filter((n) => /link|image/.test(n))) {
    const doc = YAML.parse(readFileSync(join(HOSTILE, 'rejected', name, 'incident.yaml'), 'utf8'));
    const texts = [
      doc.organization?.about,
      ...(doc.questions ?? []).map((q) => q.answer),
      doc.email?.signature,
      ...(doc.email?.recipients ?? []).map((r) => r.answer?.de ?? r.answer),
    ].filter((t) => typeof t === 'string');
    for (const md of texts) sections.push(`<section>${renderHtmlBody(lexMarkdown(md))}</section>`);
  }
  const raw = readFileSync(
    join(HOSTILE, 'rendered', 'raw-html-in-markdown', 'incident.yaml'),
    'utf8',
  );
  const about = YAML.parse(raw).organization.about;
  sections.push(`<section>${renderHtmlBody(lexMarkdown(about))}</section>`);
  const renderer = join(out, 'renderer-only.html');
  writeFileSync(
    renderer,
    `<!DOCTYPE html><html lang="de"><head><meta charset="utf-8"><title>renderer</title></head><body>${sections.join('\n')}</body></html>`,
  );
  pages.push({
    name: 'renderer only (no validation, no escaping)',
    url: pathToFileURL(renderer).href,
  });
});
after(() => rmSync(out, { recursive: true, force: true }));

/** Runs in the page: everything in the live DOM that could run code or load something. */
function findDangers() {
  const found = [];
  const bad = /^\s*(javascript|vbscript|data):/i;
  for (const el of document.querySelectorAll('*')) {
    const name = el.localName;
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`<${name} ${attr.name}>`);
      if (/^(href|src|action|formaction|xlink:href|srcdoc|data|poster|srcset)$/i.test(attr.name)) {
        const resolved = el[attr.name] ?? attr.value; // the URL the browser would use
        if (bad.test(String(resolved)) || bad.test(attr.value))
          found.push(`<${name} ${attr.name}=${attr.value}>`);
      }
    }
    if (name === 'script' && el.getAttribute('type') !== 'application/ld+json')
      found.push('<script>');
    if (/^(iframe|frame|object|embed|applet|base|form|svg|math)$/.test(name))
      found.push(`<${name}>`);
  }
  return found;
}

/** Runs in the page: hovers, focuses and clicks everything that could carry a handler. */
function pokeEverything() {
  // Handlers still run; only following a (safe) link is prevented, so the page stays.
  document.addEventListener('click', (event) => event.preventDefault(), true);
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'click', 'toggle'])
      el.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true }));
    el.dispatchEvent(new FocusEvent('focus'));
  }
  return window.__faqInjected === undefined;
}

test('hostile HTML artifacts run no script in Chromium and carry nothing executable', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  assert.ok(pages.length >= 15, `${pages.length} pages`);
  const browser = await sharedChromium();
  const context = await browser.newContext({ javaScriptEnabled: true });
  t.after(() => context.close());
  // Self-contained pages need nothing from outside; anything they try to load is refused.
  const requests = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  const dialogs = [];
  // One tab for all pages (a new tab costs a renderer process): each page is a new document.
  const page = await context.newPage();
  let current;
  page.on('dialog', async (dialog) => {
    dialogs.push(`${current}: ${dialog.type()} ${dialog.message()}`);
    await dialog.dismiss();
  });
  for (const { name, url } of pages) {
    current = name;
    await page.goto(url, { waitUntil: 'load' });
    assert.deepEqual(await page.evaluate(findDangers), [], name);
    assert.equal(await page.evaluate(pokeEverything), true, name);
    await page.waitForTimeout(50); // let handlers that were queued by the events above run
  }
  assert.deepEqual(dialogs, [], 'no alert, confirm or prompt');
  assert.deepEqual(requests, [], 'no request leaves the page');
});

test('the issue-4 organisation name is text in the live page: title, masthead and body', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  const name = '<script>alert(1)</script> Müller & Söhne "IT" <b>GmbH</b>';
  const browser = await sharedChromium();
  const page = await browser.newPage();
  t.after(() => page.close());
  const faq = pages.find((p) => p.name === 'organization-name-with-html/faq.de.html');
  assert.ok(faq, 'the FAQ page of the example was rendered');
  await page.goto(faq.url);
  const seen = await page.evaluate(() => ({
    title: document.title,
    masthead: document.querySelector('.org')?.textContent,
    body: document.body.innerText,
    bold: document.querySelectorAll('main b, .org b').length,
    scripts: [...document.scripts].map((s) => s.type),
  }));
  assert.ok(seen.title.includes(name), seen.title);
  assert.equal(seen.masthead.trim(), name);
  assert.ok(seen.body.includes(name));
  assert.equal(seen.bold, 0, 'the <b> of the name is not markup');
  assert.ok(
    seen.scripts.every((type) => type === 'application/ld+json'),
    seen.scripts.join(),
  );
});
