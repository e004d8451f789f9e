import type { NoticeCount } from '../shared.js';
import { countSms, smsCapacity } from './sms-count.js';
import { countBluesky, countGraphemes, countMastodon, countX } from './social-count.js';

/** The short notices, each a variant with its own length rules. */
export const NOTICE_KINDS = ['sms', 'social', 'banner', 'phone'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** A banner is one or two sentences and a link: at most this many characters. */
export const BANNER_LIMIT = 250;
/** A hotline announcement of at most 60 seconds at 150 words per minute. */
export const PHONE_WORDS = 150;
export const SOCIAL_LIMITS = { x: 280, bluesky: 300, mastodon: 500 } as const;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The words of a spoken text: what a speaker says at 150 per minute. */
export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Counts a notice's text by every rule of its kind. `segments`: the SMS parts allowed. */
export function countNotice(kind: NoticeKind, text: string, segments = 1): NoticeCount[] {
  if (kind === 'sms') {
    const sms = countSms(text);
    const parts = Math.max(sms.parts, 1);
    const needs = parts > segments ? `; needs ${parts}` : '';
    return [
      {
        rule: 'sms',
        count: sms.units,
        limit: smsCapacity(sms.encoding, segments),
        unit: `characters (${sms.encoding}, ${plural(segments, 'part', 'parts')}${needs})`,
        fits: parts <= segments,
        encoding: sms.encoding,
        parts,
      },
    ];
  }
  if (kind === 'social')
    return [
      byCount('x', countX(text), SOCIAL_LIMITS.x, 'weighted characters (X)'),
      byCount('bluesky', countBluesky(text), SOCIAL_LIMITS.bluesky, 'graphemes (Bluesky)'),
      byCount('mastodon', countMastodon(text), SOCIAL_LIMITS.mastodon, 'characters (Mastodon)'),
    ];
  if (kind === 'banner')
    return [byCount('banner', countGraphemes(text), BANNER_LIMIT, 'characters')];
  return [byCount('phone', countWords(text), PHONE_WORDS, 'words (60 seconds at 150 per minute)')];
}

/** The first rule a text breaks, or undefined when it fits every one. */
export function firstExceeded(counts: readonly NoticeCount[]): NoticeCount | undefined {
  return counts.find((c) => !c.fits);
}

function byCount(rule: string, count: number, limit: number, unit: string): NoticeCount {
  return { rule, count, limit, unit, fits: count <= limit };
}
