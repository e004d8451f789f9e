import { z } from 'zod';
import { choice, date, email, localizedMarkdown, localizedText, text } from './fields.js';

/** What the file says about personal data: a breach that is suspected, or one that is certain. */
export const BREACHES = ['suspected', 'confirmed'] as const;

const dpo = z
  .strictObject({
    name: text.optional().meta({
      description: 'Name of the data protection officer (or the office), shown as written.',
      examples: ['Datenschutzbeauftragte der Stadt Musterstadt'],
    }),
    email: email.optional().meta({ description: 'E-mail address of the data protection officer.' }),
    phone: text
      .optional()
      .meta({ description: 'Phone number, quoted: "+49 241 …".', examples: ['+49 241 432-0'] }),
    address: text.optional().meta({
      description: 'Postal address on one line.',
      examples: ['Markt 1, 52062 Aachen'],
    }),
  })
  .optional()
  .meta({
    description:
      'The data protection officer or another contact point (Art. 33(3)(b) GDPR): required, with a name and at least one of email, phone, address.',
  });

const authority = z
  .strictObject({
    name: text.meta({
      description: 'The supervisory authority, shown as written.',
      examples: ['Landesbeauftragte für Datenschutz und Informationsfreiheit NRW'],
    }),
    notified: date('When the breach was reported to it (Art. 33 GDPR); not after updated.', {
      notBefore: 'detected',
      notAfter: 'updated',
    }).optional(),
  })
  .optional()
  .meta({ description: 'The supervisory authority the breach was reported to.' });

/**
 * `data_protection`: personal data was (or may have been) affected. With it, faq renders the
 * notice to the people affected (GDPR Art. 34, the `datenschutz` variant) and the FAQ answers
 * "Sind meine Daten betroffen?". The items Art. 34(2) requires are optional here so that a
 * missing one is reported by its article (`data-protection-rules.ts`), not as "required".
 */
export const DataProtectionSchema = z
  .strictObject({
    breach: choice(BREACHES).meta({
      description:
        'suspected (not yet known whether personal data was taken: the notice says so and when the next information follows, incident.findings_expected) or confirmed.',
    }),
    categories: z
      .array(localizedText('A kind of personal data, e.g. "Namen und Anschriften".'))
      .default([])
      .meta({
        description:
          'Which personal data is (or may be) affected: the nature of the breach (Art. 34(2) GDPR). Required.',
      }),
    consequences: localizedMarkdown(
      'The likely consequences for the people affected (Art. 33(3)(c) GDPR). Required.',
    ).optional(),
    measures: localizedMarkdown(
      'The measures taken or proposed, including those to mitigate adverse effects (Art. 33(3)(d) GDPR). Required.',
    ).optional(),
    advice: localizedMarkdown(
      'Own advice to the people affected, after the built-in advice (passwords, bank statements, phishing).',
    ).optional(),
    dpo,
    authority,
    reference: text
      .optional()
      .meta({ description: 'Reference number to quote in enquiries.', examples: ['DS-2026-041'] }),
  })
  .optional()
  .meta({
    description:
      'Personal data affected: renders the notice to the people affected (variant datenschutz, GDPR Art. 34) and a FAQ question about it.',
  });
