import { renderText } from './markdown.js';
import type { Format } from './types.js';

/** Plain text to paste into a mail client: no markup, no entities, paragraphs unbroken unless --wrap. */
export const txt: Format = {
  ext: 'txt',
  render: (doc) => renderText(doc.tokens, doc.wrap),
};
