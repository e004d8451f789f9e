import type { Incident } from '../incident/incident.js';
import { InputError } from '../shared.js';

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

/**
 * The leftovers the incident file itself contains, each of which may then appear in the output.
 * Collected once per incident: a mail merge renders one file per recipient and format, and
 * walking every value for each of them made a large merge quadratic.
 */
export function allowedLeftovers(incident: Incident): ReadonlySet<string> {
  const allowed = new Set<string>();
  const collect = (value: unknown): void => {
    if (typeof value === 'string') {
      for (const [name] of LEFTOVERS) if (value.includes(name)) allowed.add(name);
    } else if (Array.isArray(value)) value.forEach(collect);
    // The file's path is no value shown anywhere.
    else if (value && typeof value === 'object')
      for (const [key, inner] of Object.entries(value)) if (key !== 'file') collect(inner);
  };
  collect(incident);
  return allowed;
}

const combined = new WeakMap<ReadonlySet<string>, RegExp>();

/** One expression that matches every leftover not allowed (a mail merge scans 40,000 files). */
function anyLeftover(allowed: ReadonlySet<string>): RegExp {
  let pattern = combined.get(allowed);
  if (!pattern) {
    const sources = LEFTOVERS.filter(([name]) => !allowed.has(name)).map(([, p]) => p.source);
    pattern = new RegExp(sources.length > 0 ? sources.join('|') : '(?!)');
    combined.set(allowed, pattern);
  }
  return pattern;
}

/** Fails the render if a rendered text contains a leftover placeholder or a missing value's text. */
export function scanText(
  path: string,
  content: string | Uint8Array,
  allowed: ReadonlySet<string>,
): void {
  const text = typeof content === 'string' ? content : new TextDecoder().decode(content);
  // One pass for all of them; only a file that has one is searched again to say which and where.
  if (!anyLeftover(allowed).test(text)) return;
  for (const [name, pattern] of LEFTOVERS) {
    if (allowed.has(name)) continue;
    const match = pattern.exec(text);
    if (match) {
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
