// The test files of `npm test` (test/*/*.test.js) and how the runner starts them, packed by what
// each file costs: its CPU seconds alone, measured by scripts/test-stats/costs.mjs into
// scripts/test-costs.json (a file not measured yet counts as DEFAULT_COST). A file that costs
// ALONE or more runs in a process of its own; the others share processes of about GROUP_COST,
// packed first-fit, the dearest first: a process that imports lib/ costs ~0.5 s of CPU before its
// first test, which a hundred files would pay a hundred times. The processes start the dearest
// first, so that with two at a time the run ends on small ones and both cores stay busy to the
// end. Each file of a group is one suite named after the file (its top-level hooks are the
// suite's), so a file keeps its own hooks and a failure names its file;
// `node --test test/x/y.test.js` still runs one file alone.
import { chmodSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where the measured costs are, relative to the project. */
export const COSTS_FILE = 'scripts/test-costs.json';
/** CPU seconds assumed for a file not measured yet. */
const DEFAULT_COST = 2;
/** A file that costs this much or more runs alone. */
const ALONE = 16;
/** What the files of one shared process cost together, at most. */
const GROUP_COST = 24;
/** Of a file's cost alone, what its own process start costs (a shared process pays it once). */
const START = 0.4;

/** Every test file below `root`/test, relative to `root`, in name order. */
function allFiles(root) {
  return readdirSync(join(root, 'test'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(root, 'test', d.name))
        .filter((f) => f.endsWith('.test.js'))
        .map((f) => `test/${d.name}/${f}`),
    )
    .sort();
}

/** Each test file's cost in CPU seconds (measured, or DEFAULT_COST). */
export function testCosts(root) {
  const path = join(root, COSTS_FILE);
  const measured = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')).files : {};
  return new Map(allFiles(root).map((f) => [f, measured[f] ?? DEFAULT_COST]));
}

/** Every test file below `root`/test, relative to `root`, the dearest first. */
export function testFiles(root) {
  const costs = testCosts(root);
  return [...costs.keys()].sort((a, b) => costs.get(b) - costs.get(a) || a.localeCompare(b));
}

/**
 * The processes of `npm test`, in the order the runner starts them (the dearest first): lists of
 * test files (relative to `root`), a dear file alone, the others packed GROUP_COST to a process.
 */
export function testGroups(root) {
  const costs = testCosts(root);
  const groups = [];
  for (const file of testFiles(root)) {
    const cost = costs.get(file) < ALONE ? Math.max(costs.get(file) - START, 0.1) : costs.get(file);
    const group = cost < ALONE && groups.find((g) => g.shared && g.cost + cost <= GROUP_COST);
    if (group) {
      group.files.push(file);
      group.cost += cost;
    } else groups.push({ files: [file], cost, shared: cost < ALONE });
  }
  return groups.sort((a, b) => b.cost - a.cost).map((g) => g.files);
}

/** The module that runs `files` (relative to `root`) in one process, each as a suite. */
export function groupModule(root, files) {
  const lines = files.map(
    (f) =>
      `describe(${JSON.stringify(f)}, () => import(${JSON.stringify(pathToFileURL(join(root, f)).href)}));`,
  );
  return `import { describe } from 'node:test';\n${lines.join('\n')}\n`;
}

/**
 * The tests' temporary folders (os.tmpdir(), for this process and every one it starts) go to a
 * fresh folder on the RAM disk /dev/shm when there is one and TMPDIR is not set: the tests create,
 * rename and remove tens of thousands of files, which on a disk's journal cost twice the system
 * CPU and, on a busy machine, minutes of waiting (five output tests: 9.2 s → 4.1 s sys, 131 s →
 * 70 s wall). The folder is shared like /tmp (mode 1777: the tests that run as another user
 * write there too) and removed at the end.
 */
export function useRamDisk() {
  if (process.env.TMPDIR || !existsSync('/dev/shm')) return;
  let dir;
  try {
    dir = mkdtempSync('/dev/shm/faq-test-');
    chmodSync(dir, 0o1777);
  } catch {
    return; // not writable: the tests use the system's temporary folder
  }
  process.env.TMPDIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
}
