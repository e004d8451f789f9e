// Writes the reference table of the incident file into docs/incident-file.md, between its
// markers, from the built schema (`npm run build` first). test/schema/reference.test.js fails
// when the committed table differs from what this writes.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatReferenceTable, writeReferenceTable } from './docs-reference-lib.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'docs/incident-file.md');
const before = readFileSync(file, 'utf8');
const after = await writeReferenceTable(before, await formatReferenceTable(root));
if (after !== before) writeFileSync(file, after);
console.log(
  `docs/incident-file.md: reference table ${after === before ? 'up to date' : 'written'}`,
);
