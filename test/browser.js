// Browser and HTML-checker access for tests: Debian's Chromium via playwright-core, and the
// Nu Html Checker (vnu-jar, needs Java). Without them the tests skip with a visible reason,
// except in CI (FAQ_REQUIRE_BROWSER=1), where a missing tool is a failure.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { after } from 'node:test';

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

let javaChecked;
export function javaMissing() {
  javaChecked ??= {
    missing:
      spawnSync('java', ['-version'], { encoding: 'utf8' }).status === 0
        ? undefined
        : 'Java not found (apt-get install default-jre-headless)',
  };
  return javaChecked.missing;
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

let shared;
/**
 * One Chromium for every browser test of the process (a launch costs seconds of CPU), launched on
 * first use and closed after the last test. Each test opens its own context or page.
 */
export function sharedChromium() {
  shared ??= launchChromium();
  return shared;
}
after(async () => {
  if (shared) await (await shared).close();
});

/** Path of vnu.jar from the vnu-jar package. */
function vnuJar() {
  return require('vnu-jar');
}

/**
 * Java options for one run of the Nu Html Checker: the client compiler only (C1), which is enough
 * for a run of a few seconds and needs less than half the CPU of tiered compilation with C2; a
 * larger thread stack, which C1-compiled code needs for vnu's schema (it says so: "at least 512k");
 * the serial collector, as the run is short and the machine has few cores.
 */
const VNU_JAVA = ['-Xss4m', '-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC', '-Xshare:auto'];

/**
 * Runs the Nu Html Checker once over many files (one Java start): errors only, JSON on stderr.
 * Resolves with `{ status, stderr }`; Java runs beside the event loop (a browser test can drive
 * Chromium meanwhile), not blocking it as spawnSync would.
 */
export function runVnu(files) {
  const child = spawn(
    'java',
    [...VNU_JAVA, '-jar', vnuJar(), '--errors-only', '--format', 'json', ...files],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stderr }));
  });
}

/** Source of axe-core, to inject into a page. */
export function axeSource() {
  return require('axe-core').source;
}
