import { z } from 'zod';
import { LANGUAGES } from '../lang/index.js';
import { CONTROL_CLASS, INVISIBLE_BMP_CLASS } from './characters.js';
import { hasUserInfo } from './markdown-safety.js';

/**
 * What a value of the incident file is, beyond its JSON type: the walkers of `walk.ts` use it to
 * parse dates, check languages and links, and escape values for templates; the docs show it.
 */
export const FIELD_KINDS = {
  slug: 'name: a-z, 0-9 and "-"',
  text: 'single-line text',
  'localized-text': 'localized text',
  'localized-markdown': 'localized Markdown',
  date: 'date',
  url: 'http(s) URL',
  email: 'e-mail address',
  'time-zone': 'IANA time zone',
  choice: 'one of a list of words',
  flag: '`true` | `false`',
  count: 'whole number',
} as const;
export type FieldKind = keyof typeof FIELD_KINDS;

/**
 * Which dates of the incident a date may not precede or follow; `date-rules.ts` checks every date
 * field by what its declaration says here.
 */
export interface DateBounds {
  /** Not before `incident.detected`. */
  notBefore?: 'detected';
  /** Not after `updated` (the "Stand"): it would state something that has not happened yet. */
  notAfter?: 'updated';
}

/** The kind of each field constructor below; `.meta()`, `.refine()` and the like inherit it. */
export const fieldKinds = z.registry<{ kind: FieldKind; bounds?: DateBounds }>();

function withKind<T extends z.ZodType>(kind: FieldKind, schema: T, bounds?: DateBounds): T {
  fieldKinds.add(schema, bounds ? { kind, bounds } : { kind });
  return schema;
}

const LINE_BREAK = /[\r\n\u2028\u2029]/;

// The same rules as JSON Schema patterns (for `faq schema`): after trimming, not empty, and no
// control or invisible character (single-line texts: no line break either). Which characters
// are refused is checked once for every string of the file (characters.ts, in schema.ts).
const C = CONTROL_CLASS + INVISIBLE_BMP_CLASS;
const L = LINE_BREAK.source.slice(1, -1);
const SINGLE_LINE_PATTERN = `^\\s*[^\\s${C}](?:[^${L}${C}]*[^\\s${C}])?\\s*$`;
const MULTI_LINE_PATTERN = `^\\s*[^\\s${C}](?:[^${C}]*[^\\s${C}])?\\s*$`;

const singleLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !LINE_BREAK.test(s), 'must be a single line')
  .meta({ pattern: SINGLE_LINE_PATTERN });

const multiLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .meta({ pattern: MULTI_LINE_PATTERN });

/** Plain text on one line, shown literally (escaped per format). */
export const text = withKind('text', singleLine);

/** What every localized field's description ends with (the docs say it once). */
export const LOCALIZED_NOTE =
  " A plain string in the file's `lang`, or a map of languages: { de: …, en: … }.";

function localized(text: z.ZodType<string>, description: string) {
  const perLanguage = Object.fromEntries(LANGUAGES.map((lang) => [lang, text.optional()]));
  return z
    .union([
      text,
      z
        .strictObject(perLanguage)
        .refine((m) => Object.keys(m).length > 0, 'needs at least one language')
        .meta({ minProperties: 1 }),
    ])
    .meta({
      description: `${description}${LOCALIZED_NOTE}`,
    });
}

/** Plain text in one or more languages (shown literally, escaped per format). */
export const localizedText = (description: string) =>
  withKind('localized-text', localized(singleLine, description).brand<'LocalizedText'>());
/** Markdown in one or more languages (paragraphs, lists, emphasis, safe links). */
export const localizedMarkdown = (description: string) =>
  withKind(
    'localized-markdown',
    localized(multiLine, `${description} Markdown.`).brand<'LocalizedMarkdown'>(),
  );

export const DATE_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?$';

/** A date as written; `validate.ts` parses it in the organisation's time zone. */
export const date = (description: string, bounds?: DateBounds) =>
  withKind(
    'date',
    z
      .string()
      .regex(new RegExp(DATE_PATTERN), 'must be a date like 2026-11-24 or 2026-11-24T09:30')
      .brand<'IncidentDate'>()
      .meta({ description, examples: ['2026-11-24', '2026-11-24T09:30'] }),
    bounds,
  );

export const email = withKind(
  'email',
  z.email('must be an e-mail address like presse@example.org'),
);

export const httpUrl = withKind(
  'url',
  z
    .string()
    .refine(
      (s) => /^https?:\/\/[^\s<>"'`]+$/i.test(s) && URL.canParse(s),
      'must be an http(s) URL like https://www.example.org',
    )
    .refine((s) => !hasUserInfo(s), {
      message: 'must not name a user before "@": a reader sees that name as the address',
      params: { hint: 'write only the address, e.g. https://www.example.org', needle: '@' },
    })
    // The authority (up to the first / \\ ? #) has no "@".
    .meta({
      pattern: `^[Hh][Tt][Tt][Pp][Ss]?://[^\\s<>"'\`/\\\\?#@${C}]+(?:[/\\\\?#][^\\s<>"'\`${C}]*)?$`,
    }),
);

export const slug = withKind(
  'slug',
  z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]*$/,
      'may contain only a-z, 0-9 and "-", starting with a letter or digit',
    )
    .max(64, 'must be at most 64 characters'),
);

export const timeZone = withKind('time-zone', z.string());

/** One of a fixed list of words. */
export const choice = <const T extends readonly [string, ...string[]]>(values: T) =>
  withKind('choice', z.enum(values));

export const flag = withKind('flag', z.boolean());

/** A whole number from 1 to `max` (how many SMS parts a text may take). */
export const count = (max: number) =>
  withKind(
    'count',
    z
      .number()
      .int('must be a whole number')
      .min(1, 'must be at least 1')
      .max(max, `must be at most ${max}`),
  );
