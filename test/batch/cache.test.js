// The render cache skips incidents whose inputs have not changed — and only those: a changed
// incident, template, option or build, or a touched output folder, renders again.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, FIXTURES, ROOT, listFiles, runInProcess, tempDir } from '../helpers.js';

const ID = 'regio-it-2026-11';

/** A temporary output folder and cache folder; `render(args)` renders into them. */
function setup(t) {
  const out = tempDir(t, 'faq-cache-out-');
  // A folder faq creates itself (and puts a .gitignore in).
  const cacheDir = join(tempDir(t, 'faq-cache-dir-'), 'cache');
  const env = { FAQ_CACHE_DIR: cacheDir, FAQ_TIMING: '1' };
  const render = async (args, options = {}) => {
    const r = await runInProcess(['render', ...args, '-o', out], {
      ...options,
      env: { ...env, ...options.env },
    });
    const timing = /^faq timing: (\d+) files, (\d+) from the cache/m.exec(r.stderr);
    const index = /^faq timing: index of \d+ incidents (composed|unchanged)/m.exec(r.stderr);
    return {
      ...r,
      cached: timing ? Number(timing[2]) : undefined,
      index: index?.[1],
      stderr: r.stderr.replace(/^faq timing: .*\n/gm, ''),
    };
  };
  return { out, cacheDir, env, render };
}

/** The incident folder's inode and every file's bytes: a re-render replaces the folder. */
function snapshot(dir) {
  return {
    ino: statSync(dir).ino,
    files: Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')])),
  };
}

test('an unchanged incident is taken from the cache: same output, same messages, folder untouched', async (t) => {
  const { out, cacheDir, render } = setup(t);
  const first = await render([EXAMPLE, '--json']);
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.cached, 0);
  const before = snapshot(join(out, ID));
  const second = await render([EXAMPLE, '--json']);
  assert.equal(second.code, 0, second.stderr);
  assert.equal(second.cached, 1);
  assert.equal(second.stdout, first.stdout);
  assert.equal(second.stderr, first.stderr);
  assert.deepEqual(snapshot(join(out, ID)), before);
  // The cache lives outside the output folder: no trace in the artifacts or the manifest.
  assert.deepEqual(
    listFiles(out),
    Object.keys(before.files).map((f) => `${ID}/${f}`),
  );
  assert.doesNotMatch(readFileSync(join(out, ID, 'manifest.json'), 'utf8'), /cache/);
  assert.ok(readdirSync(cacheDir).some((f) => /^render-[0-9a-f]+\.json$/.test(f)));
  assert.equal(readFileSync(join(cacheDir, '.gitignore'), 'utf8'), '*\n');
});

test('a run with every incident from the cache leaves the cache file as it is; a removed folder is dropped', async (t) => {
  const { out, cacheDir, render } = setup(t);
  const other = join(FIXTURES, 'attack-multi-day', 'incident.yaml');
  assert.equal((await render([EXAMPLE, other])).cached, 0);
  const cacheFile = () => {
    const name = readdirSync(cacheDir).find((f) => /^render-[0-9a-f]+\.json$/.test(f));
    const path = join(cacheDir, name);
    return {
      ino: statSync(path).ino,
      ids: Object.keys(JSON.parse(readFileSync(path, 'utf8')).entries),
    };
  };
  const before = cacheFile();
  assert.equal(before.ids.length, 2);
  assert.equal((await render([EXAMPLE, other])).cached, 2);
  assert.deepEqual(cacheFile(), before, 'not written again');
  // The other incident's folder is removed; a run of the example alone drops its entry.
  const otherId = before.ids.find((id) => id !== ID);
  rmSync(join(out, otherId), { recursive: true });
  assert.equal((await render([EXAMPLE])).cached, 1);
  assert.deepEqual(cacheFile().ids, [ID]);
});

