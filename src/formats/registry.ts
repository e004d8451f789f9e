import type { Format } from './types.js';

/**
 * Every output format, by name, in the order the preview shows them. Adding one: a module in
 * this folder exporting `render` (see types.ts, FormatModule), and an entry here.
 */
export const FORMATS: Readonly<Record<string, Format>> = {
  html: {
    ext: 'html',
    mediaType: 'text/html; charset=utf-8',
    needsLayout: true,
    load: () => import('./html.js'),
  },
  md: {
    ext: 'md',
    mediaType: 'text/markdown; charset=utf-8',
    diffable: true,
    load: () => import('./md.js'),
  },
  txt: {
    ext: 'txt',
    mediaType: 'text/plain; charset=utf-8',
    diffable: true,
    load: () => import('./txt.js'),
  },
  eml: {
    ext: 'eml',
    mediaType: 'message/rfc822',
    inputs: ['txt', 'html'],
    load: () => import('./eml.js'),
  },
  mbox: {
    ext: 'mbox',
    mediaType: 'application/mbox',
    inputs: ['eml'],
    optIn: true,
    combined: true,
    load: () => import('./mbox.js'),
  },
  atom: {
    ext: 'atom',
    mediaType: 'application/atom+xml',
    fromFacts: true,
    isFeed: true,
    load: () => import('./atom-feed.js'),
  },
  jsonfeed: {
    ext: 'json',
    mediaType: 'application/feed+json',
    fromFacts: true,
    load: () => import('./json-feed.js'),
  },
  status: {
    ext: 'json',
    mediaType: 'application/json',
    fromFacts: true,
    load: () => import('./status-json.js'),
  },
};

export const FORMAT_NAMES = Object.keys(FORMATS);

/** What a render makes without --format: every format but those rendered only when asked for. */
export const DEFAULT_FORMATS = FORMAT_NAMES.filter((name) => !FORMATS[name]!.optIn);
