import { readClock } from '../incident/check.js';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { checkIncident } from '../api.js';
import { EXIT, InputError, UsageError } from '../shared.js';
import { printDiagnostics, printInfo } from '../cli/output.js';
import { startPreviewServer } from '../preview/server.js';
import type { Snapshot } from '../preview/snapshot.js';

export interface PreviewFlags {
  port?: string;
  templates?: string;
  open?: boolean;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65535)
    throw new UsageError(
      `--port must be a whole number from 0 to 65535, not "${value}"`,
      '0 picks a free port',
    );
  return port;
}

/** Opens the page with the system's opener, if there is one; failing quietly is fine. */
function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '""', url]]
        : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', () =>
      printInfo(`faq preview: could not start ${command}; open ${url} yourself`),
    );
    child.unref();
  } catch {
    printInfo(`faq preview: open ${url} in a browser`);
  }
}

function describe(snapshot: Snapshot): string {
  const errors = snapshot.diagnostics.filter((d) => d.severity === 'error').length;
  if (snapshot.failure) return `cannot render: ${snapshot.failure}`;
  if (errors) return `${errors} error${errors === 1 ? '' : 's'} (shown on the page)`;
  return `${snapshot.views.length} views rendered`;
}

function isRegularFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Resolves on the first SIGINT or SIGTERM. */
function untilStopped(): Promise<string> {
  return new Promise((done) => {
    const stop = (signal: string): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      done(signal);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/** `faq preview`: a local page with every artifact, re-rendered when the file changes. */
export async function runPreview(file: string, flags: PreviewFlags): Promise<number> {
  const port = parsePort(flags.port);
  if (flags.templates && !(existsSync(flags.templates) && statSync(flags.templates).isDirectory()))
    throw new UsageError(
      `--templates folder not found: ${flags.templates}`,
      'give a folder of template overrides',
    );
  // A missing file, a folder, a FIFO or a device: the check's one-line error, exit 1.
  if (!isRegularFile(file))
    throw new InputError((await checkIncident(file, { now: readClock() })).diagnostics);
  const server = await startPreviewServer({
    file,
    port,
    ...(flags.templates ? { templates: flags.templates } : {}),
    onUpdate(snapshot, version) {
      printInfo(`faq preview: version ${version}: ${describe(snapshot)}`);
      printDiagnostics(snapshot.diagnostics);
    },
  });
  const stopped = untilStopped();
  printInfo(`faq preview: ${server.url} (Ctrl-C to stop)`);
  const { snapshot } = server.current();
  printInfo(`faq preview: ${file}: ${describe(snapshot)}`);
  printDiagnostics(snapshot.diagnostics);
  if (flags.open) openInBrowser(server.url);
  await stopped;
  await server.close();
  printInfo('faq preview: stopped');
  return EXIT.ok;
}
