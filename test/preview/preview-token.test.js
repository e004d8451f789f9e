// The preview answers only requests that carry its secret, per-start token (the path prefix of
// the URL it prints): any local user can reach 127.0.0.1, and the page shows the incident file,
// whatever it is a link to. And an incident path that is not a regular file never blocks it.
/* global fetch, AbortSignal */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runCli, tempDir } from '../helpers.js';
import { exampleCopy, followEvents, startPreview } from './preview-helpers.js';

const canFifo = process.platform !== 'win32';

/** GET with a deadline: a server that stopped answering fails the test instead of hanging it. */
async function get(url) {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

test('every request without the preview token is refused, whatever it asks for', async (t) => {
  // As in the report: the incident "file" is a link to a file the page then shows.
  const dir = tempDir(t, 'faq-preview-token-');
  const secret = join(dir, 'secret.txt');
  writeFileSync(secret, 'root:x:0:0:SECRET-LINE\n');
  const file = join(dir, 'incident.yaml');
  symlinkSync(secret, file);
  const preview = await startPreview(t, [file]);
  const url = new URL(preview.url);
  const token = url.pathname.slice(1, -1);
  assert.match(token, /^[\w-]{24}$/);
  assert.ok(preview.stderr().includes(preview.url), 'the URL with its token is printed');

  const own = await get(url);
  assert.equal(own.status, 200);
  assert.match(own.text, /SECRET-LINE|root:x/, 'the page shows the line in its error report');
  const other = token.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  const paths = ['/', '/state.json', '/events', '/preview.js', '/artifact/x/faq.de.html'];
  const wrong = [
    ...paths,
    ...paths.map((p) => `/${other}${p}`),
    `/${token.slice(0, -1)}/state.json`,
    `/${token}x/state.json`,
    `/state.json?token=${token}`,
  ];
  for (const path of wrong) {
    const r = await get(`${url.origin}${path}`);
    assert.equal(r.status, 403, path);
    assert.doesNotMatch(r.text, /SECRET|root:x/, path);
  }
  // The token without its slash leads to the page; the page's own URLs carry the token.
  const bare = await get(`${url.origin}/${token}`);
  assert.equal(bare.status, 308);
  assert.equal(bare.headers.get('location'), `/${token}/`);
  for (const path of ['preview.js', 'events']) {
    const response = await fetch(new URL(path, url), { signal: AbortSignal.timeout(15_000) });
    assert.equal(response.status, 200, path);
    await response.body.cancel();
  }
  preview.child.kill('SIGTERM');
  assert.equal((await preview.exited).code, 0);
});

test('preview of a FIFO is refused at once with one line, exit 1', { skip: !canFifo }, (t) => {
  const fifo = join(tempDir(t), 'incident.yaml');
  execFileSync('mkfifo', [fifo]);
  const r = runCli(['preview', fifo], { timeout: 20_000 });
  assert.equal(r.signal, null, 'preview did not block on the FIFO');
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.equal(
    r.stderr,
    `faq: error: ${fifo} is a named pipe (FIFO), not a regular file (hint: name the incident file itself; save piped text to a file first)\n`,
  );
});

test(
  'an incident file replaced by a FIFO while previewing is shown as an error, and the page keeps answering',
  {
    skip: !canFifo,
  },
  async (t) => {
    const { file } = exampleCopy(t);
    const preview = await startPreview(t, [file]);
    const events = await followEvents(t, preview.url);
    await events.version(1);
    rmSync(file);
    execFileSync('mkfifo', [file]);
    const page = await events.pageAfterEdit('the FIFO error', (p) =>
      p.includes('is a named pipe (FIFO), not a regular file'),
    );
    assert.match(page, /class="report"/);
    assert.equal((await get(new URL('state.json', preview.url))).status, 200);
    assert.equal(preview.child.exitCode, null);
    preview.child.kill('SIGTERM');
    assert.equal((await preview.exited).code, 0);
  },
);
