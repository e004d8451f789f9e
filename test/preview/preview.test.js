// `faq preview` end to end: the built CLI on a free port, its page, its server-sent events, edits to
// the incident file and to an override template, broken input shown on the page, clean shutdown.
/* global fetch */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { FORMATS } from '../../lib/formats/registry.js';
import { ROOT, runCli, runInProcess } from '../helpers.js';
import { exampleCopy, followEvents, getText, startPreview, waitFor } from './preview-helpers.js';

const VARIANTS = JSON.parse(readFileSync(join(ROOT, 'templates', 'variants.json'), 'utf8'));

const lineOf = (text, needle) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

/** Saves like many editors do: write a new file next to it, then rename it over the old one. */
function saveByRename(file, text) {
  writeFileSync(`${file}.tmp~`, text);
  renameSync(`${file}.tmp~`, file);
}

test('preview serves every variant × format × language of the incident on 127.0.0.1', async (t) => {
  const { file } = exampleCopy(t);
  const preview = await startPreview(t, [file, '--port', '0']);
  assert.match(preview.url, /^http:\/\/127\.0\.0\.1:\d+\/[\w-]{24}\/$/);
  assert.equal(preview.stdout(), '', 'nothing on stdout');
  const page = await getText(preview.url);
  assert.equal(page.status, 200);
  assert.match(page.type, /^text\/html/);
  assert.match(page.headers.get('content-security-policy'), /default-src 'none'/);
  const state = JSON.parse((await getText(preview.url, 'state.json')).text);
  assert.equal(state.ok, true);
  const keys = state.views.map((v) => v.key);
  for (const key of ['faq.de', 'press.de', 'email.de', 'faq.en', 'press.en', 'email.en'])
    assert.ok(keys.includes(key), `${key} in ${keys}`);
  for (const v of state.views) {
    const exts = v.artifacts.map((p) => p.split('.').pop()).sort();
    const formats = VARIANTS[v.key.split('.')[0]].formats;
    // Formats rendered only when asked for (mbox) are not previewed.
    const shown = formats.filter((f) => !FORMATS[f].optIn);
    assert.deepEqual(exts, shown.map((f) => FORMATS[f].ext).sort(), v.key);
    // Each one is on the page, as a tab and as a card.
    assert.ok(page.text.includes(`href="#${v.key}"`), v.key);
    for (const path of v.artifacts) assert.ok(page.text.includes(path.split('/').pop()), path);
  }
  // HTML in sandboxed frames; text and Markdown escaped; the e-mail's headers decoded.
  const frames = page.text.match(/<iframe [^>]*>/g);
  // One per HTML artifact, and one for the HTML part of each .eml.
  const count = (ext) =>
    state.views.filter((v) => v.artifacts.some((p) => p.endsWith(`.${ext}`))).length;
  assert.equal(frames.length, count('html') + count('eml'));
  // Loaded by the page's script when their view is shown (data-srcdoc → srcdoc).
  for (const f of frames)
    assert.match(f, /sandbox="" title="[^"]+" data-srcdoc="&lt;!DOCTYPE html&gt;/);
  assert.match(
    page.text,
    /<pre[^>]*># Häufig gestellte Fragen\n\nStand: 26\. November 2026, 15:00 Uhr/,
  );
  assert.match(page.text, /<dt>Subject<\/dt><dd>regio iT: Information zur aktuellen IT-Störung/);
  // Issue 14: the short notices beside the FAQ, each with its counts.
  const faqView = page.text.slice(page.text.indexOf('id="faq.de"'));
  const aside = faqView.slice(
    faqView.indexOf('<aside class="notices"'),
    faqView.indexOf('</aside>'),
  );
  assert.match(
    aside,
    /<h4>sms\.de\.txt<\/h4><ul class="counts"><li>sms: \d+ of 160 characters \(GSM-7, 1 part\)<\/li>/,
  );
  assert.match(
    aside,
    /<li>x: \d+ of 280 weighted characters \(X\)<\/li><li>bluesky: \d+ of 300 graphemes/,
  );
  assert.match(aside, /phone: \d+ of 150 words/);
  assert.match(
    page.text,
    /<p class="mime-type">text\/plain<\/p><pre[^>]*>Sehr geehrte Damen und Herren,/,
  );
  // A single artifact can be opened on its own, with a policy that forbids scripts and requests.
  const artifact = await getText(preview.url, `artifact/${state.views[0].artifacts[0]}`);
  assert.equal(artifact.status, 200);
  assert.match(artifact.headers.get('content-security-policy'), /^sandbox; default-src 'none'/);
  assert.match(artifact.text, /^<!DOCTYPE html>/);
  assert.equal((await getText(preview.url, 'artifact/nope.html')).status, 404);
});

