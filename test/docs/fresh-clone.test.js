// The README's quick start, exactly as written, in a fresh clone; and faq installed outside its
// clone (docs/install.md). Slow (a clone, npm install, npm pack, two global installs): it runs when
// FAQ_TEST_FRESH_CLONE=1, which .ci/run sets. node_modules is a hard-linked copy of this
// checkout's, so `npm install` has nothing to download (.ci/run also proves a real `npm ci`).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { isBuildCurrent } from '../../scripts/build-stamp.mjs';
import { ROOT, listFiles, tempDir } from '../helpers.js';

const enabled = process.env.FAQ_TEST_FRESH_CLONE === '1';
const skip = !enabled && 'slow: set FAQ_TEST_FRESH_CLONE=1 (.ci/run does)';
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

/** npm without audit, fund or update notices; `offline` also without the registry. */
function npmEnv(extra = {}) {
  return {
    ...process.env,
    NO_COLOR: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    ...extra,
  };
}

function sh(command, cwd, env = npmEnv()) {
  const r = spawnSync('sh', ['-c', command], { cwd, env, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, `${command}\n${r.stdout}\n${r.stderr}`);
  return r;
}

/** The README's first shell block: the quick start. */
function quickStart() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const block = /^```sh\n([\s\S]*?)^```$/m.exec(readme)[1];
  return block.split('\n').filter((line) => line.trim() !== '');
}

/** A clone of this checkout's HEAD, with its node_modules hard-linked. */
function freshClone(t) {
  const clone = join(tempDir(t, 'faq-clone-'), 'faq');
  execFileSync('git', ['clone', '-q', ROOT, clone]);
  const modules = [join(ROOT, 'node_modules'), join(clone, 'node_modules')];
  try {
    execFileSync('cp', ['-al', ...modules], { stdio: 'ignore' });
  } catch {
    // another file system (a temp folder on tmpfs): hard links cannot cross it, copy instead
    rmSync(modules[1], { recursive: true, force: true });
    execFileSync('cp', ['-a', ...modules]);
  }
  // npm rewrites its record of the tree in place: a copy, so ROOT's own stays untouched.
  const lock = join(clone, 'node_modules', '.package-lock.json');
  if (existsSync(lock)) {
    rmSync(lock);
    copyFileSync(join(ROOT, 'node_modules', '.package-lock.json'), lock);
  }
  return clone;
}

test('the README quick start, run exactly as written in a fresh clone', { skip }, async (t) => {
  const clone = freshClone(t);
  const cache = join(clone, '..', 'npm-cache'); // npx keeps its installs next to it, not in ~/.npm
  const env = npmEnv({ npm_config_offline: 'true', npm_config_cache: cache });
  const [install, render] = quickStart();
  assert.equal(install, 'npm install');
  sh(install, clone, env);
  assert.ok(isBuildCurrent(clone), 'npm install built lib/');

  // The render is `npx faq …`: npx links the project into its own cache and runs `prepare`
  // there, which must not build again (it did, for 11-30 s).
  const bundle = statSync(join(clone, 'lib', 'cli.cjs')).mtimeMs;
  const r = sh(render, clone, env);
  assert.match(r.stderr, /wrote 18 files to dist\/regio-it-2026-11\//);
  const files = listFiles(join(clone, 'dist', 'regio-it-2026-11'));
  assert.ok(files.includes('faq.de.html') && files.includes('manifest.json'), files.join(' '));
  assert.equal(statSync(join(clone, 'lib', 'cli.cjs')).mtimeMs, bundle, 'prepare built again');

  // The same without npm's start-up.
  sh('node bin/faq.js render incidents/example.yaml -o node-out', clone, env);
  assert.ok(existsSync(join(clone, 'node-out', 'regio-it-2026-11', 'faq.de.html')));

  await t.test('faq outside its clone: npm pack, npm install -g of the archive', () => {
    const work = tempDir(t, 'faq-pack-');
    sh(`npm pack --pack-destination ${work}`, clone, npmEnv({ npm_config_cache: cache }));
    const tarball = join(work, `faq-${version}.tgz`);
    const prefix = join(work, 'global');
    // Its dependencies come from npm's cache (warm after npm ci) or the registry.
    sh(`npm install -g --prefer-offline --prefix ${prefix} ${tarball}`, work);
    assertInstalled(prefix, work);
  });

  await t.test('faq outside its clone: npm install -g of the checkout', () => {
    const work = tempDir(t, 'faq-link-');
    const prefix = join(work, 'global');
    sh(`npm install -g --offline --prefix ${prefix} ${clone}`, work);
    assertInstalled(prefix, work);
  });
});

/** The global `faq` answers and renders the example from another folder. */
function assertInstalled(prefix, cwd) {
  const faq = join(prefix, 'bin', 'faq');
  assert.equal(sh(`${faq} --version`, cwd).stdout.trim(), version);
  sh(`${faq} init incident.yaml && ${faq} render incident.yaml -o out`, cwd);
  assert.ok(listFiles(join(cwd, 'out')).includes('incident/faq.de.html'));
}
