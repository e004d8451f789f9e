// All or nothing (SPEC §5.3): the writer stages every incident in a work folder next to the
// output folder and swaps it in by rename; a failed, interrupted or killed run leaves the previous output as it
// was and no staging folder behind; a successful run leaves nothing stale.
/* global TextEncoder */ // Node globals the lint config does not list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { removeStaleStaging, writeArtifacts } from '../../lib/output/write.js';
import { InterruptedError, OutputError } from '../../lib/shared.js';
import { EXAMPLE, listFiles, runInProcess, startCli, tempDir } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');
const ID = 'regio-it-2026-11';

function artifact(path, text) {
  const content = new TextEncoder().encode(text);
  return {
    path,
    variant: 'faq',
    lang: 'de',
    format: path.split('.').pop(),
    content,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** Every file below `dir` (dot-folders included) with its bytes. */
function snapshot(dir) {
  return listFiles(dir).map((f) => [f, readFileSync(join(dir, f))]);
}

function assertUnchanged(dir, before) {
  assert.deepEqual(
    listFiles(dir),
    before.map(([f]) => f),
  );
  for (const [f, bytes] of before) assert.ok(readFileSync(join(dir, f)).equals(bytes), f);
}

/** A pid that is certainly not running: a child that has exited. */
function deadPid() {
  return spawnSync(process.execPath, ['-e', 'process.pid'], { stdio: 'ignore' }).pid;
}

function withRecipients(names) {
  return `${example}\n  recipients:\n${names
    .map((n, i) => `    - { name: ${n}, email: r${i}@example.org }`)
    .join('\n')}\n`;
}

test('a successful run replaces the incident folder completely: nothing stale remains', async (t) => {
  const out = tempDir(t);
  await writeArtifacts(
    out,
    new Map([['a', [artifact('a/faq.de.txt', 'eins'), artifact('a/old.de.txt', 'alt')]]]),
  );
  await writeArtifacts(out, new Map([['a', [artifact('a/faq.de.txt', 'zwei')]]]));
  assert.deepEqual(listFiles(out), ['a/faq.de.txt', 'a/manifest.json']);
  assert.equal(readFileSync(join(out, 'a/faq.de.txt'), 'utf8'), 'zwei');
  const manifest = JSON.parse(readFileSync(join(out, 'a/manifest.json'), 'utf8'));
  assert.deepEqual(
    manifest.artifacts.map((a) => a.path),
    ['faq.de.txt'],
  );
  assert.deepEqual(readdirSync(out), ['a'], 'no staging or retired folder left');
});

test('a removed recipient loses their e-mail files on the next render', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'incident.yaml');
  const out = join(dir, 'out');
  writeFileSync(file, withRecipients(['Stadt Aachen', 'Stadt Düren']));
  assert.equal((await runInProcess(['render', file, '-o', out])).code, 0);
  assert.ok(listFiles(out).some((f) => f.includes('email.de.stadt-dueren.')));
  writeFileSync(file, withRecipients(['Stadt Aachen']));
  const r = await runInProcess(['render', file, '-o', out]);
  assert.equal(r.code, 0, r.stderr);
  const files = listFiles(join(out, ID)).map((f) => `${ID}/${f}`);
  assert.equal(
    files.filter((f) => f.includes('stadt-dueren')).length,
    0,
    'no file of the removed recipient',
  );
  assert.ok(files.includes(`${ID}/email.de.stadt-aachen.eml`));
  const manifest = JSON.parse(readFileSync(join(out, ID, 'manifest.json'), 'utf8'));
  assert.deepEqual(
    manifest.artifacts.map((a) => `${ID}/${a.path}`).sort(),
    files.filter((f) => !f.endsWith('manifest.json')),
  );
});