test('the index of unchanged incidents is not composed again, unless an index file was touched', async (t) => {
  const { out, render } = setup(t);
  const files = [EXAMPLE, join(FIXTURES, 'attack-multi-day', 'incident.yaml')];
  assert.equal((await render(files)).index, 'composed');
  const written = () =>
    Object.fromEntries(
      readdirSync(out)
        .filter((f) => /^index\./.test(f))
        .map((f) => [
          f,
          { ino: statSync(join(out, f)).ino, text: readFileSync(join(out, f), 'utf8') },
        ]),
    );
  const first = written();
  assert.ok(Object.keys(first).includes('index.html'));
  const again = await render(files);
  assert.equal(again.cached, 2);
  assert.equal(again.index, 'unchanged');
  assert.deepEqual(written(), first);
  // An index file edited or removed by hand: composed and written again, as it was.
  for (const touch of [
    () => writeFileSync(join(out, 'index.html'), 'edited by hand\n'),
    () => rmSync(join(out, 'index.de.md')),
  ]) {
    touch();
    const r = await render(files);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.index, 'composed');
    assert.deepEqual(
      Object.fromEntries(Object.entries(written()).map(([f, { text }]) => [f, text])),
      Object.fromEntries(Object.entries(first).map(([f, { text }]) => [f, text])),
    );
    assert.equal((await render(files)).index, 'unchanged');
  }
  // Another incident file in the run changes the list: composed.
  const more = [...files, join(FIXTURES, 'attack-resolved', 'incident.yaml')];
  assert.equal((await render(more)).index, 'composed');
  assert.match(readFileSync(join(out, 'index.json'), 'utf8'), /attack-resolved|"id"/);
});

test('warnings of a cached incident are printed again, exactly', async (t) => {
  const { render } = setup(t);
  const file = join(FIXTURES, 'no-sender', 'incident.yaml');
  const first = await render([file]);
  const second = await render([file]);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /warning/);
  assert.equal(second.cached, 1);
  assert.equal(second.stderr, first.stderr);
});

test('a changed incident file renders again', async (t) => {
  const { out, render } = setup(t);
  const dir = tempDir(t);
  const file = join(dir, 'incident.yaml');
  cpSync(EXAMPLE, file);
  await render([file]);
  const before = snapshot(join(out, ID));
  writeFileSync(
    file,
    readFileSync(file, 'utf8').replace('Sind meine Daten betroffen?', 'Sind Daten abgeflossen?'),
  );
  const again = await render([file]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.cached, 0);
  const after = snapshot(join(out, ID));
  assert.notEqual(after.ino, before.ino);
  assert.match(after.files['faq.de.md'], /Sind Daten abgeflossen\?/);
  assert.doesNotMatch(after.files['faq.de.md'], /Sind meine Daten betroffen\?/);
});

test('a changed template in the overlay renders again', async (t) => {
  const { out, render } = setup(t);
  const overlay = tempDir(t);
  mkdirSync(join(overlay, 'layouts'));
  const css = readFileSync(join(ROOT, 'templates', 'layouts', 'page.css'), 'utf8');
  writeFileSync(join(overlay, 'layouts', 'page.css'), `${css}\n/* first */\n`);
  await render([EXAMPLE, '--templates', overlay]);
  assert.match(readFileSync(join(out, ID, 'faq.de.html'), 'utf8'), /first/);
  writeFileSync(join(overlay, 'layouts', 'page.css'), `${css}\n/* second */\n`);
  const again = await render([EXAMPLE, '--templates', overlay]);
  assert.equal(again.code, 0, again.stderr);
  assert.equal(again.cached, 0);
  assert.match(readFileSync(join(out, ID, 'faq.de.html'), 'utf8'), /second/);
  // Without the overlay, the built-in templates apply again.
  const builtin = await render([EXAMPLE]);
  assert.equal(builtin.cached, 0);
  assert.doesNotMatch(readFileSync(join(out, ID, 'faq.de.html'), 'utf8'), /second/);
});

test('other options render again: formats, variants, languages, wrap', async (t) => {
  const { out, render } = setup(t);
  await render([EXAMPLE]);
  const full = listFiles(join(out, ID));
  const txt = await render([EXAMPLE, '--format', 'txt']);
  assert.equal(txt.cached, 0);
  assert.deepEqual(
    listFiles(join(out, ID)),
    full.filter((f) => f.endsWith('.txt') || f === 'manifest.json'),
  );
  const wrapped = await render([EXAMPLE, '--format', 'txt', '--wrap', '40']);
  assert.equal(wrapped.cached, 0);
  const lines = readFileSync(join(out, ID, 'faq.de.txt'), 'utf8').split('\n');
  assert.ok(lines.every((line) => line.length <= 40 || !line.includes(' ')));
  const en = await render([EXAMPLE, '--lang', 'de,en']);
  assert.equal(en.cached, 0);
  assert.ok(listFiles(join(out, ID)).includes('faq.en.html'));
  const back = await render([EXAMPLE]);
  assert.equal(back.cached, 0);
  assert.deepEqual(listFiles(join(out, ID)), full);
});

