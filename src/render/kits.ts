import { FORMATS } from '../formats/registry.js';
import type { Attachment, RenderedDocument } from '../formats/types.js';
import type { Customer, Incident, Recipient } from '../incident/incident.js';
import { suggestion } from '../incident/suggest.js';
import { UsageError, type Selection, type Variant } from '../shared.js';
import { buildDocument } from './document.js';
import { fileStem } from './feed-links.js';
import type { TemplateEngine } from './engine.js';

/** Whom a run writes to: every recipient and customer, or the one `--customer` names. */
export interface Audience {
  recipients: Recipient[];
  /** The customers that get a notice: those that use an affected service. */
  withNotice: Customer[];
}

/**
 * The recipients (customers are recipients too) and the customers with a notice; with
 * `--customer`, only the one it names by slug or name (any case), else a usage error that lists
 * the names.
 */
export function selectAudience(incident: Incident, selection: Selection): Audience {
  let recipients = incident.email.recipients;
  if (selection.customer !== undefined) {
    const wanted = selection.customer.trim().toLowerCase();
    recipients = recipients.filter((r) => r.slug === wanted || r.name.toLowerCase() === wanted);
    if (recipients.length === 0) {
      const slugs = incident.email.recipients.map((r) => r.slug);
      throw new UsageError(
        `${incident.file} has no customer or recipient "${selection.customer}"`,
        slugs.length === 0
          ? 'the file has neither customers nor email.recipients'
          : suggestion(selection.customer, slugs),
      );
    }
  }
  const withNotice = recipients.flatMap((r) =>
    r.customer && r.customer.services.length > 0 ? [r.customer] : [],
  );
  return { recipients, withNotice };
}

/** Where a document is written, without the extension. */
export function basePath(doc: RenderedDocument): string {
  const { incident, variant, lang, recipient, customer } = doc;
  const stem = fileStem(variant, doc.config, lang);
  if (doc.config.perCustomer && customer)
    return `${incident.id}/customers/${customer.slug}/${stem}`;
  return `${incident.id}/${stem}${recipient ? `.${recipient.slug}` : ''}`;
}

/**
 * The customers' notices of one render, each rendered once: as the kit's files and as the
 * attachments of the customer's e-mail, whichever comes first.
 */
export class Kits {
  private readonly documents = new Map<string, RenderedDocument>();
  private readonly notice: { name: string; config: Variant } | undefined;

  constructor(
    private readonly incident: Incident,
    private readonly engine: TemplateEngine,
    variants: Readonly<Record<string, Variant>>,
    private readonly wrap?: number,
  ) {
    const name = Object.keys(variants).find((n) => variants[n]!.perCustomer);
    this.notice = name === undefined ? undefined : { name, config: variants[name]! };
  }

  /** The customer's document of a per-customer variant in `lang`. */
  document(variant: { name: string; config: Variant }, customer: Customer, lang: string) {
    const key = `${variant.name}\n${customer.slug}\n${lang}`;
    let doc = this.documents.get(key);
    if (!doc) {
      const wrap = this.wrap ? { wrap: this.wrap } : {};
      doc = buildDocument(this.incident, variant, lang, this.engine, { ...wrap, customer });
      this.documents.set(key, doc);
    }
    return doc;
  }

  /** A format of a kit's document, made once. */
  async produce(doc: RenderedDocument, format: string): Promise<string | Uint8Array> {
    const made = doc.produced.get(format);
    if (made !== undefined) return made;
    const content = await (await FORMATS[format]!.load()).render(doc);
    doc.produced.set(format, content);
    return content;
  }

  /** The notice as plain text and HTML, for the customer's e-mail; none without a notice. */
  async attachments(customer: Customer, lang: string): Promise<Attachment[]> {
    if (!this.notice || customer.services.length === 0) return [];
    const doc = this.document(this.notice, customer, lang);
    const files: Attachment[] = [];
    for (const [format, contentType] of [
      ['txt', 'text/plain; charset=utf-8'],
      ['html', 'text/html; charset=utf-8'],
    ] as const) {
      const content = String(await this.produce(doc, format));
      files.push({ filename: `${this.notice.name}.${lang}.${format}`, contentType, content });
    }
    return files;
  }
}
