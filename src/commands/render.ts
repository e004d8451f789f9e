import { renderFiles } from '../api.js';
import { EXIT, UsageError } from '../errors.js';
import { printDiagnostics, printInfo } from '../cli/output.js';

export interface RenderFlags {
  out: string;
  variant?: string[];
  format?: string[];
  lang?: string[];
  templates?: string;
  stdout?: boolean;
  wrap?: number;
}

/** `faq render`: all artifacts written all or nothing, or exactly one printed with --stdout. */
export async function runRender(files: string[], flags: RenderFlags): Promise<number> {
  const outcome = await renderFiles({
    files,
    out: flags.out,
    ...(flags.variant ? { variants: flags.variant } : {}),
    ...(flags.format ? { formats: flags.format } : {}),
    ...(flags.lang ? { langs: flags.lang } : {}),
    ...(flags.templates ? { templates: flags.templates } : {}),
    ...(flags.wrap ? { wrap: flags.wrap } : {}),
    dryRun: flags.stdout === true,
  });
  printDiagnostics(outcome.warnings);
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
  const ids = [...new Set(outcome.artifacts.map((a) => a.path.split('/')[0]))];
  printInfo(
    `faq: wrote ${outcome.artifacts.length} files to ${ids.map((id) => `${outcome.out}/${id}/`).join(', ')}`,
  );
  return EXIT.ok;
}
