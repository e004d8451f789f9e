// The generated reference table of docs/incident-file.md, formatted as prettier formats the docs:
// shared by `npm run docs:reference` and its test, so that both agree byte for byte.
import { join } from 'node:path';
import * as prettier from 'prettier';

// A literal path, so that the dead-code check follows it.
const load = () => import('../lib/schema/reference.js');

/** The table as it must stand between the markers, with a blank line on each side. */
export async function formatReferenceTable(root) {
  const { buildReferenceTable } = await load();
  const options = (await prettier.resolveConfig(join(root, 'docs/incident-file.md'))) ?? {};
  const table = await prettier.format(buildReferenceTable(), { ...options, parser: 'markdown' });
  return `\n\n${table}\n`;
}

/** What stands between the markers of `text`; throws when they are missing. */
export async function readReferenceTable(text) {
  const [from, to] = await findMarkers(text);
  return text.slice(from, to);
}

/** `text` with `table` between its markers. */
export async function writeReferenceTable(text, table) {
  const [from, to] = await findMarkers(text);
  return `${text.slice(0, from)}${table}${text.slice(to)}`;
}

async function findMarkers(text) {
  const { REFERENCE_START, REFERENCE_END } = await load();
  const start = text.indexOf(REFERENCE_START);
  const end = text.indexOf(REFERENCE_END);
  if (start < 0 || end < start)
    throw new Error(
      `docs/incident-file.md needs the lines ${REFERENCE_START} and ${REFERENCE_END}`,
    );
  return [start + REFERENCE_START.length, end];
}
