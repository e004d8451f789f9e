import { Chalk } from 'chalk';
import type { Diagnostic } from '../shared.js';
import { formatDiagnostic, sortDiagnostics } from '../shared.js';
import { escapeForTerminal } from './terminal-text.js';

/** Colour only on a terminal, and never when NO_COLOR is set (chalk does not check it itself). */
export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return Boolean(stream.isTTY);
}

const paint = (): InstanceType<typeof Chalk> =>
  new Chalk({ level: useColor(process.stderr) ? 1 : 0 });

/** Diagnostics to stderr, one line each, sorted by file and position. */
export function printDiagnostics(diagnostics: readonly Diagnostic[]): void {
  const c = paint();
  for (const d of sortDiagnostics([...diagnostics])) {
    const line = escapeForTerminal(formatDiagnostic(d)).replace(
      /: (error|warning): /,
      (_m, s: string) => `: ${s === 'error' ? c.red.bold(s) : c.yellow.bold(s)}: `,
    );
    process.stderr.write(`${line}\n`);
  }
}

// Messages quote user text (file names, values, "did you mean"): escaped before colours are added.
export function printError(message: string, hint?: string): void {
  const text = escapeForTerminal(`${message}${hint ? ` (hint: ${hint})` : ''}`);
  process.stderr.write(`faq: ${paint().red.bold('error')}: ${text}\n`);
}

export function printInfo(message: string): void {
  process.stderr.write(`${escapeForTerminal(message)}\n`);
}
