import { isScalar, type Node } from 'yaml';
import { isShownBy, isWrittenIn, type Diagnostic, type Variant } from '../shared.js';
import type { Lang } from '../lang/index.js';
import { checkApproval } from './approval.js';
import { checkDataProtection } from './data-protection-rules.js';
import { checkMoments } from './moments.js';
import { isKnownTimeZone } from './dates.js';
import {
  checkDateRules,
  checkRawDates,
  DEFAULT_TIMEZONE,
  parseDates,
  type Report,
} from './date-rules.js';
import type { Incident, WithDates } from './incident.js';
import { MAX_DIAGNOSTICS, withSummary, type LoadedFile } from './load.js';
import { locate, locateInValue, type KeyPath, type Position } from './locate.js';
import { settleCustomers, toRecipients } from './customer-rules.js';
import { checkGrammar } from './grammar-rules.js';
import { checkLeichtFields } from './leicht-fields.js';
import { checkNotices, noticeKindsOf } from './notice-rules.js';
import { IncidentSchema, type IncidentFile, type Phase } from './schema.js';
import { slugify } from './slug.js';
import { lacksStatus, reportMissingStatus, settleState, writtenState } from './status.js';
import { checkStory } from './story-rules.js';
import { checkLanguages, checkMarkdown } from './text-rules.js';
import { zodIssueToProblem, type Problem } from './zod-issues.js';

export { DEFAULT_TIMEZONE };

export interface ValidateOptions {
  /** Languages that will be rendered: every localized text must have them. Default: the file's lang. */
  languages?: readonly Lang[];
  /**
   * The variants that will be rendered: a text that none of them shows (their `omits`) need not
   * have every language. Default: every text is shown.
   */
  variants?: readonly Variant[];
  /** The machine's clock (ms since the epoch): "updated" far ahead of it is a warning. */
  now?: number;
  /**
   * Checks of the texts as rendered (the page in Leichte Sprache), given by a later stage of the
   * pipeline that has the templates; run on a file without errors.
   */
  checkRendered?: RenderedCheck;
}

/** A check of a valid incident's rendered texts, in the languages that will be rendered. */
export type RenderedCheck = (
  incident: Incident,
  languages: readonly Lang[],
  report: Report,
) => void;

export interface ValidationResult {
  incident?: Incident;
  diagnostics: Diagnostic[];
}

/** A problem's hint; one that costs a search only while fewer than MAX_DIAGNOSTICS are reported. */
function hintOf(problem: Problem, reported: number): string | undefined {
  if (typeof problem.hint !== 'function') return problem.hint;
  return reported < MAX_DIAGNOSTICS ? problem.hint() : undefined;
}

/** Checks a loaded incident file against the schema and the rules of SPEC §2. */
export function validateIncident(
  loaded: LoadedFile,
  options: ValidateOptions = {},
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  let found = 0;
  const report: Report = (keyPath, message, hint, opts = {}) => {
    // Locating is linear in the file; a file with thousands of problems is reported in part.
    found += 1;
    if (diagnostics.length >= MAX_DIAGNOSTICS) return;
    const path = asWritten(loaded, keyPath);
    const pos =
      (opts.within !== undefined && locateWithin(loaded, path, opts.within)) ||
      (opts.needle !== undefined && locateText(loaded, path, opts.needle)) ||
      locate(loaded.doc, loaded.lineCounter, path, opts);
    diagnostics.push({
      file: loaded.file,
      line: pos.line,
      col: pos.col,
      severity: opts.severity ?? 'error',
      path: path.join('.'),
      message,
      ...(hint ? { hint } : {}),
    });
  };
  const parsed = IncidentSchema.safeParse(loaded.data, { reportInput: true });
  if (!parsed.success) {
    for (const problem of parsed.error.issues.flatMap(zodIssueToProblem))
      // A hint that has to be searched for ("did you mean") only for the problems shown.
      report(problem.path, problem.message, hintOf(problem, diagnostics.length), {
        key: problem.atKey,
        ...(problem.needle ? { needle: problem.needle } : {}),
      });
    checkRawDates(loaded.data, report);
    if (lacksStatus(loaded.data)) reportMissingStatus(report);
    return { diagnostics: withSummary(loaded.file, diagnostics, found) };
  }
  const incident = buildIncident(loaded, parsed.data, report, options);
  if ((options.languages ?? [parsed.data.lang]).includes('de'))
    checkGrammar(parsed.data, declaresGender(loaded.data), report);
  if (!diagnostics.some((d) => d.severity === 'error'))
    checkNotices(
      incident,
      options.languages ?? [parsed.data.lang],
      noticeKindsOf(options.variants),
      report,
    );
  if (parsed.data.id !== undefined) incident.idAt = locate(loaded.doc, loaded.lineCounter, ['id']);
  incident.updatedAt = locate(loaded.doc, loaded.lineCounter, ['updated']);
  if (options.checkRendered && !diagnostics.some((d) => d.severity === 'error'))
    options.checkRendered(incident, options.languages ?? [parsed.data.lang], report);
  return diagnostics.some((d) => d.severity === 'error')
    ? { diagnostics: withSummary(loaded.file, diagnostics, found) }
    : { incident, diagnostics };
}

/**
 * The key path as the file writes it: a value written short for a mapping (a customer's service
 * `Kfz-Zulassung` for `{ name: Kfz-Zulassung }`) is reported at the value, not at a key inside it.
 */
function asWritten(loaded: LoadedFile, path: KeyPath): KeyPath {
  for (let i = 1; i < path.length; i++)
    if (isScalar(loaded.doc.getIn(path.slice(0, i), true))) return path.slice(0, i);
  return path;
}

