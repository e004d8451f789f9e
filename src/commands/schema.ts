import { EXIT } from '../shared.js';
import { formatIncidentJsonSchema } from '../schema/json-schema.js';

/** `faq schema`: the JSON Schema of the incident file, to stdout (for editors and CI). */
export async function runSchema(): Promise<number> {
  process.stdout.write(formatIncidentJsonSchema());
  return EXIT.ok;
}
