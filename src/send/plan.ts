import type { Outgoing } from './messages.js';
import type { Selection } from './select.js';
import type { SendRecord } from './send-log.js';

export type SendStatus =
  'would-send' | 'sent' | 'already-sent' | 'failed' | 'not-tried' | 'no-address';

/** What happened to one recipient's message. */
export interface MessageResult {
  recipient: string;
  name: string;
  to?: string;
  cc: string[];
  bcc: string[];
  subject: string;
  bytes: number;
  messageId: string;
  status: SendStatus;
  /** The server's reply (sent, failed) or why it was not tried. */
  reply?: string;
  attempts?: number;
  /** Already sent, but with another Message-ID: the text changed without a new `updated`. */
  changed?: boolean;
}

/** A message of the run and the envelope addresses it still has to go to. */
export interface Planned {
  result: MessageResult;
  message: Outgoing;
  missing: string[];
}

const lower = (address: string): string => address.toLowerCase();

/**
 * Each message's state before sending. The send log says which envelope addresses already have
 * it (the recipient, its cc and bcc): only the others are `pending`; none: already sent; no
 * address: cannot be sent. `--resend` sends to every address of the message again.
 */
export function planMessages(
  messages: readonly Outgoing[],
  records: readonly SendRecord[],
  options: Selection,
  pending: SendStatus,
): Planned[] {
  const resend = new Set((options.resend ?? []).map(lower));
  const first = new Map<string, string>();
  return messages.map((message) => {
    const result = describeMessage(message);
    if (!message.to) return { result: { ...result, status: 'no-address' }, message, missing: [] };
    const to = lower(message.to);
    // One message per address and version: a second recipient with the same address gets none.
    const twin = first.get(to);
    if (twin !== undefined) {
      const reply = `the same address as ${twin}`;
      return { result: { ...result, status: 'already-sent', reply }, message, missing: [] };
    }
    first.set(to, message.name);
    const envelope = [message.to, ...message.cc, ...message.bcc];
    const own = records.filter((r) => lower(r.to) === to);
    if (resend.has(to))
      return { result: { ...result, status: pending }, message, missing: envelope };
    const have = new Set(own.flatMap((r) => r.accepted.map(lower)));
    const missing = envelope.filter((address) => !have.has(lower(address)));
    if (missing.length > 0) return { result: { ...result, status: pending }, message, missing };
    const last = own.at(-1)!;
    const changed = own.every((r) => r.messageId !== message.messageId);
    return {
      result: {
        ...result,
        status: 'already-sent',
        reply: last.response,
        ...(changed ? { changed } : {}),
      },
      message,
      missing,
    };
  });
}

function describeMessage(m: Outgoing): Omit<MessageResult, 'status'> {
  return {
    recipient: m.recipient,
    name: m.name,
    ...(m.to ? { to: m.to } : {}),
    cc: m.cc,
    bcc: m.bcc,
    subject: m.subject,
    bytes: m.bytes.length,
    messageId: m.messageId,
  };
}
