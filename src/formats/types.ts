import type { Token } from 'marked';
import type { Incident, Recipient } from '../incident/incident.js';
import type { TemplateEngine } from '../render/engine.js';
import type { VariantConfig } from '../render/templates.js';
import type { ViewModel } from '../view/model.js';
import type { Heading } from './markdown.js';

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
  engine: TemplateEngine;
  wrap?: number;
  /** Formats already produced for this document, for formats built from others (eml). */
  produced: Map<string, string | Uint8Array>;
}

/** A format: one file and one entry in the registry. */
export interface Format {
  ext: string;
  render(doc: RenderedDocument): Promise<string | Uint8Array> | string | Uint8Array;
}
