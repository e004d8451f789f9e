// The test files of `npm test` (test/*/*.test.js), in the order the runner starts them: the
// longest first, so that with two at a time they run beside the many short ones instead of
// forming the tail of the run. A file missing from LONGEST runs after them, in name order.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The longest test files (wall time on the 2-core test machine), longest first. */
const LONGEST = [
  'test/browser/chromium.test.js',
  'test/property/escaping.test.js',
  'test/output/write.test.js',
  'test/batch/batch.test.js',
  'test/preview/preview.test.js',
  'test/hostile/limits.test.js',
  'test/build/precompiled.test.js',
  'test/hostile/special-files.test.js',
  'test/build/code-cache.test.js',
  'test/property/loading.test.js',
  'test/output/crash.test.js',
  'test/hostile/rejected.test.js',
];

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
