// `npm run bench`: the speed targets of issue 7, measured as ratios of paired, alternating runs on
// this machine. Prints a table and writes bench/results/latest.json (and a dated copy).
//
//   node scripts/bench/run.mjs [--quick] [--files N] [--rounds N] [--cold-rounds N]
//                              [--preview-edits N] [--recipients N] [--customers N]
//                              [--skip cold,batch,preview,mail-merge,customers] [--disk]
//
// It is a benchmark, not a test: nothing here fails on a slow machine; it reports.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, platform, arch, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureBatch } from './batch.mjs';
import { measureCustomers } from './customers.mjs';
import { measureMailMerge } from './mail-merge.mjs';
import { benchEnv, median, peakMemory, timeOnce } from './measure.mjs';
import { measurePreview } from './preview.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const WORK = join(ROOT, '.bench');
const NODE = process.execPath;
const FAQ = [NODE, join(ROOT, 'bin', 'faq.js')];

function parseArgs(argv) {
  const quick = argv.includes('--quick');
  const value = (name, fallback) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : fallback;
  };
  return {
    quick,
    files: Number(value('--files', quick ? 200 : 1000)),
    rounds: Number(value('--rounds', quick ? 2 : 5)),
    coldRounds: Number(value('--cold-rounds', quick ? 10 : 30)),
    previewEdits: Number(value('--preview-edits', quick ? 5 : 10)),
    recipients: Number(value('--recipients', 10_000)),
    customers: Number(value('--customers', 200)),
    skip: new Set(String(value('--skip', '')).split(',').filter(Boolean)),
    disk: argv.includes('--disk'),
  };
}

const fmtMs = (ms) =>
  ms === undefined ? 'n/a' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
const fmtMiB = (mib) => (mib === undefined ? 'n/a' : `${Math.round(mib)} MiB`);

/** Runs every command of a group once per round, in an order that rotates from round to round. */
function alternate(commands, rounds, before) {
  const times = new Map(commands.map((c) => [c.key, []]));
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < commands.length; i++) {
      const command = commands[(round + i) % commands.length];
      command.before?.();
      times.get(command.key).push(timeOnce(command.argv, command));
    }
    before?.(round);
  }
  return times;
}

