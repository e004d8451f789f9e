// Shared helpers for the tests: run the built CLI, make temporary folders, read fixtures.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export function read(path) {
  return readFileSync(path, 'utf8');
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
