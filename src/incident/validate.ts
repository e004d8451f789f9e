import type { Node } from 'yaml';
import { withoutUndefined, type Diagnostic } from '../shared.js';
import { LANGUAGES, type Lang } from '../lang/index.js';
import { isKnownTimeZone, parseIncidentDate, type LocalDate } from './dates.js';
import { checkDateRules, checkRawDates, DEFAULT_TIMEZONE, type Report } from './date-rules.js';
import type { Incident } from './incident.js';
import { MAX_DIAGNOSTICS, withSummary, type LoadedFile } from './load.js';
import { locate, type KeyPath, type Position } from './locate.js';
import { findUnsafeLinks } from './markdown-safety.js';
import { IncidentSchema, MEASURES, type IncidentInput, type Localized } from './schema.js';
import { slugify } from './slug.js';
import { zodIssueToProblem } from './zod-issues.js';

export { DEFAULT_TIMEZONE };

export interface ValidateOptions {
  /** Languages that will be rendered: every localized text must have them. Default: the file's lang. */
  languages?: readonly Lang[];
}

export interface ValidationResult {
  incident?: Incident;
  diagnostics: Diagnostic[];
}

/** Checks a loaded incident file against the schema and the rules of SPEC §2. */
export function validateIncident(
  loaded: LoadedFile,
  options: ValidateOptions = {},
): ValidationResult {
  const diagnostics: Diagnostic[] = [];
  let found = 0;
  const report: Report = (path, message, hint, opts = {}) => {
    // Locating is linear in the file; a file with thousands of problems is reported in part.
    found += 1;
    if (diagnostics.length >= MAX_DIAGNOSTICS) return;
    const pos =
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
      report(problem.path, problem.message, problem.hint, { key: problem.atKey });
    checkRawDates(loaded.data, report);
    return { diagnostics: withSummary(loaded.file, diagnostics, found) };
  }
  const incident = buildIncident(loaded.file, parsed.data, report, options);
  return diagnostics.some((d) => d.severity === 'error')
    ? { diagnostics: withSummary(loaded.file, diagnostics, found) }
    : { incident, diagnostics };
}

/** Where `needle` is written inside the value at `path` (e.g. a link in a Markdown block). */
function locateText(loaded: LoadedFile, path: KeyPath, needle: string): Position | undefined {
  const node = loaded.doc.getIn(path, true) as Node | undefined;
  const range = node?.range;
  if (!range || needle === '') return undefined;
  const index = loaded.text.slice(range[0], range[1]).indexOf(needle);
  return index < 0 ? undefined : loaded.lineCounter.linePos(range[0] + index);
}

function fileId(file: string): string {
  const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
  return base.replace(/\.(ya?ml)$/i, '');
}

function buildIncident(
  file: string,
  input: IncidentInput,
  report: Report,
  options: ValidateOptions,
): Incident {
  const id = input.id ?? fileId(file);
  if (input.id === undefined && !/^[a-z0-9][a-z0-9-]{0,63}$/.test(id)) {
    const base = file.replace(/\\/g, '/').split('/').pop() ?? file;
    report(
      ['id'],
      `there is no id, and the file name "${base.length > 40 ? `${base.slice(0, 40)}…` : base}" cannot serve as one (it names the output folder)`,
      'add `id:` with only a-z, 0-9 and "-" (at most 64 characters), or rename the file',
      { key: true },
    );
  }
  const lang = input.lang ?? 'de';
  const org = input.organization;
  let timezone = org.timezone ?? DEFAULT_TIMEZONE;
  if (!isKnownTimeZone(timezone)) {
    report(
      ['organization', 'timezone'],
      `unknown time zone "${timezone}"`,
      'use an IANA name like Europe/Berlin',
    );
    timezone = DEFAULT_TIMEZONE;
  }
  const date = (path: KeyPath, text: string | undefined): LocalDate | undefined => {
    if (text === undefined) return undefined;
    const result = parseIncidentDate(text, timezone);
    if (!result.ok) report(path, result.message, 'write YYYY-MM-DD or YYYY-MM-DDTHH:MM');
    return result.ok ? result.value : undefined;
  };
  const inc = input.incident;
  const updated = date(['updated'], input.updated);
  const detected = date(['incident', 'detected'], inc.detected);
  const crisisTeam = date(['incident', 'crisis_team'], inc.crisis_team);
  const findingsExpected = date(['incident', 'findings_expected'], inc.findings_expected);
  const phase = inc.phase ?? 'investigating';
  checkDateRules(
    {
      updated,
      detected,
      crisisTeam,
      findingsExpected,
      phase,
      hasFindings: inc.findings_expected !== undefined,
    },
    report,
  );
  checkResolved(input, report);
  checkMarkdown(input, report);
  checkLanguages(input, lang, options.languages ?? [lang], report);
  const recipients = (input.email?.recipients ?? []).map((r, i) => ({
    ...withoutUndefined(r),
    slug: slugify(r.name) || `recipient-${i + 1}`,
  }));
  checkRecipientSlugs(recipients, report);
  const grammar = org.grammar ?? {};
  return {
    id,
    lang,
    file,
    updated: updated!,
    organization: withoutUndefined({
      name: org.name,
      about: org.about,
      city: org.city,
      website: org.website,
      timezone,
      contact: org.contact && withoutUndefined(org.contact),
      gender: grammar.gender ?? 'feminine',
      genitive: grammar.genitive,
    }),
    incident: withoutUndefined({
      status: inc.status,
      phase,
      detected: detected!,
      crisisTeam,
      findingsExpected,
      measures: inc.measures ?? [...MEASURES],
      affected: inc.affected ?? [],
    }),
    options: { cancelAppointments: input.options?.cancel_appointments ?? false },
    questions: input.questions ?? [],
    press: withoutUndefined({ headline: input.press?.headline }),
    email: withoutUndefined({
      subject: input.email?.subject,
      from: input.email?.from && withoutUndefined(input.email.from),
      salutation: input.email?.salutation,
      signature: input.email?.signature,
      recipients,
    }),
  };
}

