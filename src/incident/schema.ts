import { z } from 'zod';
import { LANGUAGES } from '../lang/index.js';
import { rejectUnsafeCharacters } from './characters.js';
import { PublishSchema } from './schema-publish.js';
import { customers } from './schema-customers.js';
import { nameGrammar } from './schema-grammar.js';
import {
  choice,
  date,
  email,
  flag,
  httpUrl,
  localizedMarkdown,
  localizedText,
  slug,
  text,
  timeZone,
} from './fields.js';
import { copyFields, replyTo } from './schema-mail.js';
import { DataProtectionSchema } from './schema-data-protection.js';
import { ReportSchema } from './schema-report.js';
import { LeichtSchema } from './schema-leicht.js';
import { notices } from './schema-notices.js';

export { DATE_PATTERN } from './fields.js';

export const DEFAULT_TIMEZONE = 'Europe/Berlin';
export const STATUSES = ['unknown', 'attack', 'malfunction'] as const;
export const PHASES = ['investigating', 'recovering', 'resolved'] as const;
export const MEASURES = [
  'shutdown',
  'crisis_team',
  'experts',
  'forensics',
  'police',
  'data_protection_authority',
  'bsi',
] as const;
/** The measures of the seed's wording: the default of `incident.measures`. */
export const DEFAULT_MEASURES = ['shutdown', 'crisis_team', 'experts', 'forensics'] as const;
export const SERVICE_STATES = ['down', 'limited', 'restored'] as const;
export type Status = (typeof STATUSES)[number];
export type Phase = (typeof PHASES)[number];
/** Who speaks: an IT service provider to its customers, or an administration to its citizens. */
export const ORGANIZATION_KINDS = ['provider', 'administration'] as const;

const person = z.strictObject({
  name: text.optional().meta({ description: 'Name shown with the contact, e.g. "Pressestelle".' }),
  email: email
    .optional()
    .meta({ description: 'E-mail address of the contact.', examples: ['presse@example.org'] }),
  phone: text
    .optional()
    .meta({ description: 'Phone number, quoted: "+49 241 …".', examples: ['+49 241 12345-0'] }),
});

const organization = z
  .strictObject({
    name: text.meta({
      description: 'Name of the organisation, shown as written.',
      examples: ['regio iT'],
    }),
    short_name: text.optional().meta({
      description:
        'A shorter name for the short notices (SMS, social media, banner), e.g. "regio iT" for "regio iT gesellschaft für informationstechnologie mbh". Default: the name.',
      examples: ['KRZN'],
    }),
    kind: choice(ORGANIZATION_KINDS).default('provider').meta({
      description:
        'Who speaks to whom: provider (an IT service provider to its customers, default) or administration (a city or county to its citizens; no customer wording).',
    }),
    about: localizedMarkdown('"Who we are": FAQ answer and press boilerplate.').optional(),
    city: text
      .optional()
      .meta({ description: 'Dateline of the press release.', examples: ['Aachen'] }),
    website: httpUrl
      .optional()
      .meta({ description: 'Website (http or https).', examples: ['https://www.example.org'] }),
    timezone: timeZone.default(DEFAULT_TIMEZONE).meta({
      description: 'IANA time zone of the dates. Default: Europe/Berlin.',
      examples: ['Europe/Berlin'],
    }),
    contact: person
      .optional()
      .meta({ description: 'Press contact; also the e-mail sender unless email.from is set.' }),
    grammar: nameGrammar.meta({ description: 'How German sentences refer to the organisation.' }),
  })
  .meta({ description: 'Who publishes: name, contact and how German sentences name it.' });

