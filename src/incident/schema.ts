import { z } from 'zod';
import { GENDERS, type Gender } from '../lang/grammar.js';
import { LANGUAGES } from '../lang/index.js';

/** Control characters (other than line breaks and tabs in multi-line fields) are never text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufdd0-\ufdef\ufffe\uffff]/;
const LINE_BREAK = /[\r\n\u2028\u2029]/;

// The same rules as JSON Schema patterns (for `faq schema`): after trimming, not empty, and no
// control character (single-line texts: no line break either). Built from the regexes above.
const C = CONTROL.source.slice(1, -1);
const L = LINE_BREAK.source.slice(1, -1);
const SINGLE_LINE_PATTERN = `^\\s*[^\\s${C}](?:[^${L}${C}]*[^\\s${C}])?\\s*$`;
const MULTI_LINE_PATTERN = `^\\s*[^\\s${C}](?:[^${C}]*[^\\s${C}])?\\s*$`;

const singleLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !LINE_BREAK.test(s), 'must be a single line')
  .refine((s) => !CONTROL.test(s), 'contains a control character')
  .meta({ pattern: SINGLE_LINE_PATTERN });

const multiLine = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .refine((s) => !CONTROL.test(s), 'contains a control character')
  .meta({ pattern: MULTI_LINE_PATTERN });

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
      description: `${description} A plain string in the file's \`lang\`, or a map of languages: { de: …, en: … }.`,
    });
}

/** Plain text in one or more languages (shown literally, escaped per format). */
export const LocalizedText = (description: string) => localized(singleLine, description);
/** Markdown in one or more languages (paragraphs, lists, emphasis, safe links). */
export const LocalizedMarkdown = (description: string) =>
  localized(multiLine, `${description} Markdown.`);

export const DATE_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?(Z|[+-]\\d{2}:?\\d{2})?)?$';
const dateText = (description: string) =>
  z
    .string()
    .regex(new RegExp(DATE_PATTERN), 'must be a date like 2026-11-24 or 2026-11-24T09:30')
    .meta({ description, examples: ['2026-11-24', '2026-11-24T09:30'] });

