/** A file system error as a user reads it: what went wrong, not the errno. */
export function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied';
  if (e.code === 'ENOSPC') return 'disk full';
  if (e.code === 'EDQUOT') return 'disk quota exceeded';
  if (e.code === 'ENOTDIR' || e.code === 'EEXIST') return 'a file stands where a folder is needed';
  if (e.code === 'EROFS') return 'read-only file system';
  if (e.code === 'ENAMETOOLONG') return 'a file name is too long';
  return e.code ?? String(error);
}
