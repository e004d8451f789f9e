// Measures what each test file costs alone — CPU seconds (user + sys, with the processes it
// starts: CLI runs, Chromium, Java) under GNU time — and writes scripts/test-costs.json, from
// which scripts/test-files.mjs packs `npm test`'s processes. (GNU time misses most of the CPU
// of Chromium's renderers — ~18 of 63 s seen — so chromium.test.js costs more than it says.)
// CPU depends far less on the other
// work of a shared machine than wall time does; re-run after adding or much changing a slow file:
//   node scripts/test-stats/costs.mjs [--jobs=N] [files…]   (default: every test file, 2 at a time)
// Files named on the command line are measured again; the others keep their recorded cost.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { COSTS_FILE, testFiles, useRamDisk } from '../test-files.mjs';

const root = join(import.meta.dirname, '..', '..');
const args = process.argv.slice(2);
const jobs = Number(args.find((a) => a.startsWith('--jobs='))?.slice(7) ?? 2);
const named = args.filter((a) => !a.startsWith('-'));
const files = named.length ? named : testFiles(root);
const costsPath = join(root, COSTS_FILE);
const old = existsSync(costsPath) ? JSON.parse(readFileSync(costsPath, 'utf8')).files : {};
if (!existsSync('/usr/bin/time')) {
  console.error('costs.mjs needs GNU time (/usr/bin/time): apt-get install time');
  process.exit(2);
}

/** CPU seconds (user + sys, children included) and wall seconds of one file run alone. */
function measure(file) {
  return new Promise((resolve) => {
    const child = spawn(
      '/usr/bin/time',
      ['-f', 'faq-cost %e %U %S', process.execPath, '--test', '--test-reporter=dot', file],
      { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s) => (stderr += s));
    child.on('close', (code) => {
      const m = /^faq-cost ([\d.]+) ([\d.]+) ([\d.]+)$/m.exec(stderr);
      const [wall, user, sys] = m ? m.slice(1).map(Number) : [NaN, NaN, NaN];
      resolve({ file, code, wall, cpu: Math.round((user + sys) * 10) / 10 });
    });
  });
}

useRamDisk(); // as npm test runs them
const load = loadavg()[0];
const results = [];
let next = 0;
await Promise.all(
  Array.from({ length: jobs }, async () => {
    while (next < files.length) {
      const r = await measure(files[next++]);
      results.push(r);
      console.log(
        `${r.cpu.toFixed(1).padStart(6)} s CPU ${r.wall.toFixed(1).padStart(6)} s wall  ${r.file}${r.code ? ` (exit ${r.code})` : ''}`,
      );
    }
  }),
);
const costs = { ...old };
for (const r of results) if (Number.isFinite(r.cpu)) costs[r.file] = r.cpu;
const sorted = Object.fromEntries(
  Object.entries(costs)
    .filter(([file]) => existsSync(join(root, file)))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])),
);
const note =
  `CPU seconds (user + sys, children included) of each test file run alone (node --test), ` +
  `${jobs} at a time; written by scripts/test-stats/costs.mjs on Node ${process.versions.node}, ` +
  `load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end`;
writeFileSync(costsPath, `${JSON.stringify({ note, files: sorted }, null, 2)}\n`);
const total = results.reduce((sum, r) => sum + r.cpu, 0);
console.log(`\n${results.length} files, ${total.toFixed(1)} s CPU; written to ${COSTS_FILE}`);
