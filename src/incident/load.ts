import { readFile, stat } from 'node:fs/promises';
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import type { Diagnostic } from '../errors.js';

/** Incident files are a few kilobytes; anything near this is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases a file may expand; a handful is plenty for an incident file. */
export const MAX_ALIAS_COUNT = 50;

/** A parsed incident file that still knows where every key stands. */
export interface LoadedFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The plain data, or undefined when the YAML could not be read. */
  data: unknown;
}

export type LoadResult =
  | { ok: true; loaded: LoadedFile; diagnostics: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[] };

function fileError(file: string, message: string, hint?: string, line = 1, col = 1): Diagnostic {
  return { file, line, col, severity: 'error', path: '', message, ...(hint ? { hint } : {}) };
}

/** Reads an incident file from disk: size, encoding and YAML checks, nothing else. */
export async function loadIncidentFile(file: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      return {
        ok: false,
        diagnostics: [fileError(file, 'is a folder, not an incident file', 'name a .yaml file')],
      };
    }
    if (info.size > MAX_FILE_BYTES) {
      return { ok: false, diagnostics: [tooLarge(file, info.size)] };
    }
    bytes = await readFile(file);
  } catch (error) {
    return {
      ok: false,
      diagnostics: [fileError(file, describeIoError(error), 'check the path and permissions')],
    };
  }
  return parseIncidentSource(file, bytes);
}

function tooLarge(file: string, size: number): Diagnostic {
  return fileError(
    file,
    `file is ${Math.ceil(size / 1024)} KiB; incident files may be at most ${MAX_FILE_BYTES / 1024} KiB`,
    'an incident file holds facts, not documents; is this the right file?',
  );
}

function describeIoError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EACCES' || code === 'EPERM') return 'file cannot be read (permission denied)';
  if (code === 'EISDIR') return 'is a folder, not an incident file';
  return `file cannot be read (${code ?? 'unknown error'})`;
}

/** Decodes and parses the bytes of an incident file; pure, so the preview and tests can use it. */
export function parseIncidentSource(file: string, bytes: Uint8Array): LoadResult {
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, diagnostics: [tooLarge(file, bytes.length)] };
  const text = decodeUtf8(bytes);
  if (text === undefined) {
    return {
      ok: false,
      diagnostics: [
        fileError(file, 'is not UTF-8 text (binary or another encoding)', 'save the file as UTF-8'),
      ],
    };
  }
  const binaryAt = text.search(/[\u0000-\u0008\u000e-\u001f\u007f]/);
  if (binaryAt >= 0) {
    const lines = text.slice(0, binaryAt).split('\n');
    return {
      ok: false,
      diagnostics: [
        fileError(
          file,
          'contains a control character (binary data?)',
          'remove it; incident files are plain text',
          lines.length,
          (lines.at(-1)?.length ?? 0) + 1,
        ),
      ],
    };
  }
  if (text.trim() === '') {
    return { ok: false, diagnostics: [fileError(file, 'file is empty', 'start from `faq init`')] };
  }
  return parseYaml(file, text);
}

function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    // TextDecoder drops a leading BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

function parseYaml(file: string, text: string): LoadResult {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    version: '1.2',
    schema: 'core',
  });
  const problems = [...doc.errors, ...doc.warnings].map((e) => {
    const pos = lineCounter.linePos(e.pos[0]);
    return fileError(file, yamlMessage(e.code, e.message), yamlHint(e.code), pos.line, pos.col);
  });
  if (problems.length > 0) return { ok: false, diagnostics: problems };
  if (!isMap(doc.contents)) {
    const pos = lineCounter.linePos(doc.contents?.range?.[0] ?? 0);
    return {
      ok: false,
      diagnostics: [
        fileError(
          file,
          'the file must be a mapping of keys (id, updated, organization, incident, …)',
          'see `faq init` for a starting point',
          pos.line,
          pos.col,
        ),
      ],
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return {
      ok: false,
      diagnostics: [
        fileError(
          file,
          `YAML aliases expand too far: ${(error as Error).message}`,
          'write the values out instead of using many aliases (&/*)',
        ),
      ],
    };
  }
  return { ok: true, loaded: { file, text, doc, lineCounter, data }, diagnostics: [] };
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const cleaned = first.replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'duplicate key: each key may appear only once';
  if (code === 'TAG_RESOLVE_FAILED')
    return `unknown YAML tag: ${cleaned.replace(/^Unresolved tag: /, '')}`;
  return `YAML syntax: ${cleaned}`;
}

function yamlHint(code: string): string | undefined {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'remove or rename one of them';
    case 'TAG_RESOLVE_FAILED':
      return 'remove the `!tag`; incident files hold plain text, numbers and lists';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'MULTIPLE_DOCS':
      return 'one incident per file; remove the `---` separator';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
      return 'check the indentation and quoting on this line';
    default:
      return undefined;
  }
}
