import { z } from 'zod';
import { GENDERS } from '../lang/grammar.js';
import { choice, text } from './fields.js';

/**
 * How German declines a name: the organisation's (`organization.grammar`) and each customer's
 * (`customers[].grammar`), read by `lang/grammar.ts` and checked by `grammar-rules.ts`.
 */
export const nameGrammar = z
  .strictObject({
    gender: choice(GENDERS).default('feminine').meta({
      description:
        'German grammatical gender of the name: "die regio iT" (feminine, default), "der Zweckverband" (masculine), "das Rechenzentrum" (neuter), "die Stadtwerke" (plural), or none (no article: "Dataport").',
    }),
    genitive: text.optional().meta({
      description:
        'The name as it reads after "des"/"der", if it changes: "Zweckverbands KDN". Default: the name.',
      examples: ['Zweckverbands KDN'],
    }),
    forms: z
      .strictObject({
        nom: text.meta({
          description: 'Nominative with article: "das Kommunale Rechenzentrum Niederrhein".',
        }),
        gen: text.meta({
          description: 'Genitive with article: "des Kommunalen Rechenzentrums Niederrhein".',
        }),
        dat: text.meta({
          description: 'Dative with article: "dem Kommunalen Rechenzentrum Niederrhein".',
        }),
        acc: text.meta({
          description: 'Accusative with article: "das Kommunale Rechenzentrum Niederrhein".',
        }),
      })
      .optional()
      .meta({
        description:
          'The name in the four cases, as in a sentence (article in lower case). Needed when the words change: "Kommunales …", masculine and neuter names without genitive.',
      }),
  })
  .prefault({});
