/**
 * Reads a MIME message back for the preview: its headers (encoded words decoded) and its parts
 * (transfer encoding undone). Display only; the message itself is built by nodemailer.
 */
export interface EmlPart {
  headers: [string, string][];
  contentType: string;
  /** Decoded text of a leaf part; undefined for a multipart container. */
  text?: string;
  parts: EmlPart[];
}

const decoder = new TextDecoder('utf-8');
const encoder = new TextEncoder();

function splitHead(source: string): { head: string; body: string } {
  const at = source.search(/\r?\n\r?\n/);
  if (at === -1) return { head: source, body: '' };
  const sep = /\r?\n\r?\n/.exec(source.slice(at))![0];
  return { head: source.slice(0, at), body: source.slice(at + sep.length) };
}

function qpBytes(text: string): Uint8Array {
  const clean = text.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < clean.length; i++) {
    const hex = clean.slice(i + 1, i + 3);
    if (clean[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...encoder.encode(clean[i]!));
  }
  return Uint8Array.from(bytes);
}

/** `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=` words, joined when only whitespace separates them. */
export function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(
      /=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g,
      (_m, _charset: string, enc: string, text: string) =>
        enc.toUpperCase() === 'B'
          ? decoder.decode(Buffer.from(text, 'base64'))
          : decoder.decode(qpBytes(text.replace(/_/g, ' '))),
    );
}

function parseHeaders(head: string): [string, string][] {
  return head
    .replace(/\r?\n[ \t]+/g, ' ')
    .split(/\r?\n/)
    .filter((line) => line.includes(':'))
    .map((line) => {
      const at = line.indexOf(':');
      return [line.slice(0, at).trim(), decodeWords(line.slice(at + 1).trim())];
    });
}

const header = (headers: [string, string][], name: string): string =>
  headers.find(([k]) => k.toLowerCase() === name)?.[1] ?? '';

/** Parses a message (or a part of one) into headers and decoded parts. */
export function parseEml(source: string): EmlPart {
  const { head, body } = splitHead(source);
  const headers = parseHeaders(head);
  const contentType = header(headers, 'content-type') || 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (/^multipart\//i.test(contentType) && boundary) {
    const chunks = body.split(`--${boundary}`).slice(1);
    const parts = chunks
      .filter((chunk) => !chunk.startsWith('--'))
      .map((chunk) => parseEml(chunk.replace(/^\r?\n/, '').replace(/\r?\n$/, '')));
    return { headers, contentType, parts };
  }
  const encoding = header(headers, 'content-transfer-encoding').toLowerCase();
  const text =
    encoding === 'quoted-printable'
      ? decoder.decode(qpBytes(body))
      : encoding === 'base64'
        ? decoder.decode(Buffer.from(body, 'base64'))
        : body;
  return { headers, contentType, text, parts: [] };
}
