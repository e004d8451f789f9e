// faq replaces only folders it wrote itself (they carry faq's manifest.json): a folder that merely
// has an incident's name, a file or a symbolic link in its place is an error naming the path,
// exit 1, and nothing is touched (issue 10, finding 1).
/* global TextEncoder */ // A Node global the lint config does not list.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { writeArtifacts } from '../../lib/output/write.js';
import { OutputError } from '../../lib/shared.js';
import { EXAMPLE, listFiles, runInProcess, tempDir } from '../helpers.js';

const example = readFileSync(EXAMPLE, 'utf8');
const ID = 'regio-it-2026-11';

function artifact(path, text) {
  const content = new TextEncoder().encode(text);
  return {
    path,
    variant: 'faq',
    lang: 'de',
    format: 'txt',
    content,
    bytes: content.length,
    sha256: createHash('sha256').update(content).digest('hex'),
  };
}

/** Every entry below `dir` (symbolic links as links), with bytes or link targets. */
function snapshot(dir) {
  const entries = [];
  const walk = (rel) => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(dir, rel, name);
      const info = lstatSync(path);
      if (info.isSymbolicLink()) entries.push([join(rel, name), `-> ${readlinkSync(path)}`]);
      else if (info.isDirectory()) walk(join(rel, name));
      else entries.push([join(rel, name), readFileSync(path).toString('base64')]);
    }
  };
  walk('');
  return entries;
}

async function assertRefused(out, byIncident, pattern) {
  await assert.rejects(writeArtifacts(out, byIncident), (error) => {
    assert.ok(error instanceof OutputError, String(error));
    assert.match(error.message, pattern);
    assert.match(error.message, /nothing was changed/);
    return true;
  });
}

test('-o . next to a folder named like the id: exit 1, the folder is byte-identical', async (t) => {
  const dir = tempDir(t);
  mkdirSync(join(dir, 'incidents'));
  writeFileSync(
    join(dir, 'incidents', 'incidents.yaml'),
    example.replace(`id: ${ID}`, 'id: incidents'),
  );
  writeFileSync(join(dir, 'incidents', 'other.yaml'), example);
  const before = snapshot(dir);
  const r = await runInProcess(['render', 'incidents/incidents.yaml', '-o', '.'], {
    cwd: dir,
    env: { FAQ_CACHE: '0' },
  });
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    /^faq: error: incidents was not written by faq \(it holds no faq manifest\.json\); nothing was changed \(hint: faq replaces only folders it wrote itself/,
  );
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.deepEqual(snapshot(dir), before);
  assert.equal(existsSync(join(dir, '..', `.${basename(dir)}.faq-work`)), false, 'no work folder');
});

test('a plain file in the place of an incident folder is refused and kept', async (t) => {
  const out = tempDir(t);
  writeFileSync(join(out, 'a'), 'my notes');
  await assertRefused(
    out,
    new Map([['a', [artifact('a/faq.de.txt', 'x')]]]),
    /a is a file, not a folder faq wrote/,
  );
  assert.equal(readFileSync(join(out, 'a'), 'utf8'), 'my notes');
  assert.deepEqual(readdirSync(out), ['a']);
});

test('a symbolic link in the place of an incident folder is refused; link and target kept', async (t) => {
  const dir = tempDir(t);
  const out = join(dir, 'out');
  mkdirSync(join(dir, 'elsewhere'));
  writeFileSync(join(dir, 'elsewhere', 'keep.txt'), 'keep');
  mkdirSync(out);
  symlinkSync(join(dir, 'elsewhere'), join(out, 'a'));
  const before = snapshot(dir);
  await assertRefused(
    out,
    new Map([['a', [artifact('a/faq.de.txt', 'x')]]]),
    /a is a symbolic link, not a folder faq wrote/,
  );
  assert.deepEqual(snapshot(dir), before);
});

test("a folder with someone else's manifest.json (a web app's) is not faq's", async (t) => {
  const out = tempDir(t);
  mkdirSync(join(out, 'app'));
  writeFileSync(join(out, 'app', 'manifest.json'), '{"name": "My PWA", "start_url": "/"}');
  mkdirSync(join(out, 'b'));
  writeFileSync(join(out, 'b', 'manifest.json'), '{"version": 1, "id": "other", "artifacts": []}');
  const before = snapshot(out);
  await assertRefused(
    out,
    new Map([
      ['app', [artifact('app/faq.de.txt', 'x')]],
      ['b', [artifact('b/faq.de.txt', 'x')]],
    ]),
    /app was not written by faq .* \(and 1 more like it\)/,
  );
  assert.deepEqual(snapshot(out), before);
});

test('in a batch, one refused folder means none is written', async (t) => {
  const out = tempDir(t);
  await writeArtifacts(out, new Map([['a', [artifact('a/faq.de.txt', 'alt')]]]));
  writeFileSync(join(out, 'b'), 'not faq');
  const before = snapshot(out);
  await assertRefused(
    out,
    new Map([
      ['a', [artifact('a/faq.de.txt', 'neu')]],
      ['b', [artifact('b/faq.de.txt', 'neu')]],
    ]),
    /b is a file/,
  );
  assert.deepEqual(snapshot(out), before);
});

test('a folder faq wrote is replaced, also by an earlier version of faq', async (t) => {
  const out = tempDir(t);
  mkdirSync(join(out, 'a'));
  writeFileSync(join(out, 'a', 'old.txt'), 'x');
  writeFileSync(
    join(out, 'a', 'manifest.json'),
    '{"version": 1, "id": "a", "artifacts": [{"path": "old.txt"}]}',
  );
  await writeArtifacts(out, new Map([['a', [artifact('a/faq.de.txt', 'neu')]]]));
  assert.deepEqual(listFiles(out), ['a/faq.de.txt', 'a/manifest.json']);
});

test('faq init --force does not write through a symbolic link', async (t) => {
  const dir = tempDir(t);
  writeFileSync(join(dir, 'precious.txt'), 'precious');
  symlinkSync(join(dir, 'precious.txt'), join(dir, 'incident.yaml'));
  const r = await runInProcess(['init', 'incident.yaml', '--force'], { cwd: dir });
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stderr, /^faq: error: incident\.yaml is a symbolic link/);
  assert.equal(readFileSync(join(dir, 'precious.txt'), 'utf8'), 'precious');
  assert.ok(lstatSync(join(dir, 'incident.yaml')).isSymbolicLink());
  assert.deepEqual(readdirSync(dir).sort(), ['incident.yaml', 'precious.txt']);
});
