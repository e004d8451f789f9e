import { z } from 'zod';
import { localizedMarkdown, localizedText, text } from './fields.js';

const GERMAN = ' German, in Leichte Sprache: `faq check` checks every sentence.';

/**
 * `leicht:` — the texts of the page in Leichte Sprache (the `leicht` variant) that only the
 * organisation can write, and who checked them. Without it the variant says only what its
 * built-in text says with the file's data, and is rendered only when asked for (`--variant leicht`).
 */
export const LeichtSchema = z
  .strictObject({
    about: localizedMarkdown(`"Wer sind wir?": who the organisation is.${GERMAN}`).optional(),
    questions: z
      .array(
        z.strictObject({
          question: localizedText(`The question.${GERMAN}`),
          answer: localizedMarkdown(`The answer.${GERMAN}`),
        }),
      )
      .default([])
      .meta({ description: 'Own questions and answers, after the built-in ones.' }),
    names: z
      .array(
        z.strictObject({
          name: text.meta({
            description:
              'A name as the file writes it (organization.name, a service, an affected service), in German.',
            examples: ['Kfz-Zulassung'],
          }),
          leicht: text.meta({
            description: 'What the page in Leichte Sprache says instead.',
            examples: ['Auto-Anmeldung'],
          }),
        }),
      )
      .default([])
      .meta({
        description:
          'Names in Leichte Sprache: a name with an abbreviation or too many words is replaced on the leicht page only.',
      }),
    checked_by: text.optional().meta({
      description:
        'Who checked the text (a test group of readers), shown on the page. Without it the page says: "Dieser Text wurde nicht von einer Prüfgruppe geprüft."',
      examples: ['Prüf·gruppe von der Lebenshilfe Aachen'],
    }),
  })
  .optional()
  .meta({
    description:
      'The page in Leichte Sprache (variant leicht, German only). With this key it is rendered by default.',
  });
