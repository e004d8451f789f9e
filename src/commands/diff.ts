import { readClock } from '../incident/check.js';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Chalk } from 'chalk';
import { renderFiles } from '../api.js';
import type { Diagnostic } from '../shared.js';
import { InputError, UsageError } from '../shared.js';
import { printDiagnostics, printInfo, useColor } from '../cli/output.js';
import { escapeForTerminal } from '../cli/terminal-text.js';
import { compareFacts, formatFactChange, selectFactsShownBy } from '../diff/facts.js';
import { PLAIN, unifiedDiff, type DiffPaint } from '../diff/unified.js';
import { MAX_FILE_BYTES, parseIncidentSource } from '../incident/load.js';
import { readBounded } from '../incident/read-file.js';
import type { Artifact } from '../shared.js';
import { TemplateStore } from '../render/templates.js';
import { readVariants } from '../render/variants.js';
import { buildIncidentJsonSchema } from '../schema/json-schema.js';

export interface DiffFlags {
  variant: string;
  lang?: string;
  format: string;
  templates?: string;
  quiet?: boolean;
}

/** As diff(1): 0 the texts are the same, 1 they differ, 2 trouble (usage or invalid input). */
export const DIFF_EXIT = { same: 0, different: 1, trouble: 2 } as const;

const STDIN = '<stdin>';
const SUBJECT_LABEL: Record<string, string> = { de: 'Betreff', en: 'Subject' };

interface Version {
  /** How the file is named in messages and diff headers. */
  display: string;
  /** The path rendered (a private copy for stdin or a name that cannot be an id). */
  path: string;
  bytes: Uint8Array;
}

type Rendered =
  | { ok: true; artifacts: Artifact[]; warnings: Diagnostic[]; hasSubject: boolean }
  | { ok: false; diagnostics: Diagnostic[] };

/**
 * `faq diff`: renders both versions in memory (the same pipeline as `faq render`) and prints what
 * changed in the text, after one line per changed fact.
 */
