import { toIsoString } from '../incident/dates.js';
import { acquireLock } from '../output/lock.js';
import { UsageError } from '../shared.js';
import { deliver, openTransport, DEFAULT_TIMING, type Timing } from './deliver.js';
import { prepareMessages, type Outgoing, type PrepareOptions } from './messages.js';
import { selectMessages, type Selection } from './select.js';
import { readSendLog, sendLogPath, SendLog, stateFolderOf, type SendRecord } from './send-log.js';
import type { SmtpServer } from './smtp-url.js';

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

export interface SendOptions extends PrepareOptions, Selection {
  /** The output folder of `faq render`; the state folder is its sibling `.faq-state`. */
  out: string;
  /** The state folder, instead of `<out>/../.faq-state`. */
  state?: string;
  /** Send (`--yes`); otherwise only list what would be sent. */
  send: boolean;
  server?: SmtpServer;
  /** Messages per minute at most. */
  rate: number;
  timing?: Timing;
  /** Called before and after each message that is sent. */
  onProgress?: (done: number, total: number, result?: MessageResult) => void;
}

export interface SendReport {
  id: string;
  updated: string;
  /** The send log of this version. */
  log: string;
  dryRun: boolean;
  /** Every selected message went or had gone (no failure; recipients without address aside). */
  ok: boolean;
  messages: MessageResult[];
}

/**
 * `faq send`: the e-mails of one approved version, each to its recipient (with its cc and bcc)
 * on its own, at most once: the send log holds every message a server accepted, and a message
 * in it goes again only with --resend. Without `send`, only lists what would go.
 */
export async function sendIncident(options: SendOptions): Promise<SendReport> {
  const prepared = await prepareMessages(options);
  const selected = selectMessages(prepared.messages, options, options.file);
  const log = sendLogPath(
    options.state ?? stateFolderOf(options.out),
    prepared.id,
    prepared.updated,
  );
  const report = (messages: MessageResult[]): SendReport => ({
    id: prepared.id,
    updated: toIsoString(prepared.updated),
    log,
    dryRun: !options.send,
    ok: messages.every((m) => m.status !== 'failed' && m.status !== 'not-tried'),
    messages,
  });
  if (!options.send) return report(planResults(selected, readSendLog(log), options, 'would-send'));
  if (!options.server)
    throw new UsageError('no SMTP server', 'give --smtp <url> or set FAQ_SMTP_URL');
  const lock = await acquireLock(dirnameOf(log), dirnameOf(log));
  try {
    // Read under the lock: another run that just finished has written its records.
    const results = planResults(selected, readSendLog(log), options, 'not-tried');
    await sendPlanned(
      results,
      selected,
      { ...options, server: options.server },
      prepared.from,
      log,
    );
    return report(results);
  } finally {
    await lock.release();
  }
}

function dirnameOf(path: string): string {
  return path.slice(0, Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')));
}

/** Each message's status before sending: already sent (in the log), no address, or `pending`. */
function planResults(
  messages: readonly Outgoing[],
  records: readonly SendRecord[],
  options: Selection,
  pending: SendStatus,
): MessageResult[] {
  const resend = new Set((options.resend ?? []).map((a) => a.toLowerCase()));
  const sent = new Map(records.map((r) => [r.to.toLowerCase(), r]));
  // One message per address and version: a second recipient with the same address gets none.
  const first = new Map<string, string>();
  return messages.map((m) => {
    const base = {
      recipient: m.recipient,
      name: m.name,
      ...(m.to ? { to: m.to } : {}),
      cc: m.cc,
      bcc: m.bcc,
      subject: m.subject,
      bytes: m.bytes.length,
      messageId: m.messageId,
    };
    if (!m.to) return { ...base, status: 'no-address' };
    const address = m.to.toLowerCase();
    const twin = first.get(address);
    if (twin !== undefined)
      return { ...base, status: 'already-sent', reply: `the same address as ${twin}` };
    first.set(address, m.name);
    const record = sent.get(m.to.toLowerCase());
    if (record && !resend.has(m.to.toLowerCase()))
      return {
        ...base,
        status: 'already-sent',
        reply: record.response,
        ...(record.messageId === m.messageId ? {} : { changed: true }),
      };
    return { ...base, status: pending };
  });
}

async function sendPlanned(
  results: MessageResult[],
  messages: readonly Outgoing[],
  options: SendOptions & { server: SmtpServer },
  from: string,
  path: string,
): Promise<void> {
  const timing = options.timing ?? DEFAULT_TIMING;
  const transport = await openTransport(options.server, timing);
  const log = new SendLog(path);
  const interval = 60_000 / options.rate;
  let next = 0;
  const paced = async (): Promise<void> => {
    const wait = next - Date.now();
    if (wait > 0) await timing.sleep(wait);
    next = Date.now() + interval;
  };
  const todo = results.flatMap((r, n) => (r.status === 'not-tried' ? [n] : []));
  const redact = redactor(options.server);
  try {
    for (const [done, n] of todo.entries()) {
      const result = results[n]!;
      const message = messages[n]!;
      options.onProgress?.(done, todo.length);
      const envelope = {
        from,
        to: [message.to!, ...message.cc, ...message.bcc],
        bytes: message.bytes,
      };
      const delivery = await deliver(transport, envelope, timing, paced);
      result.attempts = delivery.attempts;
      if (delivery.ok) {
        log.append({
          to: message.to!,
          recipient: message.recipient,
          messageId: message.messageId,
          accepted: delivery.accepted,
          rejected: delivery.rejected,
          response: redact(delivery.response),
          time: new Date().toISOString(),
          ...(options.resend?.length ? { resend: true as const } : {}),
        });
        result.status = delivery.rejected.length > 0 ? 'failed' : 'sent';
        result.reply = redact(
          delivery.rejected.length > 0
            ? `sent, but refused for ${delivery.rejected.join(', ')}: ${delivery.response}`
            : delivery.response,
        );
      } else {
        result.status = 'failed';
        result.reply = redact(delivery.reply);
      }
      options.onProgress?.(done + 1, todo.length, result);
      if (!delivery.ok && delivery.fatal) {
        for (const rest of todo.slice(done + 1))
          results[rest]!.reply = `not tried: ${result.reply ?? 'the server refused'}`;
        break;
      }
    }
  } finally {
    log.close();
    transport.close();
  }
}

/** Removes the login from any text a server or a library wrote (it never goes out otherwise). */
function redactor(server: SmtpServer): (text: string) => string {
  const secrets = [server.auth?.pass, server.auth?.user].filter((s): s is string => Boolean(s));
  return (text) => secrets.reduce((out, secret) => out.split(secret).join('***'), text);
}
