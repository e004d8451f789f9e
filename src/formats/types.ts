import type { Token } from 'marked';
import type { Incident, Recipient } from '../incident/incident.js';
import type { VariantConfig } from '../shared.js';
import type { ViewModel } from '../view/model.js';
import type { Heading } from './markdown.js';

/** The layout templates a format may use (the render stage opens them from the template store). */
export interface Layouts {
  /** The HTML layout `layouts/<name>.html.hbs`, compiled. */
  html(name: string): (data: object) => string;
  /** The style sheet `layouts/<name>.css`, or '' if there is none. */
  css(name: string): string;
}

/** One variant in one language (and for one recipient), rendered to Markdown: what formats read. */
export interface RenderedDocument {
  incident: Incident;
  variant: string;
  config: VariantConfig;
  lang: string;
  /** The recipient of a mail-merge e-mail. */
  recipient?: Recipient;
  view: ViewModel;
  /** The document title in plain text: page title, headline, or e-mail subject. */
  title: string;
  /** Markdown of the artifact (without the subject line for e-mails). */
  markdown: string;
  tokens: Token[];
  headings: Heading[];
  labels: Record<string, string>;
  layouts: Layouts;
  wrap?: number;
  /** Formats already produced for this document, for formats built from others (eml). */
  produced: Map<string, string | Uint8Array>;
}

/** A format: one file and one entry in the registry. */
export interface Format {
  ext: string;
  render(doc: RenderedDocument): Promise<string | Uint8Array> | string | Uint8Array;
}
