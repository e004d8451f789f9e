import { toEpoch } from '../incident/dates.js';
import { senderOf, unavailable } from './eml.js';
import type { RenderedDocument } from './types.js';

export { unavailable };

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The date of an mbox "From " line: asctime(3) in UTC, "Thu Nov 26 14:00:00 2026". */
function asctime(ms: number): string {
  const d = new Date(ms);
  const two = (n: number): string => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  const day = String(d.getUTCDate()).padStart(2, ' ');
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${day} ${time} ${d.getUTCFullYear()}`;
}

/**
 * One message of an mbox (mboxrd): the "From " line with the sender and `updated`, the .eml's
 * bytes with LF line ends, every line that starts with "From " after any number of ">" quoted
 * with one more ">", and a blank line. The render joins those of every recipient in one file.
 */
export function render(doc: RenderedDocument): Uint8Array {
  const eml = doc.produced.get('eml');
  if (!(eml instanceof Uint8Array)) throw new Error('mbox needs the .eml rendered first');
  // The .eml is 7-bit ASCII; latin1 gives back every byte unchanged in any case.
  const message = Buffer.from(eml)
    .toString('latin1')
    .replace(/\r\n/g, '\n')
    .replace(/^(>*From )/gm, '>$1');
  const from = senderOf(doc)?.address ?? 'MAILER-DAEMON';
  const line = `From ${from} ${asctime(toEpoch(doc.incident.updated))}\n`;
  const end = message.endsWith('\n') ? '\n' : '\n\n';
  return new Uint8Array(Buffer.from(`${line}${message}${end}`, 'latin1'));
}
