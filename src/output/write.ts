import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { lstat, mkdir, rm, rmdir } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { InputError, InterruptedError, OutputError, type Artifact } from '../shared.js';
import { stageArchive, type ArchivePlan } from './archive.js';
import { buildManifest, type Manifest } from './manifest.js';
import { describe } from './describe.js';
import { planIndex, type IndexRequest } from './index-files.js';
import { acquireLock, type Lock } from './lock.js';
import { checkReplaceable } from './ownership.js';
import { watchSignals } from './signals.js';
import { STAGING, swapIn } from './swap.js';
import {
  locateWorkFolder,
  removeWorkFolder,
  removeStaleStaging,
  repairWorkFolder,
  type Repair,
} from './work-folder.js';

export { removeStaleStaging };

export { buildManifest, type Manifest };

/** What a write found and did besides writing. */
export interface WriteReport {
  /** False when leftovers of an earlier run that did not complete (killed) were repaired first. */
  previousRunComplete: boolean;
  repaired: Repair;
  /** What the user should know about the index (a foreign index.html, incidents without facts). */
  notes: string[];
}

/**
 * Writes the artifacts of one or more incidents all or nothing. With the output folder's lock
 * held (one run at a time; another run meanwhile gets LockedError, exit 1), and after checking
 * that every incident folder it replaces is one faq wrote, each incident is written to a staging
 * folder in the work folder next to `out` (same file system, so the rename is atomic), and only
 * when every one is complete are they swapped in, each replacing its incident's previous folder
 * entirely. On failure or Ctrl-C/SIGTERM the staging folders are removed (and `out` itself, if
 * this run created it), and the previous output stays as it was.
 */
export async function writeArtifacts(
  out: string,
  byIncident: Map<string, Artifact[]>,
  archives: ReadonlyMap<string, ArchivePlan> = new Map(),
  index?: IndexRequest,
): Promise<WriteReport> {
  const signals = watchSignals();
  const staged: { id: string; staging: string }[] = [];
  let created: string | undefined;
  let work: string | undefined;
  let lock: Lock | undefined;
  let failed = true;
  const interrupted = (): void => {
    const signal = signals.signal();
    if (signal) throw new InterruptedError(signal);
  };
  try {
    created = await createOutFolder(out);
    work = await locateWorkFolder(out);
    // Every incident came from the render cache: nothing to write, and nothing to repair.
    const unchanged = byIncident.size === 0 && !(await exists(work));
    const planned = unchanged && index ? await planIndex(out, index, new Map()) : undefined;
    if (unchanged && !planned?.files.size) {
      failed = false;
      const repaired = { restored: [], removed: [] };
      return { previousRunComplete: true, repaired, notes: planned?.notes ?? [] };
    }
    lock = await acquireLock(work, out);
    const repaired = await repairWorkFolder(out, work, lock.path);
    const legacy = await removeStaleStaging(out);
    repaired.restored.push(...legacy.restored);
    repaired.removed.push(...legacy.removed);
    await checkReplaceable(out, [...byIncident.keys()]);
    const manifests = new Map<string, string>();
    for (const [id, artifacts] of byIncident) {
      const staging = join(work, `${STAGING}${id}-${process.pid}`);
      staged.push({ id, staging });
      const incident = { id, artifacts, archive: archives.get(id) };
      manifests.set(id, await writeStaging(out, staging, incident, interrupted));
    }
    // The index is planned with the lock held: it lists what the folder holds after this swap.
    const notes: string[] = [];
    if (index) {
      const { files, notes: said } = await planIndex(out, index, manifests);
      notes.push(...said);
      for (const [name, text] of files) {
        const staging = join(work, `${STAGING}${name}-${process.pid}`);
        staged.push({ id: name, staging });
        writeFileSync(staging, text);
      }
    }
    // A Ctrl-C that came during the last synchronous write is delivered when the event loop
    // polls. A timer makes it poll; the setImmediate after it runs after that poll phase.
    await new Promise((done) => setTimeout(done, 1));
    await new Promise((done) => setImmediate(done));
    interrupted();
    await swapIn(out, work, staged, `${process.pid}`);
    failed = false;
    const late = signals.signal();
    if (late) throw new InterruptedError(late, true);
    const previousRunComplete = repaired.restored.length + repaired.removed.length === 0;
    return { previousRunComplete, repaired, notes };
  } catch (error) {
    await Promise.all(staged.map((s) => rm(s.staging, { recursive: true, force: true })));
    if (error instanceof OutputError || error instanceof InputError) throw error;
    throw new OutputError(
      `cannot write to the output folder ${out}: ${describe(error)}`,
      'check permissions and free space, or use --out',
    );
  } finally {
    await lock?.release();
    if (work) await removeWorkFolder(work);
    // Only a run that held the lock may remove the folder: a losing run created it for the winner.
    if (failed && lock && created) await removeCreated(out, created);
    signals.stop();
  }
}

async function exists(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

async function createOutFolder(out: string): Promise<string | undefined> {
  try {
    return await mkdir(out, { recursive: true });
  } catch (error) {
    throw new OutputError(
      `cannot create the output folder ${out}: ${describe(error)}`,
      'choose another folder with --out',
    );
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
  incident: { id: string; artifacts: readonly Artifact[]; archive?: ArchivePlan | undefined },
  interrupted: () => void,
): Promise<string> {
  const { id, artifacts, archive } = incident;
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
    if (archive) stageArchive(out, id, archive, write);
    const manifest = `${JSON.stringify(buildManifest(id, artifacts, archive), null, 2)}\n`;
    write('manifest.json', manifest);
    return createHash('sha256').update(manifest).digest('hex');
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
