import { readClock } from '../incident/check.js';
import { printDiagnostics, printInfo } from '../cli/output.js';
import { escapeForTerminal, stringifyForTerminal } from '../cli/terminal-text.js';
import { DEFAULT_TIMING, type Timing } from '../send/deliver.js';
import { sendIncident, type MessageResult, type SendReport } from '../send/send.js';
import { parseSmtpUrl, type SmtpServer } from '../send/smtp-url.js';
import { EXIT, InputError, UsageError } from '../shared.js';

export interface SendFlags {
  out: string;
  state?: string;
  variant: string;
  customer?: string;
  to?: string[];
  resend?: string[];
  yes?: boolean;
  dryRun?: boolean;
  smtp?: string;
  rate: number;
  json?: boolean;
  templates?: string;
}

/** `faq send`: lists (default) or sends (--yes) the e-mails of one approved version. */
export async function runSend(file: string, flags: SendFlags): Promise<number> {
  if (flags.yes && flags.dryRun)
    throw new UsageError('--yes and --dry-run contradict each other', 'leave one of them out');
  const send = flags.yes === true && flags.dryRun !== true;
  const smtpUrl = flags.smtp ?? process.env.FAQ_SMTP_URL;
  // Read before anything is rendered: a wrong URL fails at once, also in a dry run.
  const server = send || smtpUrl ? parseSmtpUrl(smtpUrl) : undefined;
  const isTerminal = Boolean(process.stderr.isTTY) && !flags.json;
  let report: SendReport;
  try {
    report = await sendIncident({
      file,
      variant: flags.variant,
      ...(flags.templates ? { templates: flags.templates } : {}),
      now: readClock(),
      out: flags.out,
      ...(flags.state ? { state: flags.state } : {}),
      ...(flags.customer !== undefined ? { customer: flags.customer } : {}),
      ...(flags.to ? { to: flags.to } : {}),
      ...(flags.resend ? { resend: flags.resend } : {}),
      send,
      ...(server ? { server } : {}),
      rate: flags.rate,
      timing: readTiming(),
      onProgress: flags.json ? undefined : progressPrinter(isTerminal),
    });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    if (flags.json)
      process.stdout.write(
        `${stringifyForTerminal({ version: 1, ok: false, messages: [], diagnostics: error.diagnostics })}\n`,
      );
    else printDiagnostics(error.diagnostics);
    const gate = error.diagnostics.some(
      (d) => d.path === 'approval' || d.hint?.includes('--release'),
    );
    printInfo(
      `faq: nothing was sent${gate ? ': faq send sends only approved versions that pass `faq check --release`' : ''}`,
    );
    return EXIT.invalid;
  }
  if (flags.json) process.stdout.write(`${stringifyForTerminal(toJson(report, server))}\n`);
  else printReport(report, server);
  return report.ok ? EXIT.ok : EXIT.invalid;
}

/** FAQ_SEND_BACKOFF_MS ("0,0,0") and FAQ_SEND_TIMEOUT_MS: for tests, which must not wait seconds. */
function readTiming(): Timing {
  const backoff = process.env.FAQ_SEND_BACKOFF_MS;
  const timeout = Number(process.env.FAQ_SEND_TIMEOUT_MS);
  return {
    ...DEFAULT_TIMING,
    ...(backoff !== undefined ? { backoff: backoff.split(',').filter(Boolean).map(Number) } : {}),
    ...(timeout > 0 ? { timeout } : {}),
  };
}

/** A progress line on a terminal; a plain line per message otherwise (for more than a few). */
function progressPrinter(isTerminal: boolean) {
  return (done: number, total: number, result?: MessageResult): void => {
    if (total <= 3) return;
    if (isTerminal) {
      const what = result ? `${result.status} ${result.to ?? ''}` : 'sending';
      process.stderr.write(`\r\x1b[2K[${done}/${total}] ${escapeForTerminal(what)}`);
      if (done === total && result) process.stderr.write('\n');
    } else if (result) printInfo(`faq: ${done}/${total} ${result.status}: ${result.to ?? ''}`);
  };
}

const LABELS: Record<MessageResult['status'], string> = {
  'would-send': 'would send',
  sent: 'sent',
  'already-sent': 'already sent',
  failed: 'FAILED',
  'not-tried': 'NOT SENT',
  'no-address': 'no address',
};

function printReport(report: SendReport, server?: SmtpServer): void {
  const rows = report.messages.map((m) => [
    LABELS[m.status],
    m.to ?? m.name,
    copiesOf(m),
    formatSize(m.bytes),
    m.status === 'would-send' ? m.subject : (m.reply ?? ''),
  ]);
  const head = ['status', 'to', 'copies', 'size', report.dryRun ? 'subject' : 'server reply'];
  process.stdout.write(formatTable([head, ...rows]));
  const count = (status: MessageResult['status']): number =>
    report.messages.filter((m) => m.status === status).length;
  const changed = report.messages.filter((m) => m.changed);
  if (changed.length > 0)
    printInfo(
      `faq: warning: ${changed.map((m) => m.to).join(', ')} got another text of this version (its Message-ID differs); a changed text needs a new \`updated\` (and approval) to be sent`,
    );
  if (count('no-address') > 0)
    printInfo(
      `faq: warning: ${count('no-address')} recipient(s) have no address and get no e-mail`,
    );
  if (report.dryRun) {
    const would = count('would-send');
    printInfo(
      would === 0
        ? `faq: nothing to send: every e-mail of this version was sent already (send log: ${report.log})`
        : `faq: dry run: ${would} e-mail(s) would go${server ? ` via ${server.display}` : ''}; nothing was sent (add --yes to send)`,
    );
    return;
  }
  const failed = count('failed') + count('not-tried');
  printInfo(
    count('sent') + failed === 0
      ? `faq: nothing to send: every e-mail of this version was sent already (send log: ${report.log})`
      : `faq: sent ${count('sent')}, already sent ${count('already-sent')}, not accepted ${failed} (send log: ${report.log})`,
  );
  if (failed > 0)
    printInfo('faq: run faq send again to send only the e-mails that were not accepted');
}

function copiesOf(m: MessageResult): string {
  const parts = [m.cc.length ? `cc ${m.cc.length}` : '', m.bcc.length ? `bcc ${m.bcc.length}` : ''];
  return parts.filter(Boolean).join(', ') || '-';
}

function formatSize(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} kB`;
}

function formatTable(rows: string[][]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  return rows
    .map((r) =>
      escapeForTerminal(
        r
          .map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]!)))
          .join('  ')
          .trimEnd(),
      ),
    )
    .map((line) => `${line}\n`)
    .join('');
}

/** `faq send --json`: version 1; fields are only ever added. Never the login. */
function toJson(report: SendReport, server?: SmtpServer) {
  return { version: 1, ...report, ...(server ? { server: server.display } : {}) };
}
