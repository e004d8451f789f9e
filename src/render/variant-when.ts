import type { Incident } from '../incident/incident.js';
import type { Variant } from '../shared.js';

/** The value at a key path ("data_protection", "organization.about"); empty lists count as none. */
function valueAt(incident: Incident, path: string): unknown {
  let value: unknown = incident;
  for (const key of path.split('.'))
    value =
      value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) && value.length === 0 ? undefined : value;
}

/**
 * Why a variant does not exist for this incident (variants.json `when`), as [reason, hint];
 * undefined when it does. The render leaves such a variant out, or refuses it when asked for.
 */
export function whyNotRendered(
  name: string,
  config: Variant,
  incident: Incident,
): [string, string] | undefined {
  const when = config.when;
  if (!when) return undefined;
  const { status, phase } = incident.incident;
  if (when.has !== undefined && valueAt(incident, when.has) === undefined)
    return [
      `the ${name} variant needs \`${when.has}\`, which ${incident.file} does not have`,
      `add \`${when.has}:\` to the incident file (see docs/incident-file.md), or leave out --variant ${name}`,
    ];
  if (when.status && !when.status.includes(status))
    return [
      `the ${name} variant exists only while the status is ${when.status.join(' or ')}; ${incident.file} says ${status}`,
      `leave out --variant ${name}: without it, the render skips this variant`,
    ];
  if (when.phase && !when.phase.includes(phase))
    return [
      `the ${name} variant exists only once the phase is ${when.phase.join(' or ')}; ${incident.file} is ${phase}`,
      `leave out --variant ${name}: without it, the render skips this variant`,
    ];
  return undefined;
}
