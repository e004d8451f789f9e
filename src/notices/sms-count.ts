// SMS length by 3GPP TS 23.038 (GSM 03.38): the GSM 7-bit default alphabet, its extension table
// (each character an escape plus itself: 2 septets), and UCS-2 for any text with a character
// outside both. Concatenated messages lose room to the user data header: 153 septets or 67 UCS-2
// units per part, and a part never splits an escape pair or a surrogate pair.

/** The 7-bit default alphabet (0x1B, the escape, is not a character of its own). */
const GSM_BASIC =
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
  '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà';

/** The extension table: form feed, ^ { } \ [ ~ ] | and €, each sent as escape + character. */
const GSM_EXTENSION = '\f^{}\\[~]|€';

const BASIC = new Set(GSM_BASIC);
const EXTENSION = new Set(GSM_EXTENSION);

export type SmsEncoding = 'GSM-7' | 'UCS-2';

/** How an SMS text is sent: its encoding, its length in that encoding's units, and its parts. */
export interface SmsCount {
  encoding: SmsEncoding;
  /** Septets (GSM-7: an extension character counts 2) or UTF-16 units (UCS-2: an emoji counts 2). */
  units: number;
  parts: number;
}

const SINGLE = { 'GSM-7': 160, 'UCS-2': 70 } as const;
const PER_PART = { 'GSM-7': 153, 'UCS-2': 67 } as const;

/** Whether every character of `text` is in the GSM 7-bit alphabet or its extension table. */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!BASIC.has(ch) && !EXTENSION.has(ch)) return false;
  return true;
}

/** Each character's size in units: GSM-7 septets (1 or 2), or UTF-16 code units (1 or 2). */
function unitsOf(text: string, encoding: SmsEncoding): number[] {
  return [...text].map((ch) => (encoding === 'GSM-7' ? (EXTENSION.has(ch) ? 2 : 1) : ch.length));
}

/** Counts `text` as an SMS: GSM-7 when it can be, else UCS-2; parts filled in order. */
export function countSms(text: string): SmsCount {
  const encoding: SmsEncoding = isGsm7(text) ? 'GSM-7' : 'UCS-2';
  const sizes = unitsOf(text, encoding);
  const units = sizes.reduce((a, b) => a + b, 0);
  if (units <= SINGLE[encoding]) return { encoding, units, parts: units === 0 ? 0 : 1 };
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    // A character that does not fit whole starts the next part.
    if (used + size > PER_PART[encoding]) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return { encoding, units, parts };
}

/** The most units `segments` parts hold: 160 / 70 for one, 153 / 67 per part for more. */
export function smsCapacity(encoding: SmsEncoding, segments: number): number {
  return segments <= 1 ? SINGLE[encoding] : segments * PER_PART[encoding];
}