/** A resolved incident does not show what only matters while systems are down: say so. */
function checkResolved(input: IncidentInput, report: Report): void {
  if (input.incident.phase !== 'resolved') return;
  const unused = 'it is not shown while the incident is resolved';
  if (input.options?.cancel_appointments) {
    report(
      ['options', 'cancel_appointments'],
      `the appointment sentence is left out: ${unused}`,
      'remove it or set it to false',
      { severity: 'warning' },
    );
  }
  if (input.incident.affected?.length) {
    report(
      ['incident', 'affected'],
      `the list of unavailable services is left out: ${unused}`,
      'remove incident.affected',
      { severity: 'warning' },
    );
  }
}

const MARKDOWN_FIELDS: (i: IncidentInput) => [KeyPath, Localized | undefined][] = (i) => [
  [['organization', 'about'], i.organization.about],
  ...(i.questions ?? []).map((q, n): [KeyPath, Localized] => [
    ['questions', n, 'answer'],
    q.answer,
  ]),
  [['email', 'signature'], i.email?.signature],
  ...(i.email?.recipients ?? []).map((r, n): [KeyPath, Localized | undefined] => [
    ['email', 'recipients', n, 'answer'],
    r.answer,
  ]),
];

function checkMarkdown(input: IncidentInput, report: Report): void {
  for (const [path, value] of MARKDOWN_FIELDS(input)) {
    for (const [subPath, text] of texts(path, value)) {
      for (const { href } of findUnsafeLinks(text)) {
        report(
          subPath,
          `link target ${JSON.stringify(href)} is not allowed: links must be http(s), mailto, tel or relative`,
          'remove the link or use a web address',
          { needle: href },
        );
      }
    }
  }
}

function texts(path: KeyPath, value: Localized | undefined): [KeyPath, string][] {
  if (value === undefined) return [];
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value).flatMap(([lang, text]) =>
    text === undefined ? [] : [[[...path, lang], text] as [KeyPath, string]],
  );
}

/** Every localized field of the file, with its path. */
function localizedFields(i: IncidentInput): [KeyPath, Localized | undefined][] {
  return [
    ...MARKDOWN_FIELDS(i),
    ...(i.incident.affected ?? []).map((a, n): [KeyPath, Localized] => [
      ['incident', 'affected', n],
      a,
    ]),
    ...(i.questions ?? []).map((q, n): [KeyPath, Localized] => [
      ['questions', n, 'question'],
      q.question,
    ]),
    [['press', 'headline'], i.press?.headline],
    [['email', 'subject'], i.email?.subject],
    [['email', 'salutation'], i.email?.salutation],
    ...(i.email?.recipients ?? []).map((r, n): [KeyPath, Localized | undefined] => [
      ['email', 'recipients', n, 'salutation'],
      r.salutation,
    ]),
  ];
}

function checkLanguages(
  input: IncidentInput,
  fileLang: Lang,
  wanted: readonly Lang[],
  report: Report,
): void {
  for (const [path, value] of localizedFields(input)) {
    if (value === undefined) continue;
    for (const lang of wanted) {
      const has = typeof value === 'string' ? lang === fileLang : value[lang] !== undefined;
      if (!has) {
        const other = LANGUAGES.filter((l) => l !== lang);
        report(
          path,
          `${path.join('.')} has no '${lang}' text`,
          `write it as a map { ${[fileLang, lang, ...other]
            .filter((l, k, a) => a.indexOf(l) === k)
            .slice(0, 2)
            .map((l) => `${l}: …`)
            .join(', ')} }`,
        );
      }
    }
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