test('several files, one bad: nothing is written, every earlier output stays byte-identical', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  const a = join(dir, 'a.yaml');
  const b = join(dir, 'b.yaml');
  writeFileSync(a, example.replace(`id: ${ID}`, 'id: incident-a'));
  writeFileSync(b, example.replace(`id: ${ID}`, 'id: incident-b'));
  assert.equal((await runInProcess(['render', a, b, '-o', out])).code, 0);
  const before = snapshot(out);
  writeFileSync(a, example.replace(`id: ${ID}`, 'id: incident-a').replace('Aachen', 'Köln'));
  writeFileSync(
    b,
    example
      .replace(`id: ${ID}`, 'id: incident-b')
      .replace('detected: 2026-11-24', 'detected: 2026-11-31'),
  );
  const r = await runInProcess(['render', a, b, '-o', out]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /b\.yaml:\d+:\d+: error: incident\.detected: 2026-11-31 does not exist/);
  assertUnchanged(out, before);
});

test('a template error in an update leaves the earlier artifacts byte-identical', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  assert.equal((await runInProcess(['render', EXAMPLE, '-o', out])).code, 0);
  const before = snapshot(out);
  const broken = {
    'unclosed block': '# Titel\n\n{{#if org.city}}\nOhne Ende\n',
    'unknown field': '# Titel\n\nStand: {{updated.txt}}\n',
    'seed placeholder': '# Titel\n\nAm DATUM ist etwas passiert.\n',
    'throwing helper': '# Titel\n\n{{#each 42}}x{{/each}}{{lookup}}\n',
  };
  for (const [name, template] of Object.entries(broken)) {
    const templates = join(dir, name.replace(/ /g, '-'));
    mkdirSync(join(templates, 'de'), { recursive: true });
    writeFileSync(join(templates, 'de', 'faq.md.hbs'), template);
    const r = await runInProcess(['render', EXAMPLE, '-o', out, '--templates', templates]);
    assert.equal(r.code, 1, `${name}: ${r.stderr}`);
    assert.match(r.stderr, /faq\.md\.hbs:\d+:\d+: error: /, name);
    assert.doesNotMatch(r.stderr, /^\s+at /m, name);
    assertUnchanged(out, before);
  }
});

test('an output folder under a regular file: exit 1, one line, nothing created', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'somefile');
  writeFileSync(file, 'not a folder');
  const r = await runInProcess(['render', EXAMPLE, '-o', join(file, 'out')]);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.deepEqual(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(
    r.stderr,
    /^faq: error: cannot create the output folder .*somefile\/out: a file stands where a folder is needed/,
  );
  assert.equal(readFileSync(file, 'utf8'), 'not a folder');
});

test('an artifact path that would leave its folder is refused; the earlier output stays', async (t) => {
  const out = tempDir(t);
  await writeArtifacts(out, new Map([['a', [artifact('a/faq.de.txt', 'alt')]]]));
  const byIncident = new Map([
    ['a', [artifact('a/faq.de.txt', 'neu')]],
    ['b', [artifact('b/../../escape.txt', 'böse')]],
  ]);
  await assert.rejects(writeArtifacts(out, byIncident), (error) => {
    assert.ok(error instanceof OutputError);
    assert.match(error.message, /refusing to write .*escape\.txt: it would land outside/);
    return true;
  });
  assert.equal(existsSync(join(out, '..', 'escape.txt')), false);
  assert.deepEqual(readdirSync(out), ['a'], 'no staging folder left');
  assert.equal(readFileSync(join(out, 'a/faq.de.txt'), 'utf8'), 'alt');
});

test('a failed first run removes the output folder it created', async (t) => {
  const out = join(tempDir(t), 'new', 'deeper');
  await assert.rejects(
    writeArtifacts(out, new Map([['a', [artifact('a/../../x.txt', 'x')]]])),
    OutputError,
  );
  assert.equal(existsSync(join(out, '..')), false, 'new/ and new/deeper/ are gone');
});

test('stale staging folders of a killed run are removed; output moved aside is put back', async (t) => {
  const out = tempDir(t);
  const dead = deadPid();
  mkdirSync(join(out, `.faq-staging-a-${dead}`, 'sub'), { recursive: true });
  writeFileSync(join(out, `.faq-staging-a-${dead}`, 'sub', 'half.txt'), 'half');
  mkdirSync(join(out, `.faq-staging-b-${process.pid}`));
  // Killed between "previous output aside" and "new output in": `c` exists only aside.
  mkdirSync(join(out, `.faq-old-c-${dead}`));
  writeFileSync(join(out, `.faq-old-c-${dead}`, 'faq.de.txt'), 'the last good output');
  // A staging folder of a run that is still going (this test's parent) is left alone.
  mkdirSync(join(out, `.faq-staging-d-${process.ppid}`));
  await removeStaleStaging(out);
  assert.deepEqual(readdirSync(out).sort(), [`.faq-staging-d-${process.ppid}`, 'c']);
  assert.equal(readFileSync(join(out, 'c', 'faq.de.txt'), 'utf8'), 'the last good output');
});

