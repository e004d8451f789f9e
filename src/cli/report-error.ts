import { constants } from 'node:os';
import { CommanderError } from 'commander';
import { EXIT, InputError, InterruptedError, OutputError, UsageError } from '../shared.js';

import { printDiagnostics, printError } from './output.js';

/** Whether the user asked for stack traces: `--debug`, or `DEBUG` set to anything but 0/false. */
export function isDebug(argv: readonly string[] = process.argv): boolean {
  const env = process.env.DEBUG;
  return argv.includes('--debug') || (!!env && !/^(0|false|no)$/i.test(env));
}

/** Writing to a pipe whose reader has closed it. */
export function isBrokenPipe(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EPIPE';
}

function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  return line.length > 300 ? `${line.slice(0, 300)}…` : line;
}

/**
 * Prints an error the way the CLI reports it and returns the exit code (SPEC §4): usage 2, bad
 * input or output folder 1, Ctrl-C 128 + signal, anything else is a bug in faq: one line asking
 * for a report, exit 70, and the stack only with `--debug` or `DEBUG=1`.
 */
export function reportError(error: unknown, options: { debug?: boolean } = {}): number {
  if (error instanceof CommanderError) {
    // Commander has printed its message already (configureOutput).
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version')
      return EXIT.ok;
    // `faq` alone prints the help to stderr as a usage error; `faq help` is a request.
    if (error.code === 'commander.help') return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    return EXIT.usage;
  }
  if (error instanceof UsageError) {
    printError(error.message, error.hint);
    return EXIT.usage;
  }
  if (error instanceof InputError) {
    printDiagnostics(error.diagnostics);
    return EXIT.invalid;
  }
  if (error instanceof InterruptedError) {
    printError(error.message);
    return 128 + (constants.signals[error.signal] ?? 0);
  }
  if (error instanceof OutputError) {
    printError(error.message, error.hint);
    return EXIT.invalid;
  }
  const name = error instanceof Error ? error.name : typeof error;
  const message = error instanceof Error ? error.message : String(error);
  printError(
    `internal error (${name}): ${firstLine(message)}`,
    `this is a bug in faq; please report it with the command you ran${options.debug ? '' : '; --debug shows the details'}`,
  );
  if (options.debug && error instanceof Error && error.stack)
    process.stderr.write(`${error.stack}\n`);
  return EXIT.internal;
}
