import { LineCounter, isMap, visit, type Document, type YAMLError } from 'yaml';
import { parseYamlDocument } from './yaml-parse.js';
import type { Diagnostic } from '../shared.js';
import { explainYamlErrors } from './yaml-errors.js';
import { inspectYamlTree } from './yaml-tree.js';
import {
  decodeUtf8,
  describeIoError,
  detectWideEncoding,
  ioErrorHint,
  readBounded,
} from './read-file.js';

/** Incident files are a few kilobytes; anything near this is a mistake or an attack. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Aliases a file may expand; a handful is plenty for an incident file. */
export const MAX_ALIAS_COUNT = 50;
/** Problems reported per file: enough to fix a typo-ridden file, few enough for a wrong one. */
export const MAX_DIAGNOSTICS = 100;

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
  let bytes: Uint8Array;
  try {
    const read = await readBounded(file, MAX_FILE_BYTES);
    if (read.kind === 'folder') {
      return {
        ok: false,
        diagnostics: [
          fileError(file, `${file} is a folder, not an incident file`, 'name a .yaml file', 0, 0),
        ],
      };
    }
    if (read.kind === 'too-large') return { ok: false, diagnostics: [tooLarge(file, read.size)] };
    bytes = read.bytes;
  } catch (error) {
    return {
      ok: false,
      // Nothing was read, so there is no place in the file to point at: line and column 0.
      diagnostics: [fileError(file, describeIoError(error, file), ioErrorHint(error), 0, 0)],
    };
  }
  return parseIncidentSource(file, bytes);
}

function tooLarge(file: string, size: number): Diagnostic {
  const measured = size > MAX_FILE_BYTES + 1 ? ` (${Math.ceil(size / 1024)} KiB)` : '';
  return fileError(
    file,
    `file is larger than ${MAX_FILE_BYTES / 1024} KiB, the limit for incident files${measured}`,
    'an incident file holds facts, not documents; is this the right file?',
  );
}

/** Decodes and parses the bytes of an incident file; pure, so the preview and tests can use it. */
export function parseIncidentSource(file: string, bytes: Uint8Array): LoadResult {
  if (bytes.length > MAX_FILE_BYTES)
    return { ok: false, diagnostics: [tooLarge(file, bytes.length)] };
  const wide = detectWideEncoding(bytes);
  if (wide)
    return {
      ok: false,
      diagnostics: [fileError(file, `is ${wide} text, not UTF-8`, 'save the file as UTF-8')],
    };
  const decoded = decodeUtf8(bytes);
  if (typeof decoded !== 'string')
    return { ok: false, diagnostics: [notUtf8(file, bytes, decoded)] };
  // Old Mac line endings (CR alone) are line breaks in YAML too; one character for another
  // keeps every position.
  const text = decoded.replace(/\r(?!\n)/g, '\n');
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

function notUtf8(file: string, bytes: Uint8Array, at: { invalidAt: number }): Diagnostic {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at.invalidAt)).split('\n');
  return fileError(
    file,
    'is not UTF-8 text (binary data, or another encoding such as Latin-1)',
    'save the file as UTF-8',
    before.length,
    [...before.at(-1)!].length + 1,
  );
}

function parseYaml(file: string, text: string): LoadResult {
  const lineCounter = new LineCounter();
  // uniqueKeys is checked by inspectYamlTree: yaml's own check is quadratic in the number of keys.
  const doc = parseYamlDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: false,
    version: '1.2',
    schema: 'core',
  });
  const at = (offset: number): [number, number] => {
    const pos = lineCounter.linePos(offset);
    return [Math.max(pos.line, 1), Math.max(pos.col, 1)];
  };
  const generic = (e: YAMLError): Diagnostic =>
    fileError(file, yamlMessage(e.code, e.message), yamlHint(e.code), ...at(e.pos[0]));
  const yamlProblems = [
    ...explainYamlErrors(doc, text, doc.errors).map(({ error, problem }) =>
      problem
        ? fileError(file, problem.message, problem.hint, ...at(problem.offset))
        : generic(error),
    ),
    ...doc.warnings.map(generic),
  ];
  if (yamlProblems.length > 0) return { ok: false, diagnostics: withSummary(file, yamlProblems) };
  if (!isMap(doc.contents)) {
    return {
      ok: false,
      diagnostics: [
        fileError(
          file,
          'the file must be a mapping of keys (id, updated, organization, incident, …)',
          'see `faq init` for a starting point',
          ...at(doc.contents?.range?.[0] ?? 0),
        ),
      ],
    };
  }
  const treeProblems = inspectYamlTree(doc, text).map((p) =>
    fileError(file, p.message, p.hint, ...at(p.offset)),
  );
  if (treeProblems.length > 0) return { ok: false, diagnostics: withSummary(file, treeProblems) };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch {
    // The tree check found every alias resolvable, so this is the expansion limit.
    return {
      ok: false,
      diagnostics: [
        fileError(
          file,
          'YAML aliases expand too far (an "alias bomb"?)',
          'write the values out instead of using aliases (&name / *name)',
          ...at(firstAliasOffset(doc)),
        ),
      ],
    };
  }
  return { ok: true, loaded: { file, text, doc, lineCounter, data }, diagnostics: [] };
}

function firstAliasOffset(doc: Document.Parsed): number {
  let offset = 0;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0] ?? 0;
      return visit.BREAK;
    },
  });
  return offset;
}

/** The first MAX_DIAGNOSTICS problems of a file, and a last line saying how many more there are. */
export function withSummary(file: string, shown: Diagnostic[], found = shown.length): Diagnostic[] {
  const list = shown.slice(0, MAX_DIAGNOSTICS);
  if (found <= list.length) return list;
  const last = list.at(-1);
  return [
    ...list,
    fileError(
      file,
      `${found - list.length} more problems not shown`,
      'fix these first; is this the right file?',
      last?.line ?? 1,
      last?.col ?? 1,
    ),
  ];
}

function yamlMessage(code: string, message: string): string {
  const first = message.split('\n')[0] ?? message;
  const cleaned = first.replace(/ at line \d+, column \d+:?$/, '');
  if (/call stack|too much recursion/i.test(cleaned)) return 'YAML is nested too deeply to read';
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'duplicate key: each key may appear only once';
    case 'TAG_RESOLVE_FAILED':
      return `unknown YAML tag ${cleaned
        .replace(/^Unresolved tag: /, '')
        .replace(/^tag:yaml\.org,2002:/, '!!')}`;
    case 'MULTIPLE_DOCS':
      return 'the file holds more than one YAML document (a second `---`)';
    default:
      return `YAML syntax: ${cleaned}`;
  }
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
