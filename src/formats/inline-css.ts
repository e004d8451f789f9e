import { CODE_BLOCK, inlineKnownCss } from './inline-known.js';

/**
 * The e-mail's CSS, inlined into every element by juice (mail clients drop <style>). juice is
 * loaded only when e-mail HTML is rendered.
 */
const JUICE_OPTIONS = {
  removeStyleTags: true,
  preserveMediaQueries: true,
  preserveFontFaces: false,
  insertPreservedExtraCss: true,
};

type Juice = typeof import('juice');

let loaded: Juice | undefined;
async function loadJuice(): Promise<Juice> {
  loaded ??= (await import('juice')).default;
  return loaded;
}

/**
 * The page with its style sheets inlined: for the e-mail layout's own sheet without juice when
 * the result is certain (`inline-known.ts`, byte for byte juice's), else by juice.
 */
export async function inlineCss(page: string): Promise<string> {
  return inlineKnownCss(page) ?? inlineCssWithJuice(page);
}

/** The page with its style sheets inlined by juice (also what the build records styles from). */
export async function inlineCssWithJuice(page: string): Promise<string> {
  return (await loadJuice())(page, JUICE_OPTIONS);
}

/** A selector whose match depends on the element alone: a type, classes and an id, or `*`. */
const CONTEXT_FREE_SELECTOR = /^(?:\*|[a-zA-Z][\w-]*)?(?:[.#][\w-]+)*$/;

/**
 * The selectors of a style sheet of plain rules (no at-rules, nesting or escapes; strings only
 * in declarations), or undefined for anything else. (The bundle has juice's inliner only, not
 * its CSS parser; this reads the simple sheets the context check accepts, and refuses the rest.)
 */
function readSelectors(css: string): string[] | undefined {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '').replace(/"[^"]*"|'[^']*'/g, '""');
  if (/[@\\]/.test(text) || !/^(?:[^{}]*\{[^{}]*\})*\s*$/.test(text)) return undefined;
  return [...text.matchAll(/([^{}]*)\{[^{}]*\}/g)].flatMap((m) => m[1]!.split(','));
}

/**
 * Whether juice gives every element of this page the style it would give the same element
 * anywhere in the page: each selector of its style sheets names the element alone (no
 * descendant, sibling or structural selector), without CSS variables or counters, which juice
 * resolves along the tree. Then a fragment inlined in one place is inlined the same in another.
 */
export function hasContextFreeStyles(page: string): boolean {
  if (CODE_BLOCK.test(page)) return false;
  const sheets = [...page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]!);
  const css = sheets.join('\n');
  if (/var\(|counter-/i.test(css)) return false;
  const selectors = readSelectors(css);
  return selectors !== undefined && selectors.every((s) => CONTEXT_FREE_SELECTOR.test(s.trim()));
}

/**
 * Inlines the CSS of `page` into many HTML fragments with one juice run: `slot`, which must occur
 * exactly once in the page, is replaced by the fragments, each after a marker comment, and the
 * inlined page is cut at the markers again. Only for pages with context-free styles (see above),
 * and fragments without text juice treats as code; undefined when anything is not as expected.
 */
export async function inlineFragments(
  page: string,
  slot: string,
  fragments: readonly string[],
): Promise<string[] | undefined> {
  const at = page.indexOf(slot);
  if (at < 0 || page.indexOf(slot, at + 1) >= 0) return undefined;
  if (fragments.some((f) => CODE_BLOCK.test(f) || f.includes('<!--'))) return undefined;
  const nonce = Math.random().toString(36).slice(2);
  const marker = (n: number | string): string => `<!--faq-fragment-${nonce}-${n}-->`;
  const joined = fragments.map((f, n) => marker(n) + f).join('') + marker('end');
  const inlined = await inlineCss(page.slice(0, at) + joined + page.slice(at + slot.length));
  const parts = inlined.split(new RegExp(`<!--faq-fragment-${nonce}-([0-9]+|end)-->`));
  // [before, 0, fragment 0, 1, fragment 1, …, 'end', after]
  if (parts.length !== 2 * fragments.length + 3) return undefined;
  const result: string[] = [];
  for (let n = 0; n < fragments.length; n++) {
    if (parts[1 + 2 * n] !== String(n)) return undefined;
    result.push(parts[2 + 2 * n]!);
  }
  return parts.at(-2) === 'end' ? result : undefined;
}
