import type { Incident } from '../incident/incident.js';
import { InputError, type Artifact } from '../shared.js';

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

/** The texts of the incident file (not its path, which is no value shown anywhere). */
function valuesText(incident: Incident): string {
  const texts: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') texts.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) if (key !== 'file') collect(inner);
  };
  collect(incident);
  return texts.join('\n');
}

/** Fails the render if a rendered text contains a leftover placeholder or a missing value's text. */
export function scanText(path: string, content: string | Uint8Array, incident: Incident): void {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  const source = valuesText(incident);
  for (const [name, pattern] of LEFTOVERS) {
    const match = pattern.exec(text);
    if (match && !source.includes(name)) {
      const before = text.slice(0, match.index).split('\n');
      throw new InputError([
        {
          file: path,
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

/** The same for a finished artifact. */
export function scanForLeftovers(
  artifact: Pick<Artifact, 'path' | 'content'>,
  incident: Incident,
): void {
  scanText(artifact.path, artifact.content, incident);
}
