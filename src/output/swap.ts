import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../shared.js';
import { describe } from './describe.js';

export const STAGING = 'staging-';
const RETIRED = 'old-';

interface Swapped {
  id: string;
  target: string;
  retired?: string;
  placed: boolean;
}

/**
 * Moves each staged incident folder into `out`, the previous one aside into the work folder.
 * On failure, every incident already swapped is put back; a folder is only ever moved, never
 * deleted in place, so a rollback cannot remove what it did not put there.
 */
export async function swapIn(
  out: string,
  work: string,
  staged: { id: string; staging: string }[],
  tag: string,
): Promise<void> {
  const done: Swapped[] = [];
  try {
    for (const { id, staging } of staged) {
      const target = join(out, id);
      const retired = join(work, `${RETIRED}${id}-${tag}`);
      let hadPrevious = true;
      try {
        await rename(target, retired);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        hadPrevious = false;
      }
      const entry = { id, target, ...(hadPrevious ? { retired } : {}), placed: false };
      done.push(entry);
      await rename(staging, target);
      entry.placed = true;
    }
  } catch (error) {
    await rollBack(work, done.reverse(), tag);
    throw new OutputError(
      `cannot replace the output in ${out}: ${describe(error)}; the previous output was kept`,
      'check that no other program holds the folder open',
    );
  }
  await Promise.all(
    done.map((d) => (d.retired ? rm(d.retired, { recursive: true, force: true }) : undefined)),
  ).catch(() => undefined);
}

async function rollBack(work: string, done: Swapped[], tag: string): Promise<void> {
  for (const { id, target, retired, placed } of done) {
    if (placed) {
      const undone = join(work, `${STAGING}${id}-${tag}`);
      const moved = await rename(target, undone).then(
        () => true,
        () => false,
      );
      if (!moved) continue;
      await rm(undone, { recursive: true, force: true }).catch(() => undefined);
    }
    if (retired) await rename(retired, target).catch(() => undefined);
  }
}
