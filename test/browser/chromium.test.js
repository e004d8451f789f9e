// Every test that needs Chromium, in one file so that one Chromium serves them all (a launch
// costs seconds of CPU): the rendered pages (axe, Nu Html Checker, structure), the hostile corpus
// in a live page, and the open preview page. Run one part with --test-name-pattern.
// The three parts run side by side (each part's tests one after another): the preview's waits for
// its file watcher and the hostile pages fill the time the pages part spends rendering its set
// and waiting for axe, so the file keeps a core busy instead of ~0.6 of one.
import { describe } from 'node:test';
// Imported here so that its after() (which closes the shared Chromium) is this file's, run once
// every part is done — not one part's.
import '../browser.js';

describe('browser', { concurrency: true }, () => {
  describe('pages', { concurrency: false }, () => import('./pages.js'));
  describe('injection', { concurrency: false }, () => import('./injection.js'));
  describe('preview', { concurrency: false }, () => import('./preview.js'));
});