const incident = z
  .strictObject({
    status: choice(STATUSES).optional().meta({
      description:
        'What is known: unknown (attack or malfunction not yet clear), attack, malfunction. Required unless an update sets it; must agree with the newest update that sets one.',
    }),
    phase: choice(PHASES).default('investigating').meta({
      description:
        'investigating (default), recovering, resolved. Left out: the newest update that sets a phase decides; written: must agree with it.',
    }),
    detected: date('When monitoring noticed the unusual activity.'),
    crisis_team: date('When the crisis team was formed; not before detected.', {
      notBefore: 'detected',
    }).optional(),
    findings_expected: date(
      'When first findings are expected (once the status is known: the next update); required while investigating; not before detected.',
      { notBefore: 'detected' },
    ).optional(),
    measures: z
      .array(choice(MEASURES))
      .refine((l) => new Set(l).size === l.length, 'lists a measure twice')
      .default([...DEFAULT_MEASURES])
      .meta({
        description:
          'Measures taken: the measure paragraphs that appear, in this order. Default: shutdown, crisis_team, experts, forensics.',
        uniqueItems: true,
      }),
    confirmed: date(
      'When the status (attack or malfunction) was established; not before detected, not after updated.',
      { notBefore: 'detected', notAfter: 'updated' },
    ).optional(),
    custom_measures: z
      .array(
        z.strictObject({
          title: localizedText('Title of the measure.'),
          text: localizedMarkdown('What was done.'),
        }),
      )
      .default([])
      .meta({ description: 'Own measures, shown after the built-in ones.' }),
    affected: z
      .array(localizedText('A service that is not available.'))
      .default([])
      .meta({
        description:
          'Services that are not available (all "down"). For services in several states use the top-level `services` instead; not both.',
        examples: [['E-Government-Portale', 'Lernplattformen der Schulen']],
      }),
  })
  .meta({ description: 'The facts of the incident.' });

const update = z.strictObject({
  at: date('When this update was published; not before incident.detected, not after updated.', {
    notBefore: 'detected',
    notAfter: 'updated',
  }),
  text: localizedMarkdown('What is new.'),
  status: choice(STATUSES)
    .optional()
    .meta({ description: 'The status established by this update, if it changed.' }),
  phase: choice(PHASES)
    .optional()
    .meta({ description: 'The phase entered with this update, if it changed.' }),
});

const service = z.strictObject({
  name: localizedText('Name of the user-facing service, e.g. "Kfz-Zulassung".'),
  state: choice(SERVICE_STATES).meta({
    description: 'down (not available), limited (partly or with a workaround), restored.',
  }),
  since: date('Since when the service is in this state; not after updated.', {
    notAfter: 'updated',
  }).optional(),
  note: localizedMarkdown('Workaround or alternative, e.g. "Nur mit Termin".').optional(),
});

const contacts = z
  .strictObject({
    hotline: z
      .strictObject({
        phone: text.meta({
          description: 'Hotline number, quoted: "+49 241 …".',
          examples: ['+49 241 41359-999'],
        }),
        hours: localizedText('When the hotline is staffed, e.g. "Mo–Fr 8–18 Uhr".').optional(),
      })
      .optional()
      .meta({ description: 'The phone hotline for this incident.' }),
    email_unreachable_since: date(
      'Since when e-mails to the organisation are not received; not after updated.',
      { notAfter: 'updated' },
    ).optional(),
    alternatives: localizedMarkdown(
      'Other ways to reach the organisation: post, fax, in person, 115 …',
    ).optional(),
  })
  .optional()
  .meta({ description: 'How people reach the organisation during the incident.' });

/** When a text that belongs to a moment is shown: only while status and phase are listed. */
const when = z
  .strictObject({
    status: z
      .array(choice(STATUSES))
      .min(1)
      .optional()
      .meta({ description: 'Shown only while incident.status is one of these. Default: any.' }),
    phase: z
      .array(choice(PHASES))
      .min(1)
      .optional()
      .meta({ description: 'Shown only while incident.phase is one of these. Default: any.' }),
  })
  .optional();

/** When a text was written or last checked: a later change of status or phase is a warning. */
const asOf = (what: string) =>
  date(
    `When ${what} was written or last checked: if status or phase changed after it, faq check warns.`,
  ).optional();

