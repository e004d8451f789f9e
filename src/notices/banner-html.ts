import { escapeUTF8 } from 'entities';
import { findUrls } from './social-count.js';

// The banner as a snippet to paste into a CMS: one element, its style inline (a CMS keeps no
// style sheet of ours), no script and no event handler, `role="status"` so that a screen reader
// announces it, and a frame and bold type that say "notice" without colour.

const BOX =
  'margin:0 0 1em;padding:0.75em 1em;border:3px solid #1a1a1a;border-left-width:0.75em;background:#ffffff;color:#1a1a1a;font-size:1rem;line-height:1.5;overflow-wrap:anywhere';
const LINK = 'color:#0b3d91;text-decoration:underline';

/** "tel:+4924141359999" for a number as written (RFC 3966: the digits and a leading "+"). */
function telHref(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? '+' : ''}${digits.replace(/\+/g, '')}`;
}

/** The text escaped, its http(s) URLs and the phone number as links. */
function linkText(text: string, phone: string | undefined): string {
  const links: { start: number; end: number; href: string }[] = findUrls(text, false).map(
    ([start, end]) => ({ start, end, href: text.slice(start, end) }),
  );
  const at = phone ? text.indexOf(phone) : -1;
  if (phone && at >= 0 && !links.some((l) => at < l.end && at + phone.length > l.start))
    links.push({ start: at, end: at + phone.length, href: telHref(phone) });
  links.sort((a, b) => a.start - b.start);
  let html = '';
  let from = 0;
  for (const { start, end, href } of links) {
    html += escapeUTF8(text.slice(from, start));
    html += `<a href="${escapeUTF8(href)}" style="${LINK}">${escapeUTF8(text.slice(start, end))}</a>`;
    from = end;
  }
  return html + escapeUTF8(text.slice(from));
}

/**
 * The banner's HTML: the speaker's name in bold when the text starts with it, every link
 * working, a draft marked inside the element.
 */
export function renderBannerHtml(
  text: string,
  options: { lang: string; name: string; phone?: string; draft?: string },
): string {
  const { name } = options;
  const lead = text.startsWith(`${name}:`) ? `${name}:` : '';
  const body = linkText(text.slice(lead.length), options.phone);
  const strong = [options.draft, lead]
    .filter(Boolean)
    .map((s) => `<strong>${escapeUTF8(s!)}</strong>`);
  const start = strong.length > 0 ? `${strong.join(' ')}${lead ? '' : ' '}` : '';
  return `<div role="status" lang="${escapeUTF8(options.lang)}" style="${BOX}">${start}${body}</div>\n`;
}
