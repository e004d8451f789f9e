// docs/day-by-day.md and the README show real output of faq for a starter file edited day by
// day; this walks the same days and finds each shown line in what faq prints.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkIncident, formatDiagnostic } from '../../lib/index.js';
import { ROOT, runInProcess, tempDir } from '../helpers.js';

const FILE = 'incidents/2026-11-stoerung.yaml';
const guide = readFileSync(join(ROOT, 'docs', 'day-by-day.md'), 'utf8');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The line of a page that starts with `prefix` (the page must show one). */
function shownLine(page, prefix) {
  const line = page.split('\n').find((l) => l.startsWith(prefix));
  assert.ok(line, `no line starting with ${prefix}`);
  return line;
}

/** Sets `key: value` on the line where the starter file has that key. */
function edit(dir, changes) {
  const path = join(dir, FILE);
  let text = readFileSync(path, 'utf8');
  for (const [key, value] of Object.entries(changes)) {
    const line = new RegExp(`^(\\s*${key}:) [^#\\n]*`, 'm');
    assert.match(text, line, key);
    text = text.replace(line, `$1 ${value} `);
  }
  writeFileSync(path, text);
  return text;
}

function faq(dir, args, input) {
  return runInProcess(args, { cwd: dir, input });
}

/** What `faq check --strict FILE` prints for the file in `dir` (checked in process), and whether it fails. */
async function check(dir) {
  const source = readFileSync(join(dir, FILE));
  const { diagnostics } = await checkIncident(FILE, { source });
  return { fails: diagnostics.length > 0, lines: diagnostics.map(formatDiagnostic) };
}

test('the incident of docs/day-by-day.md, day by day', async (t) => {
  const dir = tempDir(t, 'faq-days-');
  mkdirSync(join(dir, 'incidents'));
  writeFileSync(
    join(dir, 'incidents', 'incident.schema.json'),
    (await faq(dir, ['schema'])).stdout,
  );
  assert.equal((await faq(dir, ['init', FILE, '-q'])).code, 0);

  // Day 1
  const day1 = edit(dir, {
    updated: '2026-11-24T11:00',
    detected: '2026-11-24',
    crisis_team: '2026-11-24',
    findings_expected: '2026-11-28',
  });
  let r = await faq(dir, ['check', '--strict', FILE]);
  assert.equal(r.stderr, 'faq: 1 file OK\n');

  edit(dir, { status: 'attak' });
  let c = await check(dir);
  assert.ok(c.fails && c.lines.includes(shownLine(guide, `${FILE}:45:`)), c.lines.join('\n'));
  writeFileSync(join(dir, FILE), day1);

  // Day 2: the diff against day 1 starts with the facts the guide shows.
  const text = edit(dir, { updated: '2026-11-25T16:00', cancel_appointments: 'true' });
  writeFileSync(
    join(dir, FILE),
    text.replace(
      /^# questions:\n#.*\n#.*\n#.*$/m,
      'questions:\n  - question: Sind meine Daten betroffen?\n    answer: |\n      Nach derzeitigem Stand gibt es keine Hinweise darauf, dass Daten abgeflossen sind.',
    ),
  );
  r = await faq(dir, ['diff', '-', FILE], day1);
  assert.equal(r.code, 1, r.stderr);
  const facts = ['updated: 24. ', 'options.cancel_appointments: ', 'questions: added'];
  const shown = facts.map((fact) => shownLine(guide, fact)).join('\n');
  assert.ok(r.stdout.startsWith(`${shown}\n\n--- <stdin> (faq.de.txt)\n`), r.stdout);

  // Day 6: an attack, and a findings date that has passed.
  edit(dir, { updated: '2026-11-29T10:00', status: 'attack' });
  c = await check(dir);
  assert.ok(c.fails && c.lines.includes(shownLine(guide, `${FILE}:49:`)), c.lines.join('\n'));
  edit(dir, { findings_expected: '2026-12-02' });
  assert.deepEqual((await check(dir)).lines, []);

  // The end: what is no longer shown is named.
  edit(dir, { updated: '2026-12-04T09:00', phase: 'resolved' });
  c = (await check(dir)).lines.join('\n');
  assert.match(c, /warning: incident\.affected:/);
  assert.match(c, /warning: options\.cancel_appointments:/);
});

test("the README's starter file with a typo gives the error line the README shows", async (t) => {
  const dir = tempDir(t, 'faq-readme-');
  assert.equal((await faq(dir, ['init', FILE, '-q'])).code, 0);
  edit(dir, { status: 'attak' });
  assert.deepEqual((await check(dir)).lines, [shownLine(readme, `${FILE}:`)]);
});
