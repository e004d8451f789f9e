import type { SmtpServer } from './smtp-url.js';

/** How long to wait, and how often to try again (tests make these short). */
export interface Timing {
  /** Waits before the second, third, … attempt of a message (ms); its length bounds the retries. */
  backoff: readonly number[];
  /** Connecting, the greeting, and any silence of the server (ms). */
  timeout: number;
  sleep(ms: number): Promise<void>;
}

export const DEFAULT_TIMING: Timing = {
  backoff: [2_000, 10_000, 30_000],
  timeout: 30_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

/** The envelope and bytes of one message. */
export interface Envelope {
  from: string;
  /** The recipient first, then its cc and bcc: never another recipient's address. */
  to: string[];
  bytes: Uint8Array;
}

/** What became of one message: the addresses that have it, and why the others do not. */
export interface Delivery {
  accepted: string[];
  /** The server's last reply to the message, e.g. "250 2.0.0 Ok: queued as 4FbS". */
  response: string;
  /** Per address not accepted: the server's reply or what went wrong, without credentials. */
  refused: { address: string; reply: string }[];
  /** Every further message would fail the same way (login, TLS, sender refused): stop. */
  fatal: boolean;
  attempts: number;
}

/** What the server said when it took the message for some addresses. */
export interface Acceptance {
  accepted: string[];
  rejected: string[];
  response: string;
}

type Transporter = import('nodemailer').Transporter;

/** One SMTP transport for a run: each message on its own connection (a failure ends only it). */
export async function openTransport(server: SmtpServer, timing: Timing): Promise<Transporter> {
  const { default: nodemailer } = await import('nodemailer');
  return nodemailer.createTransport({
    host: server.host,
    port: server.port,
    secure: server.secure,
    requireTLS: server.requireTLS,
    ignoreTLS: server.ignoreTLS,
    ...(server.auth ? { auth: server.auth } : {}),
    connectionTimeout: timing.timeout,
    greetingTimeout: timing.timeout,
    socketTimeout: timing.timeout,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
}

/**
 * Sends one message to its envelope's addresses, trying again after a temporary failure (a 4xx
 * reply, a dropped connection, a timeout) as often as `timing.backoff` allows — then only to
 * the addresses that do not have it yet. A 5xx reply is final for its address. `onAccepted` is
 * called (and must record it) each time the server takes the message.
 */
export async function deliver(
  transport: Transporter,
  envelope: Envelope,
  timing: Timing,
  hooks: { beforeAttempt(): Promise<void>; onAccepted(acceptance: Acceptance): void },
): Promise<Delivery> {
  let pending = [...envelope.to];
  const accepted: string[] = [];
  let refused: Delivery['refused'] = [];
  let response = '';
  for (let attempt = 1; ; attempt++) {
    await hooks.beforeAttempt();
    let temporary: string[] = [];
    refused = [];
    try {
      const info = (await transport.sendMail({
        envelope: { from: envelope.from, to: pending },
        raw: Buffer.from(envelope.bytes),
      })) as SentInfo;
      const acceptance = {
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        response: info.response,
      };
      hooks.onAccepted(acceptance);
      response = acceptance.response;
      accepted.push(...acceptance.accepted);
      for (const error of info.rejectedErrors ?? []) {
        const address = String(error.recipient);
        if (classify(error) === 'temporary') temporary.push(address);
        refused.push({ address, reply: describe(error) });
      }
    } catch (caught) {
      const error = caught as SmtpError;
      const perAddress = error.rejectedErrors ?? [];
      const kind = classify(error);
      if (kind === 'fatal')
        return {
          accepted,
          response,
          refused: refusedAll(pending, error),
          fatal: true,
          attempts: attempt,
        };
      if (perAddress.length > 0) {
        temporary = perAddress
          .filter((e) => classify(e) === 'temporary')
          .map((e) => String(e.recipient));
        refused = perAddress.map((e) => ({ address: String(e.recipient), reply: describe(e) }));
      } else {
        temporary = kind === 'temporary' ? pending : [];
        refused = refusedAll(pending, error);
      }
    }
    const wait = timing.backoff[attempt - 1];
    if (temporary.length === 0 || wait === undefined)
      return { accepted, response, refused, fatal: false, attempts: attempt };
    await timing.sleep(wait);
    pending = temporary;
  }
}

interface SentInfo {
  response: string;
  accepted: unknown[];
  rejected: unknown[];
  rejectedErrors?: SmtpError[];
}

function refusedAll(addresses: readonly string[], error: SmtpError): Delivery['refused'] {
  return addresses.map((address) => ({ address, reply: describe(error) }));
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  cause?: { code?: string };
  recipient?: string;
  rejectedErrors?: SmtpError[];
}

const TEMPORARY_CODES = new Set([
  'ECONNECTION',
  'ESOCKET',
  'ETIMEDOUT',
  'ECONNRESET',
  'ECONNREFUSED',
]);
const FATAL_CODES = new Set(['EAUTH', 'ETLS', 'EDNS', 'EREQUIRETLS']);

/** Temporary (try again), permanent (this recipient), or fatal (every message: stop). */
export function classify(error: SmtpError): 'temporary' | 'permanent' | 'fatal' {
  if (FATAL_CODES.has(error.code ?? '') || isCertificateError(error)) return 'fatal';
  const reply = error.responseCode;
  // The sender refused, or a login required: no recipient would get a message.
  if (reply && reply >= 500 && error.command === 'MAIL FROM') return 'fatal';
  if (reply) return reply >= 400 && reply < 500 ? 'temporary' : 'permanent';
  return TEMPORARY_CODES.has(error.code ?? '') ? 'temporary' : 'permanent';
}

function isCertificateError(error: SmtpError): boolean {
  const code = `${error.cause?.code ?? ''} ${(error as { reason?: string }).reason ?? ''} ${error.message}`;
  return /CERT|certificate|SELF_SIGNED|UNABLE_TO_VERIFY/i.test(code);
}

function describe(error: SmtpError): string {
  const reply = error.response?.trim();
  return reply ? reply : `${error.code ? `${error.code}: ` : ''}${error.message}`;
}
