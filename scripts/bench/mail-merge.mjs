// The large mail merge of the benchmark: one incident file with `count` recipients (a district
// writing to every customer), each with an address, every fifth an own salutation and every tenth
// an own answer. 10,000 recipients stay under the 1 MiB limit for incident files.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { benchEnv, timeOnce } from './measure.mjs';

function recipient(n) {
  const no = String(n).padStart(5, '0');
  const lines = [`  - name: Gemeinde ${no}`, `    email: it@g${no}.example`];
  if (n % 5 === 0) lines.push(`    salutation: Sehr geehrte Frau Nr. ${no},`);
  if (n % 10 === 0) lines.push(`    answer: Ihr Verfahren **${no}** ist nicht betroffen.`);
  return lines.join('\n');
}

/** Writes `<dir>/mail-merge-<count>.yaml` and returns its path. */
export function generateMailMerge(dir, count) {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `mail-merge-${count}.yaml`);
  const head = `id: mail-merge-${count}
updated: 2026-11-26T15:00
organization:
  name: regio iT
  city: Aachen
  contact:
    name: Pressestelle
    email: presse@regioit.example
incident:
  status: unknown
  phase: investigating
  detected: 2026-11-24
  findings_expected: 2026-11-28
email:
  from: { name: Kundenservice regio iT, email: kundenservice@regioit.example }
  recipients:
`;
  const body = Array.from({ length: count }, (_, i) => recipient(i + 1)).join('\n');
  writeFileSync(file, `${head}${body}\n`);
  return file;
}

/**
 * Renders the mail merge of `recipients` recipients (every variant and format) `rounds` times
 * into a fresh folder each time (on the RAM disk when there is one); returns the wall times.
 */
export function measureMailMerge({ faq, work, recipients, rounds, env, ram }) {
  const file = generateMailMerge(join(work, 'mail-merge'), recipients);
  const out = join(ram ?? work, `mail-merge-out-${process.pid}`);
  const runs = [];
  try {
    for (let round = 0; round < rounds; round++) {
      rmSync(out, { recursive: true, force: true });
      runs.push(timeOnce([...faq, 'render', file, '-o', out, '-q'], { env }));
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
  return runs;
}

/** Renders once with GNU time (when installed): wall, CPU (user + system) and peak memory. */
export function measureOnce(argv, env) {
  const report = join(tmpdir(), `faq-bench-merge-${process.pid}.txt`);
  const time = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));
  const started = performance.now();
  const run = time ? [time, '-f', '%U %S %M', '-o', report, ...argv] : argv;
  const result = spawnSync(run[0], run.slice(1), { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`render failed: ${String(result.stderr).slice(0, 2000)}`);
  if (!time) return { wall };
  const [user, system, kib] = readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ');
  rmSync(report, { force: true });
  return { wall, cpu: (Number(user) + Number(system)) * 1000, peakMiB: Number(kib) / 1024 };
}

// `node scripts/bench/mail-merge.mjs [--recipients N] [--rounds N] [--disk]`: the mail merge alone,
// with CPU time and the load average next to each run (wall time on a loaded machine says little).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const recipients = arg('--recipients', 10_000);
  const rounds = arg('--rounds', 3);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const file = generateMailMerge(join(root, '.bench', 'mail-merge'), recipients);
  const ram = !process.argv.includes('--disk') && existsSync('/dev/shm');
  const out = join(ram ? '/dev/shm' : join(root, '.bench'), `mail-merge-out-${process.pid}`);
  const env = { ...benchEnv(), FAQ_CACHE: '0' };
  const argv = [process.execPath, join(root, 'bin', 'faq.js'), 'render', file, '-o', out, '-q'];
  console.log(
    `mail merge of ${recipients} recipients, ${rounds} rounds${ram ? ' (RAM disk)' : ''}:`,
  );
  try {
    for (let round = 0; round < rounds; round++) {
      rmSync(out, { recursive: true, force: true });
      const load = loadavg()[0].toFixed(2);
      const { wall, cpu, peakMiB } = measureOnce(argv, env);
      const cpuText = cpu === undefined ? '' : `, CPU ${(cpu / 1000).toFixed(2)} s`;
      const mem = peakMiB === undefined ? '' : `, peak ${Math.round(peakMiB)} MiB`;
      console.log(`  wall ${(wall / 1000).toFixed(2)} s${cpuText}${mem} (load average ${load})`);
    }
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}
