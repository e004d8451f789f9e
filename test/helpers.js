// Shared helpers for the tests: run the built CLI, make temporary folders, read fixtures.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { Readable, Writable } from 'node:stream';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

// The clock of every check in the tests (and of the CLI they start): after the newest `updated` of
// the fixtures, so that "updated is ahead of this computer's clock" never depends on the machine.
process.env.FAQ_NOW ??= '2026-12-05T12:00:00Z';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'faq.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');
export const EXAMPLE = join(ROOT, 'incidents', 'example.yaml');

/** Runs the built CLI synchronously with NO_COLOR=1; returns exit code, stdout and stderr. */
export function runCli(args, options = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '', DEBUG: '', ...options.env },
    input: options.input,
    encoding: options.encoding ?? 'utf8',
    timeout: options.timeout ?? 30_000,
  });
  return {
    code: result.status,
    signal: result.signal,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

let cliModule;
let queue = Promise.resolve();

/**
 * Runs the CLI in this process (the same `main` that bin/faq.js starts, from lib/cli.js) with the
 * environment runCli gives the process: NO_COLOR=1, `options.env`, `options.cwd` (default: the
 * project), `options.input` as stdin; stdout and stderr are captured instead of written.
 * Returns what runCli returns. For what only a process shows (signals, the bin's fast paths,
 * exit on an uncaught error), use runCli.
 */
export function runInProcess(args, options = {}) {
  const run = queue.then(() => runCaptured(args, options));
  queue = run.catch(() => {});
  return run;
}

async function runCaptured(args, options) {
  cliModule ??= await import(new URL('../lib/cli.js', import.meta.url).href);
  // FORCE_COLOR is removed, not emptied: Node 24 warns in worker threads when NO_COLOR and an empty
  // FORCE_COLOR are both set.
  const env = { NO_COLOR: '1', FORCE_COLOR: undefined, DEBUG: '', ...options.env };
  const savedEnv = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  const cwd = process.cwd();
  const listeners = ['uncaughtException', 'unhandledRejection'].map((event) => [
    event,
    process.listeners(event),
  ]);
  const stdout = capture();
  const stderr = capture();
  const streams = {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdin: Readable.from(options.input === undefined ? [] : [Buffer.from(options.input)]),
  };
  const saved = Object.keys(streams).map((name) => [
    name,
    Object.getOwnPropertyDescriptor(process, name),
  ]);
  setEnv(env);
  process.chdir(options.cwd ?? ROOT);
  for (const [name, stream] of Object.entries(streams))
    Object.defineProperty(process, name, { value: stream, configurable: true, enumerable: true });
  process.exitCode = undefined;
  let timedOut = false;
  try {
    const run = cliModule.main([process.execPath, BIN, ...args]);
    // As runCli's timeout: a run that does not finish in time fails the test instead of hanging it.
    if (options.timeout === undefined) await run;
    else {
      let timer;
      const timeout = new Promise((resolve) => {
        timer = setTimeout(() => resolve((timedOut = true)), options.timeout);
      });
      await Promise.race([run, timeout]);
      clearTimeout(timer);
    }
  } finally {
    for (const [name, descriptor] of saved) Object.defineProperty(process, name, descriptor);
    process.chdir(cwd);
    setEnv(savedEnv);
    // main() listens for uncaught errors as the process would; the listeners go with the run.
    for (const [event, before] of listeners)
      for (const listener of process.listeners(event))
        if (!before.includes(listener)) process.removeListener(event, listener);
  }
  const code = timedOut ? null : (process.exitCode ?? 0);
  process.exitCode = undefined;
  const encoding = options.encoding ?? 'utf8';
  return {
    code,
    signal: timedOut ? 'SIGTERM' : null,
    stdout: stdout.read(encoding),
    stderr: stderr.read(encoding),
  };
}

function setEnv(values) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

function capture() {
  const chunks = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  const read = (encoding) => {
    const bytes = Buffer.concat(chunks);
    return encoding === 'buffer' ? bytes : bytes.toString(encoding);
  };
  return { stream, read };
}

/** Starts the CLI as a child process (for preview and signal tests); the caller stops it. */
export function startCli(args, options = {}) {
  return spawn(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** A fresh temporary folder, removed when the test ends. */
export function tempDir(t, prefix = 'faq-test-') {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function fixture(...parts) {
  return join(FIXTURES, ...parts);
}

/** Every file below a folder, as sorted relative paths. */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.push(relative(dir, p).replace(/\\/g, '/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** Text content of an HTML document or fragment, whitespace-collapsed (for sentence checks). */
export function htmlText(html) {
  return html
    .replace(/<script[\s\S]*?<\/script>/gi, ' ')
    .replace(/<style[\s\S]*?<\/style>/gi, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** Whitespace-collapsed text, so sentences can be searched regardless of wrapping. */
export function flat(text) {
  return text.replace(/\s+/g, ' ');
}

/** Texts that must never appear in an artifact (SPEC §5.1). */
export const LEFTOVER =
  /DATUM|OPTION:|\[Individuell beantworten\]|\{\{|\}\}|\bundefined\b|\bnull\b|\bNaN\b|Invalid Date|\[object Object\]/;

/** Writes files into a fresh `--templates` overlay folder: { 'de/press.md.hbs': '…' }. */
export function overlay(t, files) {
  const dir = tempDir(t, 'faq-overlay-');
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), text);
  }
  return dir;
}