test('an edit shows up over server-sent events; a broken edit is shown on the page; a fix brings it back', async (t) => {
  const { file } = exampleCopy(t);
  const original = readFileSync(file, 'utf8');
  const preview = await startPreview(t, [file, '--port', '0']);
  const events = await followEvents(t, preview.url);
  assert.match(events.contentType, /^text\/event-stream/);
  await events.version(1);

  writeFileSync(file, original.replace('updated: 2026-11-26T15:00', 'updated: 2026-11-27T09:45'));
  let page = await events.pageAfterEdit('the new Stand', (p) =>
    p.includes('27. November 2026, 09:45'),
  );
  assert.match(page, /Stand: 27\. November 2026, 09:45 Uhr/);
  assert.doesNotMatch(page, /Stand: 26\. November 2026, 15:00 Uhr/);

  // Broken: an unknown status. The error is on the page at its line; the server keeps running.
  const broken = original.replace('status: unknown', 'status: attak');
  saveByRename(file, broken);
  // Waits for the error itself: the newer `updated` above already shows a report (a warning:
  // the approval is for an older version), so a report alone does not mean the edit arrived.
  page = await events.pageAfterEdit('the error', (p) => p.includes('class="state error"'));
  const line = lineOf(broken, 'status: attak');
  assert.match(
    page,
    new RegExp(`incident\\.yaml:${line}:\\d+: error: incident\\.status: .*did you mean \`attack\``),
  );
  assert.match(
    page,
    new RegExp(`<mark>\\s*${line} \\|   status: attak`),
    'the offending line is shown',
  );
  assert.match(page, /<p class="state error" id="state">1 error<\/p>/);
  assert.match(page, /last version that did/, 'the last good render stays visible');
  assert.equal(preview.child.exitCode, null, 'still running');
  const state = JSON.parse((await getText(preview.url, 'state.json')).text);
  assert.equal(state.ok, false);
  assert.equal(state.stale, true);
  assert.match(preview.stderr(), /incident\.yaml:\d+:\d+: error: incident\.status/);

  // YAML that does not even parse: still on the page, still running.
  writeFileSync(file, `${original}\n  bad: [indent\n`);
  page = await events.pageAfterEdit('the YAML error', (p) => !p.includes('status: attak'));
  assert.match(page, /incident\.yaml:\d+:\d+: error: /);
  assert.equal(preview.child.exitCode, null);

  // Fixed (by rename again): back to normal.
  saveByRename(file, original.replace('status: unknown', 'status: attack'));
  page = await events.pageAfterEdit('the fixed page', (p) => !p.includes('class="report"'));
  assert.doesNotMatch(page, /class="report"/);
  assert.match(page, /<p class="state ok" id="state">renders without problems<\/p>/);
  assert.match(page, /Es handelt sich um einen Cyberangriff\./);
  assert.equal(JSON.parse((await getText(preview.url, 'state.json')).text).ok, true);

  preview.child.kill('SIGTERM');
  const { code, signal } = await preview.exited;
  assert.equal(signal, null);
  assert.equal(code, 0);
  assert.match(preview.stderr(), /faq preview: stopped/);
});

