import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { OutputError } from '../errors.js';
import type { Artifact } from '../render/render.js';

const STAGING = '.faq-staging-';
const RETIRED = '.faq-old-';

/** The manifest written next to an incident's artifacts. */
export interface Manifest {
  version: 1;
  id: string;
  artifacts: {
    path: string;
    variant: string;
    lang: string;
    format: string;
    recipient?: string;
    bytes: number;
    sha256: string;
  }[];
}

export function buildManifest(id: string, artifacts: readonly Artifact[]): Manifest {
  return {
    version: 1,
    id,
    artifacts: artifacts.map((a) => ({
      path: a.path.slice(id.length + 1),
      variant: a.variant,
      lang: a.lang,
      format: a.format,
      ...(a.recipient ? { recipient: a.recipient } : {}),
      bytes: a.bytes,
      sha256: a.sha256,
    })),
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes staging folders left by a run that was killed (its process is gone). */
async function removeStale(out: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch {
    return;
  }
  for (const name of entries) {
    const m = /^\.faq-(?:staging|old)-.*-(\d+)$/.exec(name);
    if (m && !isAlive(Number(m[1]))) await rm(join(out, name), { recursive: true, force: true });
  }
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOSPC') return 'disk full';
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST') return 'a file stands where a folder is needed';
  if (e.code === 'EROFS') return 'read-only file system';
  return e.code ?? String(error);
}

/**
 * Writes the artifacts of one or more incidents all or nothing: each incident is written to a
 * staging folder inside `out` (same file system, so the rename is atomic), and only when every
 * one is complete are they swapped in, each replacing its incident's previous folder entirely.
 * On failure or Ctrl-C the staging folders are removed and the previous output stays as it was.
 */
export async function writeArtifacts(
  out: string,
  byIncident: Map<string, Artifact[]>,
): Promise<void> {
  const tag = `${process.pid}`;
  const staged: { id: string; staging: string }[] = [];
  const cleanup = async (): Promise<void> => {
    await Promise.all(staged.map((s) => rm(s.staging, { recursive: true, force: true })));
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    void cleanup().finally(() => process.kill(process.pid, signal));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    try {
      await mkdir(out, { recursive: true });
    } catch (error) {
      throw new OutputError(
        `cannot create the output folder ${out}: ${describe(error)}`,
        'choose another folder with --out',
      );
    }
    await removeStale(out);
    for (const [id, artifacts] of byIncident) {
      const staging = join(out, `${STAGING}${id}-${tag}`);
      staged.push({ id, staging });
      try {
        await rm(staging, { recursive: true, force: true });
        await mkdir(staging);
        for (const artifact of artifacts) {
          const target = join(staging, artifact.path.slice(id.length + 1));
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, artifact.content);
        }
        await writeFile(
          join(staging, 'manifest.json'),
          `${JSON.stringify(buildManifest(id, artifacts), null, 2)}\n`,
        );
      } catch (error) {
        throw new OutputError(
          `cannot write to the output folder ${out}: ${describe(error)}`,
          'check permissions and free space, or use --out',
        );
      }
    }
    await swapIn(out, staged, tag);
  } catch (error) {
    await cleanup();
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

async function swapIn(
  out: string,
  staged: { id: string; staging: string }[],
  tag: string,
): Promise<void> {
  const done: { target: string; retired?: string }[] = [];
  try {
    for (const { id, staging } of staged) {
      const target = join(out, id);
      const retired = join(out, `${RETIRED}${id}-${tag}`);
      let hadPrevious = true;
      try {
        await rename(target, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadPrevious = false;
      }
      done.push({ target, ...(hadPrevious ? { retired } : {}) });
      await rename(staging, target);
    }
  } catch (error) {
    // Put every incident that was already swapped back as it was.
    for (const { target, retired } of done.reverse()) {
      await rm(target, { recursive: true, force: true });
      if (retired) await rename(retired, target).catch(() => undefined);
    }
    throw new OutputError(
      `cannot replace the output in ${out}: ${describe(error)}`,
      'check that no other program holds the folder open',
    );
  }
  await Promise.all(
    done.map((d) => (d.retired ? rm(d.retired, { recursive: true, force: true }) : undefined)),
  );
}
