// The test files of `npm test` (test/*/*.test.js) and how the runner starts them. Each of the
// longest files runs in a process of its own, first, so that with two at a time they run beside
// the others instead of forming the tail of the run. The others run in groups of GROUP_SIZE
// files, one process per group: a process that imports lib/ costs ~0.7 s of CPU before its first
// test, which ninety files would pay ninety times. Each file of a group is one suite named after
// the file (its top-level hooks are the suite's), so a file keeps its own hooks and a failure
// names its file; `node --test test/x/y.test.js` still runs one file alone.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The longest test files (wall time on the 2-core test machine), longest first. */
const LONGEST = [
  'test/browser/chromium.test.js',
  'test/property/escaping.test.js',
  'test/output/write.test.js',
  'test/batch/batch.test.js',
  'test/preview/preview.test.js',
  'test/hostile/limits.test.js',
  'test/build/precompiled.test.js',
  'test/email/mail-merge-fast.test.js',
  'test/hostile/special-files.test.js',
  'test/build/code-cache.test.js',
  'test/property/loading.test.js',
  'test/output/crash.test.js',
  'test/hostile/rejected.test.js',
];

/** How many of the other files share one process. */
const GROUP_SIZE = 8;

/** Every test file below `root`/test, relative to `root`, longest first. */
export function testFiles(root) {
  const all = readdirSync(join(root, 'test'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(root, 'test', d.name))
        .filter((f) => f.endsWith('.test.js'))
        .map((f) => `test/${d.name}/${f}`),
    )
    .sort();
  const rank = (file) => {
    const i = LONGEST.indexOf(file);
    return i === -1 ? LONGEST.length : i;
  };
  return all.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * The processes of `npm test`, in the order the runner starts them: lists of test files
 * (relative to `root`), a longest file alone, the others GROUP_SIZE at a time in name order.
 */
export function testGroups(root) {
  const files = testFiles(root);
  const alone = files.filter((f) => LONGEST.includes(f));
  const rest = files.filter((f) => !LONGEST.includes(f));
  const groups = alone.map((f) => [f]);
  for (let i = 0; i < rest.length; i += GROUP_SIZE) groups.push(rest.slice(i, i + GROUP_SIZE));
  return groups;
}

/** The module that runs `files` (relative to `root`) in one process, each as a suite. */
export function groupModule(root, files) {
  const lines = files.map(
    (f) =>
      `describe(${JSON.stringify(f)}, () => import(${JSON.stringify(pathToFileURL(join(root, f)).href)}));`,
  );
  return `import { describe } from 'node:test';\n${lines.join('\n')}\n`;
}
