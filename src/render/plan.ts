import { DEFAULT_FORMATS, FORMAT_NAMES } from '../formats/registry.js';
import { suggestion } from '../incident/suggest.js';
import { isLang } from '../lang/index.js';
import { UsageError, type Selection, type Variant } from '../shared.js';
import { TemplateEngine } from './engine.js';
import { TemplateStore } from './templates.js';
import { readVariants } from './variants.js';

/** What the library's `renderFiles` is asked to do. */
export interface RenderOptions {
  files: string[];
  out?: string;
  variants?: string[];
  formats?: string[];
  langs?: string[];
  templates?: string;
  wrap?: number;
  /** The clock (ms since the epoch): "updated" far ahead of it is a warning. None: not checked. */
  now?: number;
  /** Render in memory only and return the artifacts (for --stdout, diff and preview). */
  dryRun?: boolean;
  /** Refuse drafts, and every warning is an error (CI publishing only what was approved). */
  release?: boolean;
  /** Keep a copy of every approved version under `<id>/archive/<updated>/` (`--archive`). */
  archive?: boolean;
  /** Only this customer's (or recipient's) kit and e-mail, by slug or name (`--customer`). */
  customer?: string;
}

/** One file of a run, by its place in the list given. */
export interface Task {
  index: number;
  file: string;
}

/** A run, planned: the checked selection, the templates it renders with, and its tasks. */
export interface Plan {
  selection: Selection;
  engine: TemplateEngine;
  tasks: Task[];
  out: string;
  dryRun: boolean;
}

function checkChoice(
  kind: string,
  values: readonly string[] | undefined,
  valid: readonly string[],
): void {
  for (const value of values ?? []) {
    if (valid.includes(value)) continue;
    const hint = suggestion(value, valid);
    throw new UsageError(
      `unknown ${kind} "${value}"`,
      hint.startsWith('valid') ? hint : `${hint} valid: ${valid.join(', ')}`,
    );
  }
}

/** A variant asked for by name in languages it is not written in (`leicht` in English) renders nothing. */
function checkWrittenIn(
  configs: Record<string, Variant>,
  variants: readonly string[] | undefined,
  langs: readonly string[] | undefined,
): void {
  if (!langs) return;
  for (const name of variants ?? []) {
    const written = configs[name]!.langs;
    if (!written || langs.some((l) => written.includes(l))) continue;
    throw new UsageError(
      `variant ${name} is written only in ${written.join(', ')}, not in ${langs.join(', ')}: there is nothing to render`,
      `add --lang ${written[0]}, or leave out --variant ${name}`,
    );
  }
}

/**
 * Plans a run: opens the templates, checks every name asked for against them and the format
 * registry (UsageError on an unknown one), and makes one task per file.
 */
export function planRun(options: RenderOptions): Plan {
  const store = new TemplateStore(options.templates);
  const configs = readVariants(store);
  const variants = Object.keys(configs);
  checkChoice('variant', options.variants, variants);
  checkChoice('format', options.formats, FORMAT_NAMES);
  checkChoice('language', options.langs, store.languages().filter(isLang));
  checkWrittenIn(configs, options.variants, options.langs);
  const selection: Selection = {
    ...(options.templates ? { templates: options.templates } : {}),
    variants: options.variants ?? variants,
    formats: options.formats ?? DEFAULT_FORMATS,
    ...(options.langs ? { langs: options.langs } : {}),
    explicitFormats: options.formats !== undefined,
    ...(options.variants ? { explicitVariants: true } : {}),
    ...(options.wrap ? { wrap: options.wrap } : {}),
    ...(options.release ? { release: true } : {}),
    ...(options.now !== undefined ? { now: options.now } : {}),
    ...(options.archive ? { archive: true } : {}),
    ...(options.customer !== undefined ? { customer: options.customer } : {}),
    ...(options.dryRun ? {} : { out: options.out ?? 'dist' }),
  };
  return {
    selection,
    engine: new TemplateEngine(store),
    tasks: options.files.map((file, index) => ({ index, file })),
    out: options.out ?? 'dist',
    dryRun: options.dryRun === true,
  };
}
