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

export type Delivery =
  | { ok: true; response: string; accepted: string[]; rejected: string[]; attempts: number }
  | {
      ok: false;
      /** The server's reply or what went wrong, without credentials. */
      reply: string;
      /** Every further message would fail the same way (login, TLS, sender refused): stop. */
      fatal: boolean;
      attempts: number;
    };

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
 * Sends one message, trying again after a temporary failure (a 4xx reply, a dropped connection,
 * a timeout) as often as `timing.backoff` allows. A 5xx reply is final for this recipient.
 */
export async function deliver(
  transport: Transporter,
  envelope: Envelope,
  timing: Timing,
  beforeAttempt: () => Promise<void>,
): Promise<Delivery> {
  for (let attempt = 1; ; attempt++) {
    await beforeAttempt();
    try {
      const info = (await transport.sendMail({
        envelope: { from: envelope.from, to: envelope.to },
        raw: Buffer.from(envelope.bytes),
      })) as { response: string; accepted: unknown[]; rejected: unknown[] };
      return {
        ok: true,
        response: info.response,
        accepted: info.accepted.map(String),
        rejected: info.rejected.map(String),
        attempts: attempt,
      };
    } catch (error) {
      const kind = classify(error as SmtpError);
      const wait = timing.backoff[attempt - 1];
      if (kind !== 'temporary' || wait === undefined)
        return {
          ok: false,
          reply: describe(error as SmtpError),
          fatal: kind === 'fatal',
          attempts: attempt,
        };
      await timing.sleep(wait);
    }
  }
}

interface SmtpError extends Error {
  code?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  cause?: { code?: string };
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
