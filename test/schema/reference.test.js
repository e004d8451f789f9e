// The reference table in docs/incident-file.md is generated from the schema
// (`npm run docs:reference`); this fails when the committed table is out of date.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { listFields } from '../../lib/incident/walk.js';
import { IncidentSchema } from '../../lib/incident/schema.js';
import { buildReferenceTable } from '../../lib/schema/reference.js';
import { formatReferenceTable, readReferenceTable } from '../../scripts/docs-reference-lib.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));

test('docs/incident-file.md holds the generated reference table (npm run docs:reference)', async () => {
  const docs = readFileSync(join(root, 'docs/incident-file.md'), 'utf8');
  assert.equal(
    await readReferenceTable(docs),
    await formatReferenceTable(root),
    'the reference table is out of date: run `npm run build && npm run docs:reference`',
  );
});

test('a table edited by hand, or missing its markers, is told apart', async () => {
  const docs = readFileSync(join(root, 'docs/incident-file.md'), 'utf8');
  const edited = docs.replace('When the crisis team was formed', 'When the team met');
  assert.notEqual(edited, docs);
  assert.notEqual(await readReferenceTable(edited), await formatReferenceTable(root));
  await assert.rejects(readReferenceTable('# no markers\n'), /needs the lines/);
});

test('the reference table has a row for every field and group of the schema', () => {
  const table = buildReferenceTable();
  for (const field of listFields(IncidentSchema)) {
    const item = ['[]', '{}'].includes(field.path.at(-1));
    if (field.path.length === 0 || (item && field.group !== 'list' && field.group !== 'record'))
      continue;
    const key = field.path
      .join('.')
      .replace(/\.\[\]/g, '[]')
      .replace(/\.\{\}/g, '.*');
    assert.ok(table.includes(`| \`${key}\` |`), key);
  }
  assert.match(
    table,
    /\| `incident\.crisis_team` \| date \| — \| When the crisis team was formed; not before detected\. \|/,
  );
  assert.match(
    table,
    /\| `questions\[\]\.answer` \| localized Markdown \| required \| The answer\. Markdown\. \|/,
  );
});
