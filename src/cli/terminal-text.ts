/**
 * What a terminal must not receive from user text: control characters (escape sequences can
 * recolour, move the cursor or erase), invisible format characters (bidi controls reorder what
 * is shown) and line or paragraph separators. TAB and LF are kept; CR is not (it overwrites).
 */
const UNSHOWABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]|\p{Cf}/gu;

/** `\x1b`, `\u202e`, `\u{e0041}`: the character written so that it can be seen. */
function visible(char: string): string {
  const cp = char.codePointAt(0)!;
  const hex = cp.toString(16);
  if (cp < 0x100) return `\\x${hex.padStart(2, '0')}`;
  return cp < 0x10000 ? `\\u${hex.padStart(4, '0')}` : `\\u{${hex}}`;
}

/** User text as a terminal may show it: every unshowable character visibly escaped. */
export function escapeForTerminal(text: string): string {
  return text.replace(UNSHOWABLE, visible);
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls already; the rest of what a terminal must
 * not receive is escaped as `\uXXXX` too, which JSON reads back as the same text.
 */
export function stringifyForTerminal(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(UNSHOWABLE, (char) =>
    char
      .split('')
      .map((unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`)
      .join(''),
  );
}
