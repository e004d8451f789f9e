// Timing helpers of the benchmark: runs a command as a child process and measures its wall time;
// peak memory (max RSS) comes from GNU time when it is installed.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

/**
 * The environment of every measured command: NODE_EXTRA_CA_CERTS is removed for both sides (Node
 * 20 reads the whole bundle on every start when it is set, which would hide what faq costs).
 */
export function benchEnv() {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  return env;
}

const GNU_TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

/** Runs `argv` once; returns its wall time in ms. Throws with its stderr when it fails. */
export function timeOnce(argv, options = {}) {
  const started = performance.now();
  const result = spawnSync(argv[0], argv.slice(1), {
    cwd: options.cwd,
    env: options.env ?? benchEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const ms = performance.now() - started;
  if (result.status !== 0)
    throw new Error(
      `${argv.slice(0, 4).join(' ')} … failed (${result.status ?? result.signal}):\n${String(result.stderr).slice(0, 2000)}`,
    );
  return ms;
}

/**
 * Runs `argv` once under GNU time: wall time, CPU time (user + system) in ms and peak RSS in MiB
 * (the last two undefined without GNU time). Throws with its stderr when it fails.
 */
export function measureRun(argv, options = {}) {
  if (!GNU_TIME) return { wall: timeOnce(argv, options) };
  const report = join(tmpdir(), `faq-bench-run-${process.pid}.txt`);
  const started = performance.now();
  const result = spawnSync(GNU_TIME, ['-f', '%U %S %M', '-o', report, ...argv], {
    cwd: options.cwd,
    env: options.env ?? benchEnv(),
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const wall = performance.now() - started;
  try {
    if (result.status !== 0)
      throw new Error(
        `${argv.slice(0, 4).join(' ')} … failed (${result.status ?? result.signal}):\n${String(result.stderr).slice(0, 2000)}`,
      );
    const [user, system, kib] = readFileSync(report, 'utf8').trim().split('\n').at(-1).split(' ');
    return { wall, cpu: (Number(user) + Number(system)) * 1000, peakMiB: Number(kib) / 1024 };
  } finally {
    rmSync(report, { force: true });
  }
}

/** Peak resident memory of one run in MiB, or undefined without GNU time. */
export function peakMemory(argv, options = {}) {
  if (!GNU_TIME) return undefined;
  const report = join(tmpdir(), `faq-bench-rss-${process.pid}.txt`);
  const result = spawnSync(GNU_TIME, ['-f', '%M', '-o', report, ...argv], {
    cwd: options.cwd,
    env: options.env ?? benchEnv(),
    stdio: 'ignore',
  });
  try {
    if (result.status !== 0) return undefined;
    const kib = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
    return Number.isFinite(kib) ? kib / 1024 : undefined;
  } finally {
    rmSync(report, { force: true });
  }
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
