// Shared types and every error class of faq. This module imports nothing from the pipeline, so
// every stage can use it without an import running against the pipeline (test/architecture).

/** One problem found in a user's input, with where it is and how to fix it. */
export interface Diagnostic {
  file: string;
  /** 1-based; 0 (and `col` 0) when the file could not be read at all: the message names it. */
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

/** Another run holds the output folder's lock (it is writing there): this run wrote nothing, exit 1. */
export class LockedError extends OutputError {
  constructor(message: string, hint?: string) {
    super(message, hint);
    this.name = 'LockedError';
  }
}

/** Ctrl-C or SIGTERM while writing: the staging was removed, the previous output is untouched. */
export class InterruptedError extends OutputError {
  constructor(
    readonly signal: NodeJS.Signals,
    /** The signal came during the swap, which was finished: the new output is in place. */
    readonly complete = false,
  ) {
    super(
      complete
        ? `interrupted by ${signal} after the new output was in place; it is complete`
        : `interrupted by ${signal}: nothing was written, the previous output is unchanged`,
    );
    this.name = 'InterruptedError';
  }
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/**
 * `file:line:col: error: message (hint)` — one line per problem; `faq: error: message (hint)` for
 * a file that could not be read (its message names the file: "file not found: x.yaml").
 */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === 0 ? 'faq' : `${d.file}:${d.line}:${d.col}`;
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

/** One output file, in memory until the writer swaps it in. */
export interface Artifact {
  /** Path relative to the output folder: `<id>/<variant>.<lang>[.<recipient>].<ext>`. */
  path: string;
  variant: string;
  lang: string;
  format: string;
  recipient?: string;
  /** The customer whose kit it belongs to (its slug): `<id>/customers/<customer>/…`. */
  customer?: string;
  /** The document's title in plain text: page title, headline, or e-mail subject. */
  title: string;
  content: Uint8Array;
  bytes: number;
  sha256: string;
  /** A short notice's counts by each rule of its kind (`faq render --json`, the preview). */
  notice?: NoticeMeta;
}

/** One rule a notice is counted by: "x: 212 of 280 weighted characters". */
export interface NoticeCount {
  /** sms, x, bluesky, mastodon, banner, phone. */
  rule: string;
  count: number;
  limit: number;
  /** What is counted: "characters (GSM-7, 1 part)", "graphemes", "words (…)". */
  unit: string;
  fits: boolean;
  /** SMS only: the encoding and the parts it is sent in. */
  encoding?: string;
  parts?: number;
}

/** How a short notice was counted: "sms: 142 of 160 characters (GSM-7, 1 part)". */
export interface NoticeMeta {
  kind: string;
  counts: NoticeCount[];
}

/**
 * What a run renders (plain data: it is sent to worker threads and is part of the cache key).
 * Every name is checked against the templates and the format registry when the run is planned.
 */
export interface Selection {
  variants: readonly string[];
  formats: readonly string[];
  /** Languages; undefined: each incident file's own `lang`. */
  langs?: readonly string[];
  /** Formats asked for by name (an e-mail without sender is then an error, not a skip). */
  explicitFormats: boolean;
  /**
   * Variants asked for by name: one the incident cannot have is then an error, not a skip, and
   * one with `renderedWith` is rendered even without its key.
   */
  explicitVariants?: boolean;
  /** Plain text wrapped at this many columns. */
  wrap?: number;
  /** The `--templates` overlay folder. */
  templates?: string;
  /** `--release`: a draft is refused, and every warning is an error. */
  release?: boolean;
  /** `--customer`: only this customer's (or recipient's) kit and e-mail, by slug or name. */
  customer?: string;
  /** The clock (ms since the epoch) for "updated is ahead of the clock"; not in the cache key. */
  now?: number;
  /** `--archive`: keep every approved version under `<id>/archive/` (also `publish.archive`). */
  archive?: boolean;
  /** The output folder, whose archives the FAQ pages link; absent in a dry run. */
  out?: string;
}

/**
 * A date of the incident file in the organisation's local wall-clock time, which is what every
 * artifact shows.
 */
export interface LocalDate {
  /** Whether a time of day was given. */
  hasTime: boolean;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** Offset of the local time from UTC in minutes (for a date-only value: at local midnight). */
  offset: number;
}

/** Drops keys whose value is undefined, so templates in strict mode see missing fields as missing. */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/**
 * A variant: one kind of document (the FAQ page, the press release, the e-mail), an entry of
 * `templates/variants.json` with a template `<lang>/<name>.md.hbs` per language.
 */
export interface Variant {
  /** Formats it is rendered in, in order: names of src/formats/registry.ts. */
  formats: string[];
  /** The HTML layout under `layouts/`; needed when one of its formats is laid out (html). */
  layout?: string;
  /** The first heading is the e-mail subject, not part of the body. */
  titleIsSubject?: boolean;
  /** One document per `email.recipients` entry (mail merge). */
  perRecipient?: boolean;
  /**
   * One document per customer that uses an affected service (`customers`), in its voice, written
   * to `customers/<customer>/`; a customer's e-mail carries its html and txt as attachments.
   */
  perCustomer?: boolean;
  /** schema.org FAQPage data is added to the page. */
  faqPage?: boolean;
  /**
   * One document per incident, the only scope so far (an index would be one per output folder;
   * variants.json refuses any other value until the run can make one).
   */
  scope?: 'incident';
  /**
   * False: one file per incident (`<variant>.<ext>`, e.g. `status.json`) in the run's first
   * language, instead of one per language (`<variant>.<lang>.<ext>`). Default true.
   */
  perLanguage?: boolean;
  /**
   * The variant whose page this one belongs to (the feed's "faq"): that page links this
   * variant's feed (`<link rel="alternate">` and a visible Subscribe link) when both are
   * rendered, and the feed links that page when the file says where it is published.
   */
  page?: string;
  /** The most characters its plain text (.txt) may have, e.g. 160 for an SMS; longer fails. */
  maxLength?: number;
  /**
   * Key paths of the incident file it does not show (`email`, `organization.about`): their texts
   * need not exist in the languages it is rendered in, and `faq diff` does not list their changes.
   */
  omits?: string[];
  /**
   * Rendered only when the incident allows it: `has` names a key path the file must have (the
   * notice needs `data_protection`), `status` and `phase` list the moments it exists in (the
   * final report: `resolved`). Otherwise it is left out, and asking for it is a usage error.
   */
  when?: VariantCondition;
  /** In HTML, a `##` section made only of `###` sections is a table: the headings are row headers. */
  itemTable?: boolean;
  /** The languages it is written in (`leicht`: de); in the others it is not rendered. Default: all. */
  langs?: string[];
  /**
   * A top-level key of the incident file: without it the variant is rendered only when asked for
   * by name (`--variant leicht`), so files without the key render as before.
   */
  renderedWith?: string;
  /** Every line break inside a paragraph is kept (a hard break): one sentence per line. */
  lineBreaks?: boolean;
  /** A stylesheet `layouts/<style>.css`, added after the layout's own (larger type for `leicht`). */
  style?: string;
  /**
   * A short notice (sms, social, banner, phone): its text is built by `src/notices` from the
   * facts (or taken from `notices.<kind>.text`) and counted by that kind's rules; no template.
   */
  notice?: 'sms' | 'social' | 'banner' | 'phone';
}

/** When a variant exists (variants.json `when`): every condition given must hold. */
export interface VariantCondition {
  has?: string;
  status?: string[];
  phase?: string[];
}

/** Whether `variant` is written in `lang` (its `langs`; every language when it has none). */
export function isWrittenIn(variant: Variant, lang: string): boolean {
  return variant.langs === undefined || variant.langs.includes(lang);
}

/**
 * Whether `variant` shows the value at `path` of the incident file (not one of its `omits`).
 * Omits name key paths through lists (`services.note`), so list indexes are skipped.
 */
export function isShownBy(variant: Variant, path: readonly (string | number)[]): boolean {
  const keys = path.filter((p) => !/^\d+$/.test(String(p)));
  return !(variant.omits ?? []).some((omitted) =>
    omitted.split('.').every((segment, i) => i < keys.length && String(keys[i]) === segment),
  );
}
