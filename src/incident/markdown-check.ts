import type { Report } from './date-rules.js';
import type { KeyPath } from './locate.js';
import { findMarkdownLimit } from './markdown-limits.js';
import { findUnsafeLinks, type UnsafeLink } from './markdown-safety.js';

/**
 * Checks one Markdown text of the incident file: first the limits (beyond them a Markdown
 * parser may crash or take minutes), then what the parser reads: unsafe link targets.
 */
export function checkMarkdownText(path: KeyPath, text: string, report: Report): void {
  const limit = findMarkdownLimit(text);
  if (limit) {
    report(path, limit.message, limit.hint, { within: { value: text, offset: limit.offset } });
    return;
  }
  const unsafe = findUnsafeLinksSafely(text);
  if (!unsafe) {
    report(
      path,
      'the Markdown parser cannot read this text',
      'an empty list item ("-" alone) ending a quote inside a list trips it: write text after the marker',
    );
    return;
  }
  for (const { href, reason } of unsafe) {
    report(
      path,
      reason === 'user'
        ? `link target ${JSON.stringify(href)} is not allowed: it names a user before "@", which a reader takes for the address`
        : `link target ${JSON.stringify(href)} is not allowed: links must be http(s), mailto, tel or relative`,
      reason === 'user'
        ? 'write only the address, e.g. https://www.example.org/page'
        : 'remove the link or use a web address',
      { needle: href },
    );
  }
}

/** marked throws on a few shapes (a quote in a list item ending in an empty item, then text). */
function findUnsafeLinksSafely(text: string): UnsafeLink[] | undefined {
  try {
    return findUnsafeLinks(text);
  } catch {
    return undefined;
  }
}
