import type { Recipient } from '../incident/incident.js';
import { messageHash, protectEncodedNames, render as composeEml, type MimeRoot } from './eml.js';
import type { RenderedDocument } from './types.js';

/**
 * The drafts of a mail merge without composing each one. nodemailer composes the first draft of
 * each kind; the bytes where the second one differs — its To header, Message-ID, MIME boundary,
 * and its two encoded bodies — are cut out of the first, and the frame that is left is kept only
 * if, filled with the second one's parts, it gives exactly what nodemailer composed for it. Every
 * further draft of that kind is its frame filled with its own parts, each made by nodemailer's
 * own functions (header encoding and folding, quoted-printable encoding and wrapping).
 *
 * Drafts are of one kind when nodemailer would make the same choices for them: the language and
 * subject, whether there is a To header, and for each body whether it is 7-bit clean, has lines
 * over 76 characters, or needs a charset. A kind whose frame does not reproduce its second draft
 * is composed by nodemailer for every draft.
 */
export class EmlFrames {
  private readonly kinds = new Map<string, Kind>();

  async render(doc: RenderedDocument): Promise<Uint8Array> {
    const mime = await loadMime();
    const text = String(doc.produced.get('txt'));
    const html = String(doc.produced.get('html'));
    const bodies = { text: encodeOnce(text, mime), html: encodeOnce(html, mime) };
    const choices = [bodies.text.choice, bodies.html.choice];
    // The Cc header is part of the frame: drafts with other copies are of another kind.
    const to = [Boolean(doc.recipient?.email), doc.recipient?.cc ?? []];
    const key = JSON.stringify([doc.lang, doc.title, to, choices]);
    let kind = this.kinds.get(key);
    if (!kind) this.kinds.set(key, (kind = {}));
    const parts = draftParts(doc, { text, html }, bodies, mime);
    if (kind.frame) return utf8.encode(fillFrame(kind.frame, parts));
    const message = await composeEml(doc);
    if (kind.frame === null) return message;
    if (!kind.first) {
      kind.first = { message: Buffer.from(message).toString('utf8'), parts };
      return message;
    }
    const frame = cutFrame(kind.first.message, kind.first.parts);
    const same = frame && Buffer.from(utf8.encode(fillFrame(frame, parts))).equals(message);
    kind.frame = same ? frame : null;
    kind.first = undefined;
    return message;
  }
}

// A fresh array per draft (a Buffer may share its memory, and artifacts move between threads).
const utf8 = new TextEncoder();

interface Kind {
  /** The first draft of its kind, until the second one decides on the frame. */
  first?: { message: string; parts: DraftParts };
  /** Literal text and slot names, alternating; null when a frame cannot be used for this kind. */
  frame?: string[] | null;
}

/** What differs from draft to draft, as it stands in the message. */
interface DraftParts {
  /** The folded To header, when there is one. */
  to?: string;
  id: string;
  boundary: string;
  text: string;
  html: string;
}

type Slot = 'T' | 'H' | 'R' | 'M' | 'B';

interface Mime {
  mimeFuncs: typeof import('nodemailer/lib/mime-funcs/index.js');
  qp: typeof import('nodemailer/lib/qp/index.js');
  /** A node only to encode address headers, the way the message's root node does. */
  addressNode: MimeRoot & { _encodeHeaderValue(key: string, value: unknown): string };
}

let mime: Mime | undefined;
async function loadMime(): Promise<Mime> {
  if (mime) return mime;
  const { default: mimeFuncs } = await import('nodemailer/lib/mime-funcs/index.js');
  const { default: qp } = await import('nodemailer/lib/qp/index.js');
  const { default: MimeNode } = await import('nodemailer/lib/mime-node/index.js');
  // As MailComposer makes the root node (`textEncoding: 'quoted-printable'`, which MimeNode keeps
  // as 'Q'): its text encoding decides how names are encoded.
  const node = new MimeNode('multipart/alternative', { textEncoding: 'Q' });
  const addressNode = node as unknown as Mime['addressNode'];
  await protectEncodedNames(addressNode);
  mime = { mimeFuncs, qp, addressNode };
  return mime;
}