test('a change to an override template re-renders; a broken template is shown with its line', async (t) => {
  const { dir, file } = exampleCopy(t);
  const overlay = join(dir, 'overrides');
  mkdirSync(join(overlay, 'de'), { recursive: true });
  const builtin = readFileSync(join(ROOT, 'templates', 'de', 'faq.md.hbs'), 'utf8');
  const template = join(overlay, 'de', 'faq.md.hbs');
  writeFileSync(template, builtin.replace('# Häufig gestellte Fragen', '# Fragen und Antworten'));
  const preview = await startPreview(t, [file, '--templates', overlay, '--port', '0']);
  const events = await followEvents(t, preview.url);
  await events.version(1);
  assert.match((await getText(preview.url)).text, /<pre[^>]*># Fragen und Antworten/);

  writeFileSync(template, builtin.replace('# Häufig gestellte Fragen', '# Ihre Fragen'));
  await events.pageAfterEdit('the new title', (p) => /<pre[^>]*># Ihre Fragen/.test(p));

  writeFileSync(template, builtin.replace('{{updated.text}}', '{{#if updated}}{{updated.text}}'));
  const page = await events.pageAfterEdit('the template error', (p) =>
    p.includes('class="report"'),
  );
  assert.match(page, /overrides\/de\/faq\.md\.hbs:\d+:\d+: error: template/);
  assert.equal(preview.child.exitCode, null);

  writeFileSync(template, builtin);
  await events.pageAfterEdit('the built-in title', (p) =>
    /<pre[^>]*># Häufig gestellte Fragen/.test(p),
  );

  preview.child.kill('SIGINT');
  assert.deepEqual(await preview.exited, { code: 0, signal: null });
});

test('preview listens on 127.0.0.1 only and refuses other Host names', async (t) => {
  const { file } = exampleCopy(t);
  const preview = await startPreview(t, [file]);
  const port = Number(new URL(preview.url).port);
  assert.ok(port > 0);
  // A DNS name pointing at 127.0.0.1 (rebinding) gets nothing.
  const status = await new Promise((done, fail) => {
    request(
      {
        host: '127.0.0.1',
        port,
        path: `${new URL(preview.url).pathname}state.json`,
        headers: { host: 'evil.example' },
      },
      (res) => {
        res.resume();
        done(res.statusCode);
      },
    )
      .on('error', fail)
      .end();
  });
  assert.equal(status, 403);
  const viaLocalhost = preview.url.replace('127.0.0.1', 'localhost');
  assert.equal((await getText(viaLocalhost, 'state.json')).status, 200);
  // Not reachable on the machine's other addresses.
  const external = Object.values(networkInterfaces())
    .flat()
    .find((a) => a && a.family === 'IPv4' && !a.internal);
  if (external) {
    await assert.rejects(fetch(`http://${external.address}:${port}/`), /fetch failed/);
  } else t.diagnostic('no non-loopback IPv4 address to try');
  preview.child.kill('SIGTERM');
  assert.equal((await preview.exited).code, 0);
});

test('preview usage errors: bad port, missing file, missing template folder', async (t) => {
  // In process: each is refused before a server starts.
  const { file } = exampleCopy(t);
  const port = await runInProcess(['preview', file, '--port', 'eighty']);
  assert.equal(port.code, 2);
  assert.match(port.stderr, /--port must be a whole number/);
  const missing = await runInProcess(['preview', 'no-such-incident.yaml']);
  assert.equal(missing.code, 1);
  assert.match(missing.stderr, /^faq: error: file not found: no-such-incident\.yaml \(hint: /m);
  const templates = await runInProcess(['preview', file, '--templates', 'no-such-folder']);
  assert.equal(templates.code, 2);
  assert.match(templates.stderr, /--templates folder not found/);
  for (const r of [port, missing, templates]) assert.equal(r.stdout, '');
});

test('a port in use is a clear error, not a crash', async (t) => {
  const { file } = exampleCopy(t);
  const first = await startPreview(t, [file]);
  const port = new URL(first.url).port;
  const second = runCli(['preview', file, '--port', port]);
  assert.equal(second.code, 2);
  assert.match(second.stderr, new RegExp(`cannot listen on 127\\.0\\.0\\.1:${port} \\(in use\\)`));
  assert.equal(first.child.exitCode, null);
  first.child.kill('SIGTERM');
  assert.equal((await first.exited).code, 0);
});

test('--open does not fail when no browser opener is installed', async (t) => {
  const { file } = exampleCopy(t);
  const preview = await startPreview(t, [file, '--open'], { env: { PATH: '/nonexistent' } });
  await waitFor('the page', async () => (await getText(preview.url)).status === 200);
  assert.equal(preview.child.exitCode, null);
  preview.child.kill('SIGTERM');
  assert.equal((await preview.exited).code, 0);
});
