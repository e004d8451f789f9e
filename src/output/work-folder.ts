import { constants } from 'node:fs';
import { access, lstat, readdir, realpath, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { isAlive } from './lock.js';

/** The work folder inside the output folder, when no sibling can hold it. */
export const INSIDE_WORK_FOLDER = '.faq-work';

export interface Repair {
  /** Incident folders a killed run had moved aside, put back. */
  restored: string[];
  /** Staging and moved-aside folders of a killed run, removed. */
  removed: string[];
}

/**
 * Where a run stages its files and keeps the folders it replaces: `.<name>.faq-work` next to the
 * output folder, so that nothing but finished incident folders is ever inside what gets
 * published. The same file system is needed for an atomic rename: when the output folder is a
 * mount point, the file system root, or its parent cannot be written, the work folder is
 * `<out>/.faq-work` instead. The output folder must exist.
 */
export async function locateWorkFolder(out: string): Promise<string> {
  const real = await realpath(out);
  const parent = dirname(real);
  const inside = join(real, INSIDE_WORK_FOLDER);
  if (parent === real) return inside;
  const [parentInfo, outInfo] = await Promise.all([stat(parent), stat(real)]);
  if (parentInfo.dev !== outInfo.dev) return inside;
  const writable = await access(parent, constants.W_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
  return writable ? join(parent, `.${basename(real)}.faq-work`) : inside;
}

/**
 * Repairs what a killed run left in the work folder. Called with the lock held, so everything
 * in it but the lock belongs to a run that is gone: a folder moved aside whose incident folder
 * is missing (killed between the two renames of a swap) is put back, everything else removed.
 * Failing to remove a leftover is not an error: it is outside the output, and tried again.
 */
export async function repairWorkFolder(out: string, work: string, lock: string): Promise<Repair> {
  const repair: Repair = { restored: [], removed: [] };
  for (const name of await readdir(work)) {
    if (join(work, name) === lock) continue;
    // A run that is taking the lock right now writes `lock.<pid>.<token>` first.
    const taking = /^lock\.(\d+)\./.exec(name);
    if (taking && isAlive(Number(taking[1]))) continue;
    const old = /^old-(.+)-\d+$/.exec(name);
    if (old) {
      const target = join(out, old[1]!);
      const missing = await lstat(target).then(
        () => false,
        () => true,
      );
      if (
        missing &&
        (await rename(join(work, name), target).then(
          () => true,
          () => false,
        ))
      ) {
        repair.restored.push(old[1]!);
        continue;
      }
    }
    await rm(join(work, name), { recursive: true, force: true }).catch(() => undefined);
    repair.removed.push(name);
  }
  return repair;
}

/** Removes the work folder when it is empty (a finished run leaves none behind). */
export async function removeWorkFolder(work: string): Promise<void> {
  await rmdir(work).catch(() => undefined);
}

/**
 * Repairs what a killed run of an earlier faq version left inside the output folder (it staged
 * there): `.faq-staging-*` and `.faq-old-*` folders whose process is gone. A folder with this
 * process's own id is stale too — ids are reused, e.g. in containers. A folder moved aside whose
 * incident folder is missing is put back.
 */
export async function removeStaleStaging(out: string): Promise<Repair> {
  const repair: Repair = { restored: [], removed: [] };
  let entries: string[];
  try {
    entries = await readdir(out);
  } catch {
    return repair;
  }
  for (const name of entries) {
    const m = /^\.faq-(staging|old)-(.*)-(\d+)$/.exec(name);
    if (!m) continue;
    const pid = Number(m[3]);
    if (pid !== process.pid && isAlive(pid)) continue;
    if (m[1] === 'old' && !entries.includes(m[2]!)) {
      const restored = await rename(join(out, name), join(out, m[2]!)).then(
        () => true,
        () => false,
      );
      if (restored) {
        repair.restored.push(m[2]!);
        continue;
      }
    }
    await rm(join(out, name), { recursive: true, force: true });
    repair.removed.push(name);
  }
  return repair;
}
