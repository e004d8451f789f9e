import { z } from 'zod';
import { flag, httpUrl } from './fields.js';

/**
 * `publish`: where and how the output folder is published. Its own module, so that every
 * setting about publishing (the address here, the archive of published versions) lives in one
 * place and `schema.ts` only names the key.
 */
export const PublishSchema = z
  .strictObject({
    base_url: httpUrl.optional().meta({
      description:
        'Address of the published output folder: the files of this incident are at <base_url>/<id>/. Gives the feeds absolute links to the FAQ page and to themselves.',
      examples: ['https://status.example.org/'],
    }),
    archive: flag.default(false).meta({
      description:
        'Keep a copy of every approved version under `<id>/archive/<updated>/`, as `faq render --archive` does (docs/outputs.md, "The archive"). Default: false.',
    }),
  })
  .prefault({})
  .meta({ description: 'Where the output folder is published, and the archive of its versions.' });
