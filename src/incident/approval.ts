import type { Diagnostic } from '../shared.js';
import { compareDates, type LocalDate } from './dates.js';
import type { Report } from './date-rules.js';

/** What the release gate reads: `updated` and `approval`, dates parsed. */
interface Approvable {
  updated?: LocalDate;
  approval?: { by: string; at?: LocalDate };
}

/**
 * A draft is every version nobody approved: no `approval`, or one for an older version
 * (`approval.at` before `updated`). Every artifact of a draft is marked as one.
 */
export function isDraft(incident: Approvable): boolean {
  const at = incident.approval?.at;
  if (!at) return true;
  return incident.updated !== undefined && compareDates(at, incident.updated) < 0;
}

/** An approval of an older version: the file is a draft again, and the writer should know why. */
export function checkApproval(
  dates: Approvable,
  written: { updated: string; approvalAt?: string },
  report: Report,
): void {
  const at = dates.approval?.at;
  if (!at || !dates.updated || compareDates(at, dates.updated) >= 0) return;
  report(
    ['approval', 'at'],
    `the approval is for the version of ${written.approvalAt}; this is a newer version (updated ${written.updated}), so every text is marked as a draft`,
    `once this version is approved, set approval.at to ${written.updated} (or later)`,
    { severity: 'warning' },
  );
}

/**
 * `--release`: only an approved version passes, and every warning is an error. A file without
 * approval is refused at its top; an old approval was reported at `approval.at` (checkApproval)
 * and is refused with every other warning.
 */
export function applyRelease(
  diagnostics: readonly Diagnostic[],
  file: string,
  written: { hasApproval: boolean; updated?: string },
): Diagnostic[] {
  const strict = diagnostics.map((d) =>
    d.severity === 'warning'
      ? {
          ...d,
          severity: 'error' as const,
          hint: `${d.hint ? `${d.hint}; ` : ''}--release refuses every warning`,
        }
      : d,
  );
  if (written.hasApproval) return strict;
  const refusal: Diagnostic = {
    file,
    line: 1,
    col: 1,
    severity: 'error',
    path: 'approval',
    message:
      'this version is a draft: it has no approval, and --release publishes only approved versions',
    hint: `once it is approved, add approval: { by: …, at: ${written.updated ?? '<updated>'} }`,
  };
  return [refusal, ...strict];
}
