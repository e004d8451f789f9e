import { dirname } from 'node:path';
import { toIsoString } from '../incident/dates.js';
import { acquireLock } from '../output/lock.js';
import { UsageError } from '../shared.js';
import { deliver, openTransport, DEFAULT_TIMING, type Timing } from './deliver.js';
import { prepareMessages, type PrepareOptions } from './messages.js';
import { planMessages, type MessageResult, type Planned } from './plan.js';
import { selectMessages, type Selection } from './select.js';
import { readSendLog, sendLogPath, SendLog, stateFolderOf } from './send-log.js';
import type { SmtpServer } from './smtp-url.js';

export type { MessageResult } from './plan.js';

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
  /** Every selected message went or had gone (recipients without address aside). */
  ok: boolean;
  messages: MessageResult[];
}

/**
 * `faq send`: the e-mails of one approved version, each to its recipient (with its cc and bcc)
 * on its own, at most once: the send log holds every address a server accepted a message for,
 * and an address in it gets the message again only with --resend. Without `send`, only lists.
 */
export async function sendIncident(options: SendOptions): Promise<SendReport> {
  const prepared = await prepareMessages(options);
  const selected = selectMessages(prepared.messages, options, options.file);
  const state = options.state ?? stateFolderOf(options.out);
  const log = sendLogPath(state, prepared.id, prepared.updated);
  const report = (planned: Planned[]): SendReport => {
    const messages = planned.map((p) => p.result);
    return {
      id: prepared.id,
      updated: toIsoString(prepared.updated),
      log,
      dryRun: !options.send,
      ok: messages.every((m) => m.status !== 'failed' && m.status !== 'not-tried'),
      messages,
    };
  };
  if (!options.send) return report(planMessages(selected, readSendLog(log), options, 'would-send'));
  if (!options.server)
    throw new UsageError('no SMTP server', 'give --smtp <url> or set FAQ_SMTP_URL');
  const lock = await acquireLock(dirname(log), dirname(log));
  try {
    // Read under the lock: a run that just finished has written its records.
    const planned = planMessages(selected, readSendLog(log), options, 'not-tried');
    await sendPlanned(planned, { ...options, server: options.server }, prepared.from, log);
    return report(planned);
  } finally {
    await lock.release();
  }
}

async function sendPlanned(
  planned: readonly Planned[],
  options: SendOptions & { server: SmtpServer },
  from: string,
  path: string,
): Promise<void> {
  const timing = options.timing ?? DEFAULT_TIMING;
  const transport = await openTransport(options.server, timing);
  const log = new SendLog(path);
  const interval = 60_000 / options.rate;
  let next = 0;
  const beforeAttempt = async (): Promise<void> => {
    const wait = next - Date.now();
    if (wait > 0) await timing.sleep(wait);
    next = Date.now() + interval;
  };
  const todo = planned.filter((p) => p.result.status === 'not-tried');
  const redact = redactor(options.server);
  try {
    for (const [done, { result, message, missing }] of todo.entries()) {
      options.onProgress?.(done, todo.length);
      const envelope = { from, to: missing, bytes: message.bytes };
      const delivery = await deliver(transport, envelope, timing, {
        beforeAttempt,
        onAccepted: (acceptance) =>
          log.append({
            to: message.to!,
            recipient: message.recipient,
            messageId: message.messageId,
            accepted: acceptance.accepted,
            rejected: acceptance.rejected,
            response: redact(acceptance.response),
            time: new Date().toISOString(),
            ...(options.resend?.length ? { resend: true as const } : {}),
          }),
      });
      result.attempts = delivery.attempts;
      result.status = delivery.refused.length === 0 ? 'sent' : 'failed';
      result.reply = redact(
        delivery.refused.length === 0
          ? delivery.response
          : delivery.refused.map((r) => `${r.address}: ${r.reply}`).join('; '),
      );
      options.onProgress?.(done + 1, todo.length, result);
      if (delivery.fatal) {
        for (const rest of todo.slice(done + 1)) rest.result.reply = `not tried: ${result.reply}`;
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
