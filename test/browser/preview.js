// The open preview page in Chromium: it updates itself after an edit (no manual reload), shows a
// broken edit's error, comes back when fixed, switches views by tab, and breaks no CSP rule.
/* global document, window */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { axeSource, browserMissing, requireTool, sharedChromium } from '../browser.js';
import { exampleCopy, startPreview } from '../preview/preview-helpers.js';

const WAIT = { timeout: 20_000 };
const started = Date.now();
const step = (what) =>
  process.env.FAQ_TIMING && console.error(`${Date.now() - started} ms: ${what}`);

test('the open preview page follows edits without a reload', async (t) => {
  if (!requireTool(t, browserMissing())) return;
  const { file } = exampleCopy(t);
  const original = readFileSync(file, 'utf8');
  const preview = await startPreview(t, [file]);
  step('const preview = await startPreview(t, [file]);');
  const browser = await sharedChromium();
  step('const browser = await sharedChromium();');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  t.after(() => context.close());
  const page = await context.newPage();
  const problems = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(preview.url);
  step('await page.goto(preview.url);');
  await page.waitForFunction(
    () => document.getElementById('live').textContent === 'live',
    null,
    WAIT,
  );
  await page.evaluate(() => {
    window.__sameDocument = true;
  });

  // Tabs: the first view is shown, a click on another shows that one instead.
  assert.equal(await page.locator('.view:not([hidden])').getAttribute('data-key'), 'faq.de');
  // Only the frames of views shown so far are loaded (the others wait for their tab).
  const loaded = () =>
    page.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('iframe[srcdoc]')].map((f) => f.closest('.view').dataset.key),
      ),
    ]);
  assert.deepEqual(await loaded(), ['faq.de']);
  await page.click('.tabs a[data-key="press.en"]');
  // The tab follows the URL hash, and hashchange fires after the click has returned.
  await page.waitForFunction(
    () => document.querySelector('.view:not([hidden])')?.dataset.key === 'press.en',
    null,
    WAIT,
  );
  assert.equal(await page.locator('.view:not([hidden])').getAttribute('data-key'), 'press.en');
  assert.equal(
    await page.locator('.tabs a[aria-current="true"]').getAttribute('data-key'),
    'press.en',
  );
  assert.deepEqual((await loaded()).sort(), ['faq.de', 'press.en']);
  await page.click('.tabs a[data-key="faq.de"]');
  await page.waitForFunction(
    () => document.querySelector('.view:not([hidden])')?.dataset.key === 'faq.de',
    null,
    WAIT,
  );

  // The artifact is rendered in its sandboxed frame.
  const faqFrame = page.frameLocator('section[data-key="faq.de"] .card.html iframe');
  await faqFrame.locator('h1').waitFor(WAIT);
  step("await faqFrame.locator('h1').waitFor(WAIT);");
  assert.equal(await faqFrame.locator('h1').textContent(), 'Häufig gestellte Fragen');

  writeFileSync(file, original.replace('updated: 2026-11-26T15:00', 'updated: 2026-11-27T09:45'));
  await faqFrame.locator('time', { hasText: '27. November 2026, 09:45 Uhr' }).waitFor(WAIT);
  step("await faqFrame.locator('time', { hasText: '27. Nov");

  writeFileSync(file, original.replace('status: unknown', 'status: attak'));
  await page.locator('.report', { hasText: 'did you mean `attack`?' }).waitFor(WAIT);
  step("await page.locator('.report', { hasText: 'did you ");
  assert.match(await page.title(), /^✗ faq preview/);

  writeFileSync(file, original.replace('status: unknown', 'status: malfunction'));
  await page.locator('.report').waitFor({ state: 'detached', ...WAIT });
  step("await page.locator('.report').waitFor({ state: 'de");
  await faqFrame.locator('.status', { hasText: 'technische Fehlfunktion' }).waitFor(WAIT);
  step("await faqFrame.locator('.status', { hasText: 'tech");
  assert.equal(await page.evaluate(() => window.__sameDocument), true, 'updated without a reload');
  assert.equal(await page.locator('.view:not([hidden])').getAttribute('data-key'), 'faq.de');

  if (process.env.FAQ_SCREENSHOTS)
    await page.screenshot({ path: `${process.env.FAQ_SCREENSHOTS}/faq-preview.png` });
  assert.deepEqual(problems, [], 'no console errors or CSP violations');

  // The preview page itself is usable with assistive technology (axe is injected, so a second
  // tab that lets it past the page's script policy).
  const auditContext = await browser.newContext({ bypassCSP: true });
  t.after(() => auditContext.close());
  const audit = await auditContext.newPage();
  await audit.goto(preview.url);
  await audit.addScriptTag({ content: axeSource() });
  const { violations } = await audit.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    }),
  );
  assert.deepEqual(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    [],
  );
  preview.child.kill('SIGTERM');
  assert.equal((await preview.exited).code, 0);
});
