// The byte level of loading: reading with a size bound, I/O errors in words, UTF-8 decoding.
import { openRegular } from './regular-file.js';

/** The bytes of a file, or why there are none to parse. */
export type BoundedRead =
  { kind: 'bytes'; bytes: Uint8Array } | { kind: 'folder' } | { kind: 'too-large'; size: number };

/**
 * Reads at most `limit` + 1 bytes of a regular file (measured before reading; it may still grow
 * while it is read). Anything else — a FIFO, a device, `<(git show …)` — is refused before it is
 * read (`ENOTREG`): a FIFO without a writer would block for good.
 */
export async function readBounded(file: string, limit: number): Promise<BoundedRead> {
  const { handle, info } = await openRegular(file);
  try {
    if (info.isDirectory()) return { kind: 'folder' };
    if (info.size > limit) return { kind: 'too-large', size: info.size };
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > limit) return { kind: 'too-large', size: length };
    return { kind: 'bytes', bytes: buffer.subarray(0, length) };
  } finally {
    await handle.close();
  }
}

/** What an I/O error means for the person who named the file (the message names the file). */
export function describeIoError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `file not found: ${file}`;
  if (code === 'ENOTDIR') return `file not found: ${file} (a part of the path is a file)`;
  if (code === 'ELOOP') return `file cannot be read: ${file} (a loop of symbolic links)`;
  if (code === 'EACCES' || code === 'EPERM')
    return `file cannot be read: ${file} (permission denied)`;
  if (code === 'EISDIR') return `${file} is a folder, not an incident file`;
  if (code === 'ENOTREG')
    return `${file} is ${(error as { kind?: string }).kind}, not a regular file`;
  return `file cannot be read: ${file} (${code ?? 'unknown error'})`;
}

/** How to fix what `describeIoError` describes. */
export function ioErrorHint(error: unknown): string {
  if ((error as NodeJS.ErrnoException).code === 'ENOTREG')
    return 'name the incident file itself; save piped text to a file first';
  return 'check the path and permissions';
}

/** The text, or where the first byte that is not UTF-8 stands. A leading BOM is dropped. */
export function decodeUtf8(bytes: Uint8Array): string | { invalidAt: number } {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // The lenient decoder puts one U+FFFD per invalid sequence; the first one not written
    // as EF BF BD in the file is where the encoding breaks.
    const lenient = new TextDecoder('utf-8').decode(bytes);
    let offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    for (const char of lenient) {
      const cp = char.codePointAt(0)!;
      if (cp === 0xfffd && !(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf))
        return { invalidAt: offset };
      offset += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }
    return { invalidAt: 0 };
  }
}

/**
 * UTF-16 or UTF-32, told by the byte order mark or, without one, by the zero bytes that ASCII
 * text has in these encodings. UTF-32 is checked first: its little-endian mark starts like
 * UTF-16's.
 */
export function detectWideEncoding(bytes: Uint8Array): 'UTF-16' | 'UTF-32' | undefined {
  const [a, b, c, d] = [bytes[0], bytes[1], bytes[2], bytes[3]];
  if (bytes.length >= 4) {
    if (
      (a === 0xff && b === 0xfe && c === 0 && d === 0) ||
      (a === 0 && b === 0 && c === 0xfe && d === 0xff)
    )
      return 'UTF-32';
    if ((a !== 0 && b === 0 && c === 0 && d === 0) || (a === 0 && b === 0 && c === 0 && d !== 0))
      return 'UTF-32';
    if ((a !== 0 && b === 0 && c !== 0 && d === 0) || (a === 0 && b !== 0 && c === 0 && d !== 0))
      return 'UTF-16';
  }
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return 'UTF-16';
  return undefined;
}
