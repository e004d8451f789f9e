import { existsSync, readdirSync, statSync } from 'node:fs';
import { InputError, UsageError } from '../shared.js';
import { readRegularFileSync } from '../incident/regular-file.js';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// A broken file in a --templates folder is bad input (exit 1), not a bug in faq.
export function templateError(
  display: string,
  message: string,
  line = 1,
  col = 1,
  hint?: string,
): InputError {
  return new InputError([
    { file: display, line, col, severity: 'error', path: '', message, ...(hint ? { hint } : {}) },
  ]);
}

function readTemplate(path: string, display: string): string {
  try {
    return readRegularFileSync(path).toString('utf8');
  } catch (error) {
    const { code, kind } = error as NodeJS.ErrnoException & { kind?: string };
    if (code === 'ENOTREG') throw templateError(display, `template is ${kind}, not a regular file`);
    throw templateError(display, `template cannot be read (${code ?? 'unknown error'})`);
  }
}

export function parseJson(file: { display: string; text: string }): unknown {
  try {
    return JSON.parse(file.text);
  } catch (error) {
    const at = Number(/position (\d+)/.exec((error as Error).message)?.[1] ?? 0);
    const before = file.text.slice(0, at).split('\n');
    throw templateError(
      file.display,
      `invalid JSON: ${(error as Error).message.replace(/ in JSON at position \d+.*$/, '')}`,
      before.length,
      before.at(-1)!.length + 1,
    );
  }
}

let builtinDir: string | undefined;

/** The built-in templates next to the installation (looked for once: it does not move). */
function findBuiltinDir(): string {
  return (builtinDir ??= searchBuiltinDir());
}

function searchBuiltinDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'variants.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new Error('built-in templates not found next to the faq installation');
}

/**
 * The one owner of template files: the built-in folder, overlaid by `--templates DIR`, where a
 * file at the same relative path wins. It also knows the path to show in messages.
 */
export class TemplateStore {
  readonly builtinDir: string;
  readonly overlayDir?: string;
  private readonly sources = new Map<string, { path: string; text: string }>();
  // Like the texts, a language's partials and labels are read once per store (per run): every
  // document of a batch asks for them.
  private readonly partialNames = new Map<string, string[]>();
  private readonly parsedLabels = new Map<string, Record<string, string>>();

  constructor(overlayDir?: string, builtinDir = findBuiltinDir()) {
    this.builtinDir = builtinDir;
    if (overlayDir) {
      this.overlayDir = resolve(overlayDir);
      if (!isFolder(this.overlayDir))
        throw new UsageError(`--templates: no folder ${overlayDir}`, 'name a folder of templates');
    }
  }

  /** The file that serves a relative path: the overlay's if it has one. */
  locate(rel: string): string | undefined {
    if (this.overlayDir) {
      const overlay = join(this.overlayDir, rel);
      if (existsSync(overlay)) return overlay;
    }
    const builtin = join(this.builtinDir, rel);
    return existsSync(builtin) ? builtin : undefined;
  }

  /** The template's text and where it came from, or undefined if no folder has it. */
  read(rel: string): { path: string; display: string; text: string } | undefined {
    let entry = this.sources.get(rel);
    if (!entry) {
      const path = this.locate(rel);
      if (!path) return undefined;
      entry = { path, text: readTemplate(path, this.display(path)) };
      this.sources.set(rel, entry);
    }
    return { ...entry, display: this.display(entry.path) };
  }

  /** A short path for messages: relative to the working folder for overrides, `templates/…` for built-ins. */
  display(path: string): string {
    if (path.startsWith(this.builtinDir))
      return `templates/${relative(this.builtinDir, path).replace(/\\/g, '/')}`;
    return relative(process.cwd(), path).replace(/\\/g, '/') || path;
  }

  /** Languages that have templates: folders with at least one `*.md.hbs`. */
  languages(): string[] {
    const found = new Set<string>();
    for (const dir of [this.builtinDir, this.overlayDir]) {
      if (!dir || !existsSync(dir)) continue;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        if (entry.isDirectory() && /^[a-z]{2}(-[a-z]{2})?$/i.test(entry.name)) {
          if (readdirSync(join(dir, entry.name)).some((f) => f.endsWith('.md.hbs')))
            found.add(entry.name);
        }
      }
    }
    return [...found].sort();
  }

  /** Names of a language's partials: `<lang>/partials/<name>.md.hbs`, built-in or overlaid. */
  partials(lang: string): string[] {
    let names = this.partialNames.get(lang);
    if (!names) this.partialNames.set(lang, (names = this.listPartials(lang)));
    return names;
  }

  private listPartials(lang: string): string[] {
    const found = new Set<string>();
    for (const dir of [this.builtinDir, this.overlayDir]) {
      const folder = dir && join(dir, lang, 'partials');
      if (!folder || !isFolder(folder)) continue;
      for (const name of readdirSync(folder))
        if (name.endsWith('.md.hbs')) found.add(name.slice(0, -'.md.hbs'.length));
    }
    return [...found].sort();
  }

  /** Labels of the page layout (skip link, "Contents", …) for one language. */
  labels(lang: string): Record<string, string> {
    let labels = this.parsedLabels.get(lang);
    if (!labels) {
      const file = this.read(`${lang}/labels.json`);
      labels = file ? (parseJson(file) as Record<string, string>) : {};
      this.parsedLabels.set(lang, labels);
    }
    return labels;
  }
}
