import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, InputError, OutputError, UsageError } from './errors.js';
import { printDiagnostics, printError } from './cli/output.js';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

const list = (value: string, previous: string[] = []): string[] => [
  ...previous,
  ...value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean),
];

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 20 || n > 998)
    throw new InvalidArgumentError('must be a whole number from 20 to 998');
  return n;
}

function buildProgram(): Command {
  const program = new Command('faq')
    .description(
      'Crisis communication from one incident file: FAQ, press release and customer e-mail.',
    )
    .version(readVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text) => printError(text.replace(/^error: /, '').trim()) });

  program
    .command('render')
    .description('render incident files to HTML, Markdown, text and .eml')
    .argument('<file...>', 'incident files (YAML)')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--variant <list>', 'variants to render, comma-separated (faq, press, email)', list)
    .option('--format <list>', 'formats to render, comma-separated (html, md, txt, eml)', list)
    .option('--lang <list>', "languages, comma-separated (default: the file's lang)", list)
    .option('--templates <dir>', 'folder whose templates override the built-in ones')
    .option('--stdout', 'print exactly one artifact to stdout instead of writing files')
    .option('--wrap <n>', 'wrap plain text at n columns', positiveInt)
    .addHelpText(
      'before',
      'Examples:\n  faq render incidents/2026-11-stoerung.yaml\n  faq render incident.yaml --variant email --format txt --stdout\n  faq render incident.yaml --lang de,en -o public\n',
    )
    .action(async (files: string[], opts) => {
      const { runRender } = await import('./commands/render.js');
      process.exitCode = await runRender(files, opts);
    });

  program
    .command('check')
    .description('validate incident files; report every problem with file:line:col')
    .argument('<file...>', 'incident files (YAML)')
    .option('--json', 'print the diagnostics as JSON to stdout')
    .option('--strict', 'fail (exit 1) on warnings too')
    .addHelpText(
      'before',
      'Examples:\n  faq check incidents/*.yaml\n  faq check --strict --json incident.yaml\n',
    )
    .action(async (files: string[], opts) => {
      const { runCheck } = await import('./commands/check.js');
      process.exitCode = await runCheck(files, opts);
    });

  program
    .command('init')
    .description('write a commented starter incident file')
    .argument('[file]', 'file to create', 'incident.yaml')
    .addOption(
      new Option('--lang <lang>', 'language of the starter file')
        .choices(['de', 'en'])
        .default('de'),
    )
    .option('--force', 'overwrite an existing file')
    .addHelpText(
      'before',
      'Examples:\n  faq init\n  faq init incidents/2026-11-stoerung.yaml --lang de\n',
    )
    .action(async (file: string, opts) => {
      const { runInit } = await import('./commands/init.js');
      process.exitCode = await runInit(file, opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the incident file to stdout')
    .addHelpText('before', 'Examples:\n  faq schema > incident.schema.json\n')
    .action(async () => {
      const { runSchema } = await import('./commands/schema.js');
      process.exitCode = await runSchema();
    });

  program
    .command('preview')
    .description('serve a local page with every variant, reloading when the file changes')
    .argument('<file>', 'incident file (YAML)')
    .option('--port <n>', 'port on 127.0.0.1 (default: a free one)')
    .option('--templates <dir>', 'folder whose templates override the built-in ones')
    .option('--open', 'open the page in a browser')
    .addHelpText(
      'before',
      'Examples:\n  faq preview incidents/2026-11-stoerung.yaml\n  faq preview incident.yaml --port 8080\n',
    )
    .action(async (file: string, opts) => {
      const { runPreview } = await import('./commands/preview.js');
      process.exitCode = await runPreview(file, opts);
    });

  program
    .command('diff')
    .description('show what changed in the rendered text between two versions of an incident')
    .argument('<old>', 'earlier incident file')
    .argument('<new>', 'later incident file')
    .option('--variant <variant>', 'variant to compare', 'faq')
    .option('--lang <lang>', "language (default: the new file's lang)")
    .option('--format <format>', 'txt or md', 'txt')
    .addHelpText(
      'before',
      'Examples:\n  faq diff incident.yaml.orig incident.yaml\n  faq diff old.yaml new.yaml --variant press --lang en\n',
    )
    .action(async (oldFile: string, newFile: string, opts) => {
      const { runDiff } = await import('./commands/diff.js');
      process.exitCode = await runDiff(oldFile, newFile, opts);
    });

  program.addOption(new Option('--debug', 'print stack traces of internal errors').hideHelp());
  return program;
}

function reportInternal(error: unknown): void {
  printError(
    `internal error: ${(error as Error)?.message ?? String(error)}`,
    'this is a bug in faq; please report it with the command you ran (run with DEBUG=1 for details)',
  );
  if (process.env.DEBUG || process.argv.includes('--debug'))
    process.stderr.write(`${(error as Error)?.stack ?? ''}\n`);
}

/** The CLI: maps flags to options, and errors to output and exit codes. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      if (
        error.code === 'commander.helpDisplayed' ||
        error.code === 'commander.version' ||
        error.code === 'commander.help'
      ) {
        process.exitCode = EXIT.ok;
      } else {
        process.exitCode = EXIT.usage;
      }
    } else if (error instanceof UsageError) {
      printError(error.message, error.hint);
      process.exitCode = EXIT.usage;
    } else if (error instanceof InputError) {
      printDiagnostics(error.diagnostics);
      process.exitCode = EXIT.invalid;
    } else if (error instanceof OutputError) {
      printError(error.message, error.hint);
      process.exitCode = EXIT.invalid;
    } else {
      reportInternal(error);
      process.exitCode = EXIT.internal;
    }
  }
}

await main(process.argv);
