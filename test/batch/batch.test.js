// Many files are shared between the main thread and worker threads: the output, the messages and
// the exit code must be exactly those of rendering them one after the other.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { FIXTURES, listFiles, runInProcess, tempDir } from '../helpers.js';

const SERIAL = { FAQ_WORKERS: '0', FAQ_CACHE: '0' };
const THREADED = { FAQ_WORKERS: '2', FAQ_CACHE: '0', FAQ_TIMING: '1' };
// The tests after the first are about the order of the files and their errors, not the bytes of
// each format (the first test compares every format): one format keeps them cheap.
const TXT = ['--format', 'txt'];

/** A copy of every fixture under a new id: enough files for worker threads. */
function manyIncidents(t) {
  const dir = tempDir(t, 'faq-batch-in-');
  const files = [];
  for (const name of readdirSync(FIXTURES)) {
    let text;
    try {
      text = readFileSync(join(FIXTURES, name, 'incident.yaml'), 'utf8');
    } catch {
      continue;
    }
    if (text.length === 0) continue;
    const id = `${name}-copy`;
    const file = join(dir, `${id}.yaml`);
    writeFileSync(
      file,
      /^id:/m.test(text) ? text.replace(/^id:.*$/m, `id: ${id}`) : `id: ${id}\n${text}`,
    );
    files.push(file);
  }
  return { dir, files };
}

async function renderTree(t, files, env, extra = []) {
  const out = tempDir(t, 'faq-batch-out-');
  const r = await runInProcess(['render', ...files, '-o', out, ...extra], { env });
  const tree = {};
  for (const file of r.code === 0 ? listFiles(out) : []) tree[file] = readFileSync(join(out, file));
  const timing = /^faq timing: .* by (\d+) threads \(([\d +]+)\)$/m.exec(r.stderr);
  const stderr = r.stderr.replace(/^faq timing: .*\n/gm, '').replaceAll(out, '<out>');
  return { r, out, tree, stderr, perThread: timing?.[2].split(' + ').map(Number) };
}

test('worker threads render byte for byte what one thread renders', async (t) => {
  // One copy of each fixture (twenty files or more): five chunks of four for three threads, and
  // every fixture's every format compared.
  const { files } = manyIncidents(t);
  assert.ok(files.length >= 20, `${files.length} files`);
  const serial = await renderTree(t, files, SERIAL);
  const threaded = await renderTree(t, files, THREADED);
  assert.equal(serial.r.code, 0, serial.r.stderr);
  assert.equal(threaded.r.code, 0, threaded.r.stderr);
  assert.ok(Object.keys(serial.tree).length > files.length * 5);
  assert.deepEqual(Object.keys(threaded.tree), Object.keys(serial.tree));
  for (const [file, bytes] of Object.entries(serial.tree))
    assert.ok(bytes.equals(threaded.tree[file]), `${file} differs between threads`);
  assert.equal(threaded.stderr, serial.stderr);
  assert.equal(threaded.r.stdout, serial.r.stdout);
  // Three threads took part: this one and two workers.
  assert.equal(threaded.perThread?.length, 3, threaded.r.stderr);
  assert.equal(
    threaded.perThread.reduce((a, b) => a + b),
    files.length,
  );
  assert.ok(threaded.perThread[1] + threaded.perThread[2] > 0, 'no file was rendered by a worker');
});

test('with worker threads, --json lists the artifacts in the order of the files', async (t) => {
  // One copy of each fixture: twelve files or more, three chunks of four for the threads.
  const { files } = manyIncidents(t);
  assert.ok(files.length >= 12, `${files.length} files`);
  const serial = await renderTree(t, files, SERIAL, ['--json', ...TXT]);
  const threaded = await renderTree(t, files, THREADED, ['--json', ...TXT]);
  assert.equal(threaded.r.code, 0, threaded.r.stderr);
  const strip = (stdout, out) => stdout.replaceAll(out, '<out>');
  assert.equal(strip(threaded.r.stdout, threaded.out), strip(serial.r.stdout, serial.out));
});

// One copy of each fixture (twenty files or more) shares the errors below between threads: each
// thread takes four files at a time; file 3, file 17 and the pair of files 2 and 18 (one id)
// fall into different chunks.
test('with worker threads, every invalid file is reported as before and nothing is written', async (t) => {
  const { files } = manyIncidents(t);
  assert.ok(files.length >= 19, `${files.length} files`);
  writeFileSync(files[3], readFileSync(files[3], 'utf8').replace(/status: \w+/, 'status: atack'));
  writeFileSync(files[17], 'id: Not Valid\n');
  writeFileSync(files[18], readFileSync(files[2])); // same id as files[2]
  const serial = await renderTree(t, files, SERIAL, TXT);
  const threaded = await renderTree(t, files, THREADED, TXT);
  assert.equal(serial.r.code, 1);
  assert.equal(threaded.r.code, 1);
  assert.match(threaded.stderr, /status/);
  assert.match(threaded.stderr, /is also used by/);
  assert.equal(threaded.stderr, serial.stderr);
  assert.deepEqual(listFiles(threaded.out), []);
});

test('with worker threads, a template error stops the render as before and nothing is written', async (t) => {
  const { files } = manyIncidents(t);
  const overlay = tempDir(t, 'faq-batch-tpl-');
  mkdirSync(join(overlay, 'de'));
  writeFileSync(join(overlay, 'de', 'press.md.hbs'), '# Presse\n\n{{nope.field}}\n');
  const serial = await renderTree(t, files, SERIAL, ['--templates', overlay, ...TXT]);
  const threaded = await renderTree(t, files, THREADED, ['--templates', overlay, ...TXT]);
  assert.equal(serial.r.code, 1, serial.r.stderr);
  assert.equal(threaded.r.code, serial.r.code);
  assert.match(threaded.stderr, /press\.md\.hbs:3:\d+: error: /);
  assert.equal(threaded.stderr, serial.stderr);
  assert.deepEqual(listFiles(threaded.out), []);
});

test('a missing file among many is reported with its path', async (t) => {
  const { dir, files } = manyIncidents(t);
  const missing = join(dir, 'gone.yaml');
  const list = [...files.slice(0, 10), missing, ...files.slice(10)];
  const serial = await renderTree(t, list, SERIAL, TXT);
  const threaded = await renderTree(t, list, THREADED, TXT);
  assert.equal(threaded.r.code, 1);
  assert.match(threaded.stderr, /^faq: error: file not found: \S*gone\.yaml \(hint: /m);
  assert.equal(threaded.stderr, serial.stderr);
});