export async function runDiff(oldFile: string, newFile: string, flags: DiffFlags): Promise<number> {
  if (newFile === '-')
    throw new UsageError(
      'only <old> can be read from stdin',
      'git show HEAD:incident.yaml | faq diff - incident.yaml',
    );
  const work = await mkdtemp(join(tmpdir(), 'faq-diff-'));
  try {
    const after = await readVersion(newFile, newFile, work);
    const before = await readVersion(oldFile, join(work, 'old.yaml'), work);
    const renderedAfter = await renderVersion(after, flags, flags.lang);
    const lang = flags.lang ?? (renderedAfter.ok ? renderedAfter.artifacts[0]?.lang : undefined);
    const renderedBefore = await renderVersion(before, flags, lang);
    if (!renderedBefore.ok || !renderedAfter.ok) {
      const problems = [
        ...(renderedBefore.ok ? [] : renderedBefore.diagnostics),
        ...(renderedAfter.ok ? [] : renderedAfter.diagnostics),
      ];
      printDiagnostics(flags.quiet ? problems.filter((d) => d.severity === 'error') : problems);
      return DIFF_EXIT.trouble;
    }
    if (!flags.quiet) printDiagnostics(renderedAfter.warnings);
    return report(before, after, renderedBefore, renderedAfter, flags, lang ?? 'de');
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/** Reads a version; stdin, or a file whose name cannot serve as the id, is rendered from a copy. */
async function readVersion(file: string, copyPath: string, work: string): Promise<Version> {
  if (file === '-') {
    const bytes = await readStdin(MAX_FILE_BYTES + 1);
    await writeFile(join(work, 'old.yaml'), bytes);
    return { display: STDIN, path: join(work, 'old.yaml'), bytes };
  }
  let bytes: Uint8Array = new Uint8Array();
  try {
    // Only a regular file within the limit: a FIFO would block here before the render refuses it.
    const read = await readBounded(file, MAX_FILE_BYTES);
    if (read.kind === 'bytes') bytes = read.bytes;
  } catch {
    return { display: file, path: file, bytes }; // the render reports it, with the usual message
  }
  const name = basename(file).replace(/\.ya?ml$/i, '');
  if (copyPath === file || /^[a-z0-9][a-z0-9-]*$/.test(name) || bytes.length === 0)
    return { display: file, path: file, bytes };
  await writeFile(copyPath, bytes);
  return { display: file, path: copyPath, bytes };
}

async function readStdin(limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}

async function renderVersion(version: Version, flags: DiffFlags, lang?: string): Promise<Rendered> {
  const rename = (d: Diagnostic): Diagnostic =>
    d.file === version.path ? { ...d, file: version.display } : d;
  try {
    const outcome = await renderFiles({
      now: readClock(),
      files: [version.path],
      variants: [flags.variant],
      formats: [flags.format],
      ...(lang ? { langs: [lang] } : {}),
      ...(flags.templates ? { templates: flags.templates } : {}),
      dryRun: true,
    });
    // An e-mail's subject is not part of its text: it is compared as a line of its own.
    const hasSubject = readVariants(new TemplateStore(flags.templates))[flags.variant]
      ?.titleIsSubject;
    return {
      ok: true,
      artifacts: outcome.artifacts,
      warnings: outcome.warnings.map(rename),
      hasSubject: hasSubject === true,
    };
  } catch (error) {
    if (error instanceof InputError)
      return { ok: false, diagnostics: error.diagnostics.map(rename) };
    throw error;
  }
}

/** The texts to compare, by file name without the id folder: `faq.de.txt`, `email.de.<recipient>.txt`. */
function textsOf(rendered: Extract<Rendered, { ok: true }>, lang: string): Map<string, string> {
  const texts = new Map<string, string>();
  for (const artifact of rendered.artifacts) {
    const name = artifact.path.slice(artifact.path.indexOf('/') + 1);
    const subject = rendered.hasSubject
      ? `${SUBJECT_LABEL[lang] ?? 'Subject'}: ${artifact.title}\n\n`
      : '';
    texts.set(name, `${subject}${new TextDecoder().decode(artifact.content)}`);
  }
  return texts;
}

function report(
  before: Version,
  after: Version,
  oldRendered: Extract<Rendered, { ok: true }>,
  newRendered: Extract<Rendered, { ok: true }>,
  flags: DiffFlags,
  lang: string,
): number {
  const oldTexts = textsOf(oldRendered, lang);
  const newTexts = textsOf(newRendered, lang);
  if (newTexts.size === 0 && oldTexts.size === 0)
    throw new UsageError(`the ${flags.variant} variant has no ${flags.format} text to compare`);
  const paint = diffPaint();
  const names = [...new Set([...oldTexts.keys(), ...newTexts.keys()])].sort();
  // What the approver reads comes from the files and templates: escaped before colours are added.
  const shown = (text: string | undefined): string => escapeForTerminal(text ?? '');
  const diffs = names
    .map((name) =>
      unifiedDiff(
        {
          name: oldTexts.has(name) ? shown(`${before.display} (${name})`) : '/dev/null',
          text: shown(oldTexts.get(name)),
        },
        {
          name: newTexts.has(name) ? shown(`${after.display} (${name})`) : '/dev/null',
          text: shown(newTexts.get(name)),
        },
        paint,
      ),
    )
    .filter((d): d is string => d !== undefined);
  const changes = compareFacts(dataOf(before), dataOf(after), {
    lang,
    schema: buildIncidentJsonSchema(),
  });
  if (flags.quiet) return diffs.length > 0 ? DIFF_EXIT.different : DIFF_EXIT.same;
  if (diffs.length === 0) {
    const hidden = changes.map((change) => shown(formatFactChange(change)));
    printInfo(
      `faq: the ${flags.variant} text (${lang}, ${flags.format}) is the same${hidden.length > 0 ? `; changed facts that it does not show: ${hidden.join('; ')}` : ''}`,
    );
    return DIFF_EXIT.same;
  }
  // Above the text, only the facts this variant shows: no "questions: added" for a press release.
  const variant = readVariants(new TemplateStore(flags.templates))[flags.variant];
  const facts = (variant ? selectFactsShownBy(changes, variant) : changes).map((change) =>
    shown(formatFactChange(change)),
  );
  const bold = paint === PLAIN ? (t: string) => t : new Chalk({ level: 1 }).bold;
  const summary = facts.length > 0 ? `${facts.map((f) => bold(f)).join('\n')}\n\n` : '';
  process.stdout.write(`${summary}${diffs.join('')}`);
  return DIFF_EXIT.different;
}

function dataOf(version: Version): unknown {
  const parsed = parseIncidentSource(version.display, version.bytes);
  return parsed.ok ? parsed.loaded.data : undefined;
}

function diffPaint(): DiffPaint {
  if (!useColor(process.stdout)) return PLAIN;
  const c = new Chalk({ level: 1 });
  return {
    header: c.bold,
    hunk: c.cyan,
    removed: c.red,
    added: c.green,
    removedWord: c.inverse,
    addedWord: c.inverse,
  };
}
