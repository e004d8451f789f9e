import type { RenderedDocument } from './types.js';

/** Markdown for the CMS: the template's own output. */
export function render(doc: RenderedDocument): string {
  return doc.markdown;
}
