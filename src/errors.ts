/** One problem found in a user's input, with where it is and how to fix it. */
export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  /** Key path in the incident file, e.g. `incident.status`; empty for the whole file. */
  path: string;
  message: string;
  hint?: string;
}

/** Exit codes (SPEC §4). */
export const EXIT = { ok: 0, invalid: 1, usage: 2, internal: 70 } as const;

/** A wrong command, option or value on the command line: exit 2. */
export class UsageError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Problems in incident files or templates: exit 1, all of them reported at once. */
export class InputError extends Error {
  constructor(readonly diagnostics: Diagnostic[]) {
    super(diagnostics.map((d) => d.message).join('\n'));
    this.name = 'InputError';
  }
}

/** The output folder cannot be written: exit 1, nothing changed. */
export class OutputError extends Error {
  constructor(
    message: string,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'OutputError';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:col: error: message (hint)` — one line per problem. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.col}`;
  // A message that already starts with its key path ("organization.about has no 'en' text") needs no prefix.
  const path = d.path && !d.message.startsWith(d.path) ? `${d.path}: ` : '';
  const hint = d.hint ? ` (hint: ${d.hint})` : '';
  return `${where}: ${d.severity}: ${path}${oneLine(d.message)}${oneLine(hint)}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.col - b.col);
}
