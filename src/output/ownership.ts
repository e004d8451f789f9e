import { constants, type Stats } from 'node:fs';
import { access, lstat, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { OutputError } from '../shared.js';

/** The name of faq's manifest: the mark of a folder that faq wrote. */
export const MANIFEST = 'manifest.json';

/**
 * Whether `dir` is a folder faq wrote for incident `id`: it holds a manifest.json (a regular
 * file) that is faq's — version 1, this id, a list of artifacts. A web app's manifest.json is not.
 */
export async function isFaqFolder(dir: string, id: string): Promise<boolean> {
  try {
    const file = join(dir, MANIFEST);
    if (!(await lstat(file)).isFile()) return false;
    const data = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown> | null;
    return data?.version === 1 && data.id === id && Array.isArray(data.artifacts);
  } catch {
    return false;
  }
}

/** Why faq may not replace `target` (undefined: it may, or nothing is there). */
async function refusal(
  out: string,
  outInfo: Stats,
  target: string,
  id: string,
): Promise<string | undefined> {
  let info: Stats;
  try {
    info = await lstat(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (info.isSymbolicLink()) return `${target} is a symbolic link, not a folder faq wrote`;
  if (!info.isDirectory()) return `${target} is a file, not a folder faq wrote`;
  if (!(await isFaqFolder(target, id)))
    return `${target} was not written by faq (it holds no faq ${MANIFEST})`;
  const uid = process.getuid?.();
  // Moving a folder to another parent rewrites its `..`, and emptying it removes its files: both
  // need write permission on it. In a sticky folder (/tmp-like) only the owner may move it.
  const writable = await access(target, constants.W_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
  const sticky =
    (outInfo.mode & 0o1000) !== 0 /* S_ISVTX, the sticky bit */ &&
    uid !== 0 &&
    info.uid !== uid &&
    outInfo.uid !== uid;
  if (!writable || sticky)
    return `${target} belongs to another user (uid ${info.uid}) and cannot be replaced by this one`;
  return undefined;
}

/**
 * Checks, before anything is written, that faq may replace each incident's folder in `out`:
 * nothing is there, or a folder faq wrote that this user may replace. Anything else — a folder
 * that merely has the incident's name, a file, a symbolic link, another user's output — is an
 * OutputError naming the path, and nothing is touched.
 */
export async function checkReplaceable(out: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const outInfo = await stat(out);
  const writable = await access(out, constants.W_OK | constants.X_OK).then(
    () => true,
    () => false,
  );
  if (!writable)
    throw new OutputError(
      `cannot write to the output folder ${out}: permission denied; nothing was changed`,
      'check its permissions, or render to another folder with --out',
    );
  const problems: string[] = [];
  for (const id of ids) {
    const problem = await refusal(out, outInfo, join(out, id), id);
    if (problem) problems.push(problem);
  }
  if (problems.length === 0) return;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more like it)` : '';
  throw new OutputError(
    `${problems[0]}${more}; nothing was changed`,
    problems[0]!.includes('another user')
      ? 'ask its owner to remove it, or render to another folder with --out'
      : 'faq replaces only folders it wrote itself: move it away, or render to another folder with --out',
  );
}
