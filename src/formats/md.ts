import { markMarkdown } from './draft.js';
import type { RenderedDocument } from './types.js';

/** Markdown for the CMS: the template's own output; a draft's first line says it is one. */
export function render(doc: RenderedDocument): string {
  return markMarkdown(doc, doc.markdown);
}
