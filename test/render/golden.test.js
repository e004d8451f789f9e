// Whole artifacts against golden files: the example (approved), an incident over several days
// (issue 12: updates, services, contacts, a mail merge) and a draft (issue 13: every artifact
// carries the draft marks). `UPDATE_GOLDEN=1 npm test` rewrites them; review the diff like code.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLE, FIXTURES, ROOT, listFiles, runInProcess, tempDir } from '../helpers.js';

/** Each incident file, the folder of its golden files under test/golden/, and its languages. */
const SOURCES = [
  { name: 'example', file: EXAMPLE, langs: ['de', 'en'] },
  {
    name: 'attack-multi-day',
    file: join(FIXTURES, 'attack-multi-day', 'incident.yaml'),
    langs: ['de', 'en'],
  },
  { name: 'draft-de', file: join(FIXTURES, 'draft-de', 'incident.yaml'), langs: ['de'] },
];

for (const { name, file, langs } of SOURCES) {
  test(`${name} renders exactly its golden files`, async (t) => {
    const golden = join(ROOT, 'test', 'golden', name);
    const out = tempDir(t);
    const r = await runInProcess(['render', file, '-o', out, '--lang', langs.join(',')]);
    assert.equal(r.code, 0, r.stderr);
    const rendered = listFiles(out);
    if (process.env.UPDATE_GOLDEN) {
      rmSync(golden, { recursive: true, force: true });
      for (const f of rendered) {
        mkdirSync(dirname(join(golden, f)), { recursive: true });
        writeFileSync(join(golden, f), readFileSync(join(out, f)));
      }
      t.diagnostic(`golden files rewritten: ${rendered.length}`);
      return;
    }
    assert.deepEqual(
      rendered,
      listFiles(golden),
      'the set of artifacts changed (UPDATE_GOLDEN=1 to accept)',
    );
    for (const f of rendered) {
      const actual = readFileSync(join(out, f), 'utf8');
      const expected = readFileSync(join(golden, f), 'utf8');
      assert.equal(
        actual,
        expected,
        `${f} differs from its golden file (UPDATE_GOLDEN=1 to accept)`,
      );
    }
  });
}