test('a touched output folder renders again: a file deleted, edited or added', async (t) => {
  const { out, render } = setup(t);
  await render([EXAMPLE]);
  const good = snapshot(join(out, ID));
  rmSync(join(out, ID, 'faq.de.html'));
  assert.equal((await render([EXAMPLE])).cached, 0);
  assert.deepEqual(snapshot(join(out, ID)).files, good.files);
  writeFileSync(join(out, ID, 'faq.de.txt'), 'edited by hand\n');
  assert.equal((await render([EXAMPLE])).cached, 0);
  assert.deepEqual(snapshot(join(out, ID)).files, good.files);
  writeFileSync(join(out, ID, 'stray.txt'), 'not an artifact\n');
  assert.equal((await render([EXAMPLE])).cached, 0);
  assert.deepEqual(snapshot(join(out, ID)).files, good.files);
  rmSync(join(out, ID), { recursive: true });
  assert.equal((await render([EXAMPLE])).cached, 0);
  assert.deepEqual(snapshot(join(out, ID)).files, good.files);
});

test('the cache is safe to delete or to corrupt, and FAQ_CACHE=0 turns it off', async (t) => {
  const { out, cacheDir, render } = setup(t);
  await render([EXAMPLE]);
  const good = snapshot(join(out, ID)).files;
  for (const name of readdirSync(cacheDir))
    if (name.endsWith('.json')) writeFileSync(join(cacheDir, name), '{"version":1,"entr');
  assert.equal((await render([EXAMPLE])).cached, 0);
  rmSync(cacheDir, { recursive: true });
  assert.equal((await render([EXAMPLE])).cached, 0);
  assert.ok(existsSync(cacheDir));
  assert.equal((await render([EXAMPLE])).cached, 1);
  assert.equal((await render([EXAMPLE], { env: { FAQ_CACHE: '0' } })).cached, 0);
  assert.deepEqual(snapshot(join(out, ID)).files, good);
  // --stdout renders in memory: it neither reads nor needs the cache.
  const one = await runInProcess([
    'render',
    EXAMPLE,
    '--variant',
    'faq',
    '--format',
    'txt',
    '--stdout',
  ]);
  assert.equal(one.stdout, good['faq.de.txt']);
});

test('a failing run leaves the cache as it was, and the next good run still uses it', async (t) => {
  const { out, render } = setup(t);
  const dir = tempDir(t);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, 'id: bad\n');
  await render([EXAMPLE]);
  const good = snapshot(join(out, ID));
  const failed = await render([EXAMPLE, bad]);
  assert.equal(failed.code, 1);
  assert.equal((await render([EXAMPLE])).cached, 1);
  assert.deepEqual(snapshot(join(out, ID)), good);
});

test('another build of faq does not trust the cache', async (t) => {
  const { out, env, render } = setup(t);
  await render([EXAMPLE]);
  assert.equal((await render([EXAMPLE])).cached, 1);
  // A copy of the installation whose build hash differs, as after an upgrade or a rebuild.
  const other = tempDir(t, 'faq-other-build-');
  for (const part of ['bin', 'lib', 'templates', 'package.json'])
    cpSync(join(ROOT, part), join(other, part), { recursive: true });
  let changed = 0;
  for (const name of ['cli.cjs']) {
    const path = join(other, 'lib', name);
    const text = readFileSync(path, 'utf8');
    const next = text.replace(/(["']?code["']?:\s*")[0-9a-f]{64}"/, `$1${'0'.repeat(64)}"`);
    if (next !== text) {
      writeFileSync(path, next);
      changed++;
    }
  }
  assert.equal(changed, 1, 'the build hash is in the CLI bundle');
  const r = spawnSync(
    process.execPath,
    [join(other, 'bin', 'faq.js'), 'render', EXAMPLE, '-o', out],
    {
      env: { ...process.env, NO_COLOR: '1', ...env },
      encoding: 'utf8',
    },
  );
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stderr, /^faq timing: 1 files, 0 from the cache/m);
});
