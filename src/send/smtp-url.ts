import { UsageError } from '../shared.js';

/** Where and how to send: parsed from `--smtp` or FAQ_SMTP_URL, credentials from the environment. */
export interface SmtpServer {
  host: string;
  port: number;
  /** smtps:// — TLS from the first byte. */
  secure: boolean;
  /** smtp:// without ?tls=off: STARTTLS is required, a server without it is refused. */
  requireTLS: boolean;
  /** ?tls=off (only to this computer): no STARTTLS even if offered. */
  ignoreTLS: boolean;
  auth?: { user: string; pass: string };
  /** The URL as it may be shown (it never has credentials). */
  display: string;
}

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
const DEFAULT_PORTS: Record<string, number> = { 'smtp:': 587, 'smtps:': 465 };
const EXAMPLE = 'smtps://mail.example.org or smtp://mail.example.org:587';

function invalid(message: string, hint = `a URL like ${EXAMPLE}`): UsageError {
  return new UsageError(message, hint);
}

/**
 * The SMTP server of `--smtp` or FAQ_SMTP_URL. Credentials come only from FAQ_SMTP_USER and
 * FAQ_SMTP_PASS: a URL with a user or password is refused (and never printed), so they cannot
 * end up in a shell history, a CI log or the send log.
 */
export function parseSmtpUrl(
  text: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): SmtpServer {
  if (!text)
    throw invalid(
      'no SMTP server: give --smtp <url> or set FAQ_SMTP_URL',
      `e.g. FAQ_SMTP_URL=${EXAMPLE.split(' or ')[0]}; without --yes, faq send only lists what it would send`,
    );
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('the SMTP URL cannot be read');
  }
  if (url.username || url.password)
    throw invalid(
      'the SMTP URL must not contain a user or password',
      'set FAQ_SMTP_USER and FAQ_SMTP_PASS in the environment instead',
    );
  const port = DEFAULT_PORTS[url.protocol];
  if (port === undefined)
    throw invalid(`the SMTP URL must start with smtp:// or smtps://, not ${url.protocol}//`);
  if (!url.hostname) throw invalid('the SMTP URL has no host');
  if ((url.pathname && url.pathname !== '/') || url.hash)
    throw invalid('the SMTP URL has a path; only a host, a port and ?tls=off are read');
  const tlsOff = readTlsParam(url);
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (tlsOff && !LOCAL_HOSTS.has(url.hostname))
    throw invalid(
      `?tls=off is only allowed to this computer (127.0.0.1, localhost), not to ${url.hostname}`,
      'use smtps:// or smtp:// with STARTTLS: passwords and e-mails must not cross a network in clear text',
    );
  if (tlsOff && url.protocol === 'smtps:')
    throw invalid('smtps:// is TLS; ?tls=off contradicts it', 'use smtp://127.0.0.1:port?tls=off');
  const secure = url.protocol === 'smtps:';
  return {
    host,
    port: url.port ? Number(url.port) : port,
    secure,
    requireTLS: !secure && !tlsOff,
    ignoreTLS: tlsOff,
    ...readCredentials(env),
    display: `${url.protocol}//${url.host}${tlsOff ? '?tls=off' : ''}`,
  };
}

function readTlsParam(url: URL): boolean {
  const keys = [...url.searchParams.keys()];
  const unknown = keys.find((key) => key !== 'tls');
  if (unknown !== undefined)
    throw invalid(`the SMTP URL has an unknown parameter "${unknown}"`, 'only ?tls=off is read');
  const tls = url.searchParams.get('tls');
  if (tls !== null && tls !== 'off')
    throw invalid(`?tls=${tls} is not a choice`, 'only ?tls=off (to this computer) changes TLS');
  return tls === 'off';
}

function readCredentials(env: NodeJS.ProcessEnv): { auth?: { user: string; pass: string } } {
  const user = env.FAQ_SMTP_USER ?? '';
  const pass = env.FAQ_SMTP_PASS ?? '';
  if (!user && !pass) return {};
  if (!user || !pass)
    throw new UsageError(
      `FAQ_SMTP_${user ? 'PASS' : 'USER'} is not set, but FAQ_SMTP_${user ? 'USER' : 'PASS'} is`,
      'set both, or neither for a server without login',
    );
  return { auth: { user, pass } };
}