/** nodemailer's choice for a text body (MimeNode.getTransferEncoding and its charset rule). */
function chooseEncoding(body: string, { mimeFuncs }: Mime): string {
  const plain = mimeFuncs.isPlainText(body);
  const long = mimeFuncs.hasLongerLines(body, 76);
  const sevenBit = plain && !long;
  return `${sevenBit ? '7bit' : 'qp'}${/[\u0080-\uFFFF]/.test(body) ? '+charset' : ''}`;
}

/** A body as nodemailer streams it: quoted-printable (one chunk) or as is, then CRLF line ends. */
function encodeBody(body: string, choice: string, { qp }: Mime): string {
  const encoded = choice.startsWith('7bit') ? body : qp.wrap(qp.encode(body), 76);
  return encoded.replace(/(?<!\r)\n/g, '\r\n');
}

/** A body's encoding choice and its encoded form. */
interface Body {
  choice: string;
  encoded: string;
}

/**
 * The bodies encoded last: most recipients of a merge (all those without their own salutation or
 * answer) share their text and HTML with many others.
 */
const encodedBodies = new Map<string, Body>();
function encodeOnce(body: string, mime: Mime): Body {
  let encoded = encodedBodies.get(body);
  if (encoded) encodedBodies.delete(body);
  else {
    const choice = chooseEncoding(body, mime);
    encoded = { choice, encoded: encodeBody(body, choice, mime) };
    if (encodedBodies.size >= 8) encodedBodies.delete(encodedBodies.keys().next().value!);
  }
  // The most recent last, the least recent first, to go first.
  encodedBodies.set(body, encoded);
  return encoded;
}

function toHeader(recipient: Recipient | undefined, { mimeFuncs, addressNode }: Mime) {
  if (!recipient?.email) return undefined;
  const value = addressNode._encodeHeaderValue('To', {
    name: recipient.name,
    address: recipient.email,
  });
  return mimeFuncs.foldLines(`To: ${value}`, 76);
}

function draftParts(
  doc: RenderedDocument,
  content: { text: string; html: string },
  bodies: { text: Body; html: Body },
  mime: Mime,
): DraftParts {
  const hash = messageHash(doc, content.text, content.html);
  const to = toHeader(doc.recipient, mime);
  return {
    ...(to === undefined ? {} : { to }),
    id: hash.slice(0, 32),
    boundary: hash.slice(32, 48),
    text: bodies.text.encoded,
    html: bodies.html.encoded,
  };
}

/** The message with its draft's parts replaced by slots; undefined if a part is not found once. */
function cutFrame(message: string, parts: DraftParts): string[] | undefined {
  if (message.includes('\0')) return undefined;
  let rest = message;
  const cutOnce = (value: string | undefined, slot: Slot): boolean => {
    const at = value ? rest.indexOf(value) : -1;
    if (!value || at < 0 || rest.indexOf(value, at + 1) >= 0) return false;
    rest = `${rest.slice(0, at)}\0${slot}\0${rest.slice(at + value.length)}`;
    return true;
  };
  // The bodies first: the other parts are short and could occur inside them.
  if (!cutOnce(parts.html, 'H') || !cutOnce(parts.text, 'T')) return undefined;
  if (parts.to !== undefined && !cutOnce(parts.to, 'R')) return undefined;
  if (!cutOnce(parts.id, 'M') || !rest.includes(parts.boundary)) return undefined;
  return rest.replaceAll(parts.boundary, '\0B\0').split('\0');
}

function fillFrame(frame: readonly string[], parts: DraftParts): string {
  const values: Record<Slot, string | undefined> = {
    T: parts.text,
    H: parts.html,
    R: parts.to,
    M: parts.id,
    B: parts.boundary,
  };
  let out = '';
  for (let i = 0; i < frame.length; i++) out += i % 2 ? (values[frame[i] as Slot] ?? '') : frame[i];
  return out;
}
