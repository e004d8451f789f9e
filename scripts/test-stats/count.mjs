// Preloaded into every process of a test run (NODE_OPTIONS=--import=…) by
// scripts/test-stats/run.mjs: counts the node:assert calls each test process makes and the CLI
// processes the tests start, and appends one line per process to $FAQ_TEST_STATS.
import { appendFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { isMainThread } from 'node:worker_threads';

const file = process.env.FAQ_TEST_STATS;
const script = process.argv[1] ?? '';
const isCli = /bin[\\/]faq\.js$|lib[\\/]cli\.cjs$/.test(script);
let assertions = 0;
if (!isCli) {
  const require = createRequire(import.meta.url);
  // Only node:assert/strict (what the tests import): node:assert's own functions compare
  // themselves with its exports (assert.match vs. doesNotMatch) and must stay as they are.
  const strict = require('node:assert/strict');
  for (const name of Object.keys(strict)) {
    const original = strict[name];
    if (typeof original !== 'function' || /^[A-Z]/.test(name) || name === 'strict') continue;
    strict[name] = function (...args) {
      assertions += 1;
      return original.apply(this, args);
    };
  }
}
if (file && isMainThread) {
  process.on('exit', () => {
    const kind = isCli ? 'cli' : 'node';
    const seconds = (performance.now() / 1000).toFixed(2);
    const { user, system } = process.cpuUsage();
    const cpu = ((user + system) / 1e6).toFixed(2);
    try {
      appendFileSync(
        file,
        `${kind}\t${process.pid}\t${process.ppid}\t${assertions}\t${seconds}\t${cpu}\t${script}\n`,
      );
    } catch {
      // A process of another user (test/output/other-user.test.js) cannot write the file: it goes uncounted.
    }
  });
}
