import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { printError } from './cli/output.js';
import { isBrokenPipe, isDebug, reportError } from './cli/report-error.js';
import { FORMATS, FORMAT_NAMES } from './formats/registry.js';
import { LANGUAGES } from './lang/index.js';
import { TemplateStore } from './render/templates.js';
import { readVariants } from './render/variants.js';

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

/** `--rate 30/min`: parsed in the send command (so that the help stays cheap). */
function parseRateOption(value: string): number {
  const match = /^(\d+)(?:\/min)?$/.exec(value.trim());
  const rate = match ? Number(match[1]) : Number.NaN;
  if (!(rate >= 1 && rate <= 60_000))
    throw new InvalidArgumentError('must be messages per minute, e.g. 30/min (1 to 60000)');
  return rate;
}

/** The built-in variants, for the help; an overlay (--templates) may have others. */
function listVariants(): string {
  try {
    return Object.keys(readVariants(new TemplateStore())).join(', ');
  } catch {
    return 'see templates/variants.json';
  }
}

function buildProgram(): Command {
  const program = new Command('faq')
    .description(
      'Crisis communication from one incident file: FAQ, press release and customer e-mail.',
    )
    .version(readVersion(), '-V, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    .addHelpText('before', examples(PROGRAM_EXAMPLES))
    .addHelpText(
      'after',
      "\nExit codes: 0 ok, 1 invalid input, 2 usage error (faq diff: 1 = the texts differ, 2 = usage error or invalid input).\nRun `faq <command> --help` for a command's examples and options.",
    );

  program
    .command('render')
    .description('render incident files to HTML, Markdown, text and .eml')
    .argument('<file...>', 'incident files (YAML)')
    .option('-o, --out <dir>', 'output folder', 'dist')
    .option('--variant <list>', `variants to render, comma-separated (${listVariants()})`, list)
    .option(
      '--format <list>',
      `formats to render, comma-separated (${FORMAT_NAMES.join(', ')})`,
      list,
    )
    .option('--lang <list>', "languages, comma-separated (default: the file's lang)", list)
    .option('--templates <dir>', 'folder whose templates override the built-in ones')
    .option('--stdout', 'print exactly one artifact to stdout instead of writing files')
    .option('--wrap <n>', 'wrap plain text at n columns', positiveInt)
    .option('--json', 'print the list of written artifacts (paths, sha256) as JSON to stdout')
    .option('--release', 'refuse drafts (no current approval); every warning is an error')
    .option('--archive', 'also keep this approved version under <id>/archive/<updated>/')
    .option(
      '--customer <name>',
      "only this customer's kit and e-mail (slug or name; also a recipient)",
    )
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'before',
      examples([
        ['faq render incidents/2026-11-stoerung.yaml', 'every variant and format → dist/<id>/'],
        ['faq render incident.yaml --variant email --format txt --stdout', 'one text to paste'],
        ['faq render incident.yaml --lang de,en -o public', 'German and English into public/'],
        ['faq render incidents/*.yaml --json --quiet', 'in CI: what was written, as JSON'],
        ['faq render incident.yaml --release', 'in CI: only an approved version, no warning'],
        [
          'faq render incident.yaml --customer stadt-aachen --variant notice --format txt --stdout',
          "one customer's notice",
        ],
      ]),
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
    .option('--release', 'like --strict, and refuse drafts (no current approval)')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'before',
      examples([
        ['faq check incidents/*.yaml', 'every problem of every file, with file:line:col'],
        ['faq check --strict --quiet incidents/*.yaml', 'in CI: warnings fail too'],
        ['faq check --json incident.yaml', 'the same as data on stdout'],
      ]),
    )
    .action(async (files: string[], opts) => {
      const { runCheck } = await import('./commands/check.js');
      process.exitCode = await runCheck(files, opts);
    });

  program
    .command('init')
    .description('write a commented starter incident file')
    .argument('[file]', 'file to create ("-" prints it to stdout)', 'incident.yaml')
    .addOption(
      new Option('--lang <lang>', 'language of the starter file').choices(LANGUAGES).default('de'),
    )
    .option('--force', 'overwrite an existing file')
    .option('-q, --quiet', 'print nothing but errors')
    .addHelpText(
      'before',
      examples([
        ['faq init', 'writes incident.yaml, dated today'],
        ['faq init incidents/2026-11-stoerung.yaml', 'the id is the file name'],
        ['faq init incident.en.yaml --lang en', 'an English starter'],
      ]),
    )
    .action(async (file: string, opts) => {
      const { runInit } = await import('./commands/init.js');
      process.exitCode = await runInit(file, opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of the incident file to stdout')
    .option('--status', 'print the JSON Schema of the status.json that render writes instead')
    .addHelpText(
      'before',
      examples([
        ['faq schema > incident.schema.json', "then, in the YAML file's first line:"],
        ['# yaml-language-server: $schema=./incident.schema.json', 'completion in VS Code'],
        ['faq schema --status > status.schema.json', 'for a website that reads status.json'],
      ]),
    )
    .action(async (opts: { status?: boolean }) => {
      const { runSchema } = await import('./commands/schema.js');
      process.exitCode = await runSchema(opts);
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
      examples([
        ['faq preview incidents/2026-11-stoerung.yaml', 'prints the local address'],
        ['faq preview incident.yaml --port 8080', 'on http://127.0.0.1:8080/'],
      ]),
    )
    .action(async (file: string, opts) => {
      const { runPreview } = await import('./commands/preview.js');
      process.exitCode = await runPreview(file, opts);
    });

  program
    .command('diff')
    .description('show what changed in the rendered text between two versions of an incident')
    .argument('<old>', 'earlier incident file ("-" reads it from stdin)')
    .argument('<new>', 'later incident file')
    .option('--variant <variant>', 'variant to compare', 'faq')
    .option('--lang <lang>', "language (default: the new file's lang)")
    .addOption(
      new Option('--format <format>', 'compare the plain text or the Markdown')
        .choices(FORMAT_NAMES.filter((name) => FORMATS[name]!.diffable))
        .default('txt'),
    )
    .option('--templates <dir>', 'folder whose templates override the built-in ones')
    .option('-q, --quiet', 'print nothing; only the exit code tells (0 same, 1 different)')
    .addHelpText(
      'before',
      examples([
        ['git show HEAD:incident.yaml | faq diff - incident.yaml', 'before committing'],
        ['faq diff incident.yaml.orig incident.yaml', 'the FAQ text, what changed'],
        ['faq diff old.yaml new.yaml --variant press --lang en', 'the English press release'],
      ]),
    )
    .addHelpText(
      'after',
      '\nExit codes, as diff(1): 0 the texts are the same, 1 they differ, 2 usage error or invalid input.',
    )
    .action(async (oldFile: string, newFile: string, opts) => {
      const { runDiff } = await import('./commands/diff.js');
      process.exitCode = await runDiff(oldFile, newFile, opts);
    });

  program
    .command('send')
    .description('send the e-mails of an approved version over SMTP, once per recipient')
    .argument('<file>', 'incident file (YAML)')
    .option('--yes', 'send (without it: a dry run that lists what would be sent)')
    .option('--dry-run', 'list recipient, subject and size of each e-mail; send nothing (default)')
    .option(
      '--smtp <url>',
      'SMTP server: smtps://host[:port] or smtp://host[:port] (STARTTLS) (default: $FAQ_SMTP_URL)',
    )
    .option('--variant <name>', 'the e-mail variant', 'email')
    .option('--customer <name>', 'only this recipient (name or file name part)')
    .option('--to <addr>', 'only the recipients with these addresses, comma-separated', list)
    .option('--resend <addr>', 'send again to these addresses (the only way to send twice)', list)
    .option('--rate <n/min>', 'messages per minute at most', parseRateOption, 30) // conservative: what a relay accepts from a new sender
    .option('--json', 'print what was (or would be) sent as JSON to stdout')
    .option(
      '-o, --out <dir>',
      'output folder of faq render; the send log is kept in <out>/../.faq-state/',
      'dist',
    )
    .option('--state <dir>', 'folder of the send logs instead of <out>/../.faq-state')
    .option('--templates <dir>', 'folder whose templates override the built-in ones')
    .addHelpText(
      'before',
      examples([
        ['faq send incident.yaml', 'dry run: who would get what'],
        [
          'FAQ_SMTP_URL=smtps://mail.example.org faq send incident.yaml --yes',
          'send (login: FAQ_SMTP_USER, FAQ_SMTP_PASS)',
        ],
        ['faq send incident.yaml --yes --resend it@stadt.example', 'one recipient again'],
      ]),
    )
    .action(async (file: string, opts) => {
      const { runSend } = await import('./commands/send.js');
      process.exitCode = await runSend(file, opts);
    });

  program.addOption(new Option('--debug', 'print stack traces of internal errors').hideHelp());
  for (const command of [program, ...program.commands]) {
    command.configureOutput({ outputError: (text) => reportUsage(text, command) });
  }
  return program;
}

const PROGRAM_EXAMPLES: [string, string][] = [
  ['faq init', 'a commented starter incident.yaml'],
  ['faq check incident.yaml', 'every problem, with file:line:col'],
  ['faq render incident.yaml', 'FAQ, press release, e-mails → dist/<id>/'],
  ['faq diff old.yaml incident.yaml', 'what an update changes in the text'],
  ['faq send incident.yaml --yes', 'the approved e-mails over SMTP, once each'],
];

/** clig.dev: examples first, each with what it does. */
function examples(list: [string, string][]): string {
  const width = Math.max(...list.map(([cmd]) => cmd.length));
  return `Examples:\n${list.map(([cmd, what]) => `  ${cmd.padEnd(width)}  # ${what}`).join('\n')}\n`;
}

/** Commander's messages ("unknown option '--varient'\n(Did you mean --variant?)") as one line with a hint. */
function reportUsage(text: string, command: Command): void {
  const lines = text
    .replace(/^error: /, '')
    .trim()
    .split('\n');
  const suggestion = /^\(Did you mean (.+)\?\)$/.exec(lines.at(-1) ?? '');
  const message = (suggestion ? lines.slice(0, -1) : lines).join(' ');
  const help = command.parent ? `faq ${command.name()} --help` : 'faq --help';
  // Without a close match, name the valid choices (issue 4: usage errors list them).
  const valid = suggestion ? '' : validChoices(message, command);
  printError(
    message,
    `${suggestion ? `did you mean \`${suggestion[1]}\`? ` : ''}${valid}see \`${help}\``,
  );
}

function validChoices(message: string, command: Command): string {
  if (message.startsWith('unknown command'))
    return `valid: ${command.commands.map((c) => c.name()).join(', ')}; `;
  if (message.startsWith('unknown option')) {
    const flags = command.options.filter((o) => !o.hidden && o.long).map((o) => o.long);
    return `valid: ${[...flags, '--help'].join(', ')}; `;
  }
  return '';
}

/** The CLI: maps flags to options, and errors to output and exit codes. */
export async function main(argv: string[]): Promise<void> {
  // A throw outside the command's promise (a timer, a stream) is a bug too, not a stack dump.
  const onUncaught = (error: unknown): void => {
    // The reader of stdout went away (`faq … --stdout | head`): stop quietly, as cat does.
    if (!isBrokenPipe(error)) process.exitCode = reportError(error, { debug: isDebug(argv) });
    process.exit();
  };
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onUncaught);
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    process.exitCode = reportError(error, { debug: isDebug(argv) });
  }
}
