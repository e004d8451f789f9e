import type { z } from 'zod';

/**
 * Control characters: C0 and C1, DEL, and the noncharacters. TAB, LF and CR are white space, not
 * controls here; where a line break may stand is the schema's business (single-line texts).
 */
export const CONTROL_CLASS =
  '\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\ufdd0-\\ufdef\\ufffe\\uffff';

/**
 * The invisible format characters (Unicode category Cf) of the BMP, without the soft hyphen and
 * the two joiners: bidi controls, zero-width space, word joiner, byte order mark, … As a class
 * for JSON Schema patterns; a test keeps it equal to `\p{Cf}`, which the check itself uses.
 */
export const INVISIBLE_BMP_CLASS =
  '\\u0600-\\u0605\\u061c\\u06dd\\u070f\\u0890\\u0891\\u08e2\\u180e\\u200b\\u200e\\u200f' +
  '\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u206f\\ufeff\\ufff9-\\ufffb';

const CONTROL = new RegExp(`[${CONTROL_CLASS}]`);
const SUSPECT = new RegExp(`[${CONTROL_CLASS}]|\\p{Cf}`, 'gu');
const SOFT_HYPHEN = '\u00ad';
const ZWNJ = '\u200c';
const ZWJ = '\u200d';

/**
 * Scripts whose writing needs the zero-width (non-)joiner to choose a letter form or a ligature:
 * Arabic (also Persian, Urdu), Syriac, N'Ko, Mongolian and the Indic scripts.
 */
const JOINING_SCRIPT =
  /[\p{scx=Arabic}\p{scx=Syriac}\p{scx=Nko}\p{scx=Mongolian}\p{scx=Devanagari}\p{scx=Bengali}\p{scx=Gurmukhi}\p{scx=Gujarati}\p{scx=Oriya}\p{scx=Tamil}\p{scx=Telugu}\p{scx=Kannada}\p{scx=Malayalam}\p{scx=Sinhala}]$/u;
/** An emoji, its skin tone or its emoji presentation selector: ZWJ sequences (👩🏽‍💻, 🏳️‍🌈). */
const EMOJI = /[\p{Extended_Pictographic}\p{Emoji_Modifier}\ufe0f]$/u;

const NAMES: Record<number, string> = {
  0x061c: 'arabic letter mark',
  0x200b: 'zero-width space',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2060: 'word joiner',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'zero-width no-break space (byte order mark)',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
};

/** A character that may not stand in an incident's text, and where it stands. */
export interface UnsafeCharacter {
  index: number;
  char: string;
  kind: 'control' | 'invisible' | 'joiner';
}

/**
 * The first character of `text` that faq refuses: a control character, an invisible format
 * character (bidi controls, zero-width space, tags, …), or a joiner (ZWJ/ZWNJ) that does not
 * follow a letter of a script that needs it (ZWJ also: an emoji). The soft hyphen is allowed.
 */
export function findUnsafeCharacter(text: string): UnsafeCharacter | undefined {
  for (const match of text.matchAll(SUSPECT)) {
    const char = match[0];
    const index = match.index;
    if (char === SOFT_HYPHEN) continue;
    if (char === ZWJ || char === ZWNJ) {
      const before = text.slice(Math.max(0, index - 2), index);
      if (JOINING_SCRIPT.test(before) || (char === ZWJ && EMOJI.test(before))) continue;
      return { index, char, kind: 'joiner' };
    }
    const kind = CONTROL.test(char) ? 'control' : 'invisible';
    return { index, char, kind };
  }
  return undefined;
}

/** `U+202E`, `U+E0041`. */
export function codePointLabel(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function nameOf(char: string): string {
  const cp = char.codePointAt(0)!;
  if (cp >= 0xe0000 && cp <= 0xe007f) return 'tag character';
  return NAMES[cp] ?? 'format character';
}

/** The message and hint for an unsafe character. */
export function describeUnsafe(found: UnsafeCharacter): { message: string; hint: string } {
  const label = codePointLabel(found.char);
  if (found.kind === 'control') {
    const hex = found.char.charCodeAt(0).toString(16).padStart(2, '0');
    return {
      message: `contains a control character (\\x${hex})`,
      hint: 'delete it; a control character can recolour or erase what a terminal shows',
    };
  }
  if (found.kind === 'joiner') {
    return {
      message: `contains a ${nameOf(found.char)} (${label}) where no script needs one`,
      hint: 'delete it; joiners are allowed only after Arabic or Indic letters and inside emoji sequences',
    };
  }
  return {
    message: `contains the invisible ${nameOf(found.char)} (${label})`,
    hint: 'delete it; invisible characters can make readers see other text than the file says',
  };
}

/**
 * Where a character is written in YAML source: the character itself, or an escape of a
 * double-quoted scalar (`\e`, `\x1b`, `\u202E`, `\U0000202e`).
 */
export function sourcePattern(char: string): RegExp {
  const cp = char.codePointAt(0)!;
  const hex = (digits: number): string =>
    [...cp.toString(16).padStart(digits, '0')]
      .map((d) => (/[a-f]/.test(d) ? `[${d}${d.toUpperCase()}]` : d))
      .join('');
  const escapes = [`\\\\U${hex(8)}`, `\\\\u${hex(4)}`];
  if (cp < 0x100) escapes.push(`\\\\x${hex(2)}`);
  const named = YAML_ESCAPES[cp];
  if (named) escapes.push(`\\\\${named}`);
  const literal = char.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
  return new RegExp(`${literal}|${escapes.join('|')}`, 'u');
}

const YAML_ESCAPES: Record<number, string> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x0b: 'v',
  0x0c: 'f',
  0x1b: 'e',
  0x85: 'N',
  0x2028: 'L',
  0x2029: 'P',
};

type Path = (string | number)[];

/** Every string in `value` (an incident as parsed), with its key path. */
function* strings(value: unknown, path: Path): Generator<[string, Path]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value))
    for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}

/**
 * The one rule for the characters of every string of an incident file, as a zod refinement of
 * the whole file: one issue per string, at its path, with the hint and where to find it.
 */
export function rejectUnsafeCharacters(value: unknown, ctx: z.RefinementCtx): void {
  for (const [text, path] of strings(value, [])) {
    const found = findUnsafeCharacter(text);
    if (!found) continue;
    const { message, hint } = describeUnsafe(found);
    ctx.addIssue({
      code: 'custom',
      path,
      message,
      params: { hint, needle: sourcePattern(found.char) },
    });
  }
}
