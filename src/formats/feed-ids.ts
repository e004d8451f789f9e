import { hash } from 'node:crypto';

/**
 * Who mints a feed's ids: the tag: authority (RFC 4151) — the host of the first URL given (the
 * organisation's website, then `publish.base_url`), else the domain of an e-mail address — and
 * the day from which it is used (an incident's `detected`, "2026-11-24"). The name seeds the
 * fallback when there is no authority.
 */
export interface IdOwner {
  authority?: string;
  day: string;
  name: string;
}

/** The tag: authority of the first of these that has one: a URL's host, or an e-mail's domain. */
export function tagAuthority(candidates: readonly (string | undefined)[]): string | undefined {
  for (const value of candidates) {
    if (!value) continue;
    if (/^https?:\/\//i.test(value)) {
      const host = URL.canParse(value) ? new URL(value).hostname.toLowerCase() : '';
      if (/^[a-z0-9.-]+$/.test(host) && host.includes('.')) return host;
      continue;
    }
    const domain = value.split('@')[1]?.toLowerCase();
    if (domain && /^[a-z0-9.-]+\.[a-z0-9-]+$/.test(domain)) return domain;
  }
  return undefined;
}

/** RFC 4151's `specific`: pchar, "/" and "?"; anything else percent-encoded. */
const toSpecific = (text: string): string =>
  [...text]
    .map((c) => (/[A-Za-z0-9\-._~!$&'()*+,;=:@/?]/.test(c) ? c : encodeURIComponent(c)))
    .join('');

/**
 * A stable id for a feed or an entry: `tag:regioit.de,2026-11-24:<specific>`, the same on every
 * render of the same facts. Without an authority, a name-based `urn:uuid:` (a hash of the owner's
 * name and the specific part), stable as well.
 */
export function stableId(owner: IdOwner, specific: string): string {
  if (owner.authority) return `tag:${owner.authority},${owner.day}:${toSpecific(specific)}`;
  const h = hash('sha256', `${owner.name}\n${specific}`);
  // A version 5-style UUID from the hash: version and variant bits set.
  const variant = ((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}
