// How a link reads in plain text: its text, and its target in parentheses unless the text shows it.

/**
 * What to write after a link's text in plain text: the target, or undefined when the text already
 * shows it — the same address for `mailto:`, the same number for `tel:` (written nationally,
 * "05555 123-999", or internationally, "+49 5555 123999"), the URL itself otherwise.
 */
export function linkTarget(label: string, href: string): string | undefined {
  const scheme = /^(mailto|tel):/i.exec(href)?.[1]?.toLowerCase();
  if (scheme === 'mailto') {
    const address = decode(href.slice(7).split('?')[0]!);
    return label.toLowerCase().includes(address.toLowerCase()) ? undefined : address;
  }
  if (scheme === 'tel') {
    const number = decode(href.slice(4));
    return isSameNumber(label, number) ? undefined : number;
  }
  return href === label ? undefined : href;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A phone number's digits, and whether they start with the country code. */
function digitsOf(text: string): { digits: string; international: boolean } {
  // "+49 (0) 241 …": the trunk prefix in parentheses is not dialled from abroad.
  const digits = text.replace(/\(0\)/g, '').replace(/\D/g, '');
  if (/^\s*\+/.test(text)) return { digits, international: true };
  if (digits.startsWith('00')) return { digits: digits.slice(2), international: true };
  return { digits, international: false };
}

/** Whether two ways of writing a phone number dial the same number. */
function isSameNumber(a: string, b: string): boolean {
  const [x, y] = [digitsOf(a), digitsOf(b)];
  if (x.digits.length < 3 || y.digits.length < 3) return false;
  if (x.international === y.international) return x.digits === y.digits;
  const [national, intl] = x.international ? [y.digits, x.digits] : [x.digits, y.digits];
  // 05555 123-999 is +49 5555 123-999: the trunk 0 stands for a country code of 1–3 digits.
  if (!national.startsWith('0')) return false;
  const rest = national.slice(1);
  const codeLength = intl.length - rest.length;
  return codeLength >= 1 && codeLength <= 3 && intl.endsWith(rest);
}
