// Browser and HTML-checker access for tests: Debian's Chromium via playwright-core, and the
// Nu Html Checker (vnu-jar, needs Java). Without them the tests skip with a visible reason,
// except in CI (FAQ_REQUIRE_BROWSER=1), where a missing tool is a failure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const REQUIRED = process.env.FAQ_REQUIRE_BROWSER === '1';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Why browser tests cannot run here, or undefined when they can. */
export function browserMissing() {
  return existsSync(CHROMIUM)
    ? undefined
    : `Chromium not found at ${CHROMIUM} (apt-get install chromium)`;
}

export function javaMissing() {
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return r.status === 0 ? undefined : 'Java not found (apt-get install default-jre-headless)';
}

/** Skips the test (or fails it in CI) when a tool is missing; returns true when it may run. */
export function requireTool(t, missing) {
  if (!missing) return true;
  if (REQUIRED) throw new Error(`required in CI: ${missing}`);
  t.skip(missing);
  return false;
}

/** Launches headless Chromium; the caller closes it. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Launches headless Chromium; closed when the test ends. */
export async function launchBrowser(t) {
  const browser = await launchChromium();
  t.after(() => browser.close());
  return browser;
}

/** Path of vnu.jar from the vnu-jar package. */
export function vnuJar() {
  return require('vnu-jar');
}

/** Source of axe-core, to inject into a page. */
export function axeSource() {
  return require('axe-core').source;
}
