import { z } from 'zod';
import { IncidentSchema } from '../incident/schema.js';
import { PLAIN_KEY } from '../incident/schema-customers.js';

/** Identifies the incident-file format (not a URL to fetch); bump the version with the format. */
export const INCIDENT_SCHEMA_ID = 'urn:faq:incident-file:v1';

export type JsonSchema = { [key: string]: unknown };

/**
 * The JSON Schema of the incident file, generated from the zod schema (one source).
 *
 * Draft-07, because that is what editors speak: the YAML language server (VS Code's YAML
 * extension) validates draft-07 and below. It describes the file as written (`io: 'input'`), and
 * it is as strict as `faq check` wherever JSON Schema can say it; what it cannot say (calendar
 * dates, date order, time-zone names, languages of texts, link targets) only `faq check` knows.
 */
export function buildIncidentJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(IncidentSchema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'throw',
  }) as JsonSchema;
  const { $schema, title, description, ...rest } = generated;
  const schema: JsonSchema = {
    $schema,
    $id: INCIDENT_SCHEMA_ID,
    title,
    description,
    ...rest,
  };
  visit(schema, dropRedundantFormat);
  visit(schema, dropEmptyDefault);
  visit(schema, allowPlainValue);
  addCrossFieldRules(schema);
  return schema;
}

/** The schema as `faq schema` prints it. */
export function formatIncidentJsonSchema(): string {
  return `${JSON.stringify(buildIncidentJsonSchema(), null, 2)}\n`;
}

function visit(node: unknown, fn: (schema: JsonSchema) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) visit(item, fn);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  fn(node as JsonSchema);
  for (const value of Object.values(node)) visit(value, fn);
}

/**
 * zod writes `format: "email"` next to the exact pattern it checks. The pattern is enough, and a
 * `format` makes strict validators (ajv, ajv-cli) refuse the schema unless a formats plugin is
 * loaded — so it is left out.
 */
function dropRedundantFormat(schema: JsonSchema): void {
  if (typeof schema.format === 'string' && typeof schema.pattern === 'string') delete schema.format;
}

/**
 * A group or list that is left out reads as an empty one (the zod schema says so, to give the
 * `Incident` type its defaults). Saying it in JSON Schema helps no editor, and `faq diff` would
 * take a list that is added for one that is changed.
 */
function dropEmptyDefault(schema: JsonSchema): void {
  const value = schema.default;
  if (value !== null && typeof value === 'object' && Object.keys(value).length === 0)
    delete schema.default;
}

/**
 * An object marked as one that may be written as its key's value alone (a customer's service:
 * `Kfz-Zulassung` for `{ name: Kfz-Zulassung }`; zod reads it with a preprocess, which JSON
 * Schema cannot say by itself) accepts that value too.
 */
function allowPlainValue(schema: JsonSchema): void {
  const key = schema[PLAIN_KEY];
  if (typeof key !== 'string') return;
  delete schema[PLAIN_KEY];
  const { description, ...object } = schema;
  const plain = (object.properties as Record<string, JsonSchema>)[key];
  for (const k of Object.keys(schema)) delete schema[k];
  Object.assign(schema, { description, anyOf: [plain, object] });
}

// `type` repeated for ajv's strictTypes, `properties` for strictRequired.
const has = (key: string): JsonSchema => ({
  type: 'object',
  properties: { [key]: true },
  required: [key],
});
const anUpdateSets = (key: string): JsonSchema => ({
  properties: { updates: { type: 'array', contains: has(key) } },
  required: ['updates'],
});

/**
 * The cross-field rules JSON Schema can express (validate.ts checks them too; `properties` repeats
 * each required key so that ajv's strictest mode, strictRequired, accepts the schema):
 * `incident.status` is required unless an update sets a status, and `incident.findings_expected`
 * is required while `phase` is investigating — written so, or left out with no update that sets a
 * phase (the newest update that sets one decides, which JSON Schema cannot order by date).
 */
function addCrossFieldRules(schema: JsonSchema): void {
  const investigating: JsonSchema = {
    anyOf: [
      {
        properties: {
          incident: {
            type: 'object',
            properties: { phase: { const: 'investigating' } },
            required: ['phase'],
          },
        },
      },
      {
        properties: { incident: { type: 'object', not: has('phase') } },
        not: anUpdateSets('phase'),
      },
    ],
  };
  schema.allOf = [
    { if: anUpdateSets('status'), else: { properties: { incident: has('status') } } },
    { if: investigating, then: { properties: { incident: has('findings_expected') } } },
  ];
}
