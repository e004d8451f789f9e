import { renderFiles } from '../api.js';
import { checkIncident } from '../incident/check.js';
import type { LocalDate } from '../incident/dates.js';
import type { Incident, Recipient } from '../incident/incident.js';
import { readVariants } from '../render/variants.js';
import { TemplateStore } from '../render/templates.js';
import { InputError, UsageError } from '../shared.js';

/** One e-mail to send: the rendered .eml's bytes and its envelope. */
export interface Outgoing {
  /** The recipient's file name part (`email.de.<recipient>.eml`). */
  recipient: string;
  name: string;
  /** The recipient's address; none: the e-mail cannot be sent. */
  to?: string;
  cc: string[];
  bcc: string[];
  subject: string;
  messageId: string;
  /** Exactly the bytes `faq render` writes to the .eml. */
  bytes: Uint8Array;
}

/** The e-mails of one version of an incident, ready to send. */
export interface Prepared {
  id: string;
  updated: LocalDate;
  /** The envelope sender: email.from, else organization.contact.email. */
  from: string;
  messages: Outgoing[];
}

export interface PrepareOptions {
  file: string;
  variant: string;
  templates?: string;
  now?: number;
}

/**
 * Renders a file's e-mails in memory as `faq render --release --format eml` does, after the
 * checks of `faq check --release`: a draft, an error or a warning throws InputError (nothing is
 * sent). The bytes are the .eml's, so what was reviewed is what goes out.
 */
export async function prepareMessages(options: PrepareOptions): Promise<Prepared> {
  const now = options.now === undefined ? {} : { now: options.now };
  checkVariant(options);
  const checked = await checkIncident(options.file, { release: true, ...now });
  if (checked.diagnostics.length > 0 || !checked.incident)
    throw new InputError(checked.diagnostics);
  const incident = checked.incident as Incident;
  const outcome = await renderFiles({
    files: [options.file],
    variants: [options.variant],
    formats: ['eml'],
    release: true,
    dryRun: true,
    ...now,
    ...(options.templates ? { templates: options.templates } : {}),
  });
  const bySlug = new Map(incident.email.recipients.map((r) => [r.slug, r]));
  const messages = outcome.artifacts.map((artifact) => {
    const recipient = artifact.recipient ? bySlug.get(artifact.recipient) : undefined;
    return toOutgoing(artifact.content, artifact.title, recipient);
  });
  const from = incident.email.from?.email ?? incident.organization.contact?.email;
  // renderFiles with formats: ['eml'] fails on an e-mail without sender, so there is one.
  return { id: incident.id, updated: incident.updated, from: from!, messages };
}

function toOutgoing(bytes: Uint8Array, subject: string, recipient?: Recipient): Outgoing {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const messageId = /^Message-ID: *(<[^>\r\n]+>)/im.exec(head)?.[1] ?? '';
  return {
    recipient: recipient?.slug ?? '',
    name: recipient?.name ?? '',
    ...(recipient?.email ? { to: recipient.email } : {}),
    cc: recipient?.cc ?? [],
    bcc: recipient?.bcc ?? [],
    subject,
    messageId,
    bytes,
  };
}

/** Only a variant made per recipient as .eml can be sent. */
function checkVariant(options: PrepareOptions): void {
  const variants = readVariants(new TemplateStore(options.templates));
  const config = variants[options.variant];
  const mailable = Object.keys(variants).filter(
    (name) => variants[name]!.perRecipient && variants[name]!.formats.includes('eml'),
  );
  if (config && mailable.includes(options.variant)) return;
  throw new UsageError(
    config
      ? `the ${options.variant} variant is not an e-mail to recipients`
      : `unknown variant "${options.variant}"`,
    `faq send sends ${mailable.join(', ') || 'no variant of these templates'}`,
  );
}
