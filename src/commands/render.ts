import { readClock } from '../incident/check.js';
import { join } from 'node:path';
import { renderFiles, type RenderOutcome } from '../api.js';
import type { Diagnostic, NoticeMeta } from '../shared.js';
import { EXIT, InputError, UsageError } from '../shared.js';
import { printDiagnostics, printInfo } from '../cli/output.js';
import { stringifyForTerminal } from '../cli/terminal-text.js';
import type { Manifest } from '../output/write.js';

export interface RenderFlags {
  out: string;
  variant?: string[];
  format?: string[];
  lang?: string[];
  templates?: string;
  stdout?: boolean;
  wrap?: number;
  /** The written artifacts as JSON on stdout (see docs/commands.md, "JSON output"). */
  json?: boolean;
  /** Print nothing but errors. */
  quiet?: boolean;
  /** Refuse drafts; every warning is an error. */
  release?: boolean;
  /** Keep every approved version under `<id>/archive/<updated>/`. */
  archive?: boolean;
  /** Only this customer's (or recipient's) kit and e-mail, by slug or name. */
  customer?: string;
}

/** `faq render --json`: what was written, for CI. Version 1; fields are only ever added. */
export interface RenderReport {
  version: 1;
  ok: boolean;
  out: string;
  /** The manifest's entries, each with its incident's id; `path` is relative to `out`. */
  artifacts: (Manifest['artifacts'][number] & { id: string; notice?: NoticeMeta })[];
  diagnostics: Diagnostic[];
  /** Every incident folder of this run is in place (the run finished its swap). */
  complete: boolean;
  /** False when the run before this one did not complete (killed) and this one repaired it. */
  previousRunComplete: boolean;
}

/** `faq render`: all artifacts written all or nothing, or exactly one printed with --stdout. */
export async function runRender(files: string[], flags: RenderFlags): Promise<number> {
  if (flags.json && flags.stdout)
    throw new UsageError(
      '--json and --stdout cannot be combined',
      '--stdout prints one artifact; --json lists the written files',
    );
  let outcome: RenderOutcome;
  try {
    outcome = await renderFiles({
      now: readClock(),
      files,
      out: flags.out,
      ...(flags.variant ? { variants: flags.variant } : {}),
      ...(flags.format ? { formats: flags.format } : {}),
      ...(flags.lang ? { langs: flags.lang } : {}),
      ...(flags.templates ? { templates: flags.templates } : {}),
      ...(flags.wrap ? { wrap: flags.wrap } : {}),
      ...(flags.release ? { release: true } : {}),
      ...(flags.archive ? { archive: true } : {}),
      ...(flags.customer !== undefined ? { customer: flags.customer } : {}),
      dryRun: flags.stdout === true,
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (flags.json) {
      writeJson({
        version: 1,
        ok: false,
        out: flags.out,
        artifacts: [],
        diagnostics: error.diagnostics,
        complete: false,
        previousRunComplete: true,
      });
      return EXIT.invalid;
    }
    if (flags.quiet) throw new InputError(error.diagnostics.filter((d) => d.severity === 'error'));
    throw error;
  }
  if (!flags.quiet && !flags.json) printDiagnostics(outcome.warnings);
  if (flags.stdout) {
    if (outcome.artifacts.length !== 1) {
      const choices = outcome.artifacts.map((a) => `  ${a.path}`).join('\n');
      throw new UsageError(
        `--stdout prints exactly one artifact, but the selection matches ${outcome.artifacts.length}${choices ? `:\n${choices}` : ''}`,
        'narrow it with --variant, --format and --lang',
      );
    }
    process.stdout.write(outcome.artifacts[0]!.content);
    return EXIT.ok;
  }
  if (flags.json) {
    writeJson(buildRenderReport(outcome));
    return EXIT.ok;
  }
  if (!flags.quiet) {
    if (outcome.previousRunComplete === false)
      printInfo(
        `faq: the previous run into ${outcome.out} did not complete; its leftovers were repaired`,
      );
    for (const note of outcome.notes ?? []) printInfo(note);
    printInfo(wroteLine(outcome));
  }
  return EXIT.ok;
}

/** At most this many folders are named in the success line; more are counted (a batch in CI). */
const NAMED_FOLDERS = 3;

/** The incident folder of an artifact's path (`<id>/faq.de.html`). */
function folderOf(path: string): string {
  const slash = path.indexOf('/');
  return slash < 0 ? path : path.slice(0, slash);
}

/** The success line: how many files, and where — the incident folders, or how many in which folder. */
function wroteLine(outcome: RenderOutcome): string {
  const ids = [...new Set(outcome.artifacts.map((a) => folderOf(a.path)))];
  const count = outcome.artifacts.length;
  const where =
    ids.length <= NAMED_FOLDERS
      ? ids.map((id) => join(outcome.out, `${id}/`)).join(', ')
      : `${ids.length} incident folders in ${join(outcome.out, '/')}`;
  return `faq: wrote ${count} ${count === 1 ? 'file' : 'files'} to ${where}`;
}

export function buildRenderReport(outcome: RenderOutcome): RenderReport {
  return {
    version: 1,
    ok: true,
    out: outcome.out,
    artifacts: outcome.artifacts.map((a) => ({
      path: join(outcome.out, ...a.path.split('/')),
      id: a.path.split('/')[0]!,
      variant: a.variant,
      lang: a.lang,
      format: a.format,
      ...(a.recipient ? { recipient: a.recipient } : {}),
      bytes: a.bytes,
      sha256: a.sha256,
      ...(a.notice ? { notice: a.notice } : {}),
    })),
    diagnostics: outcome.warnings,
    complete: true,
    previousRunComplete: outcome.previousRunComplete !== false,
  };
}

function writeJson(report: RenderReport): void {
  process.stdout.write(`${stringifyForTerminal(report)}\n`);
}
