// `npm test`: every test file, two processes at a time — the machines have two cores — and the
// longest first, the short files several to a process (scripts/test-files.mjs). `node --test`
// would sort the files by name (Node 20), so the longest could start last and form the tail of
// the run; node:test's run() keeps the order. Files named on the command line run one per process.
//   node scripts/test.mjs [--test-reporter=spec|tap|dot] [--test-name-pattern=RE] [--concurrency=N]
//                         [files…]
// --concurrency (default 2): processes at a time; a third may fill the time the others wait for
// Java, Chromium or a CLI process (measure on a quiet machine: `node scripts/test-stats/run.mjs`).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { run } from 'node:test';
import * as reporters from 'node:test/reporters';
import { groupModule, testGroups, useRamDisk } from './test-files.mjs';

const root = join(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name) =>
  args.filter((a) => a.startsWith(`--${name}=`)).map((a) => a.slice(name.length + 3));
const unknown = args.filter(
  (a) => a.startsWith('-') && !/^--(test-reporter|test-name-pattern|concurrency)=/.test(a),
);
if (unknown.length) {
  console.error(`scripts/test.mjs: unknown option ${unknown[0]}`);
  process.exit(2);
}
useRamDisk();
const given = args.filter((a) => !a.startsWith('-'));
const files = given.length ? given.map((f) => resolve(f)) : groupFiles();
// As node --test: spec on a terminal, TAP otherwise (Node 20's default).
const name = option('test-reporter')[0] ?? (process.stdout.isTTY ? 'spec' : 'tap');
const reporter = reporters[name];
if (!reporter) {
  console.error(`scripts/test.mjs: unknown reporter ${name}`);
  process.exit(2);
}
const patterns = option('test-name-pattern');
const concurrency = Number(option('concurrency')[0] ?? 2);
if (!Number.isInteger(concurrency) || concurrency < 1) {
  console.error('scripts/test.mjs: --concurrency must be a whole number of 1 or more');
  process.exit(2);
}
const stream = run({
  files,
  concurrency,
  ...(patterns.length ? { testNamePatterns: patterns } : {}),
});
stream.on('test:fail', () => (process.exitCode = 1));
// spec is a class (a Transform stream), tap and dot are generator functions.
const isClass = /^class\b/.test(Function.prototype.toString.call(reporter));
stream.compose(isClass ? new reporter() : reporter).pipe(process.stdout);

/** The files for run(): a file that runs alone, or a module that runs a group (in a temp folder). */
function groupFiles() {
  const dir = mkdtempSync(join(tmpdir(), 'faq-test-groups-'));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return testGroups(root).map((group, i) => {
    if (group.length === 1) return join(root, group[0]);
    const file = join(dir, `group-${i + 1}.test.js`);
    writeFileSync(file, groupModule(root, group));
    return file;
  });
}
