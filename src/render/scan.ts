import { InputError } from '../errors.js';
import type { Incident } from '../incident/incident.js';
import type { Artifact } from './render.js';

/**
 * Text that must never ship: the seed's placeholders, template syntax, and what JavaScript prints
 * for a missing value. Each is allowed only where the incident file itself contains it, because
 * values are shown literally (an organisation may really be called "NaN Systems").
 */
const LEFTOVERS: [string, RegExp][] = [
  ['DATUM', /DATUM/],
  ['OPTION:', /OPTION:/],
  ['[Individuell beantworten]', /\[Individuell beantworten\]/],
  ['{{', /\{\{/],
  ['}}', /\}\}/],
  ['undefined', /\bundefined\b/],
  ['null', /\bnull\b/],
  ['NaN', /\bNaN\b/],
  ['Invalid Date', /Invalid Date/],
  ['[object Object]', /\[object Object\]/],
];

function valuesText(incident: Incident): string {
  return JSON.stringify(incident);
}

/** Fails the render if an artifact contains a leftover placeholder or a missing value's text. */
export function scanForLeftovers(artifact: Artifact, incident: Incident): void {
  const text = new TextDecoder().decode(artifact.content);
  const source = valuesText(incident);
  for (const [name, pattern] of LEFTOVERS) {
    const match = pattern.exec(text);
    if (match && !source.includes(name)) {
      const before = text.slice(0, match.index).split('\n');
      throw new InputError([
        {
          file: artifact.path,
          line: before.length,
          col: before.at(-1)!.length + 1,
          severity: 'error',
          path: '',
          message: `rendered text contains "${name}": a placeholder was not filled`,
          hint: 'fix the template that produces this line; nothing was written',
        },
      ]);
    }
  }
}
