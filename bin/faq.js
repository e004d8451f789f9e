#!/usr/bin/env node
// Starts the CLI (lib/cli.cjs, one bundle) as fast as Node allows:
// - `faq --version` and `faq --help` to a pipe print what the build recorded from the CLI itself
//   (lib/cli-meta.json), without loading it;
// - everything else runs the bundle through V8's code cache: the compiled code of an earlier run
//   is reused instead of parsing and compiling the bundle again. The cache is keyed by the
//   bundle's hash and the Node version and lives in lib/.code-cache/ (or, if lib/ is read-only,
//   e.g. installed by another user, in a private folder in the temp folder); V8 rejects a cache
//   that does not fit, and it is then rewritten. Any failure to read or write it is silent: the
//   run goes on without it. FAQ_CODE_CACHE=0 turns it off.
// This file is CommonJS (bin/package.json): Node starts that faster than an ES module. Built-in
// modules are taken with process.getBuiltinModule, only when needed.
/* global __dirname */
const { readFileSync, statSync } = process.getBuiltinModule('node:fs');
const { join } = process.getBuiltinModule('node:path');

const lib = join(__dirname, '..', 'lib');
const bundle = join(lib, 'cli.cjs');

/** The build's record of lib/cli.cjs, if the bundle is still the one it describes. */
function buildMeta() {
  try {
    const meta = JSON.parse(readFileSync(join(lib, 'cli-meta.json'), 'utf8'));
    const cli = statSync(bundle);
    // (Within 2 ms: copies that keep timestamps keep them to the millisecond only.)
    const same = cli.size === meta.cli.size && Math.abs(cli.mtimeMs - meta.cli.mtimeMs) < 2;
    return same ? meta : undefined;
  } catch {
    return undefined;
  }
}

function recordedReply(meta) {
  const args = process.argv.slice(2);
  if (args.length !== 1 || process.stdout.isTTY) return undefined;
  const reply = meta?.replies?.[args[0]];
  return typeof reply === 'string' ? reply : undefined;
}

/** Folders for the code cache: lib/ itself, else one in the temp folder that only we can write. */
function cacheDirs() {
  const dirs = [join(lib, '.code-cache')];
  const uid = process.getuid?.();
  const { tmpdir } = process.getBuiltinModule('node:os');
  if (uid !== undefined) dirs.push(join(tmpdir(), `faq-code-cache-${uid}`));
  return dirs;
}

function trusted(dir) {
  if (dir.startsWith(lib)) return true;
  try {
    const info = statSync(dir);
    return info.isDirectory() && info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/**
 * A cache file is a CRC-32 of the V8 data, then the data: V8 itself checks only the header, and
 * a damaged body would crash the process instead of being rejected.
 */
function readCache(name) {
  const { crc32 } = process.getBuiltinModule('node:zlib');
  for (const dir of cacheDirs()) {
    if (!trusted(dir)) continue;
    let file;
    try {
      file = readFileSync(join(dir, name));
    } catch {
      continue; // not in this folder
    }
    const data = file.subarray(4);
    return file.length > 4 && file.readUInt32BE(0) === crc32(data) ? data : undefined;
  }
  return undefined;
}

/**
 * Saves the cache in the first folder that takes it. Only an optimisation: nothing here may fail
 * a run (another user's lib/, a read-only or full disk). lib/'s folder is readable by everyone,
 * like lib/ itself (an installation shared by its users); the temp folder's is private.
 */
function writeCache(name, data) {
  const { chmodSync, mkdirSync, renameSync, rmSync, writeFileSync } =
    process.getBuiltinModule('node:fs');
  const { crc32 } = process.getBuiltinModule('node:zlib');
  for (const [n, dir] of cacheDirs().entries()) {
    const shared = n === 0;
    const temp = join(dir, `${name}.${process.pid}.tmp`);
    try {
      mkdirSync(dir, { recursive: true, mode: shared ? 0o755 : 0o700 });
      if (!trusted(dir)) continue;
      const header = Buffer.alloc(4);
      header.writeUInt32BE(crc32(data));
      writeFileSync(temp, Buffer.concat([header, data]), { mode: shared ? 0o644 : 0o600 });
      if (shared) chmodSync(temp, 0o644); // whatever the umask: others read it too
      renameSync(temp, join(dir, name));
      return;
    } catch {
      try {
        rmSync(temp, { force: true });
      } catch {
        // Not even removable (a folder we may not look into): nothing was written there.
      }
    }
  }
}

function run(meta) {
  const { Script } = process.getBuiltinModule('node:vm');
  const { createRequire } = process.getBuiltinModule('node:module');
  const useCache = meta?.cli?.sha256 && process.env.FAQ_CODE_CACHE !== '0';
  const name = useCache
    ? `cli-${meta.cli.sha256.slice(0, 16)}-${process.version}-${process.arch}.bin`
    : undefined;
  const cachedData = name ? readCache(name) : undefined;
  const wrapper = `(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`;
  const script = new Script(wrapper, {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  if (name && (!cachedData || script.cachedDataRejected)) {
    // After this run, its compiled code (everything it used) is what the next run starts from.
    process.once('exit', () => {
      try {
        writeCache(name, script.createCachedData());
      } catch {
        // The cache is an optimisation: the run's result stands without it.
      }
    });
  }
  const module = { exports: {}, id: bundle, filename: bundle, loaded: false };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, lib);
}

const meta = buildMeta();
const reply = recordedReply(meta);
if (reply === undefined) run(meta);
else process.stdout.write(reply);
