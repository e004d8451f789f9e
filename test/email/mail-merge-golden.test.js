// The mail merge's artifacts against golden files written by the per-recipient renderer before the
// mail merge rendered each e-mail's common part once (issue 10): the three-recipient fixture file by
// file, and the fifty hostile recipients through their manifest (the sha256 of every artifact).
// `UPDATE_GOLDEN=1` rewrites them; review the diff like code.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { renderFiles } from '../../lib/api.js';
import { buildManifest } from '../../lib/output/write.js';
import { ROOT, fixture, listFiles } from '../helpers.js';

const GOLDEN = join(ROOT, 'test', 'golden');

async function renderInMemory(id, options = {}) {
  const { artifacts } = await renderFiles({
    files: [fixture(id, 'incident.yaml')],
    dryRun: true,
    ...options,
  });
  return artifacts;
}

function compareOrUpdate(t, dir, files) {
  if (process.env.UPDATE_GOLDEN) {
    rmSync(dir, { recursive: true, force: true });
    for (const [name, content] of files) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), content);
    }
    t.diagnostic(`golden files rewritten: ${files.size}`);
    return;
  }
  assert.deepEqual([...files.keys()].sort(), listFiles(dir), 'the set of artifacts changed');
  for (const [name, content] of files)
    assert.equal(
      Buffer.from(content).toString('utf8'),
      readFileSync(join(dir, name), 'utf8'),
      `${name} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
    );
}

test('the three-recipient mail merge renders exactly its golden files', async (t) => {
  const id = 'mail-merge-three';
  const artifacts = await renderInMemory(id);
  const files = new Map(artifacts.map((a) => [a.path.slice(id.length + 1), a.content]));
  files.set('manifest.json', `${JSON.stringify(buildManifest(id, artifacts), null, 2)}\n`);
  compareOrUpdate(t, join(GOLDEN, id), files);
});

test('fifty hostile recipients: every artifact has the sha256 of its golden manifest', async (t) => {
  const id = 'mail-merge-fifty';
  const manifests = new Map();
  for (const [name, options] of [
    ['manifest.json', {}],
    ['manifest.wrap-60.json', { wrap: 60 }],
  ]) {
    const artifacts = await renderInMemory(id, options);
    manifests.set(name, `${JSON.stringify(buildManifest(id, artifacts), null, 2)}\n`);
  }
  compareOrUpdate(t, join(GOLDEN, id), manifests);
});
