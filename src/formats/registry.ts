import { eml } from './eml.js';
import { html } from './html.js';
import { md } from './md.js';
import { txt } from './txt.js';
import type { Format } from './types.js';

/** Every output format, by name. Adding one: a file exporting a `Format`, and an entry here. */
export const FORMATS: Record<string, Format> = { html, md, txt, eml };

export const FORMAT_NAMES = Object.keys(FORMATS);
