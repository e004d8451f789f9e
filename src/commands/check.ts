import { checkFiles } from '../api.js';
import { readClock } from '../incident/check.js';
import { EXIT, hasErrors } from '../shared.js';
import { printDiagnostics, printInfo } from '../cli/output.js';
import { stringifyForTerminal } from '../cli/terminal-text.js';

export interface CheckFlags {
  json?: boolean;
  strict?: boolean;
  /** Print only what fails the run: errors (and warnings with --strict). */
  quiet?: boolean;
  /** Refuse drafts; every warning is an error. */
  release?: boolean;
}

/** `faq check`: every problem of every file; exit 1 on errors (or warnings with --strict). */
export async function runCheck(files: string[], flags: CheckFlags): Promise<number> {
  const results = await checkFiles(files, {
    ...(flags.release ? { release: true } : {}),
    now: readClock(),
  });
  const diagnostics = results.flatMap((r) => r.diagnostics);
  const failed = hasErrors(diagnostics) || (flags.strict === true && diagnostics.length > 0);
  if (flags.json) {
    const report = {
      version: 1,
      ok: !failed,
      files: results.map((r) => ({
        file: r.file,
        ...(r.incident ? { id: r.incident.id } : {}),
        errors: r.diagnostics.filter((d) => d.severity === 'error').length,
        warnings: r.diagnostics.filter((d) => d.severity === 'warning').length,
      })),
      diagnostics,
    };
    process.stdout.write(`${stringifyForTerminal(report)}\n`);
  } else if (flags.quiet) {
    printDiagnostics(
      flags.strict ? diagnostics : diagnostics.filter((d) => d.severity === 'error'),
    );
  } else {
    printDiagnostics(diagnostics);
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = diagnostics.length - errors;
    if (!failed)
      printInfo(
        `faq: ${files.length} file${files.length === 1 ? '' : 's'} OK${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}`,
      );
    else if (errors === 0)
      printInfo(
        `faq: ${warnings} warning${warnings === 1 ? '' : 's'} (failing because of --strict)`,
      );
  }
  return failed ? EXIT.invalid : EXIT.ok;
}
