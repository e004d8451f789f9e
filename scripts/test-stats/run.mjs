// Measures the test suite: wall time, each file's time (the runner's own duration_ms), the
// node:assert calls made and the CLI processes started, per file and in total.
//   node scripts/test-stats/run.mjs [scripts/test.mjs options and files]   (default: npm test's)
// It runs the suite as npm test does (scripts/test.mjs: two files at a time, the longest first).
// Times depend on the machine's load: the load average is printed with them.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { basename, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { testGroups } from '../test-files.mjs';

const root = join(import.meta.dirname, '..', '..');
const dir = mkdtempSync(join(tmpdir(), 'faq-test-stats-'));
const statsFile = join(dir, 'stats.tsv');
const args = process.argv.slice(2);
const preload = pathToFileURL(join(import.meta.dirname, 'count.mjs')).href;
const started = performance.now();
const load = loadavg()[0];
const runner = join(root, 'scripts', 'test.mjs');
const child = spawn(process.execPath, [runner, '--test-reporter=tap', ...args], {
  cwd: root,
  env: {
    ...process.env,
    FAQ_TEST_STATS: statsFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${preload}`.trim(),
  },
  stdio: ['ignore', 'pipe', 'inherit'],
});
let tap = '';
child.stdout.on('data', (chunk) => (tap += chunk));
const code = await new Promise((resolve) => child.on('close', resolve));
const wall = (performance.now() - started) / 1000;
// CPU time of the test run and everything it started (Linux: cutime + cstime of this process).
const cpu = (() => {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
})();

for (const m of tap.matchAll(/^ *not ok \d+ - (.*)\n(?: {2,}.*\n)*? *location: '([^']+)'/gm))
  console.log(`not ok: ${m[1]} (${relative(root, m[2])})`);
const summary = Object.fromEntries(
  [...tap.matchAll(/^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/gm)].map((m) => [
    m[1],
    Number(m[2]),
  ]),
);

const byPid = new Map();
const perFile = new Map();
const lines = readFileSync(statsFile, 'utf8').trim().split('\n');
for (const line of lines) {
  const [kind, pid, ppid, count, seconds, cpu, script] = line.split('\t');
  byPid.set(pid, {
    kind,
    ppid,
    count: Number(count),
    seconds: Number(seconds),
    cpu: Number(cpu),
    script,
  });
}
// A group of files in one process (scripts/test.mjs) is a module group-N.test.js in a temp folder.
const groups = testGroups(root);
const nameOf = (script) => {
  const group = /^group-(\d+)\.test\.js$/.exec(basename(script));
  if (!group || script.startsWith(root)) return relative(root, script);
  const files = groups[Number(group[1]) - 1] ?? [];
  return `group-${group[1]} (${files.length} files: ${files.map((f) => basename(f, '.test.js')).join(' ')})`;
};
const isTestProcess = (info) => info.kind === 'node' && /\.test\.js$/.test(info.script);
const fileOf = (pid) => {
  for (let p = pid, i = 0; p && i < 10; i++) {
    const info = byPid.get(p);
    if (!info) return undefined;
    if (isTestProcess(info)) return nameOf(info.script);
    p = info.ppid;
  }
  return undefined;
};
// A test file's process lives as long as the file runs: its lifetime is the file's time.
const durations = new Map();
for (const [pid, info] of byPid) {
  const file = fileOf(pid) ?? '(other)';
  if (isTestProcess(info) && nameOf(info.script) === file) durations.set(file, info.seconds);
  const row = perFile.get(file) ?? { assertions: 0, cli: 0, cpu: 0 };
  row.cpu += info.cpu;
  if (info.kind === 'cli') row.cli += 1;
  else row.assertions += info.count;
  perFile.set(file, row);
}
const rows = [...new Set([...durations.keys(), ...perFile.keys()])].map((file) => ({
  file,
  seconds: durations.get(file) ?? 0,
  ...(perFile.get(file) ?? { assertions: 0, cli: 0, cpu: 0 }),
}));
rows.sort((a, b) => b.seconds - a.seconds);
for (const r of rows)
  console.log(
    `${r.seconds.toFixed(1).padStart(7)} s ${r.cpu.toFixed(1).padStart(6)} s CPU  ${String(r.assertions).padStart(7)} asserts  ${String(r.cli).padStart(4)} cli  ${r.file}`,
  );
const total = (key) => rows.reduce((sum, r) => sum + r[key], 0);
console.log(
  `\nwall ${wall.toFixed(1)} s, CPU ${cpu.toFixed(1)} s (load average ${load.toFixed(2)} at start, ${loadavg()[0].toFixed(2)} at end); ` +
    `${JSON.stringify(summary)}; ${total('assertions')} assertions executed; ${total('cli')} CLI processes; exit ${code}`,
);
rmSync(dir, { recursive: true, force: true });
process.exitCode = code ?? 1;
