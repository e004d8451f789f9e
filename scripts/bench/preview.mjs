// The preview target: from the moment an edit of the incident file is saved to the moment the
// open page (headless Chromium) shows the new text. Both clocks are the system clock
// (performance.timeOrigin + now), so the latency is measured across the two processes.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { median } from './measure.mjs';
/* global setInterval, clearInterval, document, window, MutationObserver */

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'];
const MARKER_QUESTION = 'Sind meine Daten betroffen?';

const now = () => performance.timeOrigin + performance.now();

function startPreview(root, file, env) {
  const child = spawn(process.execPath, [join(root, 'bin', 'faq.js'), 'preview', file], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  const url = new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(stderr);
      if (m) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`faq preview exited (${code}): ${stderr.trim()}`));
    });
  });
  return { child, url };
}

/** Returns { median, runs } in ms, or { note } when the preview cannot be measured here. */
export async function measurePreview({ root, work, edits, env }) {
  if (!existsSync(CHROMIUM)) return { runs: [], note: `no Chromium at ${CHROMIUM}` };
  let chromium;
  try {
    ({ chromium } = await import('playwright-core'));
  } catch {
    return { runs: [], note: 'playwright-core not installed' };
  }
  mkdirSync(work, { recursive: true });
  const file = join(work, 'incident.yaml');
  copyFileSync(join(root, 'incidents', 'example.yaml'), file);
  const original = readFileSync(file, 'utf8');
  if (!original.includes(MARKER_QUESTION))
    return { runs: [], note: `the example no longer asks "${MARKER_QUESTION}"` };
  const preview = startPreview(root, file, env);
  let browser;
  try {
    const url = await Promise.race([preview.url, sleep(30_000).then(() => undefined)]);
    if (!url) return { runs: [], note: 'faq preview printed no URL within 30 s' };
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const page = await browser.newPage();
    await page.goto(url);
    await page.waitForFunction((q) => document.body.textContent.includes(q), MARKER_QUESTION);
    const runs = [];
    for (let i = 1; i <= edits; i++) {
      const marker = `Bench-Änderung ${i}`;
      // The page records when the marker first appears in its document.
      await page.evaluate((m) => {
        window.__faqSeen = new Promise((resolve) => {
          const seen = () => document.body.textContent.includes(m);
          const observer = new MutationObserver(() => {
            if (seen()) {
              observer.disconnect();
              resolve(performance.timeOrigin + performance.now());
            }
          });
          observer.observe(document, { subtree: true, childList: true, characterData: true });
        });
      }, marker);
      writeFileSync(file, original.replace(MARKER_QUESTION, `${MARKER_QUESTION} ${marker}`));
      const saved = now();
      const seenAt = await Promise.race([
        page.evaluate(() => window.__faqSeen),
        sleep(10_000).then(() => undefined),
      ]);
      if (seenAt === undefined) return { runs, note: `edit ${i} not shown within 10 s` };
      runs.push(seenAt - saved);
      await sleep(400);
    }
    return { median: median(runs), runs };
  } finally {
    await browser?.close();
    preview.child.kill('SIGTERM');
  }
}
