import { hasErrors, type Diagnostic, type Variant } from '../shared.js';
import type { Lang } from '../lang/index.js';
import { applyRelease } from './approval.js';
import type { Incident } from './incident.js';
import { loadIncidentFile, parseIncidentSource, type LoadedFile } from './load.js';
import { validateIncident, type RenderedCheck } from './validate.js';

export interface CheckResult {
  file: string;
  incident?: Incident;
  diagnostics: Diagnostic[];
}

export interface CheckOptions {
  /** Languages that will be rendered. Default: the file's lang. */
  languages?: readonly Lang[];
  /** The file's bytes, when the caller read them already. */
  source?: Uint8Array;
  /** `--release`: refuse a draft, and every warning is an error. */
  release?: boolean;
  /** The variants that will be rendered; default: all texts are needed (`faq check`). */
  variants?: readonly Variant[];
  /** The clock (ms since the epoch) for "updated" in the future; none: not checked. */
  now?: number;
  /** Checks of the rendered texts (the page in Leichte Sprache; `render/leicht-check.ts`). */
  checkRendered?: RenderedCheck;
}

/** Loads and validates one incident file (from disk, or from `source` bytes). */
export async function checkIncident(
  file: string,
  options: CheckOptions = {},
): Promise<CheckResult> {
  const loaded = options.source
    ? parseIncidentSource(file, options.source)
    : await loadIncidentFile(file);
  if (!loaded.ok) return { file, diagnostics: loaded.diagnostics };
  const result = validateIncident(loaded.loaded, {
    ...(options.languages ? { languages: options.languages } : {}),
    ...(options.variants ? { variants: options.variants } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.checkRendered ? { checkRendered: options.checkRendered } : {}),
  });
  const diagnostics = options.release
    ? applyRelease(result.diagnostics, file, writtenApproval(loaded.loaded))
    : result.diagnostics;
  return {
    file,
    ...(result.incident && !hasErrors(diagnostics) ? { incident: result.incident } : {}),
    diagnostics,
  };
}

/** Whether the file has an approval, and its `updated` as written (for the hint). */
function writtenApproval(loaded: LoadedFile): { hasApproval: boolean; updated?: string } {
  const data = loaded.data as Record<string, unknown> | undefined;
  const updated = data?.updated;
  return {
    hasApproval: data?.approval !== undefined && data.approval !== null,
    ...(typeof updated === 'string' ? { updated } : {}),
  };
}

/**
 * The machine's clock, or the time in FAQ_NOW (ISO 8601, e.g. 2026-11-26T15:00Z): tests pin it,
 * and a file prepared for tomorrow can be checked as of tomorrow. Read by the commands only: the
 * library checks against a clock only when it is given one.
 */
export function readClock(): number {
  const pinned = process.env.FAQ_NOW;
  const time = pinned ? Date.parse(pinned) : Number.NaN;
  return Number.isNaN(time) ? Date.now() : time;
}

/** Validates many files; every problem of every file is returned. */
export async function checkFiles(
  files: readonly string[],
  options: { release?: boolean; now?: number; checkRendered?: RenderedCheck } = {},
): Promise<CheckResult[]> {
  return Promise.all(files.map((file) => checkIncident(file, options)));
}
