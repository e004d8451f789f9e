// Whether lib/ is already the build of the current sources. `prepare` asks this, because npm runs
// it more often than the sources change: after `npm install` and `npm ci`, and again on the first
// `npx faq …` in a clone (npx installs the project's own `faq` into its cache and runs `prepare`
// there, which made the README's first render take 11–30 s). `npm run build` always builds.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const STAMP = 'lib/build-stamp.json';
/** Everything the build reads: sources, templates, the build scripts, settings and the lockfile. */
const INPUTS = [
  'src',
  'templates',
  'bin',
  'scripts/build.mjs',
  'scripts/build-stamp.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
];
/** What the build writes and the CLI needs. */
const OUTPUTS = ['lib/index.js', 'lib/cli.cjs', 'lib/batch-worker.cjs', 'lib/cli-meta.json'];

function listFiles(path) {
  let info;
  try {
    info = statSync(path);
  } catch {
    return []; // an input that does not exist (yet) is simply not hashed
  }
  if (!info.isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => listFiles(join(path, name)));
}

/** A hash of every input file's path and bytes. */
export function hashBuildInputs(root) {
  const hash = createHash('sha256');
  for (const input of INPUTS) {
    for (const file of listFiles(join(root, input))) {
      const name = relative(root, file).replace(/\\/g, '/');
      hash.update(name).update('\0').update(readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}

/** True when lib/ was built from exactly the current inputs and still holds what was built. */
export function isBuildCurrent(root) {
  const stamp = readJson(join(root, STAMP));
  if (stamp?.inputs !== hashBuildInputs(root)) return false;
  try {
    for (const output of OUTPUTS) statSync(join(root, output));
  } catch {
    return false;
  }
  // The same check bin/faq.js makes: lib/cli.cjs is still the bundle the build recorded.
  const meta = readJson(join(root, 'lib/cli-meta.json'));
  const cli = statSync(join(root, 'lib/cli.cjs'));
  return cli.size === meta?.cli?.size && Math.abs(cli.mtimeMs - meta.cli.mtimeMs) < 2;
}

/** Forgets the stamp (a build has started: until it ends, lib/ is not a complete build). */
export function removeBuildStamp(root) {
  rmSync(join(root, STAMP), { force: true });
}

export function writeBuildStamp(root, inputs) {
  writeFileSync(join(root, STAMP), `${JSON.stringify({ inputs }, null, 2)}\n`);
}
