import { randomBytes } from 'node:crypto';
import { link, lstat, mkdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { LockedError, OutputError } from '../shared.js';

/** The lock file in the work folder: present while a run writes, or after one was killed. */
export const LOCK_FILE = 'lock';

interface Holder {
  pid: number;
  host: string;
  token: string;
}

export interface Lock {
  path: string;
  release(): Promise<void>;
}

/** Lock files this process holds (a second write into the same folder from the same process). */
const held = new Set<string>();

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Another run holds the lock of the output folder: this one wrote nothing (exit 1). */
function lockedError(out: string, path: string, holder?: Holder): LockedError {
  const who = holder
    ? `process ${holder.pid}${holder.host === hostname() ? '' : ` on ${holder.host}`}`
    : 'another process';
  return new LockedError(
    `another faq run (${who}) is writing to ${out}; this run wrote nothing`,
    `run again when it has finished; if no faq is running, delete ${path}`,
  );
}

async function readHolder(path: string): Promise<Holder | undefined | 'unreadable'> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const data = JSON.parse(text) as Holder;
    if (Number.isInteger(data.pid) && typeof data.token === 'string') return data;
  } catch {
    // A lock written without link(): being written right now, or cut short by a crash.
  }
  return 'unreadable';
}

/** Whether the lock's process still runs. A pid of this process that it does not hold was reused. */
async function isHeld(path: string, holder: Holder | 'unreadable'): Promise<boolean> {
  if (holder === 'unreadable') {
    const age = await stat(path).then(
      (s) => Date.now() - s.mtimeMs,
      () => Infinity,
    );
    return age < 10_000;
  }
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return held.has(path);
  return isAlive(holder.pid);
}

/**
 * Removes the lock of a run that is gone. It is first moved aside and read again, so that of
 * two runs that found the same stale lock, the second cannot remove the first one's new lock.
 */
async function breakStaleLock(path: string, stale: Holder | 'unreadable'): Promise<void> {
  const aside = `${path}.${process.pid}.stale-${randomBytes(4).toString('hex')}`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  const moved = await readHolder(aside);
  const same =
    stale === 'unreadable'
      ? moved === 'unreadable'
      : moved !== undefined && moved !== 'unreadable' && moved.token === stale.token;
  if (!same) await link(aside, path).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** Creates the lock file complete in one step: written to a temporary name, then linked. */
async function tryCreate(path: string, text: string, token: string): Promise<boolean | 'gone'> {
  const temp = `${path}.${process.pid}.${token}`;
  try {
    await writeFile(temp, text, { flag: 'wx' });
    await link(temp, path);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code === 'ENOENT') return 'gone';
    // File systems without hard links.
    if (code === 'EPERM' || code === 'ENOTSUP' || code === 'ENOSYS')
      return writeFile(path, text, { flag: 'wx' }).then(
        () => true,
        (e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? false : Promise.reject(e)),
      );
    throw error;
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}

/**
 * Takes the lock of an output folder (a file in its work folder) or throws LockedError: one run
 * at a time writes into an output folder. The lock of a killed run is taken over.
 */
export async function acquireLock(work: string, out: string): Promise<Lock> {
  const path = join(work, LOCK_FILE);
  const token = randomBytes(8).toString('hex');
  const text = `${JSON.stringify({ pid: process.pid, host: hostname(), token, started: new Date().toISOString() })}\n`;
  for (let attempt = 0; attempt < 10; attempt++) {
    if (!(await createWorkFolder(work))) continue;
    const created = await tryCreate(path, text, token);
    if (created === 'gone') continue;
    if (created) {
      held.add(path);
      return { path, release: () => releaseLock(path, token) };
    }
    const holder = await readHolder(path);
    if (holder === undefined) continue;
    if (await isHeld(path, holder))
      throw lockedError(out, path, holder === 'unreadable' ? undefined : holder);
    await breakStaleLock(path, holder);
  }
  throw lockedError(out, path);
}

/**
 * Creates the work folder (and the output folder of an inside one); false when a run that just
 * finished removed it again before it could be checked.
 */
async function createWorkFolder(work: string): Promise<boolean> {
  const gone = (error: NodeJS.ErrnoException): undefined => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  };
  // A recursive mkdir reports ENOENT when the folder is removed while it checks it.
  if ((await mkdir(work, { recursive: true }).then(() => true, gone)) === undefined) return false;
  const info = await lstat(work).catch(gone);
  if (info && !info.isDirectory())
    throw new OutputError(
      `${work} is in the way: faq keeps its work folder there; nothing was changed`,
      'move it away, or render to another folder with --out',
    );
  return info !== undefined;
}

async function releaseLock(path: string, token: string): Promise<void> {
  held.delete(path);
  const holder = await readHolder(path).catch(() => undefined);
  if (holder && holder !== 'unreadable' && holder.token === token)
    await unlink(path).catch(() => undefined);
}
