import type { Format } from './types.js';

/** Markdown for the CMS: the template's own output. */
export const md: Format = {
  ext: 'md',
  render: (doc) => doc.markdown,
};