/** One recipient of a mail merge. */
export const RecipientSchema = z.strictObject({
  name: text.meta({ description: 'Recipient, e.g. "Stadt Musterstadt".' }),
  email: email.optional().meta({ description: "The recipient's address." }),
  salutation: localizedText("This recipient's salutation.").optional(),
  answer: localizedMarkdown('The individual answer for this recipient.').optional(),
  when: when.meta({
    description:
      'Show the answer only while status and phase are listed (the e-mail is still written).',
  }),
  as_of: asOf('the answer'),
  ...copyFields,
});

const emailSection = z
  .strictObject({
    subject: localizedText(
      'Subject of the customer e-mail. Default: the organisation and the "Stand".',
    ).optional(),
    from: z
      .strictObject({
        name: text.optional().meta({ description: 'Sender name.' }),
        email: email.meta({ description: 'Sender address.', examples: ['presse@example.org'] }),
      })
      .optional()
      .meta({ description: 'Sender. Default: organization.contact.' }),
    reply_to: replyTo,
    salutation: localizedText(
      'Salutation, e.g. "Sehr geehrte Damen und Herren,". Default: per language.',
    ).optional(),
    signature: localizedMarkdown('Signature below the e-mail. Default: the contact.').optional(),
    recipients: z
      .array(RecipientSchema)
      .default([])
      .meta({ description: 'One e-mail per recipient (mail merge).' }),
  })
  .prefault({})
  .meta({ description: 'Customer e-mail.' });

/**
 * The incident file: the one declaration of every field. Each value's kind (text, localized
 * Markdown, date, …) comes from its constructor in `fields.ts`; the `Incident` type, the checks of
 * dates, languages and links, the escaping for templates, `faq schema` and the reference table in
 * docs/incident-file.md are all derived from it.
 */
export const IncidentSchema = z
  .strictObject({
    id: slug.optional().meta({
      description: 'Name of the output folder. Default: the file name without extension.',
      examples: ['regio-it-2026-11'],
    }),
    lang: choice(LANGUAGES).default('de').meta({
      description: 'Language of plain-string texts and default output language. Default: de.',
    }),
    updated: date('The "Stand" / "as of" shown on every artifact; not before incident.detected.', {
      notBefore: 'detected',
    }),
    approval: z
      .strictObject({
        by: text.meta({ description: 'Who approved this version.', examples: ['Pressestelle'] }),
        at: date('When it was approved; before "updated" means an older version was approved.'),
      })
      .optional()
      .meta({
        description:
          'Release: without it (or when it is older than "updated") every artifact is a draft.',
      }),
    organization,
    incident,
    updates: z
      .array(update)
      .default([])
      .meta({ description: 'The dated log of the incident, any order; shown newest first.' }),
    services: z
      .array(service)
      .default([])
      .meta({ description: 'What each user-facing service is doing now.' }),
    contacts,
    options: z
      .strictObject({
        cancel_appointments: flag.default(false).meta({
          description:
            'Ask people not to come to appointments (the seed\'s "OPTION:" sentence). Default: false.',
        }),
      })
      .prefault({})
      .meta({ description: 'Optional sentences of the wording.' }),
    questions: z
      .array(
        z.strictObject({
          question: localizedText('The question.'),
          answer: localizedMarkdown('The answer.'),
          when: when.meta({
            description: 'Show the question only while status and phase are listed.',
          }),
          as_of: asOf('the answer'),
        }),
      )
      .default([])
      .meta({ description: 'Extra questions and answers.' }),
    press: z
      .strictObject({
        headline: localizedText(
          'Headline of the press release. Default: from status and phase.',
        ).optional(),
      })
      .prefault({})
      .meta({ description: 'Press release.' }),
    email: emailSection,
    publish: PublishSchema,
    customers,
    data_protection: DataProtectionSchema,
    report: ReportSchema,
    leicht: LeichtSchema,
    notices,
  })
  .superRefine(rejectUnsafeCharacters, { when: () => true })
  .meta({
    title: 'faq incident file',
    description: 'One incident: the facts from which faq renders FAQ, press release and e-mails.',
  });

/** An incident file as read: defaults applied, dates still as written. */
export type IncidentFile = z.output<typeof IncidentSchema>;
export type Localized = string | Partial<Record<(typeof LANGUAGES)[number], string>>;