/** Whether the file itself sets organization.grammar.gender (the parsed data has the default). */
function declaresGender(data: unknown): boolean {
  const org = (data as { organization?: { grammar?: unknown } } | null)?.organization;
  const grammar = typeof org === 'object' && org !== null ? org.grammar : undefined;
  return typeof grammar === 'object' && grammar !== null && 'gender' in grammar;
}

/** Where a character of the text value at `path` is written in the file. */
function locateWithin(
  loaded: LoadedFile,
  path: KeyPath,
  within: { value: string; offset: number },
): Position | undefined {
  const range = (loaded.doc.getIn(path, true) as Node | undefined)?.range;
  if (!range) return undefined;
  const at = locateInValue(loaded.text, [range[0], range[1]], within.value, within.offset);
  return at === undefined ? undefined : loaded.lineCounter.linePos(at);
}

/** Where `needle` is written inside the value at `path` (e.g. a link in a Markdown block). */
function locateText(
  loaded: LoadedFile,
  path: KeyPath,
  needle: string | RegExp,
): Position | undefined {
  const node = loaded.doc.getIn(path, true) as Node | undefined;
  const range = node?.range;
  if (!range || needle === '') return undefined;
  const source = loaded.text.slice(range[0], range[1]);
  const index = typeof needle === 'string' ? source.indexOf(needle) : source.search(needle);
  return index < 0 ? undefined : loaded.lineCounter.linePos(range[0] + index);
}

function buildIncident(
  loaded: LoadedFile,
  input: IncidentFile,
  report: Report,
  options: ValidateOptions,
): Incident {
  const { file } = loaded;
  const id = settleId(file, input.id, report);
  let timezone = input.organization.timezone;
  if (!isKnownTimeZone(timezone)) {
    report(
      ['organization', 'timezone'],
      `unknown time zone "${timezone}"`,
      'use an IANA name like Europe/Berlin',
    );
    timezone = DEFAULT_TIMEZONE;
  }
  const withZone = { ...input, organization: { ...input.organization, timezone } };
  const parsed = parseDates(withZone, timezone, report) as WithDates<IncidentFile>;
  const state = settleState(
    writtenState(loaded.data),
    parsed.updates.map((u, i) => ({ ...u, written: input.updates[i]!.at })),
    report,
    (path) => locate(loaded.doc, loaded.lineCounter, path),
  );
  const hasFindings = input.incident.findings_expected !== undefined;
  checkDateRules(
    parsed,
    { phase: state.phase, hasFindings, ...(options.now !== undefined ? { now: options.now } : {}) },
    report,
  );
  checkStory(parsed, state, report);
  checkApproval(
    parsed,
    { updated: input.updated, ...(input.approval ? { approvalAt: input.approval.at } : {}) },
    report,
  );
  checkResolved(input, state.phase, report);
  checkDataProtection(parsed, report);
  checkMoments(parsed, input, state, report);
  checkMarkdown(input, report);
  checkLeichtFields(input, report);
  const variants = options.variants;
  checkLanguages(input, options.languages ?? [input.lang], report, (path, lang) =>
    variants ? variants.some((v) => isShownBy(v, path) && isWrittenIn(v, lang)) : true,
  );
  const customers = settleCustomers(parsed, loaded.data, report, {
    german: (options.languages ?? [input.lang]).includes('de'),
  });
  const recipients =
    customers.length > 0
      ? toRecipients(customers)
      : parsed.email.recipients.map((r, i) => ({
          ...r,
          slug: slugify(r.name) || `recipient-${i + 1}`,
        }));
  checkRecipientSlugs(customers.length > 0 ? [] : recipients, report);
  const incident = { ...parsed.incident, ...state };
  return { ...parsed, id, file, incident, email: { ...parsed.email, recipients }, customers };
}

/** The id, or the file name when it can serve as one. */
function settleId(file: string, id: string | undefined, report: Report): string {
  if (id !== undefined) return id;
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  const fromFile = base.replace(/\.(ya?ml)$/i, '');
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(fromFile)) {
    report(
      ['id'],
      `there is no id, and the file name "${base.length > 40 ? `${base.slice(0, 40)}…` : base}" cannot serve as one (it names the output folder)`,
      'add `id:` with only a-z, 0-9 and "-" (at most 64 characters), or rename the file',
      { key: true },
    );
  }
  return fromFile;
}

/** A resolved incident does not show what only matters while systems are down: say so. */
function checkResolved(input: IncidentFile, phase: Phase, report: Report): void {
  if (phase !== 'resolved') return;
  const unused = 'it is not shown while the incident is resolved';
  if (input.options.cancel_appointments) {
    report(
      ['options', 'cancel_appointments'],
      `the appointment sentence is left out: ${unused}`,
      'remove it or set it to false',
      { severity: 'warning' },
    );
  }
  if (input.incident.affected.length) {
    report(
      ['incident', 'affected'],
      `the list of unavailable services is left out: ${unused}`,
      'remove incident.affected',
      { severity: 'warning' },
    );
  }
}

function checkRecipientSlugs(recipients: { name: string; slug: string }[], report: Report): void {
  const seen = new Map<string, number>();
  recipients.forEach((r, n) => {
    const first = seen.get(r.slug);
    if (first !== undefined) {
      report(
        ['email', 'recipients', n, 'name'],
        `recipient "${r.name}" has the same file name (${r.slug}) as recipient ${first + 1}`,
        'give each recipient a distinct name',
      );
    } else seen.set(r.slug, n);
  });
}
