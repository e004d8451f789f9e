import { z } from 'zod';
import { PHASES, SERVICE_STATES, STATUSES } from '../incident/schema.js';

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:Z|[+-]\d{2}:\d{2})$/;
const dateTime = (description: string) =>
  z
    .string()
    .regex(RFC3339)
    .meta({ description, examples: ['2026-11-26T15:00:00+01:00'] });

/**
 * `status.json`: the current state of one incident, for a customer's website to embed. Its JSON
 * Schema is what `faq schema --status` prints; the schema is the contract, so a field is added,
 * never renamed (`version` changes if one must be).
 */
export const StatusSchema = z
  .strictObject({
    version: z.literal(1).meta({ description: 'Version of this format.' }),
    id: z.string().meta({ description: 'The incident: its output folder.' }),
    lang: z.string().meta({ description: 'Language of the texts (summary, service names).' }),
    organization: z
      .strictObject({
        name: z.string(),
        website: z.string().optional(),
      })
      .meta({ description: 'Who publishes.' }),
    status: z.enum(STATUSES).meta({ description: 'unknown, attack or malfunction.' }),
    phase: z.enum(PHASES).meta({ description: 'investigating, recovering or resolved.' }),
    updated: dateTime('The "Stand": when this state was published, with the local offset.'),
    draft: z.boolean().meta({
      description: 'True until this version is approved: do not show it to the public.',
    }),
    summary: z.string().meta({ description: 'The situation in one paragraph, plain text.' }),
    services: z
      .array(
        z.strictObject({
          name: z.string(),
          state: z.enum(SERVICE_STATES),
          since: dateTime('Since when it is in this state.').optional(),
        }),
      )
      .meta({ description: 'Each user-facing service and its state; empty when none is named.' }),
    hotline: z
      .strictObject({ phone: z.string(), hours: z.string().optional() })
      .optional()
      .meta({ description: 'The phone hotline for this incident.' }),
    links: z
      .array(
        z.strictObject({
          path: z.string().meta({ description: 'The file, relative to status.json.' }),
          url: z.string().optional().meta({ description: 'Its address, with publish.base_url.' }),
          variant: z.string(),
          lang: z.string(),
          format: z.string(),
          media_type: z.string(),
        }),
      )
      .meta({ description: 'Every other file rendered for this incident.' }),
  })
  .meta({
    title: 'faq status.json',
    description: 'The current state of one incident, written by faq next to its other files.',
  });

export type Status = z.infer<typeof StatusSchema>;

/** Identifies the status.json format (not a URL to fetch); bumped with `version`. */
const STATUS_SCHEMA_ID = 'urn:faq:status-json:v1';

/** The JSON Schema of status.json (draft-07, as `faq schema` writes), for `faq schema --status`. */
export function buildStatusJsonSchema(): object {
  const { $schema, ...rest } = z.toJSONSchema(StatusSchema, {
    target: 'draft-7',
    unrepresentable: 'throw',
  });
  return { $schema, $id: STATUS_SCHEMA_ID, ...rest };
}
