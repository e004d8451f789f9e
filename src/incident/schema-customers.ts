import { z } from 'zod';
import { email, httpUrl, localizedMarkdown, localizedText, text } from './fields.js';
import { nameGrammar } from './schema-grammar.js';
import { copyFields } from './schema-mail.js';

/** Marks an object that may be written as the plain value of one of its keys. */
export const PLAIN_KEY = 'x-faq-plain';

/**
 * One of the customer's services: a name of the top-level `services`, or `{ name, note }`. A plain
 * name is read as `{ name }`, so everything after validation (the walks, the templates) sees one
 * shape; `walk.ts` follows the pipe to the object, `faq schema` offers both forms.
 */
const CustomerServiceSchema = z
  .preprocess(
    (value) => (typeof value === 'string' ? { name: value } : value),
    z.strictObject({
      name: text.meta({
        description: 'The name of one of the top-level `services`, as written there.',
        examples: ['Kfz-Zulassung'],
      }),
      note: localizedMarkdown(
        'What this customer adds, e.g. "Bürgerbüro Nord: Kfz-Zulassung ab Montag wieder möglich".',
      ).optional(),
    }),
  )
  // `faq schema` offers the name alone too (json-schema.ts reads the marker).
  .meta({ description: 'A service name, or { name, note }.', [PLAIN_KEY]: 'name' });

/** One customer: a municipality, school authority or municipal company the provider serves. */
const CustomerSchema = z.strictObject({
  name: text.meta({
    description: 'The customer, as it names itself: "Stadt Aachen", "Kreis Düren".',
    examples: ['Stadt Aachen'],
  }),
  short_name: text.optional().meta({
    description:
      'A shorter name for its short notices (SMS, social media, banner), where the name stands alone before a colon: "Aachen: IT-Störung beim IT-Dienstleister …". Sentences keep the full name and its grammar. Default: the name.',
    examples: ['Aachen'],
  }),
  grammar: nameGrammar.meta({
    description:
      'How German sentences of its notice name the customer, as organization.grammar: "die Stadt Aachen" (default), "der Kreis Düren", "die Stadtwerke Aachen".',
  }),
  email: email.optional().meta({ description: "The customer's address for the e-mail." }),
  salutation: localizedText("The salutation of this customer's e-mail.").optional(),
  answer: localizedMarkdown("The individual answer in this customer's e-mail.").optional(),
  ...copyFields,
  website: httpUrl.optional().meta({
    description: "The customer's own website, named in its notice.",
    examples: ['https://www.aachen.de'],
  }),
  contact: z
    .strictObject({
      phone: text.meta({
        description: 'The customer\'s citizen hotline, quoted: "+49 241 432-0".',
        examples: ['+49 241 432-0'],
      }),
      hours: localizedText('When it is staffed, e.g. "Mo–Fr 8–16 Uhr".').optional(),
    })
    .optional()
    .meta({ description: "The customer's own hotline for its citizens, named in its notice." }),
  services: z.array(CustomerServiceSchema).default([]).meta({
    description:
      "Which of the top-level `services` this customer's citizens are affected by: names, or { name, note }, mixed. Empty: the e-mail says nothing is affected, and there is no notice.",
  }),
});

/** `customers:` — one kit (notice and e-mail) per customer. */
export const customers = z.array(CustomerSchema).default([]).meta({
  description:
    "The provider's customers: each gets a citizen notice in its own voice and its own e-mail (instead of email.recipients; not both).",
});