function machine() {
  const cpu = cpus()[0]?.model?.trim() ?? 'unknown CPU';
  return {
    node: process.version,
    platform: `${platform()} ${arch()}`,
    cpu,
    cores: availableParallelism(),
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(join(ROOT, 'lib', 'cli.cjs'))) {
    console.error('faq bench: lib/cli.cjs is missing; run `npm run build` first');
    process.exit(2);
  }
  mkdirSync(WORK, { recursive: true });
  const env = benchEnv();
  const info = machine();
  const results = [];
  console.error(
    `faq bench: Node ${info.node}, ${info.platform}, ${info.cpu} × ${info.cores}, ${info.memoryGiB} GiB` +
      `${options.quick ? ' (quick)' : ''}\nNODE_EXTRA_CA_CERTS and NODE_OPTIONS are unset for every measured command, on both sides.`,
  );

  // --- Cold starts against `node -e 0`.
  if (!options.skip.has('cold')) {
    const example = join(ROOT, 'incidents', 'example.yaml');
    const out = join(WORK, 'cold-out');
    const commands = [
      { key: 'node', argv: [NODE, '-e', '0'], env },
      { key: 'version', argv: [...FAQ, '--version'], env },
      { key: 'help', argv: [...FAQ, '--help'], env },
      {
        key: 'render',
        argv: [...FAQ, 'render', example, '-o', out],
        env,
        before: () => rmSync(out, { recursive: true, force: true }),
      },
      {
        key: 'render-no-code-cache',
        argv: [...FAQ, 'render', example, '-o', out],
        env: { ...env, FAQ_CODE_CACHE: '0' },
        before: () => rmSync(out, { recursive: true, force: true }),
      },
    ];
    console.error(`cold starts: ${options.coldRounds} rounds …`);
    alternate(commands, 2); // warm the file cache
    const times = alternate(commands, options.coldRounds);
    const base = median(times.get('node'));
    const baseMem = peakMemory(commands[0].argv, { env });
    const cold = [
      ['render', 'cold render of incidents/example.yaml', 4],
      ['render-no-code-cache', '… the same without V8 code cache', undefined],
      ['help', 'faq --help', 1.5],
      ['version', 'faq --version', 1.5],
    ];
    for (const [key, title, target] of cold) {
      const command = commands.find((c) => c.key === key);
      command.before?.();
      const med = median(times.get(key));
      results.push({
        key: `cold-${key}`,
        title,
        faq: {
          median: med,
          runs: times.get(key),
          peakMiB: peakMemory(command.argv, { env: command.env }),
        },
        reference: { title: 'node -e 0', median: base, runs: times.get('node'), peakMiB: baseMem },
        ratio: med / base,
        target,
        met: target === undefined ? undefined : med / base <= target,
      });
    }
  }

  // --- Batch: N incident files against Eleventy 3 building N one-page Markdown sites: every
  // artifact of every file, and like for like (only the FAQ page in HTML, one language, of N
  // German files, against N German pages); and a re-render of the same, unchanged files against
  // the full render. Both sides write to a RAM disk (/dev/shm) when there is one, so that the
  // virtual disk's write-back does not decide the result; --disk writes to .bench/ instead. The
  // render cache is off (FAQ_CACHE=0) except for the re-render and the render just before it.
  if (!options.skip.has('batch')) {
    results.push(...measureBatch(options, env));
  }

  // --- A mail merge of 10,000 recipients (one incident, 40,000 files): an absolute target, since
  // nothing else renders this; it was quadratic once (the leftover scan per output file).
  if (!options.skip.has('mail-merge')) {
    const rounds = options.quick ? 1 : 3;
    console.error(`mail merge: ${options.recipients} recipients, ${rounds} rounds …`);
    const ram = !options.disk && existsSync('/dev/shm') ? '/dev/shm' : undefined;
    const runs = measureMailMerge({
      faq: FAQ,
      work: WORK,
      recipients: options.recipients,
      rounds,
      env: { ...env, FAQ_CACHE: '0' },
      ram,
    });
    const med = median(runs);
    results.push({
      key: 'mail-merge',
      title: `render a mail merge of ${options.recipients} recipients${ram ? ' (RAM disk)' : ''}`,
      faq: { median: med, runs },
      reference: { title: '' },
      ratio: med / 10_000,
      target: 1,
      met: med <= 10_000,
    });
  }

  // --- Customers' kits (issue 16): a notice and an e-mail with attachments per customer, rendered
  // on one core (one incident is one thread): CPU time per customer, target well under a second.
  if (!options.skip.has('customers')) {
    const rounds = options.quick ? 1 : 3;
    console.error(`customers: ${options.customers} kits, ${rounds} rounds …`);
    const ram = !options.disk && existsSync('/dev/shm') ? '/dev/shm' : undefined;
    const runs = measureCustomers({
      faq: FAQ,
      work: WORK,
      count: options.customers,
      rounds,
      env: { ...env, FAQ_CACHE: '0' },
      ram,
    });
    const cpu = runs.every((r) => r.cpu !== undefined) ? median(runs.map((r) => r.cpu)) : undefined;
    const perCustomer = (cpu ?? median(runs.map((r) => r.wall))) / options.customers;
    results.push({
      key: 'customers',
      title: `${options.customers} customers' kits: ${cpu === undefined ? 'wall' : 'CPU'} per customer`,
      faq: { median: perCustomer, runs: runs.map((r) => r.cpu ?? r.wall) },
      reference: { title: '' },
      ratio: perCustomer / 1000,
      target: 1,
      met: perCustomer <= 1000,
    });
  }

  // --- Preview: a saved change visible in the page.
  if (!options.skip.has('preview')) {
    console.error(`preview: ${options.previewEdits} edits …`);
    const preview = await measurePreview({
      root: ROOT,
      work: join(WORK, 'preview'),
      edits: options.previewEdits,
      env,
    });
    results.push({
      key: 'preview',
      title: 'preview: saved change visible',
      faq: { median: preview.median, runs: preview.runs, note: preview.note },
      reference: { title: '' },
      ratio: preview.median === undefined ? undefined : preview.median / 200,
      target: 1,
      met: preview.median === undefined ? undefined : preview.median <= 200,
    });
  }

  printTable(info, options, results);
  const report = {
    version: 1,
    date: new Date().toISOString(),
    machine: info,
    options: { ...options, skip: [...options.skip] },
    env: { NODE_EXTRA_CA_CERTS: 'unset', NODE_OPTIONS: 'unset' },
    results,
  };
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  writeFileSync(join(dir, 'latest.json'), json);
  const stamp = report.date.replace(/[:.]/g, '-');
  writeFileSync(join(dir, `${stamp}-node${process.versions.node.split('.')[0]}.json`), json);
  console.error(`\nresults: ${relative(process.cwd(), join(dir, 'latest.json'))}`);
}

/** Targets in time rather than as a ratio to a reference. */
const ABSOLUTE = { preview: '≤ 200 ms', 'mail-merge': '≤ 10 s', customers: '≤ 1 s' };

function printTable(info, options, results) {
  const lines = [
    '',
    `faq bench — Node ${info.node}, ${info.platform}, ${info.cpu} × ${info.cores} cores, ${info.memoryGiB} GiB` +
      `${options.quick ? ', --quick' : ''}`,
    'NODE_EXTRA_CA_CERTS unset for both sides. Ratio = median(faq) / median(reference).',
    '',
  ];
  const table = [
    [
      'measure',
      'faq',
      'reference',
      'ref. median',
      'ratio',
      'CPU ratio',
      'target',
      'met',
      'peak RSS faq / ref',
    ],
  ];
  for (const r of results) {
    const ratio = r.ratio === undefined ? 'n/a' : `${r.ratio.toFixed(2)}×`;
    const mib = r.faq.unit === 'MiB';
    const show = mib ? fmtMiB : fmtMs;
    const target = ABSOLUTE[r.key] ?? (r.target === undefined ? '(info)' : `≤ ${r.target}×`);
    table.push([
      r.title,
      show(r.faq.median) + (r.faq.note ? ` (${r.faq.note})` : ''),
      r.reference.title,
      ABSOLUTE[r.key] ? '' : show(r.reference.median),
      ABSOLUTE[r.key] ? '' : ratio,
      r.cpuRatio === undefined ? '' : `${r.cpuRatio.toFixed(2)}×`,
      target,
      r.target === undefined ? '' : r.met === undefined ? 'n/a' : r.met ? 'met' : 'NOT met',
      ABSOLUTE[r.key] || mib ? '' : `${fmtMiB(r.faq.peakMiB)} / ${fmtMiB(r.reference.peakMiB)}`,
    ]);
  }
  const widths = table[0].map((_, i) => Math.max(...table.map((cells) => cells[i].length)));
  for (const [n, cells] of table.entries()) {
    lines.push(
      cells
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
    if (n === 0) lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log(lines.join('\n'));
}

await main();
