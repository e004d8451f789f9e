// Starting `faq preview` as a child process, reading its URL, and following its server-sent events.
/* global fetch, AbortController, TextDecoder */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE, startCli, tempDir } from '../helpers.js';

const WAIT = 20_000;

/** Resolves when `check()` returns a truthy value; polls, fails after a generous timeout. */
export async function waitFor(what, check, timeout = WAIT) {
  const until = Date.now() + timeout;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A temporary copy of the example incident. */
export function exampleCopy(t) {
  const dir = tempDir(t, 'faq-preview-');
  const file = join(dir, 'incident.yaml');
  copyFileSync(EXAMPLE, file);
  return { dir, file };
}

/** Starts the preview; resolves with its URL once it prints it. Stopped when the test ends. */
export async function startPreview(t, args, options = {}) {
  const child = startCli(['preview', ...args], options);
  let stderr = '';
  let stdout = '';
  child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
  child.stdout.setEncoding('utf8').on('data', (s) => (stdout += s));
  const exited = new Promise((done) => child.on('exit', (code, signal) => done({ code, signal })));
  t.after(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  });
  const url = await Promise.race([
    waitFor('the preview URL on stderr', () => /(http:\/\/\S+\/) /.exec(stderr)?.[1]),
    exited.then(({ code }) => {
      throw new Error(`preview exited (${code}) before serving: ${stderr}`);
    }),
  ]);
  return { child, url, exited, stderr: () => stderr, stdout: () => stdout };
}

/** Follows /events; `version(n)` resolves once the server announced version n or later. */
export async function followEvents(t, url) {
  const controller = new AbortController();
  t.after(() => controller.abort());
  const response = await fetch(new URL('events', url), { signal: controller.signal });
  let latest = 0;
  let buffer = '';
  const decoder = new TextDecoder();
  (async () => {
    try {
      for await (const chunk of response.body) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: version$/m.test(block))
            latest = Math.max(latest, Number(/^data: (\d+)$/m.exec(block)?.[1]));
        }
      }
    } catch {
      // Aborted when the test ends, or the server stopped.
    }
  })();
  const version = (n) =>
    waitFor(`version ${n} over server-sent events`, () => latest >= n && latest);
  return {
    contentType: response.headers.get('content-type'),
    latest: () => latest,
    version,
    /**
     * After an edit: waits for the next announced version, then for the page to show what `pass`
     * looks for (an editor's save can arrive as more than one change).
     */
    async pageAfterEdit(what, pass) {
      let seen = latest;
      await version(seen + 1);
      for (;;) {
        seen = latest;
        const page = await getText(url);
        if (pass(page.text)) return page.text;
        await version(seen + 1).catch(() => {
          throw new Error(`the page never showed ${what}:\n${page.text.slice(0, 3000)}`);
        });
      }
    },
  };
}

export async function getText(url, path = '') {
  const response = await fetch(new URL(path, url));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    text: await response.text(),
    headers: response.headers,
  };
}
