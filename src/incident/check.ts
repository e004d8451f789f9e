import type { Diagnostic } from '../shared.js';
import type { Lang } from '../lang/index.js';
import type { Incident } from './incident.js';
import { loadIncidentFile, parseIncidentSource } from './load.js';
import { validateIncident } from './validate.js';

export interface CheckResult {
  file: string;
  incident?: Incident;
  diagnostics: Diagnostic[];
}

/** Loads and validates one incident file (from disk, or from `source` bytes). */
export async function checkIncident(
  file: string,
  options: { languages?: readonly Lang[]; source?: Uint8Array } = {},
): Promise<CheckResult> {
  const loaded = options.source
    ? parseIncidentSource(file, options.source)
    : await loadIncidentFile(file);
  if (!loaded.ok) return { file, diagnostics: loaded.diagnostics };
  const result = validateIncident(
    loaded.loaded,
    options.languages ? { languages: options.languages } : {},
  );
  return {
    file,
    ...(result.incident ? { incident: result.incident } : {}),
    diagnostics: result.diagnostics,
  };
}

/** Validates many files; every problem of every file is returned. */
export async function checkFiles(files: readonly string[]): Promise<CheckResult[]> {
  return Promise.all(files.map((file) => checkIncident(file)));
}
