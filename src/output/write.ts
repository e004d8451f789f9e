import { mkdirSync, writeFileSync } from 'node:fs';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { InterruptedError, OutputError, type Artifact } from '../shared.js';
import { watchSignals } from './signals.js';

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

/**
 * Removes staging folders left by a run that was killed (SIGKILL, power loss): their process is
 * gone. A folder with this process's own id is stale too — ids are reused, e.g. in containers.
 */
export async function removeStaleStaging(out: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of entries) {
    const m = /^\.faq-(staging|old)-(.*)-(\d+)$/.exec(name);
    if (!m) continue;
    const pid = Number(m[3]);
    if (pid !== process.pid && isAlive(pid)) continue;
    // Killed between moving the previous output aside and moving the new one in: put it back.
    if (m[1] === 'old' && !entries.includes(m[2]!)) {
      const restored = await rename(join(out, name), join(out, m[2]!)).then(
        () => true,
        () => false,
      );
      if (restored) continue;
    }
    await rm(join(out, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOSPC') return 'disk full';
  if (e.code === 'EDQUOT') return 'disk quota exceeded';
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST') return 'a file stands where a folder is needed';
  if (e.code === 'EROFS') return 'read-only file system';
  if (e.code === 'ENAMETOOLONG') return 'a file name is too long';
  return e.code ?? String(error);
}

/**
 * Writes the artifacts of one or more incidents all or nothing: each incident is written to a
 * staging folder inside `out` (same file system, so the rename is atomic), and only when every
 * one is complete are they swapped in, each replacing its incident's previous folder entirely.
 * On failure or Ctrl-C/SIGTERM the staging folders are removed (and `out` itself, if this run
 * created it), and the previous output stays as it was.
 */
export async function writeArtifacts(
  out: string,
  byIncident: Map<string, Artifact[]>,
): Promise<void> {
  const signals = watchSignals();
  const staged: { id: string; staging: string }[] = [];
  let created: string | undefined;
  const interrupted = (): void => {
    const signal = signals.signal();
    if (signal) throw new InterruptedError(signal);
  };
  try {
    try {
      created = await mkdir(out, { recursive: true });
    } catch (error) {
      throw new OutputError(
        `cannot create the output folder ${out}: ${describe(error)}`,
        'choose another folder with --out',
      );
    }
    await removeStaleStaging(out);
    for (const [id, artifacts] of byIncident) {
      const staging = join(out, `${STAGING}${id}-${process.pid}`);
      staged.push({ id, staging });
      await writeStaging(out, staging, id, artifacts, interrupted);
    }
    // A Ctrl-C that came during the last synchronous write is delivered when the event loop
    // polls. A timer makes it poll; the setImmediate after it runs after that poll phase.
    await new Promise((done) => setTimeout(done, 1));
    await new Promise((done) => setImmediate(done));
    interrupted();
    await swapIn(out, staged, `${process.pid}`);
    const late = signals.signal();
    if (late) throw new InterruptedError(late, true);
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.staging, { recursive: true, force: true })));
    if (created && !(error instanceof InterruptedError && error.complete))
      await removeCreated(out, created);
    throw error;
  } finally {
    signals.stop();
  }
}

/**
 * Writes one incident's files into its staging folder. The files are written synchronously, one
 * incident at a time: thousands of small awaited writes cost seconds in a batch, and a signal is
 * still seen between incidents (the awaited `rm` lets the event loop deliver it) and before the
 * swap.
 */
async function writeStaging(
  out: string,
  staging: string,
  id: string,
  artifacts: readonly Artifact[],
  interrupted: () => void,
): Promise<void> {
  const root = resolve(staging);
  const folders = new Set<string>([root]);
  const write = (rel: string, content: string | Uint8Array): void => {
    const target = resolve(root, rel);
    // Paths are built from checked ids and slugs; a variant name from a template overlay is not.
    if (!target.startsWith(root + sep))
      throw new OutputError(`refusing to write ${rel}: it would land outside ${out}/${id}`);
    const folder = dirname(target);
    if (!folders.has(folder)) {
      mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    writeFileSync(target, content);
  };
  try {
    interrupted();
    await rm(staging, { recursive: true, force: true });
    mkdirSync(staging);
    for (const artifact of artifacts) write(artifact.path.slice(id.length + 1), artifact.content);
    write('manifest.json', `${JSON.stringify(buildManifest(id, artifacts), null, 2)}\n`);
  } catch (error) {
    if (error instanceof OutputError) throw error;
    throw new OutputError(
      `cannot write to the output folder ${out}: ${describe(error)}`,
      'check permissions and free space, or use --out',
    );
  }
}

/** Removes the folders `mkdir -p out` created, innermost first, as long as they are empty. */
async function removeCreated(out: string, created: string): Promise<void> {
  const top = resolve(created);
  for (let dir = resolve(out); dir.startsWith(top); dir = dirname(dir)) {
    try {
      await rmdir(dir);
    } catch {
      return;
    }
    if (dir === top) return;
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
