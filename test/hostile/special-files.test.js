// Only regular files are read (after symbolic links): a named pipe (FIFO) would block open() for
// good and a device never ends. Each is refused before it is read, with one line naming the path.
// Every run has a timeout, and the in-process check unblocks the FIFO itself after a while, so a
// regression fails instead of hanging the suite.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { closeSync, constants, existsSync, mkdirSync, openSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkIncident } from '../../lib/index.js';
import { EXAMPLE, runCli, tempDir } from '../helpers.js';

const skip = process.platform === 'win32' ? 'no FIFOs that block open() on Windows' : false;
/** A file that is not read has no line to point at: the message names it. */
const fifoError = (file) => `faq: error: ${file} is a named pipe (FIFO), not a regular file`;
const HINT = '(hint: name the incident file itself; save piped text to a file first)';

function makeFifo(t, name = 'incident.yaml') {
  const dir = tempDir(t, 'faq-fifo-');
  const fifo = join(dir, name);
  execFileSync('mkfifo', [fifo]);
  return { dir, fifo };
}

function run(args, options = {}) {
  const r = runCli(args, { timeout: 20_000, ...options });
  assert.equal(r.signal, null, `faq ${args[0]} finished`);
  return r;
}

test(
  'check and render refuse a FIFO, and a link to one, at once: one line, exit 1',
  { skip },
  (t) => {
    const { dir, fifo } = makeFifo(t);
    const link = join(dir, 'link.yaml');
    symlinkSync(fifo, link);
    const out = join(dir, 'out');
    for (const file of [fifo, link]) {
      for (const args of [
        ['check', file],
        ['render', file, '-o', out],
      ]) {
        const r = run(args);
        assert.deepEqual([r.code, r.stdout], [1, ''], r.stderr);
        assert.equal(r.stderr, `${fifoError(file)} ${HINT}\n`);
      }
    }
    assert.equal(existsSync(out), false, 'nothing written');
  },
);

test('a FIFO among good files fails the render, naming it; nothing is written', { skip }, (t) => {
  const { dir, fifo } = makeFifo(t);
  const out = join(dir, 'out');
  const r = run(['render', EXAMPLE, fifo, '-o', out]);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, new RegExp(`^${fifoError(fifo).replace(/[.()]/g, '\\$&')}`, 'm'));
  assert.equal(existsSync(out), false);
});

test('diff refuses a FIFO on either side (exit 2, as for any invalid input)', { skip }, (t) => {
  const { fifo } = makeFifo(t);
  for (const args of [
    ['diff', fifo, EXAMPLE],
    ['diff', EXAMPLE, fifo],
  ]) {
    const r = run(args);
    assert.deepEqual([r.code, r.stdout], [2, ''], r.stderr);
    assert.equal(r.stderr, `${fifoError(fifo)} ${HINT}\n`);
  }
});

test('an overlay template that is a FIFO is a template error, not a hang', { skip }, (t) => {
  const dir = tempDir(t, 'faq-fifo-overlay-');
  mkdirSync(join(dir, 'overlay', 'de'), { recursive: true });
  execFileSync('mkfifo', [join(dir, 'overlay', 'de', 'faq.md.hbs')]);
  const r = run(['render', EXAMPLE, '-o', 'out', '--templates', 'overlay'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(
    r.stderr,
    'overlay/de/faq.md.hbs:1:1: error: template is a named pipe (FIFO), not a regular file\n',
  );
  assert.equal(existsSync(join(dir, 'out')), false);
});

test('the library refuses a FIFO without opening it for a blocking read', { skip }, async (t) => {
  const { fifo } = makeFifo(t);
  // If the check blocks in open(), a writer that comes and goes lets it through (and the test
  // fails on what it then reads) instead of hanging.
  const guard = setTimeout(
    () => closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK)),
    5_000,
  );
  t.after(() => clearTimeout(guard));
  const { incident, diagnostics } = await checkIncident(fifo);
  assert.equal(incident, undefined);
  assert.deepEqual(
    diagnostics.map((d) => `${d.file}:${d.line}:${d.col}: ${d.severity}: ${d.message}`),
    [`${fifo}:0:0: error: ${fifo} is a named pipe (FIFO), not a regular file`],
  );
});
