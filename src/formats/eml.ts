import { hash } from 'node:crypto';
import { OutputError } from '../shared.js';
import { toRfc5322Date } from '../incident/dates.js';
import type { RenderedDocument, Unavailable } from './types.js';

/** The sender of a document's e-mail: `email.from`, else `organization.contact` with an address. */
export function senderOf(doc: RenderedDocument): { name?: string; address: string } | undefined {
  const { email, organization } = doc.incident;
  if (email.from)
    return { ...(email.from.name ? { name: email.from.name } : {}), address: email.from.email };
  const contact = organization.contact;
  if (contact?.email)
    return {
      name: contact.name ? `${organization.name} – ${contact.name}` : organization.name,
      address: contact.email,
    };
  return undefined;
}

/** The Reply-To of `email.reply_to`, as MailComposer takes it; bcc is never a header. */
function replyToOf(doc: RenderedDocument): {
  replyTo?: string | { name: string; address: string };
} {
  const reply = doc.incident.email.reply_to;
  if (!reply) return {};
  return { replyTo: reply.name ? { name: reply.name, address: reply.email } : reply.email };
}

/**
 * Header text that a parser would read as an RFC 2047 encoded word ("=?…?=") is encoded itself,
 * so it comes back as written; nodemailer encodes other text only when it is not ASCII.
 */
async function protectEncodedWords(text: string): Promise<string> {
  if (!text.includes('=?')) return text;
  const { default: mimeFuncs } = await import('nodemailer/lib/mime-funcs/index.js');
  return mimeFuncs.encodeWord(text, 'Q', 52);
}

export type MimeRoot = {
  _encodeAddressName?: (name: string) => string;
  _getTextEncoding?: (text: string) => 'Q' | 'B';
};

/** A word that may stand in a display name as it is (RFC 5322 atext, no "=?"). */
const ATOM = /^[A-Za-z0-9!#$%&'*+\-/?^_`{|}~]+$/;

/**
 * A name too long for one encoded word, written word by word: plain words as they are, each run
 * of other words as one encoded word. nodemailer cuts the whole name into encoded words of 52
 * characters, wherever the cut falls; RFC 2047 decoders then drop the space between the words,
 * and Python's e-mail package (strict and default policy) puts one in — next to an encoded space
 * it shows two, inside a word one too many ("StädteRegion  Aachen"). Between an encoded word and
 * a plain one both keep exactly the one space. Undefined when the name has no such form (a run
 * of encoded words still too long for one, spaces that are not single).
 */
function encodeByWords(name: string, encodeRun: (run: string) => string): string | undefined {
  const words = name.split(' ');
  if (words.some((w) => w === '')) return undefined;
  const parts: string[] = [];
  let run: string[] = [];
  const flush = (): boolean => {
    if (run.length === 0) return true;
    const encoded = encodeRun(run.join(' '));
    run = [];
    parts.push(encoded);
    return !/\?=\s*=\?/.test(encoded);
  };
  for (const word of words) {
    if (ATOM.test(word)) {
      if (!flush()) return undefined;
      parts.push(word);
    } else run.push(word);
  }
  return flush() ? parts.join(' ') : undefined;
}

/**
 * The same for display names (From, To): nodemailer puts an ASCII name in quotes, and Python's
 * e-mail package and mailparser decode "=?…?=" even there (RFC 2047 §5 says not to), so a name
 * `=?UTF-8?B?…?=` would show as any text, `CEO <ceo@bank.example>`. Such a name is encoded the
 * way nodemailer encodes a name with umlauts. nodemailer has no option for it: its name encoder
 * is wrapped on this one message (nodemailer is pinned; test/email/eml.test.js guards it).
 */
export async function protectEncodedNames(root: MimeRoot): Promise<void> {
  const encode = root._encodeAddressName?.bind(root);
  if (!encode) throw new Error('nodemailer no longer has MimeNode._encodeAddressName');
  const { default: mimeFuncs } = await import('nodemailer/lib/mime-funcs/index.js');
  const encoding = (text: string): 'Q' | 'B' => root._getTextEncoding?.(text) ?? 'Q';
  root._encodeAddressName = (name) => {
    if (name.includes('=?')) return mimeFuncs.encodeWord(name, 'Q', 52);
    const encoded = encode(name);
    if (!/\?=\s*=\?/.test(encoded)) return encoded;
    const run = (text: string): string => mimeFuncs.encodeWord(text, encoding(text), 52);
    return encodeByWords(name, run) ?? encoded;
  };
}

/**
 * What makes each draft's Message-ID and MIME boundary: a hash of what it says, so the bytes are
 * reproducible and two drafts never share them.
 */
export function messageHash(doc: RenderedDocument, text: string, html: string): string {
  return hash(
    'sha256',
    `${doc.incident.id}\n${doc.lang}\n${doc.recipient?.slug ?? ''}\n${text}\n${html}` +
      (doc.attachments ?? []).map((a) => `\n${a.filename}\n${a.content}`).join(''),
  );
}

/** An e-mail without a sender cannot be a draft. */
export function unavailable(doc: RenderedDocument): Unavailable | undefined {
  if (senderOf(doc)) return undefined;
  return {
    path: 'email.from',
    message: 'the e-mail has no sender',
    hint: 'set email.from or organization.contact.email',
  };
}

/**
 * A ready-to-open draft: RFC 5322 / MIME `multipart/alternative` (text and HTML; inside
 * `multipart/mixed` with a customer's notice as attachments), built by
 * nodemailer's MailComposer with everything random pinned so the bytes are reproducible.
 */
export async function render(doc: RenderedDocument): Promise<Uint8Array> {
  const from = senderOf(doc);
  if (!from)
    throw new OutputError(
      'the e-mail has no sender',
      'set email.from or organization.contact.email',
    );
  const text = String(doc.produced.get('txt'));
  const html = String(doc.produced.get('html'));
  const recipient = doc.recipient;
  const digest = messageHash(doc, text, html);
  const domain = from.address.split('@')[1] ?? 'localhost';
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  const mail = new MailComposer({
    from,
    ...(recipient?.email ? { to: { name: recipient.name, address: recipient.email } } : {}),
    ...(recipient?.cc?.length ? { cc: recipient.cc } : {}),
    ...replyToOf(doc),
    subject: await protectEncodedWords(doc.title),
    date: toRfc5322Date(doc.incident.updated),
    messageId: `<${digest.slice(0, 32)}@${domain}>`,
    text,
    html,
    // A customer's kit: mixed with the alternative body (nodemailer makes multipart/mixed).
    ...(doc.attachments?.length
      ? {
          attachments: doc.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            contentDisposition: 'attachment',
          })),
        }
      : {}),
    textEncoding: 'quoted-printable',
    baseBoundary: digest.slice(32, 48),
    boundaryPrefix: '--_faq',
    newline: 'windows',
    headers: { 'X-Unsent': '1' },
  } as ConstructorParameters<typeof MailComposer>[0]);
  const root = mail.compile();
  await protectEncodedNames(root as unknown as MimeRoot);
  const message = await root.build();
  return new Uint8Array(message);
}
