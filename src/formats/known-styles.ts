/**
 * What juice does to each kind of element under a style sheet faq ships (the e-mail layout's),
 * recorded by scripts/build.mjs from juice itself: `src/formats/inline-known.ts` applies it
 * without loading juice, for pages it can prove juice would treat element by element.
 */
export interface KnownStyles {
  /** The text of the page's one `<style>` element this record is for. */
  sheet: string;
  /** The class names the sheet's selectors use (every other selector is a bare element name). */
  classes: readonly string[];
  /**
   * The attributes juice sets, in its order, per element: `p`, or `main.message` for an element
   * with a class of the sheet. An element not listed here is left to juice.
   */
  elements: Readonly<Record<string, readonly (readonly [string, string])[]>>;
  /**
   * Start tags faq writes with a `style` of their own (the draft banner), exactly as written, and
   * juice's start tag for each (its declarations merged with the sheet's).
   */
  tags: Readonly<Record<string, string>>;
}

/** Empty in the source: the build replaces this module (in lib/ and in the CLI bundle). */
export const KNOWN_STYLES: readonly KnownStyles[] = [];