test('the CLI cleans stale staging folders on the next render', async (t) => {
  const out = tempDir(t);
  const stale = join(out, `.faq-staging-${ID}-${deadPid()}`);
  mkdirSync(stale);
  writeFileSync(join(stale, 'faq.de.html'), '<p>half written</p>');
  const r = await runInProcess(['render', EXAMPLE, '-o', out, '--variant', 'faq']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(
    readdirSync(out).filter((n) => n.startsWith('.faq-staging') || n.startsWith('.faq-old')),
    [],
  );
  assert.ok(existsSync(join(out, ID, 'faq.de.html')));
});

/**
 * Renders a previous output (one recipient), then starts a render that writes hundreds of files
 * and freezes it (SIGSTOP) as soon as its staging folder appears. While frozen, the state is
 * checked: staging present, previous output in place, nothing moved aside — so the signal that
 * follows arrives, deterministically, mid-write. If the writer was already done (a lost race),
 * the attempt is repeated, from a fresh previous output, with four times the files.
 * Returns the frozen child and the snapshot of the previous output.
 */
async function renderFrozenMidWrite(t, out, file) {
  for (const count of [200, 800, 3200]) {
    writeFileSync(file, withRecipients(['Stadt Aachen']));
    assert.equal((await runInProcess(['render', file, '-o', out])).code, 0);
    const before = snapshot(out);
    writeFileSync(file, withRecipients(Array.from({ length: count }, (_, i) => `Empfaenger ${i}`)));
    const child = startCli(['render', file, '-o', out, '--variant', 'email', '--format', 'txt,md']);
    const exited = new Promise((resolve) => {
      let stderr = '';
      child.stderr.on('data', (d) => (stderr += d));
      child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
    });
    const work = join(out, '..', `.${basename(out)}.faq-work`);
    const staging = join(work, `staging-${ID}-${child.pid}`);
    let running = true;
    exited.then(() => (running = false));
    // Polled every millisecond, not in a busy loop: the loop would take a core from the render.
    while (running && !existsSync(staging)) await new Promise((resolve) => setTimeout(resolve, 1));
    if (running) {
      process.kill(child.pid, 'SIGSTOP');
      const midWrite = existsSync(staging) && !readdirSync(work).some((n) => n.startsWith('old-'));
      if (midWrite) return { child, exited, staging, before };
      process.kill(child.pid, 'SIGCONT');
    }
    await exited;
    t.diagnostic(`${count} recipients: the writer finished before it could be frozen`);
  }
  throw new Error('could not catch the writer mid-write');
}

for (const [signal, code] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
]) {
  test(`${signal} during a write removes the staging and keeps the previous output`, async (t) => {
    if (process.platform === 'win32') return t.skip('POSIX signals');
    const dir = tempDir(t);
    const out = join(dir, 'out');
    const file = join(dir, 'incident.yaml');
    const { child, exited, staging, before } = await renderFrozenMidWrite(t, out, file);
    assert.ok(existsSync(staging), 'frozen with a half-written staging folder');
    process.kill(child.pid, signal);
    process.kill(child.pid, 'SIGCONT');
    const r = await exited;
    assert.equal(r.code, code, r.stderr);
    assert.match(r.stderr, new RegExp(`interrupted by ${signal}: nothing was written`));
    assert.doesNotMatch(r.stderr, /^\s+at /m);
    assertUnchanged(out, before);
    assert.deepEqual(readdirSync(dir).sort(), ['incident.yaml', 'out'], 'no work folder left');
  });
}

test('InterruptedError names the signal and says whether the output is complete', () => {
  assert.match(new InterruptedError('SIGINT').message, /nothing was written/);
  assert.match(new InterruptedError('SIGTERM', true).message, /complete/);
  assert.ok(new InterruptedError('SIGINT') instanceof OutputError);
});
