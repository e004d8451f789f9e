// Opening only regular files: a named pipe (FIFO) blocks open() until a writer comes, forever if
// none does, and a device never ends. Files are opened without blocking and refused by what the
// open descriptor is (after symbolic links), so nothing can be swapped in between.
import { closeSync, constants, fstatSync, openSync, readFileSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

// Windows has no O_NONBLOCK (nor FIFOs that block open()).
const READ_NONBLOCK = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What stands at a path instead of a regular file, in words; undefined for a file or folder. */
export function specialKind(info: Stats): string | undefined {
  if (info.isFile() || info.isDirectory()) return undefined;
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice() || info.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/** The error for a path that is not a regular file; `describeIoError` puts it in words. */
export function notRegularFile(path: string, kind: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${path}: is ${kind}, not a regular file`), {
    code: 'ENOTREG',
    path,
    kind,
  });
}

/**
 * Opens a file or folder for reading; anything else (a FIFO, a device, a socket) is closed at
 * once and refused with an `ENOTREG` error.
 */
export async function openRegular(path: string): Promise<{ handle: FileHandle; info: Stats }> {
  const handle = await open(path, READ_NONBLOCK);
  try {
    const info = await handle.stat();
    const kind = specialKind(info);
    if (kind) throw notRegularFile(path, kind);
    return { handle, info };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/**
 * The bytes of a regular file; a FIFO, device or socket is refused (`ENOTREG`) and a file larger
 * than `maxBytes` (`EFBIG`), neither of them read.
 */
export function readRegularFileSync(path: string, maxBytes = Infinity): Buffer {
  const fd = openSync(path, READ_NONBLOCK);
  try {
    const info = fstatSync(fd);
    const kind = specialKind(info);
    if (kind) throw notRegularFile(path, kind);
    if (info.size > maxBytes)
      throw Object.assign(new Error(`${path}: larger than ${maxBytes} bytes`), { code: 'EFBIG' });
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}
