// A run killed (SIGKILL, power cut) in the middle of swapping a batch (issue 10, finding 4): its
// staging and moved-aside folders are in the work folder next to the output folder, never inside
// what gets published; the lock it leaves tells a publish step that the run did not complete;
// the next run repairs it and says so.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeArtifacts } from '../../lib/output/write.js';
import { ROOT, runInProcess, EXAMPLE, tempDir } from '../helpers.js';
import { batch } from '../fixtures/writer/batch-writer.js';

const pause = new Int32Array(new SharedArrayBuffer(4));
const ID = 'regio-it-2026-11';
const WRITER = join(ROOT, 'test', 'fixtures', 'writer', 'batch-writer.js');

/** The version each incident folder holds; fails if a folder is not complete. */
function versions(out) {
  const found = {};
  for (const id of readdirSync(out)) {
    const manifest = JSON.parse(readFileSync(join(out, id, 'manifest.json'), 'utf8'));
    assert.equal(manifest.id, id);
    assert.deepEqual(readdirSync(join(out, id)).sort(), [
      'faq.de.txt',
      'manifest.json',
      'press.de.txt',
    ]);
    const texts = ['faq.de.txt', 'press.de.txt'].map((f) => readFileSync(join(out, id, f), 'utf8'));
    assert.equal(texts[0], texts[1], `${id} is one version`);
    found[id] = texts[0];
  }
  return found;
}

/** Two folders moved aside (so one new folder is in place), and staging folders still to move in. */
function isMidSwap(names) {
  return (
    names.filter((n) => n.startsWith('old-')).length >= 2 &&
    names.some((n) => n.startsWith('staging-'))
  );
}

/**
 * Starts a batch write and freezes it (SIGSTOP) once it has moved a first folder aside and has
 * staging folders left to move in: mid-swap. (The loop is synchronous: the writer is another
 * process.) Repeated with a bigger batch if the swap was over before it could be caught.
 */
async function freezeMidSwap(t, out, work) {
  for (const count of [300, 1200, 4800]) {
    await writeArtifacts(out, batch(count, 'old'));
    const child = spawn(process.execPath, [WRITER, out, String(count), 'new'], { stdio: 'ignore' });
    const started = Date.now();
    let seen = false;
    while (Date.now() - started < 30_000) {
      Atomics.wait(pause, 0, 0, 1); // leaves the CPU to the writer
      let names;
      try {
        names = readdirSync(work);
        seen = true;
      } catch {
        if (seen) break; // the run finished and removed its work folder
        continue;
      }
      if (isMidSwap(names)) {
        process.kill(child.pid, 'SIGSTOP');
        if (isMidSwap(readdirSync(work))) return { child, count };
        break;
      }
    }
    process.kill(child.pid, 'SIGKILL');
    await new Promise((done) => child.on('exit', done));
    t.diagnostic(`a batch of ${count} was swapped before it could be frozen`);
  }
  throw new Error('could not freeze the writer mid-swap');
}

test('kill -9 mid-swap: nothing but complete incident folders in the output; the next run repairs', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const work = join(dir, '.out.faq-work');
  const { child, count } = await freezeMidSwap(t, out, work);
  const exited = new Promise((done) => child.on('exit', done));
  process.kill(child.pid, 'SIGKILL');
  await exited;
  const mixed = Object.values(versions(out));
  assert.ok(mixed.includes('new') && mixed.includes('old'), 'killed with some folders swapped');
  assert.ok(
    readdirSync(out).every((n) => /^i\d+$/.test(n)),
    'no staging or moved-aside folder inside the output folder',
  );
  assert.deepEqual(readdirSync(dir).sort(), ['.out.faq-work', 'out']);
  assert.ok(
    existsSync(join(work, 'lock')),
    'the lock tells a publish step the run did not complete',
  );
  const report = await writeArtifacts(out, batch(count, 'third'));
  assert.equal(report.previousRunComplete, false);
  assert.ok(Object.values(versions(out)).every((v) => v === 'third'));
  assert.equal(Object.keys(versions(out)).length, count);
  assert.deepEqual(readdirSync(dir), ['out'], 'the work folder is gone: the run completed');
});

/** The state a run killed between its two renames leaves: a stale lock, the old folder aside. */
function leaveCrashedRun(dir, id) {
  const work = join(dir, '.out.faq-work');
  const dead = spawnSync(process.execPath, ['-e', '0']).pid;
  mkdirSync(join(work, `old-${id}-${dead}`), { recursive: true });
  writeFileSync(
    join(work, `old-${id}-${dead}`, 'manifest.json'),
    `{"version":1,"id":"${id}","artifacts":[]}`,
  );
  mkdirSync(join(work, `staging-${id}-${dead}`));
  writeFileSync(join(work, 'lock'), JSON.stringify({ pid: dead, host: hostname(), token: 'x' }));
  mkdirSync(join(dir, 'out'), { recursive: true });
}

test('render --json reports that the output is complete, and whether the run before was', async (t) => {
  const dir = tempDir(t);
  const args = ['render', EXAMPLE, '-o', 'out', '--variant', 'faq', '--format', 'txt'];
  leaveCrashedRun(dir, ID);
  const env = { FAQ_CACHE: '0' };
  const first = await runInProcess([...args, '--json'], { cwd: dir, env });
  assert.equal(first.code, 0, first.stderr);
  const report = JSON.parse(first.stdout);
  assert.equal(report.complete, true);
  assert.equal(report.previousRunComplete, false);
  assert.deepEqual(readdirSync(dir), ['out'], 'repaired: no work folder left');
  const second = await runInProcess([...args, '--json'], { cwd: dir, env });
  assert.equal(JSON.parse(second.stdout).previousRunComplete, true);
  leaveCrashedRun(dir, 'other');
  const printed = await runInProcess(args, { cwd: dir, env });
  assert.equal(printed.code, 0, printed.stderr);
  assert.match(
    printed.stderr,
    /^faq: the previous run into out did not complete; its leftovers were repaired\nfaq: wrote 1 file to out\/regio-it-2026-11\/\n$/,
  );
  assert.deepEqual(
    readdirSync(join(dir, 'out')).sort(),
    ['other', ID],
    'the folder moved aside is back',
  );
});
