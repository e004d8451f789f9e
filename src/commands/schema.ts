import { EXIT } from '../shared.js';
import { formatIncidentJsonSchema } from '../schema/json-schema.js';

/**
 * `faq schema`: the JSON Schema of the incident file, to stdout (for editors and CI);
 * `--status`: that of the status.json that faq writes for each incident.
 */
export async function runSchema(opts: { status?: boolean } = {}): Promise<number> {
  if (opts.status) {
    const { buildStatusJsonSchema } = await import('../formats/status-schema.js');
    process.stdout.write(`${JSON.stringify(buildStatusJsonSchema(), null, 2)}\n`);
    return EXIT.ok;
  }
  process.stdout.write(formatIncidentJsonSchema());
  return EXIT.ok;
}
