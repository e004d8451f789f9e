// The batch rows of `npm run bench`: N incident files against Eleventy 3 building N one-page
// Markdown sites, in alternating rounds; wall time, CPU time and peak memory of every run.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate.mjs';
import { measureRun, median } from './measure.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, '.bench');
const NODE = process.execPath;
const FAQ = [NODE, join(ROOT, 'bin', 'faq.js')];
const ELEVENTY = [NODE, join(ROOT, 'node_modules', '@11ty', 'eleventy', 'cmd.cjs'), '--quiet'];
/** The like-for-like selection: what Eleventy's side builds, one page per file. */
const LIKE = ['--variant', 'faq', '--format', 'html', '--lang', 'de'];

/** The commands of the batch rows, each with what must happen before it runs. */
function batchCommands(options, env, outputs) {
  const all = generate(WORK, options.files);
  const likeDir = join(WORK, 'like');
  const like = generate(likeDir, options.files, 20261127, 'de');
  const out = join(outputs, 'batch-out');
  const site = (name) => join(outputs, name);
  const render = [...FAQ, 'render', ...all.map((f) => relative(WORK, f)), '-o', out];
  const fresh = () => rmSync(out, { recursive: true, force: true });
  const off = { ...env, FAQ_CACHE: '0' };
  const eleventy = (dir, output) => ({
    argv: [...ELEVENTY, `--output=${site(output)}`],
    cwd: dir,
    env,
    before: () => rmSync(site(output), { recursive: true, force: true }),
  });
  return {
    eleventy: eleventy(join(WORK, 'eleventy'), 'eleventy-site'),
    full: { argv: render, cwd: WORK, env: off, before: fresh },
    single: { argv: render, cwd: WORK, env: { ...off, FAQ_WORKERS: '0' }, before: fresh },
    // The re-render follows a render with the cache on (not timed), which records the state.
    prime: { argv: render, cwd: WORK, env, before: fresh },
    again: { argv: render, cwd: WORK, env },
    'eleventy-like': eleventy(join(likeDir, 'eleventy'), 'eleventy-like-site'),
    like: {
      argv: [...FAQ, 'render', ...like.map((f) => relative(likeDir, f)), ...LIKE, '-o', out],
      cwd: likeDir,
      env: off,
      before: fresh,
    },
  };
}

function run(command) {
  command.before?.();
  return measureRun(command.argv, command);
}

/** Median wall and CPU time and peak memory of a list of runs. */
function summarize(runs) {
  const pick = (key) => (runs.every((r) => r[key] !== undefined) ? runs.map((r) => r[key]) : []);
  const cpu = pick('cpu');
  const peak = pick('peakMiB');
  return {
    median: median(runs.map((r) => r.wall)),
    runs: runs.map((r) => r.wall),
    ...(cpu.length ? { cpuMedian: median(cpu), cpuRuns: cpu } : {}),
    ...(peak.length ? { peakMiB: median(peak), peakRuns: peak } : {}),
  };
}

function row(key, title, faq, reference, target) {
  const ratio = faq.median / reference.median;
  const cpuRatio =
    faq.cpuMedian !== undefined && reference.cpuMedian !== undefined
      ? faq.cpuMedian / reference.cpuMedian
      : undefined;
  return {
    key,
    title,
    faq,
    reference,
    ratio,
    ...(cpuRatio !== undefined ? { cpuRatio } : {}),
    ...(target !== undefined ? { target, met: ratio <= target } : {}),
  };
}

/** Runs the batch's rounds; returns the result rows. */
export function measureBatch(options, env) {
  console.error(`batch: generating 2 × ${options.files} incidents and the Eleventy projects …`);
  const ram =
    !options.disk && existsSync('/dev/shm') ? `/dev/shm/faq-bench-${process.pid}` : undefined;
  const outputs = ram ?? WORK;
  mkdirSync(outputs, { recursive: true });
  const commands = batchCommands(options, env, outputs);
  const keys = ['eleventy', 'full', 'like', 'eleventy-like', ...(options.quick ? [] : ['single'])];
  const runs = Object.fromEntries([...keys, 'again'].map((k) => [k, []]));
  console.error(`batch: ${options.rounds} rounds${ram ? `, output in ${ram}` : ''} …`);
  try {
    for (const key of keys) run(commands[key]); // warm-up: the file cache, and both sides work
    for (let round = 0; round < options.rounds; round++) {
      for (let i = 0; i < keys.length; i++) {
        const key = keys[(round + i) % keys.length];
        runs[key].push(run(commands[key]));
        if (key === 'full') {
          run(commands.prime);
          runs.again.push(run(commands.again));
        }
      }
    }
  } finally {
    if (ram) rmSync(ram, { recursive: true, force: true });
  }
  const s = Object.fromEntries(
    Object.entries(runs)
      .filter(([, v]) => v.length > 0)
      .map(([k, v]) => [k, summarize(v)]),
  );
  const where = ram ? ' (RAM disk)' : '';
  const n = options.files;
  const reference = { title: `Eleventy 3, ${n} Markdown pages${where}`, ...s.eleventy };
  const referenceLike = { title: `Eleventy 3, ${n} German pages${where}`, ...s['eleventy-like'] };
  const rows = [
    row('batch-like', `${n} files, ${LIKE.join(' ')}${where}`, s.like, referenceLike, 0.5),
    row('batch', `render ${n} incident files, every artifact${where}`, s.full, reference, 1.0),
  ];
  if (s.single)
    rows.push(
      row('batch-one-thread', '… the same on one thread (FAQ_WORKERS=0)', s.single, reference),
    );
  rows.push(
    row(
      'rerender',
      `re-render ${n} unchanged files (cache on)`,
      s.again,
      { title: 'the full render', ...s.full },
      0.05,
    ),
  );
  const peak = (faq, ref) =>
    faq.peakMiB === undefined || ref.peakMiB === undefined
      ? undefined
      : { faq: faq.peakMiB, reference: ref.peakMiB, ratio: faq.peakMiB / ref.peakMiB };
  for (const [key, title, faq, ref] of [
    ['batch-like-memory', `peak memory, ${n} files like for like`, s.like, referenceLike],
    ['batch-memory', `peak memory, ${n} files, every artifact`, s.full, reference],
  ]) {
    const p = peak(faq, ref);
    if (p)
      rows.push({
        key,
        title,
        faq: { median: p.faq, runs: faq.peakRuns, unit: 'MiB' },
        reference: { title: ref.title, median: p.reference, runs: ref.peakRuns, unit: 'MiB' },
        ratio: p.ratio,
        target: 1,
        met: p.ratio <= 1,
      });
  }
  return rows;
}
