import { FORMATS } from '../formats/registry.js';
import type { RenderedDocument } from '../formats/types.js';
import type { Artifact, Selection, Variant } from '../shared.js';

// How the documents built from facts (feeds, status.json) sit among the others: their file
// names, the feed a page links, and the files status.json lists.

/** `faq.de`: a variant's file name before the extension; `status` when it is not per language. */
export function fileStem(name: string, config: Variant, lang: string): string {
  return config.perLanguage === false ? name : `${name}.${lang}`;
}

/** Whether every format of the variant is built from the facts: it has no template. */
export function isFromFacts(config: Variant): boolean {
  return config.formats.every((f) => FORMATS[f]?.fromFacts);
}

/**
 * The feed a page links: of a variant rendered in this run whose `page` is this one, the first
 * selected feed format (Atom), as the file next to the page.
 */
export function findFeed(
  page: string,
  variants: Record<string, Variant>,
  selection: Selection,
  lang: string,
): RenderedDocument['subscribe'] {
  for (const name of selection.variants) {
    const config = variants[name];
    if (config?.page !== page) continue;
    const feed = config.formats.find((f) => FORMATS[f]?.isFeed && selection.formats.includes(f));
    if (feed) {
      const { ext, mediaType } = FORMATS[feed]!;
      return { href: `${fileStem(name, config, lang)}.${ext}`, type: mediaType };
    }
  }
  return undefined;
}

/**
 * The artifacts rendered so far, as status.json names them: not a mail merge's e-mails, which
 * are each for one recipient (an individual answer) and not for a public file to point at.
 */
export function listSiblings(
  artifacts: readonly Artifact[],
  id: string,
): RenderedDocument['siblings'] {
  return artifacts
    .filter((a) => a.recipient === undefined)
    .map((a) => ({
      path: a.path.slice(id.length + 1),
      variant: a.variant,
      lang: a.lang,
      format: a.format,
      mediaType: FORMATS[a.format]!.mediaType,
    }));
}
