import { markText } from './draft.js';
import { renderText } from './markdown.js';
import type { RenderedDocument } from './types.js';

/** Plain text to paste into a mail client: no markup, no entities, paragraphs unbroken unless --wrap. */
export function render(doc: RenderedDocument): string {
  return markText(doc, renderText(doc.tokens, doc.wrap));
}