const email = z.email('must be an e-mail address like presse@example.org');
const httpUrl = z
  .string()
  .refine(
    (s) => /^https?:\/\/[^\s<>"'`]+$/i.test(s) && URL.canParse(s),
    'must be an http(s) URL like https://www.example.org',
  )
  .meta({ pattern: '^[Hh][Tt][Tt][Pp][Ss]?://[^\\s<>"\'`]+$' });

export const STATUSES = ['unknown', 'attack', 'malfunction'] as const;
export const PHASES = ['investigating', 'recovering', 'resolved'] as const;
export const MEASURES = ['shutdown', 'crisis_team', 'experts', 'forensics'] as const;
export { GENDERS };

const person = z.strictObject({
  name: singleLine
    .optional()
    .meta({ description: 'Name shown with the contact, e.g. "Pressestelle".' }),
  email: email
    .optional()
    .meta({ description: 'E-mail address of the contact.', examples: ['presse@example.org'] }),
  phone: singleLine
    .optional()
    .meta({ description: 'Phone number, quoted: "+49 241 …".', examples: ['+49 241 12345-0'] }),
});

export const IncidentSchema = z
  .strictObject({
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]*$/,
        'may contain only a-z, 0-9 and "-", starting with a letter or digit',
      )
      .max(64, 'must be at most 64 characters')
      .optional()
      .meta({
        description: 'Name of the output folder. Default: the file name without extension.',
        examples: ['regio-it-2026-11'],
      }),
    lang: z.enum(LANGUAGES).optional().meta({
      description: 'Language of plain-string texts and default output language. Default: de.',
      default: 'de',
    }),
    updated: dateText('The "Stand" / "as of" shown on every artifact.'),
    organization: z
      .strictObject({
        name: singleLine.meta({
          description: 'Name of the organisation, shown as written.',
          examples: ['regio iT'],
        }),
        about: LocalizedMarkdown('"Who we are": FAQ answer and press boilerplate.').optional(),
        city: singleLine
          .optional()
          .meta({ description: 'Dateline of the press release.', examples: ['Aachen'] }),
        website: httpUrl
          .optional()
          .meta({ description: 'Website (http or https).', examples: ['https://www.example.org'] }),
        timezone: z
          .string()
          .optional()
          .meta({
            description: 'IANA time zone of the dates. Default: Europe/Berlin.',
            default: 'Europe/Berlin',
            examples: ['Europe/Berlin'],
          }),
        contact: person
          .optional()
          .meta({ description: 'Press contact; also the e-mail sender unless email.from is set.' }),
        grammar: z
          .strictObject({
            gender: z.enum(GENDERS).optional().meta({
              description:
                'German grammatical gender of the name: "die regio iT" (feminine, default), "der Zweckverband" (masculine), "das Rechenzentrum" (neuter), "die Stadtwerke" (plural), or none (no article: "Dataport").',
              default: 'feminine',
            }),
            genitive: singleLine.optional().meta({
              description:
                'The name as it reads after "des"/"der", if it changes: "Zweckverbands KDN".',
              examples: ['Zweckverbands KDN'],
            }),
          })
          .optional()
          .meta({ description: 'How German sentences refer to the organisation.' }),
      })
      .meta({ description: 'Who publishes: name, contact and how German sentences name it.' }),
    incident: z
      .strictObject({
        status: z.enum(STATUSES).meta({
          description:
            'What is known: unknown (attack or malfunction not yet clear), attack, malfunction.',
        }),
        phase: z.enum(PHASES).optional().meta({
          description: 'investigating (default), recovering, resolved.',
          default: 'investigating',
        }),
        detected: dateText('When monitoring noticed the unusual activity.'),
        crisis_team: dateText('When the crisis team was formed.').optional(),
        findings_expected: dateText(
          'When first findings are expected; required while investigating.',
        ).optional(),
        measures: z
          .array(z.enum(MEASURES))
          .refine((l) => new Set(l).size === l.length, 'lists a measure twice')
          .optional()
          .meta({
            description: 'Measures taken, in this order. Default: all four.',
            default: [...MEASURES],
            uniqueItems: true,
          }),
        affected: z
          .array(LocalizedText('A service that is not available.'))
          .optional()
          .meta({
            description: 'Services that are not available.',
            examples: [['E-Government-Portale', 'Lernplattformen der Schulen']],
          }),
      })
      .meta({ description: 'The facts of the incident.' }),
    options: z
      .strictObject({
        cancel_appointments: z.boolean().optional().meta({
          description: 'Ask people not to come to appointments. Default: false.',
          default: false,
        }),
      })
      .optional()
      .meta({ description: 'Optional sentences of the wording.' }),
    questions: z
      .array(
        z.strictObject({
          question: LocalizedText('The question.'),
          answer: LocalizedMarkdown('The answer.'),
        }),
      )
      .optional()
      .meta({ description: 'Extra questions and answers.' }),
    press: z
      .strictObject({ headline: LocalizedText('Headline of the press release.').optional() })
      .optional()
      .meta({ description: 'Press release.' }),
    email: z
      .strictObject({
        subject: LocalizedText('Subject of the customer e-mail.').optional(),
        from: z
          .strictObject({
            name: singleLine.optional().meta({ description: 'Sender name.' }),
            email: email.meta({
              description: 'Sender address.',
              examples: ['presse@example.org'],
            }),
          })
          .optional()
          .meta({ description: 'Sender. Default: organization.contact.' }),
        salutation: LocalizedText('Salutation, e.g. "Sehr geehrte Damen und Herren,".').optional(),
        signature: LocalizedMarkdown('Signature below the e-mail.').optional(),
        recipients: z
          .array(
            z.strictObject({
              name: singleLine.meta({ description: 'Recipient, e.g. "Stadt Musterstadt".' }),
              email: email.optional().meta({ description: "The recipient's address." }),
              salutation: LocalizedText("This recipient's salutation.").optional(),
              answer: LocalizedMarkdown('The individual answer for this recipient.').optional(),
            }),
          )
          .optional()
          .meta({ description: 'One e-mail per recipient (mail merge).' }),
      })
      .optional()
      .meta({ description: 'Customer e-mail.' }),
  })
  .meta({
    title: 'faq incident file',
    description: 'One incident: the facts from which faq renders FAQ, press release and e-mails.',
  });

/** An incident file as written (before defaults and dates are applied). */
export type IncidentInput = z.infer<typeof IncidentSchema>;
export type Localized = string | Partial<Record<(typeof LANGUAGES)[number], string>>;
export type Status = (typeof STATUSES)[number];
export type Phase = (typeof PHASES)[number];
export type Measure = (typeof MEASURES)[number];
export type { Gender };
