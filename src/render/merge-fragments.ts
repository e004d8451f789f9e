import { inlineFragments } from '../formats/inline-css.js';
import { joinTextBlocks, lexMarkdown, renderHtmlBody } from '../formats/markdown.js';
import type { Skeleton } from './merge-skeleton.js';

/** A recipient's own field (salutation, answer) rendered alone, to be put into its skeleton. */
export interface Fragment {
  text: string;
  html: string;
  /** Its HTML with the e-mail's CSS inlined; null when that could not be done in one batch. */
  inlined?: string | null;
}

/**
 * A field's Markdown as paragraphs of their own, or undefined when it is anything else: a list,
 * heading, quote, code or table may join a block next to it or render differently there, and a
 * link definition applies to the whole document. Paragraphs after a blank line render alone.
 */
export function prepareFragment(value: string, wrap: number | undefined): Fragment | undefined {
  if (!value || /^\s/.test(value)) return undefined;
  const tokens = lexMarkdown(value);
  if (Object.keys((tokens as { links?: object }).links ?? {}).length > 0) return undefined;
  if (!tokens.every((t) => t.type === 'paragraph' || t.type === 'space')) return undefined;
  const text = joinTextBlocks(tokens, wrap);
  if (!text || text !== text.trim()) return undefined;
  return { text, html: renderHtmlBody(tokens, []) };
}

/**
 * Inlines the CSS into fragments, one juice run per skeleton for all fragments first seen with
 * it (fragments with one text are one object, so each is inlined once).
 */
export async function inlineAll(pending: Map<Skeleton, Set<Fragment>>): Promise<void> {
  for (const [skeleton, set] of pending) {
    const fragments = [...set].filter((f) => f.inlined === undefined);
    if (fragments.length === 0 || !skeleton.html) continue;
    const token = Object.values(skeleton.tokens)[0]!;
    const slot = `<p>${token}</p>\n`;
    const html = fragments.map((f) => f.html);
    const inlined = await inlineFragments(skeleton.html.page, slot, html);
    fragments.forEach((f, n) => (f.inlined = inlined?.[n] ?? null));
  }
  pending.clear();
}
