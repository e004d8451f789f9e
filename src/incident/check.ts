import { hasErrors, type Diagnostic } from '../shared.js';
import type { Lang } from '../lang/index.js';
import { applyRelease } from './approval.js';
import type { Incident } from './incident.js';
import { loadIncidentFile, parseIncidentSource, type LoadedFile } from './load.js';
import { validateIncident } from './validate.js';

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
  const result = validateIncident(
    loaded.loaded,
    options.languages ? { languages: options.languages } : {},
  );
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

/** Validates many files; every problem of every file is returned. */
export async function checkFiles(
  files: readonly string[],
  options: { release?: boolean } = {},
): Promise<CheckResult[]> {
  return Promise.all(files.map((file) => checkIncident(file, options)));
}
