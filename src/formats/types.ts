import type { Token } from 'marked';
import type { Customer, Incident, Recipient } from '../incident/incident.js';
import type { Variant } from '../shared.js';
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
  config: Variant;
  lang: string;
  /** The recipient of a mail-merge e-mail. */
  recipient?: Recipient;
  /** The customer of a kit's document (a notice in its voice). */
  customer?: Customer;
  /** Files an e-mail carries (a customer's kit): rendered before the e-mail's .eml. */
  attachments?: Attachment[];
  view: ViewModel;
  /** The document title in plain text: page title, headline, or e-mail subject (marked if a draft). */
  title: string;
  /**
   * Set when the incident is a draft (no approval, or one older than `updated`): the banner text
   * ("ENTWURF – nicht veröffentlichen") that every format shows first.
   */
  draft?: string;
  /** Markdown of the artifact (without the subject line for e-mails). */
  markdown: string;
  tokens: Token[];
  headings: Heading[];
  labels: Record<string, string>;
  layouts: Layouts;
  wrap?: number;
  /** The FAQ page's links to the archived earlier versions (newest first), when there are any. */
  earlier?: readonly { href: string; iso: string; text: string }[];
  /**
   * The feed a page links (`<link rel="alternate">` and a visible Subscribe link): the file next
   * to it, when the run renders it.
   */
  subscribe?: { href: string; type: string };
  /** The artifacts of this incident rendered before this document (status.json links them). */
  siblings?: readonly {
    path: string;
    variant: string;
    lang: string;
    format: string;
    mediaType: string;
  }[];
  /** Formats already produced for this document, for formats built from others (eml). */
  produced: Map<string, string | Uint8Array>;
}

/** A file attached to an e-mail. */
export interface Attachment {
  filename: string;
  /** Media type with charset, e.g. `text/plain; charset=utf-8`. */
  contentType: string;
  content: string;
}

/** Why a document cannot have a format (an e-mail without sender), said like a diagnostic. */
export interface Unavailable {
  /** The incident file's key path that would make it available. */
  path: string;
  message: string;
  hint: string;
}

/** What a format's module exports: the renderer, loaded only when a document needs it. */
export interface FormatModule {
  render(doc: RenderedDocument): Promise<string | Uint8Array> | string | Uint8Array;
  /** Set when this document cannot have the format: skipped with a warning, or an error if asked for. */
  unavailable?(doc: RenderedDocument): Unavailable | undefined;
}

/** A format: an entry in src/formats/registry.ts and a module that renders it. */
export interface Format {
  /** File extension of its artifacts. */
  ext: string;
  /** Media type, e.g. for the preview's HTTP responses. */
  mediaType: string;
  /** Rendered through the variant's HTML layout (`layouts/<layout>.html.hbs`). */
  needsLayout?: boolean;
  /** Formats it is built from, rendered before it (and checked even if not asked for). */
  inputs?: readonly string[];
  /**
   * Built from the incident's facts (the update log, status, services), not from a variant's
   * Markdown template: a variant whose formats are all such has no template (feeds, status.json).
   * Its document's Markdown is the current state (`partials/status-line.md.hbs`).
   */
  fromFacts?: boolean;
  /** Pages link artifacts of this format as their feed (Atom). */
  isFeed?: boolean;
  /** Text that `faq diff` can compare. */
  diffable?: boolean;
  /** Rendered only when asked for by name (`--format mbox`), not by default. */
  optIn?: boolean;
  /** One file per variant and language that holds the format's output for every recipient. */
  combined?: boolean;
  /** Its module; loaded on first use, so that listing the registry stays cheap. */
  load(): Promise<FormatModule>;
}
